"""Home-page panels: my self-assessment and its gaps, and assessments waiting for my review."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from digiskill.accounts.access import Actor
from digiskill.accounts.models import Role
from digiskill.assessments.selectors import (
    current_assessment,
    draft_of,
    gap_items,
    waiting_reviews,
    waiting_reviews_count,
)
from digiskill.core.selectors import Panel


def my_assessment_panel(actor: Actor) -> Panel | None:
    """Where my self-assessment stands and how many skills I still have to develop."""
    person = actor.person
    if person is None or not actor.has(Role.STAFF):
        return None
    draft = draft_of(person)
    current = current_assessment(person)
    answered = total = 0
    if draft is not None:
        total = draft.items.count()
        answered = draft.items.filter(self_has__isnull=False).count()
    return Panel(
        "my_assessment",
        _("My self-assessment"),
        "assessments/panels/mine.html",
        {
            "draft": draft,
            "current": current,
            "answered": answered,
            "total": total,
            "gaps": len(gap_items(person)) if current else 0,
            "url": reverse("assessments:mine"),
            "gaps_url": reverse("assessments:gaps"),
        },
    )


def waiting_reviews_panel(actor: Actor) -> Panel | None:
    """Self-assessments waiting for the actor's review."""
    if actor.agency is None or not actor.has(Role.SUPERVISOR, Role.HR_ADMIN):
        return None
    waiting = waiting_reviews(actor)
    if not waiting:
        return None
    return Panel(
        "waiting_reviews",
        _("Assessments waiting for my review"),
        "assessments/panels/reviews.html",
        {"waiting": waiting, "url": reverse("assessments:reviews")},
    )


def waiting_count(actor: Actor) -> int:
    """The navigation badge: how many assessments wait for the actor's review."""
    if actor.agency is None:
        return 0
    return waiting_reviews_count(actor)
