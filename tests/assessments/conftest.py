"""Fixtures of the self-assessment tests: OCSC loaded, the A group's skills announced, the staff
member in the A group; and rounds at each stage."""

from __future__ import annotations

import pytest

from digiskill.accounts.access import actor_of
from digiskill.assessments.models import Assessment
from digiskill.assessments.services import (
    Answer,
    ItemReview,
    assessment_answers_save,
    assessment_review_complete,
    assessment_start,
    assessment_submit,
)
from digiskill.frameworks.models import PersonnelGroup
from digiskill.people.models import Person
from tests.factories import Cast, load_ocsc, publish_announcement


@pytest.fixture(autouse=True)
def _evidence_in_tmp(settings, tmp_path) -> None:
    """Evidence files uploaded by the tests go to a temporary folder, not var/media."""
    settings.MEDIA_ROOT = tmp_path / "media"


def group_a() -> PersonnelGroup:
    return PersonnelGroup.objects.get(framework__code="OCSC-2561", code="A")


@pytest.fixture
def world(cast: Cast) -> Cast:
    """The cast's department with an announcement in force; the staff member is in the A group."""
    load_ocsc()
    publish_announcement(cast.dept)
    Person.objects.filter(pk=cast.staff_person.pk).update(group=group_a())
    cast.staff_person.refresh_from_db()
    return cast


def answer_all(cast: Cast, assessment: Assessment, *, gaps_every: int = 2) -> None:
    """Answer every item: every `gaps_every`-th one (from the first) is "not yet"."""
    items = list(assessment.items.order_by("order", "id"))
    answers = [
        Answer(i.pk, n % gaps_every != 0, 2 if n % gaps_every == 0 else 4) for n, i in enumerate(items)
    ]
    assessment_answers_save(actor=actor_of(cast.staff), assessment=assessment, answers=answers)


def agree_all(cast: Cast, assessment: Assessment) -> Assessment:
    """The supervisor agrees with everything; the gaps get priorities in reverse order."""
    items = list(assessment.items.order_by("order", "id"))
    gaps = [i for i in items if i.self_has is False]
    priority = {i.pk: len(gaps) - n for n, i in enumerate(gaps)}
    reviews = [ItemReview(i.pk, True, "", priority.get(i.pk)) for i in items]
    return assessment_review_complete(actor=actor_of(cast.supervisor), assessment=assessment, reviews=reviews)


@pytest.fixture
def draft(world: Cast) -> Assessment:
    """The staff member's first round, just started."""
    return assessment_start(actor=actor_of(world.staff), person=world.staff_person)


@pytest.fixture
def submitted(world: Cast, draft: Assessment) -> Assessment:
    """The first round, answered in full and submitted."""
    answer_all(world, draft)
    return assessment_submit(actor=actor_of(world.staff), assessment=draft)


@pytest.fixture
def agreed(world: Cast, submitted: Assessment) -> Assessment:
    """The first round, reviewed and agreed by the supervisor."""
    return agree_all(world, submitted)
