"""Small display helpers for people's pages."""

from __future__ import annotations

from django import template

from digiskill.accounts.models import User

register = template.Library()


@register.filter
def who(user: User | None) -> str:
    """`{{ entry.actor|who }}`: a user's full name, else their login, else "—" (the system)."""
    if user is None:
        return "—"
    return user.get_full_name() or user.get_username()
