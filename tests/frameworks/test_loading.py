"""Frameworks are data: two differently shaped frameworks load side by side, idempotently."""

from __future__ import annotations

from pathlib import Path

import pytest

from digiskill.accounts.access import SYSTEM
from digiskill.accounts.models import AuditEntry
from digiskill.frameworks.loading import DATA_DIR, FrameworkDataError, read_framework
from digiskill.frameworks.models import Framework
from digiskill.frameworks.services import framework_load

OCSC = DATA_DIR / "ocsc-2561" / "framework.yaml"
EXAMPLE = DATA_DIR / "example-2567" / "framework.yaml"


def _shape(code: str) -> dict[str, int]:
    fw = Framework.objects.get(code=code)
    return {
        "groups": fw.personnelgroup_set.count(),
        "stages": fw.stage_set.count(),
        "roles": fw.role_set.count(),
        "areas": fw.area_set.count(),
        "units": fw.unit_set.count(),
        "skill_sets": fw.skillset_set.count(),
    }


@pytest.mark.django_db
def test_two_frameworks_of_different_shapes_live_side_by_side() -> None:
    framework_load(actor=SYSTEM, source=read_framework(OCSC))
    ocsc_before = _shape("OCSC-2561")
    framework_load(actor=SYSTEM, source=read_framework(EXAMPLE))
    assert ocsc_before == {"groups": 6, "stages": 3, "roles": 18, "areas": 7, "units": 34, "skill_sets": 3}
    assert _shape("OCSC-2561") == ocsc_before
    example = _shape("EXAMPLE-2567")
    assert example["groups"] == 2 and example["roles"] == 6
    fw = Framework.objects.get(code="EXAMPLE-2567")
    assert sorted(fw.personnelgroup_set.values_list("code", flat=True)) == ["IT", "NONIT"]
    assert set(fw.stage_set.values_list("code", flat=True)) == {"basic", "intermediate", "advanced"}


@pytest.mark.django_db
def test_loading_again_writes_nothing() -> None:
    framework_load(actor=SYSTEM, source=read_framework(OCSC))
    rows = AuditEntry.objects.count()
    report = framework_load(actor=SYSTEM, source=read_framework(OCSC))
    assert report.unchanged
    assert AuditEntry.objects.count() == rows
    forced = framework_load(actor=SYSTEM, source=read_framework(OCSC), force=True)
    assert forced.created == {}


def test_a_bad_reference_names_file_place_and_value(tmp_path: Path) -> None:
    text = EXAMPLE.read_text(encoding="utf-8").replace("group: IT", "group: NOPE", 1)
    bad = tmp_path / "framework.yaml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(FrameworkDataError) as error:
        read_framework(bad)
    message = str(error.value)
    assert "framework.yaml" in message and "roles[" in message and "'NOPE'" in message
    assert "อ้างถึงรายการที่ไม่มี" in message and "unknown reference" in message
