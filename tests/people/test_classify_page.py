"""Classifying a department of thousands: paged and filtered in the database, a bulk proposal for
every division with its count, and a proposal message that says who it went to."""

from __future__ import annotations

import random

from django.urls import reverse

from digiskill.agencies.models import AgencyKind
from digiskill.frameworks.models import PersonnelGroup
from digiskill.lib.national_id import generate_national_id
from digiskill.people.models import Classification, ClassificationStatus, Person
from tests.factories import Cast

rng = random.Random(41)


def crowd(cast: Cast, n: int, division_index: int = 1) -> list[Person]:
    """n unclassified people in one division, with a workload the rule can use."""
    division = cast.dept.units.filter(kind=AgencyKind.DIVISION).order_by("code")[division_index - 1]
    people = [
        Person(
            agency=cast.dept,
            division=division,
            national_id=generate_national_id(rng),
            first_name=f"คนที่{i:04d}",
            last_name="ทดสอบ",
            position="นักวิชาการ",
            workload={"S": 100},
        )
        for i in range(n)
    ]
    return Person.objects.bulk_create(people)


def test_everyone_can_be_reached_page_by_page(cast: Cast, ocsc, client_for) -> None:
    crowd(cast, 120)
    hr = client_for("hr")
    url = reverse("people:classify_division")
    total = Person.objects.filter(agency=cast.dept, is_active=True, group__isnull=True).count()
    pages = [hr.get(url, {"page": n}).content.decode() for n in (1, 2, 3)]
    assert f"{total} คน" in pages[0] and "หน้า 1 จาก 3" in pages[0]
    shown = {i for i in range(120) for page in pages if f"คนที่{i:04d}" in page}
    assert shown == set(range(120))  # no silent cut at 200, or at any page size


def test_filters_by_division_group_and_status(cast: Cast, ocsc, client_for) -> None:
    people = crowd(cast, 3, division_index=2)
    group = PersonnelGroup.objects.get(framework=ocsc, code="S")
    Classification.objects.create(
        agency=cast.dept, person=people[0], group=group, status=ClassificationStatus.PROPOSED
    )
    division = people[0].division
    hr = client_for("hr")
    url = reverse("people:classify_division")
    in_division = hr.get(url, {"division": division.pk}).content.decode()
    assert all(p.first_name in in_division for p in people)
    assert cast.staff_person.full_name not in in_division
    proposed = hr.get(url, {"status": "proposed"}).content.decode()
    assert people[0].first_name in proposed and people[1].first_name not in proposed
    no_proposal = hr.get(url, {"status": "no_proposal", "division": division.pk}).content.decode()
    assert people[0].first_name not in no_proposal and people[1].first_name in no_proposal
    Person.objects.filter(pk=people[2].pk).update(group=group)
    classified = hr.get(url, {"status": "classified", "group": "S"}).content.decode()
    assert people[2].first_name in classified and people[1].first_name not in classified


def test_every_division_has_its_bulk_proposal_with_a_count(cast: Cast, ocsc, client_for) -> None:
    crowd(cast, 7, division_index=2)
    hr = client_for("hr")
    url = reverse("people:classify_division")
    page = hr.get(url).content.decode()
    assert 'id="division-backlog"' in page
    division = cast.dept.units.filter(kind=AgencyKind.DIVISION).order_by("code")[1]
    assert "เสนอกลุ่มให้ 7 คน" in page
    hr.post(url, {"division": division.pk})
    steps = Classification.objects.filter(person__division=division, status=ClassificationStatus.PROPOSED)
    assert steps.count() == 7
    assert "เสนอกลุ่มให้ 7 คน" not in hr.get(url).content.decode()


def test_a_proposal_says_who_it_went_to(cast: Cast, ocsc, client_for) -> None:
    group = PersonnelGroup.objects.get(framework=ocsc, code="S")
    hr = client_for("hr")
    data = {"group": group.pk}
    with_boss = hr.post(reverse("people:propose", args=[cast.staff_person.pk]), data, follow=True)
    assert f"ส่งข้อเสนอถึงผู้บังคับบัญชา {cast.supervisor_person.full_name} แล้ว" in with_boss.content.decode()
    alone = hr.post(reverse("people:propose", args=[cast.director_person.pk]), data, follow=True)
    html = alone.content.decode()
    assert "ไม่มีผู้บังคับบัญชา จึงส่งข้อเสนอถึงผู้ดูแลงานทรัพยากรบุคคลของกรม" in html
    assert "ส่งข้อเสนอถึงผู้บังคับบัญชา" not in html
