"""`digiskill gap-report` in all three formats, and `digiskill synth`: consistent, deterministic, careful."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from pathlib import Path

import openpyxl
import pytest
from django.core.management import CommandError, call_command

from digiskill.accounts.access import SYSTEM
from digiskill.accounts.models import AuditEntry
from digiskill.agencies.models import Agency, AgencyKind, AnnouncementItem
from digiskill.assessments.models import Assessment, AssessmentItem, AssessmentStatus
from digiskill.demo.synth import synth_department
from digiskill.gaps.selectors import gap_analysis
from digiskill.lib.national_id import is_valid_national_id
from digiskill.people.models import Classification, Person
from tests.gaps.conftest import World


def _long(rows: list[list]) -> dict:
    return {(r[0], r[1], r[4] or r[5]): (int(r[6]), int(r[7])) for r in rows}


def _expected(world: World) -> dict:
    return world.expected()


def test_gap_report_json_to_standard_output(world: World, capsysbinary) -> None:
    call_command("gap_report", "--agency", world.cast.dept.code, "--format", "json")
    data = json.loads(capsysbinary.readouterr().out)
    assert data["agency"]["code"] == world.cast.dept.code
    assert data["participation"]["total"]["people"] == 12
    cells = {
        (r["division"], r["group"], c["code"]): (cell["lacking"], cell["assessed"])
        for r in data["rows"]
        for c, cell in zip(data["columns"], r["cells"], strict=True)
        if cell["assessed"]
    }
    assert cells == {
        k: v for k, v in _expected(world).items() if k[2] in {c["code"] for c in data["columns"]}
    }


def test_gap_report_csv_and_xlsx_files(world: World, tmp_path: Path) -> None:
    code = world.cast.dept.code
    csv_path, xlsx_path = tmp_path / "gaps.csv", tmp_path / "gaps.xlsx"
    call_command("gap_report", "--agency", code, "--format", "csv", "-o", str(csv_path))
    rows = list(csv.reader(io.StringIO(csv_path.read_text(encoding="utf-8-sig"))))
    assert _long(rows[1:]) == _expected(world)
    call_command("gap_report", "--agency", code, "--format", "xlsx", "-o", str(xlsx_path))
    book = openpyxl.load_workbook(xlsx_path)
    sheet = book.worksheets[0]
    rows = [[c if c is not None else "" for c in r] for r in sheet.iter_rows(min_row=2, values_only=True)]
    assert _long(rows) == _expected(world)


def test_gap_report_refuses_unknown_department_and_xlsx_to_the_terminal(world: World) -> None:
    with pytest.raises(CommandError, match="No department"):
        call_command("gap_report", "--agency", "NOPE", "--format", "json")
    with pytest.raises(CommandError, match="-o"):
        call_command("gap_report", "--agency", world.cast.dept.code, "--format", "xlsx")


# --- synth ---------------------------------------------------------------------------------


def _snapshot(code: str) -> list[tuple]:
    """Everything synth decided, keyed by national ID (primary keys differ between runs)."""
    people = Person.objects.filter(agency__code=code).select_related("division", "group", "supervisor")
    items: dict[int, list] = {}
    for item in (
        AssessmentItem.objects.filter(agency__code=code)
        .select_related("unit", "assessment")
        .order_by("person_id", "assessment__round", "order")
    ):
        items.setdefault(item.person_id, []).append(
            (
                item.assessment.round,
                item.unit.code if item.unit else item.text_th,
                item.self_has,
                item.agreed_has,
            )
        )
    return sorted(
        (
            p.national_id,
            p.full_name,
            p.position,
            p.division.name_th if p.division else "",
            p.group.code if p.group else "",
            p.supervisor.national_id if p.supervisor else "",
            p.is_active,
            tuple(items.get(p.pk, [])),
        )
        for p in people
    )


@pytest.mark.django_db
def test_synth_builds_a_consistent_department() -> None:
    report = synth_department(actor=SYSTEM, code="SYN", people=300, seed=7)
    dept = report.agency
    people = list(Person.objects.filter(agency=dept))
    assert len(people) == 300 == report.people
    # Valid, different national IDs.
    ids = [p.national_id for p in people]
    assert all(is_valid_national_id(i) for i in ids) and len(set(ids)) == 300
    # One supervisor tree: a single root, no loops, everyone reaches the root.
    boss = {p.pk: p.supervisor_id for p in people}
    roots = [pk for pk, b in boss.items() if b is None]
    assert len(roots) == 1
    for pk in boss:
        seen, node = set(), pk
        while boss[node] is not None:
            assert node not in seen
            seen.add(node)
            node = boss[node]
        assert node == roots[0]
    # Divisions and sections of this department; every person in one (but the executives).
    units = Agency.objects.filter(department=dept).exclude(pk=dept.pk)
    assert units.filter(kind=AgencyKind.DIVISION).count() == report.divisions >= 4
    assert sum(1 for p in people if p.division_id is None) <= 5
    # Six groups in use, most staff classified, and a classification for each classified person.
    groups = Counter(
        p.group.code for p in Person.objects.filter(agency=dept, group__isnull=False).select_related("group")
    )
    assert set(groups) == {"E", "M", "A", "S", "T", "O"}
    assert Classification.objects.filter(agency=dept).count() == sum(groups.values())
    # Every current assessment holds exactly its group's announced items, with the copies in step.
    announced: dict[int, set[int]] = {}
    for item in AnnouncementItem.objects.filter(entry__announcement__agency=dept).select_related("entry"):
        announced.setdefault(item.entry.group_id, set()).add(item.pk)
    assert len(announced) == 6
    current = Assessment.objects.filter(agency=dept, is_current=True).select_related("person")
    assert current.count() == report.counts["agreed"]
    for assessment in current:
        items = list(assessment.items.select_related("unit"))
        assert {i.source_id for i in items} == announced[assessment.group_id]
        assert (
            assessment.status == AssessmentStatus.AGREED and assessment.group_id == assessment.person.group_id
        )
        for i in items:
            assert (i.agency_id, i.person_id, i.division_id, i.group_id, i.is_current) == (
                dept.pk,
                assessment.person_id,
                assessment.person.division_id,
                assessment.group_id,
                True,
            )
            assert i.agreed_has is not None and i.area_id == (i.unit.area_id if i.unit else None)
            assert (i.priority is not None) == (i.agreed_has is False)
    # Drafts and rounds waiting for the supervisor have no agreed result.
    assert not AssessmentItem.objects.filter(agency=dept, is_current=False, agreed_has__isnull=False).exists()
    # The analysis sees them all: assessed + waiting + draft + not started = people with a group.
    total = gap_analysis(dept).participation.total
    assert total.assessed == report.counts["agreed"]
    assert total.people == total.assessed + total.submitted + total.draft + total.not_started
    # Gaps are more common in advanced units than in the basic ones.
    lines = {i.key: i.cell for i in gap_analysis(dept).items() if i.unit}
    basic = sum(lines[k].lacking for k in ("DLit100", "DG100")) / sum(
        lines[k].assessed for k in ("DLit100", "DG100")
    )
    advanced = [c for k, c in lines.items() if k.endswith(("500", "600", "700"))]
    assert sum(c.lacking for c in advanced) / sum(c.assessed for c in advanced) > basic
    # One audit row for the run (the target, skill sets and announcement went through their services).
    assert AuditEntry.objects.filter(agency=dept, action="synth_department").count() == 1
    assert not AuditEntry.objects.filter(agency=dept, action__in=["person_create", "agency_create"]).exists()


@pytest.mark.django_db
def test_synth_is_deterministic_with_a_seed_and_replaces_only_when_asked() -> None:
    synth_department(actor=SYSTEM, code="SYN", people=120, seed=3)
    first = _snapshot("SYN")
    with pytest.raises(Exception, match="--replace"):
        synth_department(actor=SYSTEM, code="SYN", people=120, seed=3)
    synth_department(actor=SYSTEM, code="SYN", people=120, seed=3, replace=True)
    assert _snapshot("SYN") == first
    assert Person.objects.filter(agency__code="SYN").count() == 120
    synth_department(actor=SYSTEM, code="SYN", people=120, seed=4, replace=True)
    assert _snapshot("SYN") != first
    assert AuditEntry.objects.filter(agency__code="SYN", action="synth_department").count() == 3


def test_synth_never_replaces_a_real_department(cast) -> None:
    with pytest.raises(Exception, match="not a department built by synth"):
        synth_department(actor=SYSTEM, code=cast.dept.code, people=100, seed=1, replace=True)
    assert Person.objects.filter(agency=cast.dept).count() == 4


@pytest.mark.django_db
def test_synth_command(capsys) -> None:
    call_command("synth", "--agency", "SYN2", "--people", "80", "--seed", "9")
    out = capsys.readouterr().out
    assert "SYN2: 80" in out and "items" in out
    with pytest.raises(CommandError, match="--replace"):
        call_command("synth", "--agency", "SYN2", "--people", "80")
    with pytest.raises(CommandError, match="between"):
        call_command("synth", "--agency", "SYN3", "--people", "10")
