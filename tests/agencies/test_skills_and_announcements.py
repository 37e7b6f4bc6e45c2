"""Required skill sets per group (Org 2) and the versioned announcement (Org 1.5)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from digiskill.accounts.access import SYSTEM, actor_of
from digiskill.agencies.models import Announcement, AnnouncementItem
from digiskill.agencies.selectors import announcement_in_force
from digiskill.agencies.services import (
    announcement_publish,
    skill_item_add,
    skill_items_remove,
    skill_set_start,
)
from digiskill.frameworks.models import PersonnelGroup, SkillComponent, SkillSet, Unit
from tests.factories import Cast, load_ocsc, make_department, make_target


@pytest.fixture
def setup(cast: Cast):
    load_ocsc()
    target = make_target(cast.dept)
    group = PersonnelGroup.objects.get(code="A")
    return cast, target, group


def test_a_skill_set_starts_empty_and_is_customised(setup) -> None:
    cast, target, group = setup
    skill_set = skill_set_start(actor=SYSTEM, agency=cast.dept, group=group, stage=target.stage)
    assert skill_set.items.count() == 0
    ability = SkillComponent.objects.get(code="ability")
    item = skill_item_add(
        actor=SYSTEM, skill_set=skill_set, component=ability, unit=Unit.objects.get(code="DLit100")
    )
    skill_item_add(
        actor=SYSTEM,
        skill_set=skill_set,
        component=SkillComponent.objects.get(code="knowledge"),
        text_th="ความรู้เรื่องข้อมูลเปิดภาครัฐ",
    )
    with pytest.raises(ValidationError):
        skill_item_add(
            actor=SYSTEM, skill_set=skill_set, component=ability, unit=Unit.objects.get(code="DLit100")
        )
    assert skill_items_remove(actor=SYSTEM, skill_set=skill_set, item_ids=[item.pk]) == 1
    assert [str(i) for i in skill_set.items.all()] == ["ความรู้เรื่องข้อมูลเปิดภาครัฐ"]


def test_a_subset_of_a_position_skill_set_is_copied(setup) -> None:
    cast, target, group = setup
    dcio = SkillSet.objects.get(code="DCIO")
    wanted = list(dcio.items.filter(unit__code__in=["DG100", "DT600"]).values_list("pk", flat=True))
    skill_set = skill_set_start(
        actor=SYSTEM, agency=cast.dept, group=group, stage=target.stage, source=dcio, item_ids=wanted
    )
    assert sorted(skill_set.items.values_list("unit__code", flat=True)) == ["DG100", "DT600"]
    assert "DCIO" in skill_set.started_from
    other = skill_set_start(
        actor=SYSTEM,
        agency=cast.dept,
        group=PersonnelGroup.objects.get(code="S"),
        stage=target.stage,
        source=skill_set,
    )
    assert other.items.count() == 2


def test_another_departments_set_cannot_be_copied(setup) -> None:
    cast, target, group = setup
    theirs = make_department("THEIRS")
    their_set = skill_set_start(actor=SYSTEM, agency=theirs, group=group, stage=target.stage)
    with pytest.raises(ValidationError):
        skill_set_start(actor=SYSTEM, agency=cast.dept, group=group, stage=target.stage, source=their_set)


def test_publishing_snapshots_roles_and_skills_and_a_change_is_a_new_version(setup) -> None:
    cast, target, group = setup
    skill_set = skill_set_start(
        actor=SYSTEM,
        agency=cast.dept,
        group=group,
        stage=target.stage,
        source=SkillSet.objects.get(code="DCIO"),
    )
    first = announcement_publish(
        actor=actor_of(cast.hr), agency=cast.dept, title="ประกาศ 2569", effective_date=dt.date(2026, 10, 1)
    )
    entries = {e.group.code: e for e in first.groups.all()}
    assert list(entries) == ["E", "M", "A", "S", "T", "O"]
    assert entries["A"].role.code == "A1"
    count = entries["A"].items.count()
    assert count == skill_set.items.count() > 0
    skill_items_remove(
        actor=SYSTEM, skill_set=skill_set, item_ids=list(skill_set.items.values_list("pk", flat=True))
    )
    assert entries["A"].items.count() == count  # a published announcement never changes
    second = announcement_publish(
        actor=actor_of(cast.hr), agency=cast.dept, title="ประกาศ ฉบับที่ 2", effective_date=dt.date(2026, 11, 1)
    )
    assert second.version == 2
    assert AnnouncementItem.objects.filter(entry__announcement=second).count() == 0
    assert announcement_in_force(cast.dept, on=dt.date(2026, 10, 15)) == first
    assert announcement_in_force(cast.dept, on=dt.date(2026, 11, 2)) == second
    assert announcement_in_force(cast.dept, on=dt.date(2026, 9, 30)) is None


def test_no_announcement_without_a_target(cast: Cast) -> None:
    with pytest.raises(ValidationError):
        announcement_publish(actor=SYSTEM, agency=cast.dept, title="x", effective_date=dt.date.today())


def test_hr_builds_a_skill_set_and_publishes_in_the_pages(setup, client_for) -> None:
    cast, _target, _group = setup
    hr = client_for("hr")
    dcio = SkillSet.objects.get(code="DCIO")
    url = reverse("agencies:skill_set_start", kwargs={"code": "A"})
    page = hr.get(url, {"source": f"set-{dcio.pk}"}).content.decode()
    assert "DTR100" in page
    keep = dcio.items.filter(unit__code="DTR100").values_list("pk", flat=True)
    response = hr.post(url, {"source": f"set-{dcio.pk}", "confirm": "1", "item": list(keep)})
    assert response.status_code == 302
    unit = Unit.objects.get(code="DLit100")
    ability = SkillComponent.objects.get(code="ability")
    hr.post(
        reverse("agencies:skill_set", kwargs={"code": "A"}),
        {"add": "1", "component": ability.pk, "unit": unit.pk},
    )
    response = hr.post(
        reverse("agencies:announcement_new"),
        {"title": "ประกาศกรม", "effective_date": "2026-10-01", "note": ""},
    )
    assert response.status_code == 302
    published = Announcement.objects.get(agency=cast.dept)
    staff_view = (
        client_for("staff")
        .get(reverse("agencies:announcement", kwargs={"pk": published.pk}))
        .content.decode()
    )
    assert "DTR100" in staff_view and "DLit100" in staff_view
    assert "1 ตุลาคม 2569" in staff_view  # Buddhist era
    listing = client_for("staff").get(reverse("agencies:announcements")).content.decode()
    assert "ประกาศกรม" in listing
    assert "ประกาศกรม" not in client_for("outsider").get(reverse("agencies:announcements")).content.decode()


def test_only_hr_may_change_skill_sets_or_publish(setup, client_for) -> None:
    for role in ("staff", "executive", "supervisor"):
        client = client_for(role)
        assert (
            client.post(
                reverse("agencies:announcement_new"), {"title": "x", "effective_date": "2026-10-01"}
            ).status_code
            == 403
        )
        assert (
            client.post(reverse("agencies:skill_set", kwargs={"code": "A"}), {"add": "1"}).status_code == 403
        )
    assert not Announcement.objects.exists()
