"""/api/v1: one NinjaAPI assembled from each app's `apis.py` (a `router` named after the app).

Authentication is the logged-in session (CSRF-protected for writes); the same services and
access helpers as the HTML views sit behind every endpoint. OpenAPI: /api/v1/openapi.json.
"""

from __future__ import annotations

import importlib

from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.security import SessionAuth

api = NinjaAPI(
    title="DigiSkill API",
    version="1",
    urls_namespace="api",
    auth=SessionAuth(),
    description="อินเทอร์เฟซโปรแกรมของ DigiSkill / The DigiSkill programming interface. "
    "Log in first; the session cookie authenticates every call.",
)


@api.exception_handler(Http404)
def _not_found(request: HttpRequest, exc: Exception) -> HttpResponse:
    return api.create_response(request, {"detail": "ไม่พบ / Not found"}, status=404)


@api.exception_handler(PermissionDenied)
def _forbidden(request: HttpRequest, exc: Exception) -> HttpResponse:
    return api.create_response(request, {"detail": "ไม่มีสิทธิ์ / Forbidden"}, status=403)


def _discover() -> None:
    """Mount the `router` of every DigiSkill app that has an `apis` module, under its label."""
    for config in apps.get_app_configs():
        if not config.name.startswith("digiskill.") or config.name == "digiskill.api":
            continue
        try:
            module = importlib.import_module(f"{config.name}.apis")
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.apis":
                raise
            continue
        api.add_router(f"/{config.label}/", module.router)


_discover()
