"""Importing resources from CSV or XLSX: every row checked first, named errors, one transaction, upsert."""

from __future__ import annotations

import io
from decimal import Decimal

import openpyxl
import pytest
from django.core.management import CommandError, call_command

from digiskill.accounts.access import actor_of
from digiskill.accounts.models import AuditEntry
from digiskill.learning.importing import template_headers, write_template
from digiskill.learning.models import LearningResource
from digiskill.learning.services import resources_import
from digiskill.lib.tabular import TableError
from tests.factories import Cast
from tests.learning.conftest import GOOD_ROWS, HEADERS_EN, HEADERS_TH, csv_bytes, make_resource


def run(world: Cast, data: bytes, *, filename: str = "resources.csv", agency="dept", dry_run: bool = False):
    owner = world.dept if agency == "dept" else None
    actor = world.hr if owner is not None else world.sysadmin
    return resources_import(
        actor=actor_of(actor), agency=owner, source=data, filename=filename, dry_run=dry_run
    )


def test_a_good_file_is_imported_with_units_topics_and_numbers(world: Cast) -> None:
    result = run(world, csv_bytes(GOOD_ROWS))
    assert result.written and result.errors == []
    assert (result.rows, result.created, result.updated, result.unchanged) == (3, 3, 0, 0)
    first = LearningResource.objects.get(agency=world.dept, code="LR-001")
    assert first.kind == "e_learning" and first.cost == 0 and first.hours == 3 and first.language == "th"
    assert sorted(first.units.values_list("code", flat=True)) == ["DLit100", "DTR100"]
    assert first.topics == "การเปลี่ยนผ่านสู่ดิจิทัล\nรัฐบาลดิจิทัล"
    second = LearningResource.objects.get(code="LR-002")
    assert second.cost == Decimal("3500") and second.language == "th-en" and second.url == ""
    third = LearningResource.objects.get(code="LR-003")
    assert third.kind == "book" and third.url == "https://www.example.test/book" and third.hours is None
    assert sorted(third.units.values_list("code", flat=True)) == ["DS100", "DS300"]
    actions = AuditEntry.objects.filter(action__startswith="learning").values_list("action", flat=True)
    assert sorted(actions) == ["learning_resource_create"] * 3 + ["learning_resources_import"]


def test_english_headers_in_another_order(world: Cast) -> None:
    order = [2, 0, 1, 3, 4, 5, 6, 7, 8, 9, 10]
    headers = [HEADERS_EN[i].upper() for i in order]
    rows = [[row[i] for i in order] for row in GOOD_ROWS]
    result = run(world, csv_bytes(rows, headers=headers))
    assert result.created == 3 and result.errors == []


BAD = [
    # (column index, bad value, column key, Thai message part, English message part)
    (0, "", "code", "ต้องกรอก", "required"),
    (1, "", "title", "ต้องกรอก", "required"),
    (2, "", "provider", "ต้องกรอก", "required"),
    (3, "พอดแคสต์", "kind", "ไม่รู้จักประเภทนี้", "unknown kind"),
    (4, "ftp://files.example.test/x", "url", "ไม่ใช่ลิงก์เว็บที่ถูกต้อง", "not a valid web link"),
    (5, "-3", "hours", "ต้องไม่ติดลบ", "must not be negative"),
    (5, "สามชั่วโมง", "hours", "ไม่ใช่ตัวเลข", "not a number"),
    (6, "-100", "cost", "ต้องไม่ติดลบ", "must not be negative"),
    (7, "ญี่ปุ่น", "language", "ไม่รู้จักภาษานี้", "unknown language"),
    (8, "DS999", "units", "ไม่พบหน่วยสมรรถนะรหัสนี้", "no unit of competency has this code"),
]


