"""Every spreadsheet the app writes keeps text people typed inert (OWASP "CSV injection").

A formula payload is planted in every user-editable text field that reaches an export (the plan's
goals, activities and mission, names and positions, division and department names, framework and
announcement texts, roster rows), once for each trigger: = + - @ tab CR, their full-width forms, and
a space before "=". Each export is then downloaded through its view or written by its command and
read back: no XLSX cell is a formula and every formula-like text cell carries the quote prefix; no
CSV cell starts with a trigger (even after spaces); and the planted text is there, neutralised.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from digiskill.accounts.access import SYSTEM
from digiskill.agencies.models import Agency, Announcement, AnnouncementItem
from digiskill.assessments.models import AssessmentItem
from digiskill.frameworks.models import Area, Criterion, Element, Framework, PersonnelGroup, Unit
from digiskill.frameworks.models import Role as FrameworkRole
from digiskill.lib.national_id import generate_national_id
from digiskill.people.models import Person, RosterImport
from digiskill.people.services import roster_import
from digiskill.plans.models import Plan, PlanActivity, PlanGoal, PlanStatus
from tests.factories import Cast, load_ocsc
from tests.gaps.conftest import SHARED_TEXT, assess, publish
from tests.reports.conftest import YEAR, add_goal, at, make_plan

pytestmark = pytest.mark.django_db

TRIGGERS = ["=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20", " ="]
"""How a planted text starts: the OWASP triggers, their full-width forms, and "=" after a space."""

# Written out here on purpose (not imported): what a spreadsheet may take for a formula.
_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def formula_like(text: str) -> bool:
    """True when the text starts with a trigger, or with one after white space."""
    return text.startswith(_STARTS) or text.lstrip().startswith(_STARTS)


def payload(trigger: str, field: str) -> str:
    """The planted text of one field: the classic DDE payload, then the field's name."""
    return f"{trigger}cmd|' /C calc'!A0 [{field}]"


@dataclass
class World:
    """A department with a plan, an agreed assessment with gaps, and the framework they use."""

    cast: Cast
    framework: Framework
    announcement: Announcement
    plan: Plan
    goal: PlanGoal
    activity: PlanActivity
    group: PersonnelGroup
    unit: Unit


@pytest.fixture
def world(cast: Cast) -> World:
    framework = load_ocsc()
    announcement = publish(cast.dept)
    group = PersonnelGroup.objects.get(framework=framework, code="A")
    staff = cast.staff_person
    Person.objects.filter(pk=staff.pk).update(group=group, title="")
    assess(staff, announcement, {"DG100", SHARED_TEXT})
    staff.refresh_from_db()
    plan = make_plan(
        staff,
        status=PlanStatus.APPROVED,
        role=FrameworkRole.objects.get(framework=framework, code="A1"),
        submitted_at=at(dt.date(2026, 10, 5)),
        approved_at=at(dt.date(2026, 10, 9)),
    )
    goal = add_goal(plan, [("training", "หลักสูตร", "3")], skill_th="ทักษะ", what="เป้าหมาย", order=1)
    return World(
        cast,
        framework,
        announcement,
        plan,
        goal,
        goal.activities.get(),
        group,
        Unit.objects.get(framework=framework, code="DG100"),
    )


