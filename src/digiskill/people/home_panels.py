"""Home-page panels about the department's people: my team, HR's department, people by division.

They were core's, but core sits below people in the layers; the people app registers them in its
AppConfig.ready, right after core's own "my record" panel, so the home page reads as before.
"""

from __future__ import annotations

from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from digiskill.accounts.access import Actor
from digiskill.accounts.models import AuditEntry, Role
from digiskill.agencies.models import AgencyKind
from digiskill.core.selectors import Panel
from digiskill.people.models import Person
from digiskill.people.selectors import subordinate_ids


def team_panel(actor: Actor) -> Panel | None:
    """The supervisor's direct reports and whole chain."""
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


def hr_panel(actor: Actor) -> Panel | None:
    """HR's figures of the department and its latest audit entries."""
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


def executive_panel(actor: Actor) -> Panel | None:
    """Active people by division, for executives."""
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
