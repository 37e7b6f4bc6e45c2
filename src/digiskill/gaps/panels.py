"""Home-page panel of the gap analysis: participation and the biggest gaps (HR and executives)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from digiskill.accounts.access import Actor
from digiskill.accounts.models import Role
from digiskill.core.selectors import Panel
from digiskill.gaps.selectors import gap_analysis

TOP = 5


def gaps_panel(actor: Actor) -> Panel | None:
    """Who has been assessed, and the five skills most people still lack."""
    if actor.agency is None or not actor.has(Role.HR_ADMIN, Role.EXECUTIVE):
        return None
    result = gap_analysis(actor.agency)
    return Panel(
        "gaps",
        _("Skills gap analysis"),
        "gaps/panels/gaps.html",
        {
            "participation": result.participation.total,
            "top": result.top_gaps(TOP),
            "url": reverse("gaps:analysis"),
        },
    )
