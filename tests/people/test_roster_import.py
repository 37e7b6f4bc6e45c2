"""Roster import: every row checked first, all-or-nothing (or skip the invalid), bulk writes, re-import."""

from __future__ import annotations

import csv
import io
import random

import openpyxl
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from digiskill.accounts.access import SYSTEM
from digiskill.accounts.models import AuditEntry
from digiskill.lib.national_id import generate_national_id
from digiskill.lib.tabular import TableError, write_xlsx
from digiskill.people.models import Person, RosterImport
from digiskill.people.roster import template_headers
from digiskill.people.services import roster_import
from tests.factories import Cast, make_department

rng = random.Random(11)
THAI_HEADERS = [
    "เลขประจำตัวประชาชน",
    "คำนำหน้าชื่อ",
    "ชื่อ",
    "นามสกุล",
    "ตำแหน่ง",
    "สังกัด",
    "เลขประจำตัวประชาชนผู้บังคับบัญชา",
    "สัดส่วนงาน",
    "กลุ่มตามเส้นทางความก้าวหน้า",
]


def nid() -> str:
    return generate_national_id(rng)


def bad_nid() -> str:
    good = nid()
    return good[:-1] + str((int(good[-1]) + 1) % 10)


def csv_bytes(rows: list[list[str]], headers: list[str] = THAI_HEADERS, encoding: str = "utf-8") -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(headers)
    writer.writerows(rows)
    return buffer.getvalue().encode(encoding)


def run(dept, data: bytes, name: str = "roster.csv", **options) -> RosterImport:
    return roster_import(actor=SYSTEM, agency=dept, source=data, filename=name, **options)


@pytest.fixture
def dept(ocsc):
    return make_department("ROS")


def three_people() -> tuple[list[list[str]], list[str]]:
    """A director, a head reporting to them and a staff member listed before their head."""
    ids = [nid(), nid(), nid()]
    rows = [
        [ids[2], "นาง", "สมหญิง", "ใจดี", "นักทรัพยากรบุคคล", "กองที่ 1", ids[1], "A:30, S:70", ""],
        [ids[0], "นาย", "สมชาย", "ศรีสุข", "ผู้อำนวยการกอง", "ROS-DIV1", "", "M:100", "M"],
        [ids[1], "นางสาว", "วิไล", "ทองคำ", "หัวหน้ากลุ่มงาน", "กองที่ 1", ids[0], "A:50, S:50", "A"],
    ]
    return rows, ids


def test_a_valid_roster_is_imported_with_its_chain_of_supervisors(dept) -> None:
    rows, ids = three_people()
    record = run(dept, csv_bytes(rows))
    assert record.written
    assert record.counts["created"] == 3
    staff = Person.objects.get(agency=dept, national_id=ids[2])
    assert staff.supervisor.national_id == ids[1]
    assert staff.supervisor.supervisor.national_id == ids[0]
    assert staff.division.code == "ROS-DIV1"
    assert staff.workload == {"A": 30, "S": 70}
    assert Person.objects.get(national_id=ids[1]).career_path_group == "A"


def test_english_headers_in_any_order_and_a_bom(dept) -> None:
    headers = ["division", "last_name", "first_name", "national_id", "position", "email"]
    data = csv_bytes([["กองที่ 2", "ใจดี", "สมศรี", nid(), "นักวิชาการคอมพิวเตอร์", "a@example.test"]], headers)
    record = run(dept, b"\xef\xbb\xbf" + data)
    assert record.counts["created"] == 1
    assert Person.objects.get(first_name="สมศรี").email == "a@example.test"


def test_a_tis620_file_with_a_bad_national_id_writes_nothing_and_names_the_row(dept) -> None:
    rows, _ids = three_people()
    wrong = bad_nid()
    rows[1][0] = wrong
    record = run(dept, csv_bytes(rows, encoding="cp874"))
    assert not record.written
    assert not Person.objects.filter(agency=dept).exists()
    assert len(record.errors) >= 1
    message = record.errors[0]
    assert message.startswith("แถว 3 คอลัมน์ “เลขประจำตัวประชาชน”")
    assert wrong in message
    assert "check digit mismatch" in message
    assert message.index("เลขตรวจสอบไม่ตรง") < message.index("Row 3")