def plant(w: World, trigger: str) -> set[str]:
    """Write a payload into every field below; return the payloads written."""
    planted: set[str] = set()

    def p(field: str) -> str:
        planted.add(payload(trigger, field))
        return payload(trigger, field)

    dept = w.cast.dept
    division = w.cast.staff_person.division
    assert division is not None and dept.parent is not None
    Person.objects.filter(pk=w.cast.staff_person.pk).update(
        first_name=p("first name"),
        last_name=p("last name"),
        position=p("position"),
        position_level=p("position level"),
    )
    Person.objects.filter(pk=w.cast.supervisor_person.pk).update(position=p("supervisor position"))
    Agency.objects.filter(pk=division.pk).update(name_th=p("division"))
    Agency.objects.filter(pk=dept.pk).update(name_th=p("department"))
    Agency.objects.filter(pk=dept.parent.pk).update(name_th=p("ministry"))
    Plan.objects.filter(pk=w.plan.pk).update(mission=p("mission"), specific_role_th=p("specific role"))
    PlanGoal.objects.filter(pk=w.goal.pk).update(
        skill_th=p("skill"), what=p("goal"), measure=p("measure"), target=p("target"), how_to_apply=p("use")
    )
    PlanActivity.objects.filter(pk=w.activity.pk).update(title=p("activity"))
    PersonnelGroup.objects.filter(pk=w.group.pk).update(name_th=p("group"))
    FrameworkRole.objects.filter(framework=w.framework, code="A1").update(name_th=p("role"))
    Framework.objects.filter(pk=w.framework.pk).update(name_th=p("framework"))
    Area.objects.filter(pk=w.unit.area_id).update(name_th=p("area"))
    Unit.objects.filter(pk=w.unit.pk).update(name_th=p("unit"))
    criterion = Criterion.objects.filter(element__unit__framework=w.framework).order_by("pk").first()
    assert criterion is not None, "the framework has elements and criteria"
    Element.objects.filter(pk=criterion.element_id).update(name_th=p("element"))
    Criterion.objects.filter(pk=criterion.pk).update(text_th=p("criterion"))
    text = p("skill item")
    AnnouncementItem.objects.filter(entry__announcement=w.announcement, text_th=SHARED_TEXT).update(
        text_th=text
    )
    AssessmentItem.objects.filter(person=w.cast.staff_person, text_th=SHARED_TEXT).update(text_th=text)
    return planted


# --- reading the files back ---------------------------------------------------------------------


@dataclass
class Read:
    """The cells of one file: their text, and the problems found in them."""

    texts: list[str]
    problems: list[str]


def read_xlsx(data: bytes) -> Read:
    """Every text cell; a formula cell, or formula-like text without the quote prefix, is a problem."""
    book = openpyxl.load_workbook(io.BytesIO(data))
    texts, problems = [], []
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    problems.append(f"{sheet.title}!{cell.coordinate} is a formula: {cell.value!r}")
                elif isinstance(cell.value, str):
                    texts.append(cell.value)
                    if formula_like(cell.value) and not cell.quotePrefix:
                        problems.append(f"{sheet.title}!{cell.coordinate} is live: {cell.value!r}")
    return Read(texts, problems)


def read_csv(data: bytes) -> Read:
    """Every cell; one that starts with a trigger (even after spaces) is a problem."""
    text = data.decode("utf-8-sig")
    cells = [cell for row in csv.reader(io.StringIO(text, newline="")) for cell in row]
    return Read(cells, [f"live cell {c!r}" for c in cells if formula_like(c)])


def found(read: Read, planted: str, kind: str) -> bool:
    """The planted text is in some cell (whether it is neutralised there is `Read.problems`' business).

    Names (`Person.full_name`) and imported cells are stripped on the way, which takes a leading tab
    or carriage return with them; XML keeps a carriage return as a line feed.
    """
    if kind == "xlsx":
        planted = planted.replace("\r", "\n")
    return any(text in cell for cell in read.texts for text in {planted, planted.strip()})


# --- the exports --------------------------------------------------------------------------------

Export = Callable[[], bytes]


def _get(client: Client, url: str, **params: object) -> bytes:
    response = client.get(url, params)
    assert response.status_code == 200, (url, response.status_code)
    if hasattr(response, "streaming_content"):
        return b"".join(response.streaming_content)  # type: ignore[arg-type]
    return response.content


def _command(tmp_path: Path, name: str, *args: object, **options: object) -> bytes:
    out = tmp_path / f"{name}-out"
    call_command(name, *args, output=out, stdout=io.StringIO(), stderr=io.StringIO(), **options)
    return out.read_bytes()


def _rejected_roster(w: World, trigger: str, hr: Client) -> bytes:
    """Import a roster whose rows are all rejected (unknown division); download the rejected rows."""
    headers = ["เลขประจำตัวประชาชน", "คำนำหน้าชื่อ", "ชื่อ", "นามสกุล", "ตำแหน่ง", "สังกัด"]
    national_id = generate_national_id(random.Random(trigger))
    row = [national_id, *(payload(trigger, f"roster {h}") for h in headers[1:])]
    buffer = io.StringIO()
    csv.writer(buffer).writerows([headers, row])
    record = roster_import(
        actor=SYSTEM,
        agency=w.cast.dept,
        source=buffer.getvalue().encode("utf-8"),
        filename="roster.csv",
        skip_invalid=True,
    )
    assert isinstance(record, RosterImport) and record.rejected_csv
    return _get(hr, reverse("people:import_rejected", args=[record.pk]))


