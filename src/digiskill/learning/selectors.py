"""Reads of the learning-resource catalog: what a department sees, and suggestions for a gap."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from digiskill.agencies.models import Agency
from digiskill.learning.models import LearningResource


def resources_for_agency(agency: Agency | None) -> QuerySet[LearningResource]:
    """Active resources a department sees: the shared ones and its own."""
    shared = Q(agency__isnull=True)
    mine = Q(agency=agency) if agency is not None else Q(pk__in=[])
    return LearningResource.objects.filter(shared | mine, is_active=True)


def suggest_for(
    agency: Agency | None, *, unit_id: int | None = None, text: str = "", limit: int = 3
) -> list[LearningResource]:
    """Resources for one required item: those linked to its unit, else those whose topics match its text.

    The department's own resources come before the shared ones; then the shortest first.
    """
    rows = resources_for_agency(agency)
    if unit_id is not None:
        rows = rows.filter(units__id=unit_id)
    else:
        words = [w for w in text.split() if len(w) > 2][:1]
        needle = text.strip()[:60]
        if not needle:
            return []
        rows = rows.filter(
            Q(topics__icontains=needle)
            | Q(title__icontains=needle)
            | Q(topics__icontains=words[0] if words else needle)
        )
    return list(rows.distinct().order_by("agency_id", "hours", "title")[:limit])
