"""Template context: the actor and the navigation their roles allow (core builds the navigation)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from digiskill.core.navigation import navigation_groups


def actor(request: HttpRequest) -> dict[str, Any]:
    """Expose `actor` and `nav` to every template."""
    current = getattr(request, "actor", None)
    if current is None or not request.user.is_authenticated:
        return {"actor": None, "nav": []}
    return {"actor": current, "nav": navigation_groups(current, request.path)}