def test_an_xlsx_roster(dept) -> None:
    rows, _ids = three_people()
    buffer = io.BytesIO()
    starred = template_headers()
    write_xlsx(buffer, "roster", [starred[i] for i in (0, 1, 2, 3, 6, 9, 10, 12, 13)], rows)
    # the template's "*" marks and the Thai headers are both accepted
    record = run(dept, buffer.getvalue(), "roster.xlsx")
    assert record.counts["created"] == 3, record.errors


@pytest.mark.parametrize(
    ("mutate", "column", "english"),
    [
        (lambda r, ids: r[0].__setitem__(5, "กองที่ไม่มี"), "division", "no such division"),
        (lambda r, ids: r[0].__setitem__(6, nid()), "supervisor_national_id", "neither in the file"),
        (lambda r, ids: r[0].__setitem__(7, "A:30, S:60"), "workload", "add up to 90"),
        (lambda r, ids: r[0].__setitem__(7, "A:30, Z:70"), "workload", "unknown group code"),
        (lambda r, ids: r[0].__setitem__(8, "Q"), "career_path_group", "unknown group"),
        (lambda r, ids: r[0].__setitem__(2, ""), "first_name", "required"),
        (lambda r, ids: r[2].__setitem__(0, ids[2]), "national_id", "duplicate of row 2"),
    ],
)
def test_every_error_names_row_column_and_value(dept, mutate, column, english) -> None:
    rows, ids = three_people()
    mutate(rows, ids)
    record = run(dept, csv_bytes(rows))
    assert not record.written
    assert any(f"column “{column}”" in e and english in e for e in record.errors), record.errors
    assert not Person.objects.filter(agency=dept).exists()


def test_a_chain_of_supervisors_that_loops_is_refused(dept) -> None:
    rows, ids = three_people()
    rows[1][6] = ids[2]  # the director now reports to the staff member: a loop of three
    record = run(dept, csv_bytes(rows))
    loops = [e for e in record.errors if "loops" in e]
    assert len(loops) == 3
    assert not record.written


def test_skip_invalid_writes_the_valid_rows_and_returns_the_rejected_ones(dept) -> None:
    rows, ids = three_people()
    rows[0][5] = "ไม่มีกองนี้"
    extra = [nid(), "นาย", "ลูกทีม", "ของคนที่ถูกปฏิเสธ", "เจ้าพนักงานธุรการ", "กองที่ 2", ids[2], "", ""]
    record = run(dept, csv_bytes([*rows, extra]), skip_invalid=True)
    assert record.written
    assert record.counts["created"] == 2
    assert record.counts["rejected"] == 2
    rejected = list(csv.reader(io.StringIO(record.rejected_csv)))
    assert rejected[0] == [*THAI_HEADERS, "เหตุผลที่ไม่นำเข้า / reason"]
    assert [r[0] for r in rejected[1:]] == [ids[2], extra[0]]
    assert "no such division" in rejected[1][-1]
    assert "supervisor's own row was rejected" in rejected[2][-1]


def test_reimport_reports_created_updated_unchanged_and_deactivated(dept) -> None:
    rows, ids = three_people()
    run(dept, csv_bytes(rows))
    rows[0][4] = "นักทรัพยากรบุคคลชำนาญการ"
    newcomer = [nid(), "นาย", "มาใหม่", "ล่าสุด", "นักวิชาการคอมพิวเตอร์", "กองที่ 2", ids[0], "T:100", ""]
    data = csv_bytes([rows[0], rows[1], newcomer])
    check = run(dept, data, deactivate_missing=True)
    assert not check.written and check.awaiting_confirmation
    assert [p["name"] for p in check.deactivation] == ["นางสาววิไล ทองคำ"]
    record = run(dept, data, deactivate_missing=True, confirm_token=check.confirm_token)
    assert record.written
    assert record.counts == {
        "rows": 3,
        "valid": 3,
        "rejected": 0,
        "errors": 0,
        "created": 1,
        "updated": 1,
        "unchanged": 1,
        "deactivated": 1,
    }
    assert not Person.objects.get(national_id=ids[1]).is_active
    assert Person.objects.get(national_id=ids[2]).position == "นักทรัพยากรบุคคลชำนาญการ"


def test_by_default_a_roster_only_adds_and_updates(dept) -> None:
    rows, _ids = three_people()
    run(dept, csv_bytes(rows))
    record = run(dept, csv_bytes(rows[1:2]))
    assert record.written
    assert record.counts["deactivated"] == 0
    assert not record.deactivation
    assert Person.objects.filter(agency=dept, is_active=True).count() == 3


