"""The home page of each role, the health check and the project's own 404 page."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.db import DatabaseError, connection
from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect, JsonResponse
from django.shortcuts import render
from django.urls import Resolver404, resolve
from django.views import defaults
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from digiskill.accounts.access import ActorRequest
from digiskill.core.selectors import home_panels


@login_required
def home(request: ActorRequest) -> HttpResponse:
    """What the actor should do next, one panel per role they hold."""
    return render(request, "core/home.html", {"panels": home_panels(request.actor)})


@never_cache
@require_GET
def healthz(request: HttpRequest) -> HttpResponse:
    """200 when the app can reach its database, 503 when it cannot."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as exc:
        return JsonResponse(
            {"status": "error", "database": "unreachable", "detail": type(exc).__name__}, status=503
        )
    return JsonResponse({"status": "ok", "database": "ok"})


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """The project's 404 page (`handler404`), in the person's language, never Django's URL list."""
    return defaults.page_not_found(request, exception or Http404())


def unknown_address(request: HttpRequest, path: str = "") -> HttpResponse:
    """An address no page has, with DEBUG on: the same 404 page as in production (see urls.py).

    A catch-all pattern hides the address from CommonMiddleware, so the missing slash is added here.
    """
    if settings.APPEND_SLASH and not request.path_info.endswith("/") and request.method in {"GET", "HEAD"}:
        try:
            match = resolve(request.path_info + "/")
        except Resolver404:
            match = None
        if match is not None and match.func is not unknown_address:
            return HttpResponsePermanentRedirect(request.get_full_path(force_append_slash=True))
    return page_not_found(request)
