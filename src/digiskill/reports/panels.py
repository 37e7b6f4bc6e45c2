"""Home-page panel of the reports app: how far the department's plans are, for HR."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from digiskill.accounts.access import Actor
from digiskill.accounts.models import Role
from digiskill.core.selectors import Panel
from digiskill.reports.selectors import (
    approval_limit_days,
    current_fiscal_year,
    overdue_approvals_count,
    plan_completion,
)


def plans_panel(actor: Actor) -> Panel | None:
    """This year's share of plans submitted, and approvals waiting longer than the department allows."""
    agency = actor.agency
    if agency is None or not actor.has(Role.HR_ADMIN):
        return None
    year = current_fiscal_year()
    return Panel(
        "plan_reports",
        _("Development plans"),
        "reports/panels/plans.html",
        {
            "year": year,
            "submitted_percent": plan_completion(agency, year).total.submitted_percent,
            "overdue": overdue_approvals_count(agency),
            "limit": approval_limit_days(agency),
            "url": reverse("reports:plans") + f"?year={year}",
        },
    )
