"""The gap analysis read after real self-assessments and reviews written by the services.

The analysis scans the copies each item row carries (department, person, division, group, unit,
`is_current`); the other gap tests write those rows by hand. Here the rounds go through
`assessments.services` (start, answer, submit, review with a disagreement, a reassessment) and a
person moves division through `people.services.person_save`, and the cells are checked against a
count made from the answers and reviews themselves, so the copies cannot drift unseen.
"""

from __future__ import annotations

from collections import Counter

import pytest

from digiskill.accounts.access import SYSTEM, actor_of
from digiskill.agencies.models import AgencyKind, AnnouncementGroup
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
from digiskill.gaps.selectors import GapAnalysis, gap_analysis
from digiskill.people.models import Person
from digiskill.people.services import person_save
from tests.factories import Cast, publish_announcement

pytestmark = pytest.mark.django_db


def _unit_items(assessment: Assessment) -> list:
    return list(assessment.items.filter(unit__isnull=False).select_related("unit").order_by("order", "id"))


def _answer(user, assessment: Assessment, lacking: set[str]) -> None:
    """Answer every item: "not yet" for the units in `lacking`, "have" for everything else."""
    answers = []
    for item in assessment.items.select_related("unit").order_by("order", "id"):
        has = not (item.unit is not None and item.unit.code in lacking)
        answers.append(Answer(item.pk, has, 3 if has else 1))
    assessment_answers_save(actor=actor_of(user), assessment=assessment, answers=answers)


def _review(reviewer, assessment: Assessment, disagree: set[str] = frozenset()) -> Assessment:
    """Agree with every answer except those of the units in `disagree`; gaps get priorities."""
    items = list(assessment.items.select_related("unit").order_by("order", "id"))
    reviews, priority = [], 1
    for item in items:
        agrees = not (item.unit is not None and item.unit.code in disagree)
        agreed_has = item.self_has if agrees else not item.self_has
        reviews.append(
            ItemReview(item.pk, agrees, "" if agrees else "เห็นต่าง", None if agreed_has else priority)
        )
        priority += 0 if agreed_has else 1
    return assessment_review_complete(actor=actor_of(reviewer), assessment=assessment, reviews=reviews)


def _round(
    cast_user, person: Person, reviewer, lacking: set[str], disagree: set[str] = frozenset()
) -> Assessment:
    assessment = assessment_start(actor=actor_of(cast_user), person=person)
    _answer(cast_user, assessment, lacking)
    return _review(reviewer, assessment_submit(actor=actor_of(cast_user), assessment=assessment), disagree)


def _cells(analysis: GapAnalysis) -> dict[tuple[str, str, str], tuple[int, int]]:
    """(division name, group code, unit code) → (lacking, assessed), for every assessed unit cell."""
    found = {}
    for row in analysis.rows:
        division = row.division.name_th if row.division else ""
        group = row.group.code if row.group else ""
        for column, cell in zip(analysis.columns, row.cells, strict=True):
            if cell.assessed:
                found[(division, group, column.code)] = (cell.lacking, cell.assessed)
    return found


def _expected(
    results: dict[Person, tuple[Assessment, set[str]]],
) -> dict[tuple[str, str, str], tuple[int, int]]:
    """The same cells counted from the people's records and the units each one was agreed to lack."""
    lacking: Counter = Counter()
    assessed: Counter = Counter()
    for person, (assessment, gaps) in results.items():
        person.refresh_from_db()
        for item in _unit_items(assessment):
            key = (person.division.name_th, person.group.code, item.unit.code)
            assessed[key] += 1
            lacking[key] += item.unit.code in gaps
    return {key: (lacking[key], assessed[key]) for key in assessed}


@pytest.fixture
def world(cast: Cast, ocsc) -> Cast:
    publish_announcement(cast.dept)
    group_a = PersonnelGroup.objects.get(framework=ocsc, code="A")
    Person.objects.filter(pk__in=[cast.staff_person.pk, cast.supervisor_person.pk]).update(group=group_a)
    cast.staff_person.refresh_from_db()
    cast.supervisor_person.refresh_from_db()
    return cast


def test_the_analysis_follows_rounds_reviews_and_moves(world: Cast) -> None:
    cast = world
    entry = AnnouncementGroup.objects.get(announcement__agency=cast.dept, group_id=cast.staff_person.group_id)
    units = [
        i.unit.code for i in entry.items.filter(unit__isnull=False).select_related("unit").order_by("pk")
    ]
    assert len(units) >= 3, units
    a, b, c = units[:3]

    # The staff member lacks a and b; the supervisor agrees.
    staff_round = _round(cast.staff, cast.staff_person, cast.supervisor, {a, b})
    # The supervisor says they lack c; the director disagrees on c (they have it) and on a (they lack it).
    boss_round = _round(cast.supervisor, cast.supervisor_person, cast.director, {c}, disagree={a, c})
    results = {cast.staff_person: (staff_round, {a, b}), cast.supervisor_person: (boss_round, {a})}
    assert _cells(gap_analysis(cast.dept)) == _expected(results)

    # A reassessment replaces the staff member's result: now only c is lacking.
    again = _round(cast.staff, cast.staff_person, cast.supervisor, {c})
    results[cast.staff_person] = (again, {c})
    analysis = gap_analysis(cast.dept)
    assert _cells(analysis) == _expected(results)
    assert analysis.participation.total.assessed == 2

    # The staff member moves to the second division through the people service: the analysis follows.
    second = cast.dept.units.filter(kind=AgencyKind.DIVISION).order_by("code").last()
    person = cast.staff_person
    person_save(
        actor=SYSTEM,
        agency=cast.dept,
        national_id=person.national_id,
        division=second,
        supervisor=person.supervisor,
        title=person.title,
        first_name=person.first_name,
        last_name=person.last_name,
        position=person.position,
    )
    moved = _cells(gap_analysis(cast.dept))
    assert moved == _expected(results)
    assert {division for division, _g, _u in moved} == {
        second.name_th,
        cast.supervisor_person.division.name_th,
    }
    assert moved[(second.name_th, "A", c)] == (1, 1)
