"""What each role's home page shows: real figures and the next step, never a blank page."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from digiskill.accounts.access import Actor
from digiskill.accounts.models import AuditEntry, Role
from digiskill.agencies.models import AgencyKind
from digiskill.people.models import Person
from digiskill.people.selectors import subordinate_ids


@dataclass
class Panel:
    """One block of the home page."""

    key: str
    title: str | Promise
    template: str
    context: dict[str, Any] = field(default_factory=dict)


PanelBuilder = Callable[[Actor], Panel | None]
PANEL_BUILDERS: list[PanelBuilder] = []


def panel(builder: PanelBuilder) -> PanelBuilder:
    """Register a home-page panel builder; apps add theirs in AppConfig.ready."""
    PANEL_BUILDERS.append(builder)
    return builder


def home_panels(actor: Actor) -> list[Panel]:
    """The panels this actor's roles call for, in registration order."""
    return [p for p in (build(actor) for build in PANEL_BUILDERS) if p is not None]


@panel
def _me(actor: Actor) -> Panel | None:
    if actor.agency is None:
        return Panel("no_agency", _("You are not in a department yet"), "core/panels/no_agency.html")
    return Panel("me", _("My record"), "core/panels/me.html", {"person": actor.person})


@panel
def _team(actor: Actor) -> Panel | None:
    me = actor.person
    if me is None or not actor.has(Role.SUPERVISOR):
        return None
    direct = me.subordinates.filter(is_active=True).count()
    return Panel(
        "team",
        _("My team"),
        "core/panels/team.html",
        {"direct": direct, "chain": len(subordinate_ids(me)), "url": reverse("people:team")},
    )


@panel
def _hr(actor: Actor) -> Panel | None:
    if actor.agency is None or not actor.has(Role.HR_ADMIN):
        return None
    people = Person.objects.filter(agency=actor.agency, is_active=True)
    return Panel(
        "hr",
        _("Your department"),
        "core/panels/hr.html",
        {
            "people": people.count(),
            "divisions": actor.agency.units.filter(kind=AgencyKind.DIVISION, is_active=True).count(),
            "without_supervisor": people.filter(supervisor__isnull=True).count(),
            "without_login": people.filter(user__isnull=True).count(),
            "recent": AuditEntry.objects.filter(agency=actor.agency).select_related("actor")[:5],
        },
    )


@panel
def _executive(actor: Actor) -> Panel | None:
    if actor.agency is None or not actor.has(Role.EXECUTIVE):
        return None
    by_division = (
        Person.objects.filter(agency=actor.agency, is_active=True)
        .values("division__name_th")
        .annotate(n=Count("id"))
        .order_by("-n", "division__name_th")
    )
    return Panel(
        "executive", _("People by division"), "core/panels/executive.html", {"rows": list(by_division)}
    )
