"""Links from people's pages into the catalog, only where the catalog page exists."""

from __future__ import annotations

from django import template
from django.urls import NoReverseMatch, reverse

from digiskill.frameworks.models import Role, Unit

register = template.Library()


def _catalog_url(name: str, framework_code: str, **kwargs: str) -> str:
    """The catalog page's address, or "" when the catalog has no such page (yet)."""
    try:
        return reverse(f"frameworks:{name}", kwargs={"code": framework_code, **kwargs})
    except NoReverseMatch:
        return ""


@register.simple_tag
def unit_link(unit: Unit) -> str:
    """`{% unit_link item.unit as href %}`: the unit's catalog page, or ""."""
    return _catalog_url("unit", unit.framework.code, unit=unit.code)


@register.simple_tag
def role_link(role: Role) -> str:
    """`{% role_link role as href %}`: the expected role's catalog page, or ""."""
    return _catalog_url("role", role.framework.code, role=role.code)