@pytest.mark.parametrize(("index", "value", "column", "thai", "english"), BAD)
def test_every_bad_row_is_named_by_file_row_column_and_value_and_nothing_is_written(
    world: Cast, index: int, value: str, column: str, thai: str, english: str
) -> None:
    rows = [list(r) for r in GOOD_ROWS]
    rows[1][index] = value
    result = run(world, csv_bytes(rows), filename="หลักสูตร.csv")
    assert not result.written
    assert len(result.errors) == 1
    error = result.errors[0]
    assert (error.filename, error.row, error.column, error.value) == ("หลักสูตร.csv", 3, column, value)
    text = str(error)
    assert text.startswith("ไฟล์ 'หลักสูตร.csv' แถว 3 คอลัมน์ “") and f"ค่า {value!r}: {thai}" in text
    assert f"File 'หลักสูตร.csv' row 3, column “{column}”, value {value!r}: {english}" in text
    assert not LearningResource.objects.exists()
    assert not AuditEntry.objects.filter(action__startswith="learning").exists()


def test_an_unknown_unit_is_named_alone_among_good_ones(world: Cast) -> None:
    rows = [list(r) for r in GOOD_ROWS]
    rows[0][8] = "DTR100, XX1, DLit100"
    [error] = run(world, csv_bytes(rows)).errors
    assert (error.row, error.column, error.value) == (2, "units", "XX1")


def test_a_code_twice_in_the_file_names_the_first_row(world: Cast) -> None:
    rows = [list(r) for r in GOOD_ROWS]
    rows[2][0] = "lr-001"
    [error] = run(world, csv_bytes(rows)).errors
    assert (error.row, error.column, error.value) == (4, "code", "lr-001")
    assert "ซ้ำกับแถว 2" in str(error) and "duplicate of row 2" in str(error)
    assert not LearningResource.objects.exists()


def test_several_errors_are_all_reported_in_row_and_column_order(world: Cast) -> None:
    rows = [list(r) for r in GOOD_ROWS]
    rows[0][3] = "?"
    rows[0][6] = "abc"
    rows[2][1] = ""
    errors = run(world, csv_bytes(rows)).errors
    assert [(e.row, e.column) for e in errors] == [(2, "kind"), (2, "cost"), (4, "title")]


def test_a_tis620_file(world: Cast) -> None:
    result = run(world, csv_bytes(GOOD_ROWS, encoding="cp874"))
    assert result.created == 3
    assert LearningResource.objects.get(code="LR-001").title == "การเปลี่ยนผ่านสู่รัฐบาลดิจิทัล"


def test_an_xlsx_file_with_numbers_typed_as_numbers(world: Cast) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADERS_TH)
    for row in GOOD_ROWS:
        sheet.append(row)
    sheet.append(["LR-004", "สัมมนาข้อมูล", "ศูนย์ไอซีที", "สัมมนา", None, 2.5, 1500, "ไทย", "DT600", None, None])
    buffer = io.BytesIO()
    book.save(buffer)
    result = run(world, buffer.getvalue(), filename="resources.xlsx")
    assert result.created == 4 and result.errors == []
    fourth = LearningResource.objects.get(code="LR-004")
    assert fourth.hours == Decimal("2.5") and fourth.cost == Decimal(1500) and fourth.kind == "seminar"


def test_reimport_counts_created_updated_and_unchanged(world: Cast) -> None:
    run(world, csv_bytes(GOOD_ROWS))
    again = run(world, csv_bytes(GOOD_ROWS))
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)
    rows = [list(r) for r in GOOD_ROWS]
    rows[0][5] = "4"
    rows[1][8] = "DG500 DG100"
    rows.append(["LR-009", "ใหม่", "ผู้จัด", "วิดีโอ", "", "", "", "", "", "", ""])
    third = run(world, csv_bytes(rows))
    assert (third.created, third.updated, third.unchanged) == (1, 2, 1)
    assert LearningResource.objects.get(code="LR-001").hours == 4
    assert sorted(LearningResource.objects.get(code="LR-002").units.values_list("code", flat=True)) == [
        "DG100",
        "DG500",
    ]
    assert AuditEntry.objects.filter(action="learning_resource_update").count() == 2


def test_reimport_reactivates_and_keeps_the_stored_code(world: Cast) -> None:
    from digiskill.learning.services import resource_deactivate

    run(world, csv_bytes(GOOD_ROWS))
    resource = LearningResource.objects.get(code="LR-001")
    resource_deactivate(actor=actor_of(world.hr), resource=resource)
    rows = [list(r) for r in GOOD_ROWS]
    rows[0][0] = "lr-001"
    result = run(world, csv_bytes(rows))
    assert (result.updated, result.unchanged) == (1, 2)
    resource.refresh_from_db()
    assert resource.is_active and resource.code == "LR-001"