def test_a_dry_run_writes_no_people(dept) -> None:
    rows, _ids = three_people()
    record = run(dept, csv_bytes(rows), dry_run=True)
    assert record.counts["created"] == 3
    assert not record.written
    assert not Person.objects.filter(agency=dept).exists()


def test_one_summary_audit_row_and_one_per_person(dept) -> None:
    rows, _ids = three_people()
    record = run(dept, csv_bytes(rows))
    assert AuditEntry.objects.filter(action="roster_import", object_id=str(record.pk)).count() == 1
    assert AuditEntry.objects.filter(agency=dept, action="person_create").count() == 3


def test_a_supervisor_already_in_the_department_is_found(cast: Cast, ocsc) -> None:
    row = [nid(), "นาย", "ใหม่", "ในกรม", "นักทรัพยากรบุคคล", "กองที่ 1", cast.director_person.national_id, "", ""]
    record = run(cast.dept, csv_bytes([row]))
    assert record.counts["created"] == 1
    assert Person.objects.get(national_id=row[0]).supervisor == cast.director_person


def test_a_whole_roster_warns_when_a_supervisor_is_left_out(cast: Cast, ocsc) -> None:
    row = [nid(), "นาย", "ใหม่", "ในกรม", "นักทรัพยากรบุคคล", "กองที่ 1", cast.director_person.national_id, "", ""]
    record = run(cast.dept, csv_bytes([row]), dry_run=True, deactivate_missing=True)
    assert any("supervise people who stay active" in w for w in record.warnings)
    director = next(p for p in record.deactivation if p["pk"] == cast.director_person.pk)
    assert director["supervises"] == 1  # the new row (their other report is left out of the file too)


def test_people_of_another_department_are_neither_supervisors_nor_touched(cast: Cast, ocsc) -> None:
    row = [nid(), "นาย", "ใหม่", "ในกรม", "นักทรัพยากรบุคคล", "กองที่ 1", cast.outsider_person.national_id, "", ""]
    record = run(cast.dept, csv_bytes([row]))
    assert not record.written
    assert cast.outsider_person.__class__.objects.get(pk=cast.outsider_person.pk).is_active


def test_a_missing_required_column_is_one_clear_error(dept) -> None:
    with pytest.raises(TableError) as caught:
        run(dept, csv_bytes([["x"]], headers=["ชื่อ"]))
    assert "national_id" in str(caught.value)


def test_the_command_line_import(dept, tmp_path) -> None:
    rows, _ids = three_people()
    path = tmp_path / "roster.csv"
    path.write_bytes(csv_bytes(rows, encoding="cp874"))
    out = io.StringIO()
    call_command("import_roster", str(path), agency="ROS", dry_run=True, stdout=out)
    assert "created 3" in out.getvalue()
    assert not Person.objects.filter(agency=dept).exists()
    assert RosterImport.objects.get().dry_run  # the check is on record, like a check on the web
    call_command("import_roster", str(path), agency="ROS", stdout=io.StringIO())
    assert Person.objects.filter(agency=dept).count() == 3


def test_the_command_line_refuses_a_file_with_errors_and_writes_rejected_rows(dept, tmp_path) -> None:
    rows, _ids = three_people()
    rows[1][0] = bad_nid()
    path = tmp_path / "roster.csv"
    path.write_bytes(csv_bytes(rows))
    with pytest.raises(CommandError):
        call_command("import_roster", str(path), agency="ROS", stdout=io.StringIO(), stderr=io.StringIO())
    assert (tmp_path / "roster.csv.rejected.csv").exists()
    call_command(
        "import_roster",
        str(path),
        agency="ROS",
        skip_invalid=True,
        stdout=io.StringIO(),
        stderr=io.StringIO(),
    )
    assert Person.objects.filter(agency=dept).count() == 0  # both others hang from the rejected director


def test_the_blank_template(tmp_path) -> None:
    path = tmp_path / "t.xlsx"
    call_command("roster_template", output=str(path), stdout=io.StringIO())
    sheet = openpyxl.load_workbook(path).worksheets[0]
    headers = [c.value for c in next(sheet.iter_rows(max_row=1))]
    assert headers[0] == "เลขประจำตัวประชาชน *"
    assert "อีเมล" in headers
    assert headers == template_headers()
