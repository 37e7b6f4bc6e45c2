"""Home-page panels of the agency app: HR's set-up progress and the executives' summary."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from digiskill.accounts.access import Actor
from digiskill.accounts.models import Role
from digiskill.agencies.people_facts import people_facts
from digiskill.agencies.selectors import agency_framework, announcement_in_force, current_target, groups_of
from digiskill.core.selectors import Panel


def setup_panel(actor: Actor) -> Panel | None:
    """Where the department stands with Org 1–2, for HR administrators."""
    if actor.agency is None or not actor.has(Role.HR_ADMIN):
        return None
    agency = actor.agency
    return Panel(
        "setup",
        _("Department set-up"),
        "agencies/panels/setup.html",
        {
            "target": current_target(agency),
            "progress": people_facts().classification_progress(agency, groups_of(agency_framework(agency))),
            "announcement": announcement_in_force(agency),
            "url": reverse("agencies:setup"),
        },
    )


def summary_panel(actor: Actor) -> Panel | None:
    """People by group and classification progress, for executives."""
    if actor.agency is None or not actor.has(Role.EXECUTIVE):
        return None
    agency = actor.agency
    return Panel(
        "groups",
        _("People by group"),
        "agencies/panels/summary.html",
        {
            "progress": people_facts().classification_progress(agency, groups_of(agency_framework(agency))),
            "url": reverse("agencies:summary"),
        },
    )
