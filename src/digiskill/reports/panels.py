"""Home-page panel of the reports app: how far the department's plans are, for HR."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from digiskill.accounts.access import Actor
from digiskill.accounts.models import Role
from digiskill.core.selectors import Panel
from digiskill.plans.selectors import approval_limit, overdue_approvals, this_fiscal_year
from digiskill.reports.selectors import plan_completion


def plans_panel(actor: Actor) -> Panel | None:
    """This year's share of plans submitted, and approvals waiting longer than the department allows."""
    agency = actor.agency
    if agency is None or not actor.has(Role.HR_ADMIN):
        return None
    year = this_fiscal_year()
    return Panel(
        "plan_reports",
        _("Development plans"),
        "reports/panels/plans.html",
        {
            "year": year,
            "submitted_percent": plan_completion(agency, year).total.submitted_percent,
            "overdue": len(overdue_approvals(agency)),
            "limit": approval_limit(agency),
            "url": reverse("reports:plans") + f"?year={year}",
        },
    )
