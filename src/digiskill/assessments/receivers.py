"""Keep the division copies of assessments in step when people move between divisions."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import OuterRef, Q, Subquery

from digiskill.assessments.models import Assessment, AssessmentItem, AssessmentStatus
from digiskill.people.models import Person

CHUNK = 500  # keeps the IN list well under SQLite's limit on query parameters


def sync_divisions(*, agency_id: int, person_ids: Iterable[int]) -> int:
    """Copy each person's division onto their current and in-progress rounds and items; return rows."""
    division = Subquery(Person.objects.filter(pk=OuterRef("person_id")).values("division_id")[:1])
    in_progress = [AssessmentStatus.DRAFT, AssessmentStatus.SUBMITTED]
    ids = sorted(set(person_ids))
    updated = 0
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        updated += Assessment.objects.filter(
            Q(is_current=True) | Q(status__in=in_progress), agency_id=agency_id, person_id__in=chunk
        ).update(division_id=division)
        updated += AssessmentItem.objects.filter(
            Q(is_current=True) | Q(assessment__status__in=in_progress),
            agency_id=agency_id,
            person_id__in=chunk,
        ).update(division_id=division)
    return updated


def on_divisions_changed(sender: Any, *, agency_id: int, person_ids: Iterable[int], **kwargs: Any) -> None:
    """Receiver of `people.signals.divisions_changed` (sent inside the writing transaction)."""
    sync_divisions(agency_id=agency_id, person_ids=person_ids)
