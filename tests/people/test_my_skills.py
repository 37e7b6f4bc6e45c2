"""Ind 2: a person's group, expected role and required skills; and who sees what."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from digiskill.accounts.access import actor_of
from digiskill.frameworks.models import PersonnelGroup
from digiskill.people.services import classification_agree, classification_propose
from tests.factories import Cast, publish_announcement


@pytest.fixture
def announced(cast: Cast, ocsc) -> Cast:
    publish_announcement(cast.dept)
    classification_propose(
        actor=actor_of(cast.staff), person=cast.staff_person, group=PersonnelGroup.objects.get(code="A")
    )
    classification_agree(actor=actor_of(cast.supervisor), person=cast.staff_person)
    return cast


def test_my_digital_skills_shows_group_role_and_the_four_components(announced: Cast, client_for) -> None:
    body = client_for("staff").get(reverse("people:my_skills")).content.decode()
    assert "ทักษะด้านดิจิทัลของฉัน" in body
    assert "กลุ่มผู้ทำงานด้านนโยบายและวิชาการ" in body
    assert "A1 ผู้ใช้ข้อมูลดิจิทัลที่ทันสมัย" in body
    assert "สามารถวิเคราะห์และใช้ข้อมูล" in body  # the role's description
    for component in ("ความสามารถ", "ความรู้", "ประสบการณ์", "คุณลักษณะ", "สมรรถนะ"):
        assert component in body
    assert "DTR100" in body
    assert 'href="/catalog/OCSC-2561/units/DTR100/"' in body


def test_before_classification_the_page_says_so(cast: Cast, ocsc, client_for) -> None:
    publish_announcement(cast.dept)
    body = client_for("supervisor").get(reverse("people:my_skills")).content.decode()
    assert "ยังไม่ได้จำแนกกลุ่ม" in body


def test_an_announcement_not_yet_in_force_is_not_applied(cast: Cast, ocsc, client_for) -> None:
    publish_announcement(cast.dept, effective_date=dt.date.today() + dt.timedelta(days=30))
    body = client_for("staff").get(reverse("people:my_skills")).content.decode()
    assert "ยังไม่ได้ประกาศ" in body


def test_the_home_page_shows_my_skills_panel(announced: Cast, client_for) -> None:
    body = client_for("staff").get(reverse("core:home")).content.decode()
    assert "A1 ผู้ใช้ข้อมูลดิจิทัลที่ทันสมัย" in body
    assert reverse("people:my_skills") in body


def test_the_executive_sees_counts_by_group(announced: Cast, client_for) -> None:
    body = client_for("executive").get(reverse("agencies:summary")).content.decode()
    assert "กลุ่มผู้ทำงานด้านนโยบายและวิชาการ" in body
    assert 'id="group-counts"' in body
    home = client_for("executive").get(reverse("core:home")).content.decode()
    assert "จำแนกแล้ว" in home


def test_hr_filters_people_by_group(announced: Cast, client_for) -> None:
    hr = client_for("hr")
    staff_link = reverse("people:detail", kwargs={"pk": announced.staff_person.pk})
    supervisor_link = reverse("people:detail", kwargs={"pk": announced.supervisor_person.pk})
    body = hr.get(reverse("people:list"), {"group": "A"}).content.decode()
    assert staff_link in body and supervisor_link not in body
    body = hr.get(reverse("people:list"), {"group": "-"}).content.decode()
    assert supervisor_link in body and staff_link not in body


def test_staff_see_only_themselves(announced: Cast, client_for) -> None:
    staff = client_for("staff")
    assert (
        staff.get(reverse("people:detail", kwargs={"pk": announced.supervisor_person.pk})).status_code == 403
    )
    assert staff.get(reverse("people:list")).status_code == 403
