"""Classification (Ind 1): the person or HR proposes, the supervisor agrees or changes with a reason,
the next-level supervisor approves a person-specific role for work spanning several groups."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from digiskill.accounts.access import actor_of
from digiskill.accounts.models import AuditEntry
from digiskill.agencies.models import AgencyKind
from digiskill.frameworks.models import PersonnelGroup
from digiskill.people.models import ClassificationStatus, Person
from digiskill.people.services import (
    classification_agree,
    classification_approve,
    classification_bulk_propose,
    classification_change,
    classification_propose,
)
from tests.factories import Cast, make_person


@pytest.fixture
def c(cast: Cast, ocsc) -> Cast:
    return cast


def group(code: str) -> PersonnelGroup:
    return PersonnelGroup.objects.get(code=code)


def fresh(person: Person) -> Person:
    return Person.objects.get(pk=person.pk)


def test_propose_then_the_supervisor_agrees(c: Cast) -> None:
    step = classification_propose(actor=actor_of(c.staff), person=c.staff_person, group=group("S"))
    assert step.status == ClassificationStatus.PROPOSED
    assert fresh(c.staff_person).group is None
    step = classification_agree(actor=actor_of(c.supervisor), person=c.staff_person)
    assert step.is_final
    assert fresh(c.staff_person).group.code == "S"
    assert AuditEntry.objects.filter(action="classification_agreed").count() == 1


def test_the_supervisor_changes_the_group_only_with_a_reason(c: Cast) -> None:
    classification_propose(actor=actor_of(c.hr), person=c.staff_person, group=group("S"))
    with pytest.raises(ValidationError):
        classification_change(
            actor=actor_of(c.supervisor), person=c.staff_person, group=group("A"), reason=" "
        )
    step = classification_change(
        actor=actor_of(c.supervisor), person=c.staff_person, group=group("A"), reason="งานหลักคือจัดทำแผน"
    )
    assert step.status == ClassificationStatus.CHANGED
    assert fresh(c.staff_person).group.code == "A"


def test_only_the_person_or_hr_propose_and_only_the_supervisor_decides(c: Cast) -> None:
    with pytest.raises(PermissionDenied):
        classification_propose(actor=actor_of(c.supervisor), person=c.staff_person, group=group("S"))
    classification_propose(actor=actor_of(c.staff), person=c.staff_person, group=group("S"))
    for someone in (c.staff, c.director, c.hr, c.executive, c.outsider):
        with pytest.raises(PermissionDenied):
            classification_agree(actor=actor_of(someone), person=c.staff_person)
    with pytest.raises(PermissionDenied):
        classification_propose(actor=actor_of(c.outsider), person=c.staff_person, group=group("S"))


def test_a_specific_role_for_work_spanning_groups_needs_the_next_level_supervisor(c: Cast) -> None:
    Person.objects.filter(pk=c.staff_person.pk).update(workload={"A": 50, "S": 50}, career_path_group="A")
    person = fresh(c.staff_person)
    classification_propose(
        actor=actor_of(c.staff), person=person, group=group("A"), specific_role_th="ผู้ใช้ข้อมูลเพื่อบริการประชาชน"
    )
    step = classification_agree(actor=actor_of(c.supervisor), person=person)
    assert step.awaiting_approval
    assert fresh(person).group is None
    with pytest.raises(PermissionDenied):
        classification_approve(actor=actor_of(c.supervisor), person=person)
    step = classification_approve(actor=actor_of(c.director), person=person)
    assert step.status == ClassificationStatus.APPROVED
    person = fresh(person)
    assert person.group.code == "A"
    assert person.specific_role_th == "ผู้ใช้ข้อมูลเพื่อบริการประชาชน"


def test_work_in_one_group_needs_no_approval_even_with_a_specific_role(c: Cast) -> None:
    Person.objects.filter(pk=c.staff_person.pk).update(workload={"T": 100})
    person = fresh(c.staff_person)
    classification_propose(
        actor=actor_of(c.staff), person=person, group=group("T"), specific_role_th="ผู้ดูแลระบบงาน"
    )
    assert classification_agree(actor=actor_of(c.supervisor), person=person).is_final


def test_no_agreement_without_a_proposal(c: Cast) -> None:
    with pytest.raises(ValidationError):
        classification_agree(actor=actor_of(c.supervisor), person=c.staff_person)


def test_hr_decides_for_someone_without_a_supervisor(c: Cast) -> None:
    classification_propose(actor=actor_of(c.director), person=c.director_person, group=group("M"))
    classification_agree(actor=actor_of(c.hr), person=c.director_person)
    assert fresh(c.director_person).group.code == "M"


def test_bulk_proposal_for_a_division_follows_the_rule(c: Cast) -> None:
    division = c.dept.units.filter(kind=AgencyKind.DIVISION).order_by("code").first()
    tie = make_person(c.dept)
    Person.objects.filter(pk=tie.pk).update(workload={"A": 50, "S": 50}, career_path_group="A")
    Person.objects.filter(pk=c.staff_person.pk).update(workload={"A": 30, "S": 70})
    undecided = make_person(c.dept)
    Person.objects.filter(pk=undecided.pk).update(workload={"A": 50, "S": 50}, career_path_group="")
    counts = classification_bulk_propose(actor=actor_of(c.hr), division=division)
    assert counts["proposed"] == 2
    assert tie.classifications.get().group.code == "A"
    assert c.staff_person.classifications.get().group.code == "S"
    assert not undecided.classifications.exists()
    again = classification_bulk_propose(actor=actor_of(c.hr), division=division)
    assert again["proposed"] == 0
    with pytest.raises(PermissionDenied):
        classification_bulk_propose(actor=actor_of(c.staff), division=division)


def test_the_pages_propose_agree_and_show_the_history(c: Cast, client_for) -> None:
    url = reverse("people:detail", kwargs={"pk": c.staff_person.pk})
    staff = client_for("staff")
    response = staff.post(
        reverse("people:propose", kwargs={"pk": c.staff_person.pk}), {"group": group("O").pk}
    )
    assert response.status_code == 302
    supervisor = client_for("supervisor")
    assert "กลุ่มผู้ปฏิบัติงานอื่น" in supervisor.get(reverse("people:team")).content.decode()
    supervisor.post(reverse("people:agree", kwargs={"pk": c.staff_person.pk}))
    page = staff.get(url).content.decode()
    assert "ผู้ปฏิบัติงานอื่น" in page
    assert fresh(c.staff_person).group.code == "O"
    # an executive outside the person's line finds nothing (404); a colleague may not decide (403)
    assert (
        client_for("executive").post(reverse("people:agree", kwargs={"pk": c.staff_person.pk})).status_code
        == 404
    )
    assert (
        client_for("assessor").post(reverse("people:agree", kwargs={"pk": c.staff_person.pk})).status_code
        == 403
    )
    assert (
        client_for("outsider").post(reverse("people:agree", kwargs={"pk": c.staff_person.pk})).status_code
        == 404
    )


def test_hr_bulk_classifies_in_the_page(c: Cast, client_for) -> None:
    Person.objects.filter(pk=c.staff_person.pk).update(workload={"T": 100})
    division = c.dept.units.filter(kind=AgencyKind.DIVISION).order_by("code").first()
    response = client_for("hr").post(reverse("people:classify_division"), {"division": division.pk})
    assert response.status_code == 302
    assert c.staff_person.classifications.get().group.code == "T"
    other_division = c.other_dept.units.filter(kind=AgencyKind.DIVISION).first()
    response = client_for("hr").post(reverse("people:classify_division"), {"division": other_division.pk})
    assert response.status_code == 200  # not a choice: the form refuses it
    assert not c.outsider_person.classifications.exists()
