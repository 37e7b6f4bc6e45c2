"""Home-page panels of the plans app: my plan, plans waiting for me, and late approvals for HR."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from digiskill.accounts.access import Actor
from digiskill.accounts.models import Role
from digiskill.core.selectors import Panel
from digiskill.plans.selectors import (
    approval_limit,
    current_plan,
    overdue_approvals,
    this_fiscal_year,
    waiting_for,
)


def waiting_count(actor: Actor) -> int:
    """How many plans wait for the actor's approval (the navigation badge)."""
    if actor.agency is None or not actor.has(Role.SUPERVISOR, Role.HR_ADMIN):
        return 0
    return len(waiting_for(actor))


def my_plan_panel(actor: Actor) -> Panel | None:
    """This fiscal year's plan of the person: its status and where to go next."""
    if actor.person is None:
        return None
    year = this_fiscal_year()
    return Panel(
        "my_plan",
        _("My development plan"),
        "plans/panels/my_plan.html",
        {"plan": current_plan(actor.person, year), "year": year, "url": reverse("plans:mine")},
    )


def waiting_panel(actor: Actor) -> Panel | None:
    """Plans the supervisor (or HR in their place) should approve, and since when."""
    if actor.agency is None or not actor.has(Role.SUPERVISOR, Role.HR_ADMIN):
        return None
    rows = waiting_for(actor)
    if not rows:
        return None
    return Panel(
        "plans_waiting",
        _("Plans waiting for you"),
        "plans/panels/waiting.html",
        {"rows": rows, "url": reverse("plans:waiting")},
    )


def overdue_panel(actor: Actor) -> Panel | None:
    """HR: how many approvals have waited longer than the department's limit."""
    if actor.agency is None or not actor.has(Role.HR_ADMIN):
        return None
    rows = overdue_approvals(actor.agency)
    if not rows:
        return None
    return Panel(
        "plans_overdue",
        _("Late plan approvals"),
        "plans/panels/overdue.html",
        {"count": len(rows), "limit": approval_limit(actor.agency), "url": reverse("plans:overdue")},
    )
