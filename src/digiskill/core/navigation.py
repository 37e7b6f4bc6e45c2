"""The navigation a person sees, by role, in a few groups (me, my team, department, catalog, system)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from digiskill.accounts.access import Actor
from digiskill.accounts.models import Role


class NavGroup(StrEnum):
    """The top-level groups of the navigation, in the order they are shown."""

    ME = "me"
    TEAM = "team"
    DEPARTMENT = "department"
    CATALOG = "catalog"
    SYSTEM = "system"


GROUP_LABELS: dict[NavGroup, str | Promise] = {
    NavGroup.ME: pgettext_lazy("navigation group", "Me"),
    NavGroup.TEAM: pgettext_lazy("navigation group", "My team"),
    NavGroup.DEPARTMENT: pgettext_lazy("navigation group", "Department"),
    NavGroup.CATALOG: pgettext_lazy("navigation group", "Catalog"),
    NavGroup.SYSTEM: pgettext_lazy("navigation group", "System"),
}


@dataclass(frozen=True)
class NavItem:
    """One link of the main navigation, shown in its group's menu."""

    label: str | Promise
    url_name: str
    roles: tuple[Role, ...]
    badge: Callable[[Actor], int] | None = None
    group: NavGroup | None = None


NAV_ITEMS: list[NavItem] = [
    NavItem(_("Home"), "core:home", (), group=NavGroup.ME),
    NavItem(_("My team"), "people:team", (Role.SUPERVISOR,), group=NavGroup.TEAM),
    NavItem(_("People"), "people:list", (Role.HR_ADMIN, Role.EXECUTIVE), group=NavGroup.DEPARTMENT),
    NavItem(_("Audit log"), "accounts:audit", (Role.HR_ADMIN,), group=NavGroup.SYSTEM),
]


def register(item: NavItem, *, before: str | None = None) -> None:
    """Let an app add its own navigation item (called from its AppConfig.ready)."""
    if any(existing.url_name == item.url_name for existing in NAV_ITEMS):
        return
    index = next((i for i, e in enumerate(NAV_ITEMS) if e.url_name == before), len(NAV_ITEMS))
    NAV_ITEMS.insert(index, item)


def group_of(item: NavItem) -> NavGroup:
    """The item's group; an item registered without one goes where its roles suggest."""
    if item.group is not None:
        return item.group
    # A fallback so that an entry someone forgot to group still shows up somewhere sensible.
    if Role.SYSTEM_ADMIN in item.roles:
        return NavGroup.SYSTEM
    if Role.HR_ADMIN in item.roles or Role.EXECUTIVE in item.roles:
        return NavGroup.DEPARTMENT
    if Role.SUPERVISOR in item.roles:
        return NavGroup.TEAM
    return NavGroup.ME


def navigation_for(actor: Actor, path: str) -> list[dict[str, Any]]:
    """The items `actor` may open, each with its URL, group and whether it is the current page."""
    items: list[dict[str, Any]] = []
    for item in NAV_ITEMS:
        if item.roles and not actor.has(*item.roles):
            continue
        url = reverse(item.url_name)
        badge = item.badge(actor) if item.badge is not None else 0
        items.append(
            {"label": item.label, "url": url, "current": False, "badge": badge, "group": group_of(item)}
        )
    # The current page is the longest matching URL: /people/team/ is "My team", not also "People".
    matching = [i for i in items if (path == i["url"] if i["url"] == "/" else path.startswith(i["url"]))]
    if matching:
        max(matching, key=lambda i: len(i["url"]))["current"] = True
    return items


def navigation_groups(actor: Actor, path: str) -> list[dict[str, Any]]:
    """The navigation as its groups, in order, leaving out the groups with nothing for `actor`.

    Each group has its label, its items, whether it holds the current page, and the sum of its
    items' badges (so an unread count is seen while the group is closed).
    """
    items = navigation_for(actor, path)
    groups = []
    for group in NavGroup:
        members = [i for i in items if i["group"] == group]
        if not members:
            continue
        groups.append(
            {
                "key": group.value,
                "label": GROUP_LABELS[group],
                "items": members,
                "current": any(i["current"] for i in members),
                "badge": sum(i["badge"] for i in members),
            }
        )
    return groups
