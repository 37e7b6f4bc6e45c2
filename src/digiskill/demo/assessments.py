"""Demo self-assessments (Ind 3.1–3.2) for `digiskill load-demo`.

Most people of a group with announced skills get an agreed round with plausible gaps (a few have
not started); demo-supervisor has two agreed rounds, so the history and the comparison show
something; one of demo-supervisor's team waits for their review; demo-staff's own round is a
draft with the first step answered, for the demo user to finish. Everything is written through
the services. Idempotent: anyone who already has a round is left alone.
"""

from __future__ import annotations

import random

from digiskill.accounts.access import SYSTEM
from digiskill.agencies.models import Agency
from digiskill.agencies.selectors import announcement_groups, announcement_in_force
from digiskill.assessments.models import Assessment, AssessmentItem
from digiskill.assessments.selectors import steps_of
from digiskill.assessments.services import (
    Answer,
    ItemReview,
    assessment_answers_save,
    assessment_review_complete,
    assessment_start,
    assessment_submit,
)
from digiskill.people.models import Person

HAVE = ["ใช้เป็นประจำในงานที่รับผิดชอบ", "ผ่านการอบรมหลักสูตรที่เกี่ยวข้องแล้ว", "เคยรับผิดชอบโครงการที่ใช้ทักษะนี้"]
GAP = ["ยังไม่เคยได้ใช้ในงาน", "ต้องการอบรมเพิ่มเติม", "เคยเรียนรู้เบื้องต้น แต่ยังไม่มั่นใจ"]
SAYS_GAP = "จากผลงานที่ผ่านมา เห็นว่ายังต้องพัฒนาเพิ่มเติม"
SAYS_HAS = "ได้ใช้ทักษะนี้ในงานของกลุ่มงานแล้ว"
OVERALL = "เห็นชอบผลการประเมิน และจะสนับสนุนการพัฒนาตามลำดับความสำคัญที่ตกลงกัน"
NOT_STARTED = 0.12  # share of people who have not assessed themselves yet


def demo_assessments(dept: Agency) -> None:
    """Add the demo self-assessments to the demo department (people with a round are left alone)."""
    announcement = announcement_in_force(dept)
    if announcement is None:
        return
    with_items = {g.group_id for g in announcement_groups(announcement) if g.items.all()}
    staff = Person.objects.filter(agency=dept, user__username="demo-staff").first()
    boss = Person.objects.filter(agency=dept, user__username="demo-supervisor").first()
    people = list(
        Person.objects.filter(agency=dept, is_active=True, group_id__in=with_items)
        .select_related("supervisor", "user", "group")
        .order_by("pk")
    )
    started = set(Assessment.objects.filter(agency=dept).values_list("person_id", flat=True))
    waiting = next(
        (p for p in people if boss is not None and p.supervisor_id == boss.pk and p != staff), None
    )
    for person in people:
        if person.pk in started:
            continue
        rng = random.Random(f"demo-assessment-{person.national_id}")
        if person == staff:
            _draft(person, rng)
        elif person == waiting:
            _submitted(person, rng, quiet=False)
        elif person == boss:
            _agreed(person, rng)
            _agreed(person, rng, better=True)
        elif rng.random() >= NOT_STARTED:
            _agreed(person, rng)


def _answers(items: list[AssessmentItem], rng: random.Random, *, better: bool = False) -> list[Answer]:
    """Plausible answers: most basics had, fewer abilities; a later round closes some gaps."""
    answers = []
    for item in items:
        chance = 0.55 if item.unit_id else 0.7
        has = bool(item.self_has) or rng.random() < (0.5 if better else chance)
        level = rng.choice([3, 4, 4, 5]) if has else rng.choice([1, 2, 2])
        comment = rng.choice(HAVE if has else GAP) if rng.random() < 0.35 else ""
        answers.append(Answer(item.pk, has, level if rng.random() < 0.85 else None, comment))
    return answers


def _draft(person: Person, rng: random.Random) -> Assessment:
    """A round with the first step answered."""
    assessment = assessment_start(actor=SYSTEM, person=person)
    first = steps_of(assessment.items.select_related("component").order_by("order", "id"))[0]
    assessment_answers_save(actor=SYSTEM, assessment=assessment, answers=_answers(first.items, rng))
    return assessment


def _submitted(person: Person, rng: random.Random, *, quiet: bool, better: bool = False) -> Assessment:
    """A round answered in full and submitted for review."""
    assessment = assessment_start(actor=SYSTEM, person=person)
    items = list(assessment.items.order_by("order", "id"))
    assessment_answers_save(actor=SYSTEM, assessment=assessment, answers=_answers(items, rng, better=better))
    return assessment_submit(actor=SYSTEM, assessment=assessment, quiet=quiet)


def _agreed(person: Person, rng: random.Random, *, better: bool = False) -> Assessment:
    """A round answered, submitted and reviewed: the supervisor mostly agrees; gaps get priorities."""
    assessment = _submitted(person, rng, quiet=True, better=better)
    items = list(assessment.items.order_by("order", "id"))
    decisions = []
    for item in items:
        agrees = rng.random() < 0.9
        agreed = item.self_has if agrees else not item.self_has
        decisions.append((item, agrees, agreed))
    gaps = [item.pk for item, _agrees, agreed in decisions if not agreed]
    rng.shuffle(gaps)
    priority = {pk: n for n, pk in enumerate(gaps, start=1)}
    reviews = [
        ItemReview(
            item.pk,
            agrees,
            "" if agrees else (SAYS_HAS if agreed else SAYS_GAP),
            priority.get(item.pk),
        )
        for item, agrees, agreed in decisions
    ]
    return assessment_review_complete(
        actor=SYSTEM, assessment=assessment, reviews=reviews, comment=OVERALL, quiet=True
    )
