"""The digital target (Org 1.1–1.2): vision, 1/3/5-year goals, working group, stage; versions kept."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from digiskill.accounts.access import SYSTEM, actor_of
from digiskill.accounts.models import AuditEntry
from digiskill.agencies.models import DigitalTarget
from digiskill.agencies.services import GoalInput, MemberInput, digital_target_save
from digiskill.frameworks.models import Goal, Stage
from tests.factories import Cast, load_ocsc


@pytest.fixture
def ocsc_cast(cast: Cast) -> Cast:
    load_ocsc()
    return cast


def _save(cast: Cast, stage: str = "early", vision: str = "กรมไร้กระดาษ", **extra):
    goals = [
        GoalInput(1, "output", Goal.objects.get(code="G1"), "ลดการใช้กระดาษร้อยละ 50"),
        GoalInput(3, "outcome", Goal.objects.get(code="G2"), "บริการออนไลน์ครบทุกงาน"),
        GoalInput(5, "outcome", Goal.objects.get(code="G3"), "วัฒนธรรมดิจิทัล"),
    ]
    return digital_target_save(
        actor=actor_of(cast.hr),
        agency=cast.dept,
        stage=Stage.objects.get(code=stage),
        vision=vision,
        goals=goals,
        members=[MemberInput(cast.director_person, "plan"), MemberInput(cast.staff_person, "hr")],
        **extra,
    )


def test_a_change_makes_a_new_version_and_keeps_the_old(ocsc_cast: Cast) -> None:
    first = _save(ocsc_cast)
    assert _save(ocsc_cast) == first  # unchanged: nothing written
    second = _save(ocsc_cast, stage="developing", stage_rationale="เชื่อมโยงบริการ")
    assert (first.version, second.version) == (1, 2)
    assert DigitalTarget.objects.filter(agency=ocsc_cast.dept).count() == 2
    assert first.stage.code == "early" and second.stage.code == "developing"
    assert second.goals.count() == 3 and second.members.count() == 2
    assert AuditEntry.objects.filter(action="digital_target_save").count() == 2
    assert second.created_by == ocsc_cast.hr


def test_working_group_members_must_be_of_the_department(ocsc_cast: Cast) -> None:
    with pytest.raises(ValidationError):
        digital_target_save(
            actor=SYSTEM,
            agency=ocsc_cast.dept,
            stage=Stage.objects.get(code="early"),
            vision="x",
            goals=[GoalInput(1, "output", Goal.objects.get(code="G1"), "y")],
            members=[MemberInput(ocsc_cast.outsider_person, "it")],
        )


def test_a_target_needs_a_vision_and_a_goal(ocsc_cast: Cast) -> None:
    with pytest.raises(ValidationError):
        digital_target_save(
            actor=SYSTEM, agency=ocsc_cast.dept, stage=Stage.objects.get(code="early"), vision="", goals=[]
        )


def test_hr_sets_the_target_in_the_page_and_staff_read_it(ocsc_cast: Cast, client_for) -> None:
    goal = Goal.objects.get(code="G2")
    data = {
        "vision": "บริการประชาชนได้ทุกที่ทุกเวลา",
        "stage": Stage.objects.get(code="developing").pk,
        "stage_rationale": "",
        "goals-TOTAL_FORMS": "2",
        "goals-INITIAL_FORMS": "0",
        "goals-0-horizon": "1",
        "goals-0-kind": "output",
        "goals-0-goal": goal.pk,
        "goals-0-text": "ระบบนัดหมายออนไลน์",
        "goals-1-horizon": "3",
        "goals-1-kind": "outcome",
        "goals-1-goal": goal.pk,
        "goals-1-text": "",
        "members-TOTAL_FORMS": "1",
        "members-INITIAL_FORMS": "0",
        "members-0-person": ocsc_cast.director_person.pk,
        "members-0-function": "it",
    }
    response = client_for("hr").post(reverse("agencies:target_edit"), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    target = DigitalTarget.objects.get(agency=ocsc_cast.dept)
    assert target.goals.count() == 1 and target.members.get().function == "it"
    body = client_for("staff").get(reverse("agencies:target")).content.decode()
    assert "ระบบนัดหมายออนไลน์" in body and "ระยะกำลังพัฒนา" in body
    assert reverse("agencies:target_edit") not in body  # read-only for staff
    assert "ระบบนัดหมายออนไลน์" not in client_for("outsider").get(reverse("agencies:target")).content.decode()
