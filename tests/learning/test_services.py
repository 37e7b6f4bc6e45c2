"""Writes on the catalog: who may write what, validation in Thai and English, one audit row each."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from digiskill.accounts.access import actor_of
from digiskill.accounts.models import AuditEntry
from digiskill.learning.models import LearningResource
from digiskill.learning.parsing import ResourceInput
from digiskill.learning.services import (
    resource_activate,
    resource_create,
    resource_deactivate,
    resource_update,
)
from tests.factories import Cast
from tests.learning.conftest import make_resource, unit


def data(**changes) -> ResourceInput:
    values = {
        "code": "HR-01",
        "title": "การวิเคราะห์ข้อมูลเบื้องต้น",
        "provider": "กองพัฒนาบุคลากร",
        "kind": "course",
        "hours": Decimal("6"),
        "cost": Decimal("0"),
        "topics": ("การวิเคราะห์ข้อมูล",),
    }
    values.update(changes)
    return ResourceInput(**values)


def test_hr_adds_a_resource_of_their_department_with_one_audit_row(world: Cast) -> None:
    r = resource_create(actor=actor_of(world.hr), agency=world.dept, data=data(unit_ids=(unit("DT600").pk,)))
    assert r.agency == world.dept and r.updated_by == world.hr
    assert list(r.units.values_list("code", flat=True)) == ["DT600"]
    entry = AuditEntry.objects.get(action="learning_resource_create")
    assert entry.agency_id == world.dept.pk and entry.actor == world.hr
    assert entry.changes["title"] == ["", "การวิเคราะห์ข้อมูลเบื้องต้น"]
    assert entry.changes["units"] == [[], ["DT600"]]
    assert "dt600" in r.search_text and "การวิเคราะห์ข้อมูล" in r.search_text


@pytest.mark.parametrize("who", ["staff", "supervisor", "assessor", "executive", "outsider", "sysadmin"])
def test_only_the_departments_hr_writes_its_resources(world: Cast, who: str) -> None:
    with pytest.raises(PermissionDenied):
        resource_create(actor=actor_of(getattr(world, who)), agency=world.dept, data=data())
    assert not LearningResource.objects.exists()


@pytest.mark.parametrize("who", ["hr", "staff", "outsider"])
def test_only_system_administrators_write_shared_resources(world: Cast, who: str) -> None:
    with pytest.raises(PermissionDenied):
        resource_create(actor=actor_of(getattr(world, who)), agency=None, data=data())
    shared = resource_create(actor=actor_of(world.sysadmin), agency=None, data=data())
    assert shared.agency is None
    assert AuditEntry.objects.get(action="learning_resource_create").agency_id is None


def test_errors_name_the_field_and_value_in_thai_and_english(world: Cast) -> None:
    with pytest.raises(ValidationError) as caught:
        resource_create(
            actor=actor_of(world.hr),
            agency=world.dept,
            data=data(kind="podcast", url="javascript:alert(1)", hours=Decimal("-2"), title=""),
        )
    errors = caught.value.message_dict
    assert set(errors) == {"kind", "url", "hours", "title"}
    assert errors["kind"][0].startswith("ประเภท 'podcast': ไม่รู้จักประเภทนี้")
    assert "kind 'podcast': unknown kind" in errors["kind"][0]
    assert errors["hours"] == ["จำนวนชั่วโมง '-2': ต้องไม่ติดลบ / hours '-2': must not be negative"]
    assert (
        not LearningResource.objects.exists()
        and not AuditEntry.objects.filter(action__startswith="learning").exists()
    )


def test_a_code_is_unique_within_its_owner_only(world: Cast) -> None:
    resource_create(actor=actor_of(world.hr), agency=world.dept, data=data())
    with pytest.raises(ValidationError, match="already exists"):
        resource_create(actor=actor_of(world.hr), agency=world.dept, data=data(code="hr-01"))
    resource_create(actor=actor_of(world.outsider), agency=world.other_dept, data=data())
    resource_create(actor=actor_of(world.sysadmin), agency=None, data=data())
    assert LearningResource.objects.filter(code="HR-01").count() == 3


def test_update_records_only_what_changed_and_nothing_when_nothing_did(world: Cast) -> None:
    r = resource_create(actor=actor_of(world.hr), agency=world.dept, data=data(unit_ids=(unit("DT600").pk,)))
    resource_update(actor=actor_of(world.hr), resource=r, data=data(unit_ids=(unit("DT600").pk,)))
    assert not AuditEntry.objects.filter(action="learning_resource_update").exists()
    resource_update(
        actor=actor_of(world.hr),
        resource=r,
        data=data(hours=Decimal("7.5"), unit_ids=(unit("DT600").pk, unit("DS500").pk)),
    )
    entry = AuditEntry.objects.get(action="learning_resource_update")
    assert entry.changes == {"hours": ["6.0", "7.5"], "units": [["DT600"], ["DS500", "DT600"]]}
    r.refresh_from_db()
    assert r.hours == Decimal("7.5") and "ds500" in r.search_text


def test_update_refuses_a_code_another_resource_has(world: Cast) -> None:
    make_resource(world.dept, "A-1")
    r = make_resource(world.dept, "B-1")
    with pytest.raises(ValidationError, match="already exists"):
        resource_update(actor=actor_of(world.hr), resource=r, data=data(code="A-1"))


def test_another_departments_hr_cannot_change_a_resource(world: Cast) -> None:
    r = make_resource(world.dept, "A-1")
    with pytest.raises(PermissionDenied):
        resource_update(actor=actor_of(world.outsider), resource=r, data=data(code="A-1"))
    with pytest.raises(PermissionDenied):
        resource_deactivate(actor=actor_of(world.outsider), resource=r)


def test_deactivate_and_reactivate_write_one_audit_row_each(world: Cast) -> None:
    r = make_resource(world.dept, "A-1")
    resource_deactivate(actor=actor_of(world.hr), resource=r)
    resource_deactivate(actor=actor_of(world.hr), resource=r)
    assert not LearningResource.objects.get(pk=r.pk).is_active
    resource_activate(actor=actor_of(world.hr), resource=r)
    actions = list(
        AuditEntry.objects.filter(action__startswith="learning_resource_").values_list("action", flat=True)
    )
    assert sorted(actions) == [
        "learning_resource_activate",
        "learning_resource_create",
        "learning_resource_deactivate",
    ]


def test_editing_a_deactivated_resource_leaves_it_deactivated(world: Cast) -> None:
    r = make_resource(world.dept, "A-1")
    resource_deactivate(actor=actor_of(world.hr), resource=r)
    resource_update(actor=actor_of(world.hr), resource=r, data=data(code="A-1", title="ชื่อใหม่"))
    r.refresh_from_db()
    assert (r.title, r.is_active) == ("ชื่อใหม่", False)
