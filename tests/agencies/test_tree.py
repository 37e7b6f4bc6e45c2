"""HR administrators manage their department's divisions and sections; nobody else's."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from digiskill.accounts.access import SYSTEM
from digiskill.accounts.models import AuditEntry
from digiskill.agencies.models import Agency, AgencyKind
from digiskill.agencies.services import agency_unit_create, agency_unit_rename, agency_unit_set_active
from tests.factories import Cast, make_department, make_person


@pytest.fixture
def dept(db):
    return make_department("TREE")


def test_a_division_and_a_section_are_created_in_the_department(dept) -> None:
    division = agency_unit_create(actor=SYSTEM, department=dept, kind=AgencyKind.DIVISION, name_th="ศูนย์ดิจิทัล")
    section = agency_unit_create(
        actor=SYSTEM, department=dept, kind=AgencyKind.SECTION, name_th="กลุ่มงานระบบ", parent=division
    )
    assert division.department == dept and division.parent == dept
    assert section.department == dept and section.parent == division
    assert division.code.startswith("TREE-")
    created = AuditEntry.objects.filter(action="agency_create", object_id__in=[division.pk, section.pk])
    assert created.count() == 2


def test_a_section_must_hang_from_a_division_of_the_same_department(dept) -> None:
    other_division = make_department("ELSE").units.filter(kind=AgencyKind.DIVISION).first()
    with pytest.raises(ValidationError):
        agency_unit_create(
            actor=SYSTEM, department=dept, kind=AgencyKind.SECTION, name_th="กลุ่ม", parent=other_division
        )


def test_a_code_in_use_elsewhere_is_refused_rather_than_taken_over(dept) -> None:
    make_department("ELSE2")
    with pytest.raises(ValidationError):
        agency_unit_create(
            actor=SYSTEM, department=dept, kind=AgencyKind.DIVISION, name_th="กอง", code="ELSE2-DIV1"
        )
    assert Agency.objects.get(code="ELSE2-DIV1").department.code == "ELSE2"


def test_rename_writes_only_a_change(dept) -> None:
    division = dept.units.filter(kind=AgencyKind.DIVISION).first()
    agency_unit_rename(actor=SYSTEM, unit=division, name_th="กองใหม่")
    agency_unit_rename(actor=SYSTEM, unit=division, name_th="กองใหม่")
    assert AuditEntry.objects.filter(action="agency_rename", object_id=str(division.pk)).count() == 1


def test_a_division_with_active_people_stays_active(dept) -> None:
    division = dept.units.filter(kind=AgencyKind.DIVISION).order_by("code").first()
    make_person(dept)
    with pytest.raises(ValidationError):
        agency_unit_set_active(actor=SYSTEM, unit=division, active=False)
    empty = dept.units.filter(kind=AgencyKind.DIVISION).order_by("code").last()
    agency_unit_set_active(actor=SYSTEM, unit=empty, active=False)
    empty.refresh_from_db()
    assert not empty.is_active


def test_hr_adds_renames_and_deactivates_through_the_pages(cast: Cast, client_for) -> None:
    hr = client_for("hr")
    response = hr.post(reverse("agencies:structure"), {"kind": "division", "name_th": "ศูนย์สารสนเทศ"})
    assert response.status_code == 302
    unit = Agency.objects.get(name_th="ศูนย์สารสนเทศ")
    assert unit.department == cast.dept
    hr.post(reverse("agencies:unit_edit", kwargs={"pk": unit.pk}), {"name_th": "ศูนย์เทคโนโลยี"})
    hr.post(reverse("agencies:unit_edit", kwargs={"pk": unit.pk}), {"active": "0"})
    unit.refresh_from_db()
    assert (unit.name_th, unit.is_active) == ("ศูนย์เทคโนโลยี", False)
    assert "ศูนย์เทคโนโลยี" in hr.get(reverse("agencies:structure")).content.decode()


def test_another_departments_hr_can_neither_see_nor_change_a_division(cast: Cast, client_for) -> None:
    unit = cast.dept.units.filter(kind=AgencyKind.DIVISION).first()
    outsider = client_for("outsider")
    url = reverse("agencies:unit_edit", kwargs={"pk": unit.pk})
    assert outsider.post(url, {"name_th": "ยึด"}).status_code == 404
    assert outsider.post(url, {"active": "0"}).status_code == 404
    unit.refresh_from_db()
    assert unit.name_th != "ยึด" and unit.is_active
    assert unit.code not in outsider.get(reverse("agencies:structure")).content.decode()
