"""The navigation a person sees, by role."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from digiskill.accounts.access import Actor
from digiskill.accounts.models import Role


@dataclass(frozen=True)
class NavItem:
    """One link of the main navigation."""

    label: str | Promise
    url_name: str
    roles: tuple[Role, ...]
    badge: Callable[[Actor], int] | None = None


NAV_ITEMS: list[NavItem] = [
    NavItem(_("Home"), "core:home", ()),
    NavItem(_("My team"), "people:team", (Role.SUPERVISOR,)),
    NavItem(_("People"), "people:list", (Role.HR_ADMIN, Role.EXECUTIVE)),
    NavItem(_("Audit log"), "accounts:audit", (Role.HR_ADMIN,)),
]


def register(item: NavItem, *, before: str | None = None) -> None:
    """Let an app add its own navigation item (called from its AppConfig.ready)."""
    if any(existing.url_name == item.url_name for existing in NAV_ITEMS):
        return
    index = next((i for i, e in enumerate(NAV_ITEMS) if e.url_name == before), len(NAV_ITEMS))
    NAV_ITEMS.insert(index, item)


def navigation_for(actor: Actor, path: str) -> list[dict[str, Any]]:
    """The items `actor` may open, each with its URL and whether it is the current page."""
    items = []
    for item in NAV_ITEMS:
        if item.roles and not actor.has(*item.roles):
            continue
        url = reverse(item.url_name)
        current = path == url if url == "/" else path.startswith(url)
        badge = item.badge(actor) if item.badge is not None else 0
        items.append({"label": item.label, "url": url, "current": current, "badge": badge})
    return items