def exports(w: World, trigger: str, client_for: Callable[[str], Client], tmp_path: Path) -> dict:
    """name → (format, the file's bytes, the fields whose payload it must hold)."""
    hr = client_for("hr")
    nid = w.cast.staff_person.national_id
    form_fields = [
        "first name", "position", "position level", "division", "department", "ministry", "mission",
        "specific role", "skill", "goal", "measure", "target", "use", "activity", "group", "role",
        "supervisor position", "last name",
    ]  # fmt: skip
    gap_fields = ["division", "group", "unit", "skill item", "area"]
    framework_fields = ["framework", "area", "unit", "element", "criterion"]
    roster_fields = [f"roster {h}" for h in ("คำนำหน้าชื่อ", "ชื่อ", "นามสกุล", "ตำแหน่ง", "สังกัด")]
    code = w.framework.code
    return {
        "plan form (view)": ("xlsx", _get(hr, reverse("reports:plan_xlsx", args=[w.plan.pk])), form_fields),
        "plan form (plan-form)": (
            "xlsx",
            _command(tmp_path, "plan_form", person=nid, year=YEAR, fmt="xlsx"),
            form_fields,
        ),
        "plan completion": (
            "xlsx",
            _get(hr, reverse("reports:plans_xlsx"), year=YEAR),
            ["department", "division", "group"],
        ),
        "gaps csv (view)": ("csv", _get(hr, reverse("gaps:export", args=["csv"])), gap_fields[:4]),
        "gaps xlsx (view)": (
            "xlsx",
            _get(hr, reverse("gaps:export", args=["xlsx"])),
            [*gap_fields, "department"],
        ),
        "gaps csv (gap-report)": (
            "csv",
            _command(tmp_path, "gap_report", agency=w.cast.dept.code, format="csv"),
            gap_fields[:4],
        ),
        "gaps xlsx (gap-report)": (
            "xlsx",
            _command(tmp_path, "gap_report", agency=w.cast.dept.code, format="xlsx"),
            [*gap_fields, "department"],
        ),
        "moodle csv (view)": ("csv", _get(hr, reverse("exchange:export_csv", args=[code])), framework_fields),
        "moodle csv (export-csv)": ("csv", _command(tmp_path, "export_csv", code), framework_fields),
        "rejected roster rows": ("csv", _rejected_roster(w, trigger, hr), roster_fields),
    }


@pytest.mark.parametrize("trigger", TRIGGERS, ids=[repr(t) for t in TRIGGERS])
def test_every_export_neutralises_every_planted_formula(
    world: World, trigger: str, client_for: Callable[[str], Client], tmp_path: Path
) -> None:
    planted = plant(world, trigger)
    problems: list[str] = []
    for name, (kind, data, fields) in exports(world, trigger, client_for, tmp_path).items():
        read = read_xlsx(data) if kind == "xlsx" else read_csv(data)
        problems += [f"{name}: {p}" for p in read.problems]
        for field in fields:
            text = payload(trigger, field)
            assert field.startswith("roster") or text in planted
            if not found(read, text, kind):
                problems.append(f"{name}: {field!r} is missing or not neutralised")
        starts = [t for t in read.texts if formula_like(t.removeprefix("'"))]
        if not starts and trigger.strip():  # a tab or CR alone may be stripped off every cell
            problems.append(f"{name}: no cell starts with a planted payload, so nothing was tested")
    assert not problems, "\n".join(problems)


def test_the_blank_templates_are_safe_too(cast: Cast, client_for: Callable[[str], Client]) -> None:
    """The import templates hold only our own headers; they go through the same writers."""
    hr = client_for("hr")
    learning = read_csv(_get(hr, reverse("learning:import_template")))
    roster = read_xlsx(_get(hr, reverse("people:roster_template")))
    assert learning.texts and roster.texts
    assert learning.problems == roster.problems == []