def test_a_dry_run_writes_nothing(world: Cast) -> None:
    result = run(world, csv_bytes(GOOD_ROWS), dry_run=True)
    assert (result.created, result.written) == (3, False)
    assert not LearningResource.objects.exists()
    assert not AuditEntry.objects.filter(action__startswith="learning").exists()


def test_resources_of_other_owners_are_neither_matched_nor_touched(world: Cast) -> None:
    other = make_resource(world.other_dept, "LR-001", title="ของกรมอื่น")
    shared = make_resource(None, "LR-001", title="ส่วนกลาง")
    result = run(world, csv_bytes(GOOD_ROWS))
    assert result.created == 3
    other.refresh_from_db()
    shared.refresh_from_db()
    assert (other.title, shared.title) == ("ของกรมอื่น", "ส่วนกลาง")


def test_a_system_administrator_imports_shared_resources(world: Cast) -> None:
    result = run(world, csv_bytes(GOOD_ROWS), agency=None)
    assert result.created == 3
    assert LearningResource.objects.filter(agency__isnull=True).count() == 3
    assert AuditEntry.objects.get(action="learning_resources_import").agency_id is None


def test_a_missing_required_column_is_one_clear_error(world: Cast) -> None:
    headers = [h for h in HEADERS_TH if h != "ประเภท"]
    rows = [[c for i, c in enumerate(r) if i != 3] for r in GOOD_ROWS]
    with pytest.raises(TableError, match="ไม่พบคอลัมน์ที่จำเป็น: ประเภท"):
        run(world, csv_bytes(rows, headers=headers))


def test_unknown_columns_are_warned_about(world: Cast) -> None:
    rows = [[*r, "x"] for r in GOOD_ROWS]
    result = run(world, csv_bytes(rows, headers=[*HEADERS_TH, "หมายเหตุ"]))
    assert result.created == 3 and any("หมายเหตุ" in w for w in result.warnings)


def test_the_template_reads_back_as_an_empty_valid_file(world: Cast) -> None:
    buffer = io.BytesIO()
    write_template(buffer)
    assert buffer.getvalue().startswith("\ufeffรหัส *,ชื่อ *,ผู้จัด *,ประเภท *,ลิงก์".encode())
    assert template_headers()[-1] == "รายละเอียด"
    result = run(world, buffer.getvalue())
    assert (result.rows, result.errors) == (0, [])


def test_the_command_line_import(world: Cast, tmp_path) -> None:
    path = tmp_path / "resources.csv"
    path.write_bytes(csv_bytes(GOOD_ROWS))
    out = io.StringIO()
    call_command("import_resources", str(path), "--agency", world.dept.code, "--dry-run", stdout=out)
    assert "created 3" in out.getvalue() and not LearningResource.objects.exists()
    call_command("import_resources", str(path), "--agency", world.dept.code, stdout=out)
    assert LearningResource.objects.filter(agency=world.dept).count() == 3
    call_command("import_resources", str(path), stdout=out)
    assert LearningResource.objects.filter(agency__isnull=True).count() == 3


def test_the_command_line_refuses_a_bad_file_and_an_unknown_department(world: Cast, tmp_path) -> None:
    rows = [list(r) for r in GOOD_ROWS]
    rows[0][3] = "??"
    path = tmp_path / "bad.csv"
    path.write_bytes(csv_bytes(rows))
    err = io.StringIO()
    with pytest.raises(CommandError, match="Nothing imported"):
        call_command(
            "import_resources", str(path), "--agency", world.dept.code, stderr=err, stdout=io.StringIO()
        )
    assert "แถว 2 คอลัมน์ “ประเภท” ค่า '??'" in err.getvalue()
    with pytest.raises(CommandError, match="No department with code 'NOPE'"):
        call_command("import_resources", str(path), "--agency", "NOPE")
    with pytest.raises(CommandError, match="File not found"):
        call_command("import_resources", str(tmp_path / "missing.csv"))
