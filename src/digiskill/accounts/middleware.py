"""Attach the acting user's `Actor` to each request and the client address to audit rows."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.functional import SimpleLazyObject

from digiskill.accounts.access import Actor, actor_for
from digiskill.accounts.audit import client_address

SESSION_AGENCY_KEY = "digiskill_agency_id"


def request_client_address(request: HttpRequest) -> str | None:
    """The client's address, trusting X-Forwarded-For only behind the configured proxies."""
    proxies = getattr(settings, "AXES_IPWARE_PROXY_COUNT", 0) or 0
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies and forwarded:
        hops = [h.strip() for h in forwarded.split(",") if h.strip()]
        if len(hops) >= proxies:
            return str(hops[-proxies])
    remote: str | None = request.META.get("REMOTE_ADDR")
    return remote or None


class ActorMiddleware:
    """Set `request.actor` lazily (None when anonymous) and the audit client address."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        def build() -> Actor | None:
            user = request.user
            if not user.is_authenticated:
                return None
            return actor_for(user, request.session.get(SESSION_AGENCY_KEY))

        request.actor = SimpleLazyObject(build)  # type: ignore[attr-defined]
        with client_address(request_client_address(request)):
            return self.get_response(request)
