"""The roster import never loses data: no deactivation without a named, confirmed list; the
export re-imports to no change; limits refuse oversized files before the work; imports racing
for one department run one after the other."""

from __future__ import annotations

import ast
import csv
import io
import random
import threading
import zipfile
from pathlib import Path

import openpyxl
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test import Client
from django.urls import reverse

from digiskill.accounts.access import SYSTEM
from digiskill.lib.national_id import generate_national_id
from digiskill.lib.tabular import TableError, write_xlsx
from digiskill.people import services
from digiskill.people.models import Person, RosterImport
from digiskill.people.roster import template_headers
from digiskill.people.services import roster_import
from tests.factories import Cast, make_person

rng = random.Random(29)
HEADERS = ["เลขประจำตัวประชาชน", "คำนำหน้าชื่อ", "ชื่อ", "นามสกุล", "ตำแหน่ง", "สังกัด"]
NOT_HR = ["staff", "supervisor", "director", "assessor", "executive"]


def csv_bytes(rows: list[list[str]], headers: list[str] = HEADERS) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(headers)
    writer.writerows(rows)
    return buffer.getvalue().encode()


def newcomer(**cells: str) -> list[str]:
    row = {"nid": generate_national_id(rng), "title": "นาง", "first": "มาลี", "last": "ดีงาม"}
    row.update(position="นักวิชาการคอมพิวเตอร์", division="กองที่ 1")
    row.update(cells)
    return list(row.values())


def upload(client: Client, data: bytes, name: str = "roster.csv", **fields: str):
    file = io.BytesIO(data)
    file.name = name
    return client.post(reverse("people:import"), {"file": file, "import": "1", **fields})


def active(cast: Cast) -> int:
    return Person.objects.filter(agency=cast.dept, is_active=True).count()


# --- the default never destroys ----------------------------------------------------------------


def test_a_one_row_import_with_the_defaults_deactivates_nobody(cast: Cast, ocsc, client_for) -> None:
    before = active(cast)
    response = upload(client_for("hr"), csv_bytes([newcomer()]))
    record = RosterImport.objects.get()
    assert response.status_code == 302 and record.written
    assert record.counts["created"] == 1 and record.counts["deactivated"] == 0
    assert active(cast) == before + 1


def test_deactivation_lists_names_and_count_and_waits_for_confirmation(cast: Cast, ocsc, client_for) -> None:
    hr = client_for("hr")
    before = active(cast)
    response = upload(hr, csv_bytes([newcomer()]), deactivate_missing="on")
    check = RosterImport.objects.get()
    assert not check.written and check.awaiting_confirmation
    assert active(cast) == before  # nothing written yet
    page = hr.get(response["Location"]).content.decode()
    # everyone but the HR administrator (their own record is kept) is listed by name
    names = [p.full_name for p in (cast.staff_person, cast.supervisor_person, cast.director_person)]
    assert all(name in page for name in names)
    assert check.counts["deactivated"] == before - 1 == len(check.deactivation)
    assert f"จะปิดสถานะ {before - 1} คน (ไม่มีชื่อในไฟล์)" in page
    assert f"นำเข้าและปิดสถานะ {before - 1} คน" in page
    assert any("Your own record" in w for w in check.warnings)

    done = hr.post(reverse("people:import_confirm", args=[check.pk]), {"token": check.confirm_token})
    record = RosterImport.objects.exclude(pk=check.pk).get()
    assert done["Location"] == reverse("people:import_result", args=[record.pk])
    assert record.written and record.counts["deactivated"] == before - 1
    assert active(cast) == 2  # the HR administrator and the newcomer
    assert Person.objects.get(user=cast.hr).is_active

    again = hr.post(reverse("people:import_confirm", args=[check.pk]), {"token": check.confirm_token})
    assert again.status_code == 302
    assert RosterImport.objects.count() == 2  # a check is confirmed once at most


def test_a_wrong_or_stale_confirmation_asks_again(cast: Cast, ocsc, client_for) -> None:
    hr = client_for("hr")
    upload(hr, csv_bytes([newcomer()]), deactivate_missing="on")
    check = RosterImport.objects.get()
    late = make_person(cast.dept, first_name="มาทีหลัง")  # joins between the check and the confirmation
    hr.post(reverse("people:import_confirm", args=[check.pk]), {"token": check.confirm_token})
    second = RosterImport.objects.exclude(pk=check.pk).get()
    assert not second.written and second.awaiting_confirmation
    assert late.pk in {p["pk"] for p in second.deactivation}
    assert "changed since the check" in second.warnings[0]
    assert Person.objects.filter(agency=cast.dept, is_active=False).count() == 0


def test_only_the_latest_check_of_a_department_can_be_confirmed(cast: Cast, ocsc, client_for) -> None:
    hr = client_for("hr")
    upload(hr, csv_bytes([newcomer()]), deactivate_missing="on")
    older = RosterImport.objects.get()
    upload(hr, csv_bytes([newcomer(), newcomer()]), deactivate_missing="on")
    older.refresh_from_db()
    assert not older.awaiting_confirmation and not bytes(older.upload)
    hr.post(reverse("people:import_confirm", args=[older.pk]), {"token": older.confirm_token})
    assert not RosterImport.objects.filter(written=True).exists()
    assert Person.objects.filter(agency=cast.dept, is_active=False).count() == 0


def test_the_result_page_names_who_would_go_and_offers_the_confirmation(cast: Cast, ocsc, client_for) -> None:
    hr = client_for("hr")
    upload(hr, csv_bytes([newcomer()]), deactivate_missing="on")
    check = RosterImport.objects.get()
    html = hr.get(reverse("people:import_result", args=[check.pk])).content.decode()
    assert 'id="deactivation-list"' in html and cast.director_person.full_name in html
    assert f'value="{check.confirm_token}"' in html
    assert reverse("people:import_confirm", args=[check.pk]) in html


# --- export and re-import ----------------------------------------------------------------------


def _roster_with_everything(cast: Cast) -> None:
    """Give the cast workloads, career paths, English names and e-mails, so every column round-trips."""
    rows = [
        [
            p.national_id, p.title, p.first_name, p.last_name, "Somchai", "Dee", p.position, "ชำนาญการ",
            "ปฏิบัติการ", p.division.code, p.supervisor.national_id if p.supervisor else "",
            f"u{p.pk}@example.test", "A:30, S:70", "S",
        ]
        for p in Person.objects.filter(agency=cast.dept).select_related("division", "supervisor")
    ]  # fmt: skip
    headers = [c.rstrip(" *") for c in template_headers()]
    record = roster_import(actor=SYSTEM, agency=cast.dept, source=csv_bytes(rows, headers), filename="r.csv")
    assert record.written and record.counts["updated"] == len(rows), record.errors


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_the_exported_roster_reimports_to_no_change(cast: Cast, ocsc, client_for, fmt: str) -> None:
    _roster_with_everything(cast)
    snapshot = list(Person.objects.filter(agency=cast.dept).order_by("pk").values())
    response = client_for("hr").get(reverse("people:roster_export"), {"format": fmt})
    assert response.status_code == 200
    data = b"".join(response.streaming_content)
    record = roster_import(
        actor=SYSTEM, agency=cast.dept, source=data, filename=f"roster.{fmt}", deactivate_missing=True
    )
    assert record.written, record.errors
    assert (record.counts["created"], record.counts["updated"], record.counts["deactivated"]) == (0, 0, 0)
    assert record.counts["unchanged"] == len(snapshot)
    assert list(Person.objects.filter(agency=cast.dept).order_by("pk").values()) == snapshot


def test_the_export_uses_the_template_headers_and_neutralises_formulas(cast: Cast, ocsc, client_for) -> None:
    Person.objects.filter(pk=cast.staff_person.pk).update(position="=HYPERLINK(1)")
    response = client_for("hr").get(reverse("people:roster_export"), {"format": "csv"})
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == template_headers()
    assert any("'=HYPERLINK(1)" in row for row in rows[1:])
    xlsx = b"".join(client_for("hr").get(reverse("people:roster_export")).streaming_content)
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx)).worksheets[0]
    assert [c.value for c in next(sheet.iter_rows(max_row=1))] == template_headers()
    assert sheet.max_row == 1 + active(cast)


def test_inactive_people_are_exported_only_when_asked(cast: Cast, ocsc, client_for) -> None:
    Person.objects.filter(pk=cast.staff_person.pk).update(is_active=False)
    hr = client_for("hr")
    default = b"".join(hr.get(reverse("people:roster_export"), {"format": "csv"}).streaming_content)
    everyone = b"".join(
        hr.get(reverse("people:roster_export"), {"format": "csv", "inactive": "1"}).streaming_content
    )
    assert cast.staff_person.national_id.encode() not in default
    assert cast.staff_person.national_id.encode() in everyone


# --- limits ------------------------------------------------------------------------------------


def _run(cast: Cast, data: bytes, name: str = "roster.csv", **options) -> RosterImport:
    return roster_import(actor=SYSTEM, agency=cast.dept, source=data, filename=name, **options)


def test_a_file_over_the_size_limit_is_refused_before_reading(cast: Cast, ocsc, settings) -> None:
    settings.ROSTER_MAX_BYTES = 200
    data = csv_bytes([newcomer() for _ in range(5)])
    with pytest.raises(TableError) as caught:
        _run(cast, data, "big.csv")
    assert "'big.csv'" in str(caught.value) and "over the limit of" in str(caught.value)
    assert "เกินขนาดสูงสุด" in str(caught.value)
    assert not RosterImport.objects.exists()


def test_the_upload_form_names_the_file_and_the_size_limit(cast: Cast, ocsc, client_for, settings) -> None:
    settings.ROSTER_MAX_BYTES = 1024 * 1024
    response = upload(client_for("hr"), b"x" * (1024 * 1024 + 1), "huge.csv")
    assert response.status_code == 200
    html = response.content.decode()
    assert "huge.csv" in html and "1 MB" in html
    assert not RosterImport.objects.exists()


def test_too_many_rows_are_refused(cast: Cast, ocsc, settings) -> None:
    settings.ROSTER_MAX_ROWS = 2
    with pytest.raises(TableError) as caught:
        _run(cast, csv_bytes([newcomer() for _ in range(3)]))
    assert "more than 2 data rows" in str(caught.value)
    buffer = io.BytesIO()
    write_xlsx(buffer, "roster", HEADERS, [newcomer() for _ in range(3)])
    with pytest.raises(TableError, match="more than 2 data rows"):
        _run(cast, buffer.getvalue(), "roster.xlsx")
    assert not Person.objects.filter(first_name="มาลี").exists()


def test_a_small_xlsx_hiding_a_huge_cell_is_refused_before_it_is_opened(cast: Cast, ocsc, settings) -> None:
    settings.ROSTER_MAX_UNPACKED_BYTES = 1024 * 1024
    plain = io.BytesIO()
    write_xlsx(plain, "roster", HEADERS, [newcomer(position="PLACEHOLDER")])
    buffer = io.BytesIO()  # the same workbook, its cell swelled past what Excel itself would write
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as bomb:
        for info in source.infolist():
            data = source.read(info)
            if info.filename.startswith("xl/worksheets/"):
                data = data.replace(b"PLACEHOLDER", "ก".encode() * 2_000_000)
            bomb.writestr(info.filename, data)
    assert len(buffer.getvalue()) < 100_000  # it compresses very well
    with pytest.raises(TableError) as caught:
        _run(cast, buffer.getvalue(), "bomb.xlsx")
    assert "'bomb.xlsx'" in str(caught.value) and "unpacks to" in str(caught.value)


def test_a_cell_over_the_limit_is_an_error_of_its_row_and_never_stored_whole(
    cast: Cast, ocsc, settings
) -> None:
    settings.ROSTER_MAX_CELL = 50
    long = "ตำแหน่ง" * 20
    record = _run(cast, csv_bytes([newcomer(), newcomer(position=long)]), skip_invalid=True)
    assert record.written and record.counts["created"] == 1 and record.counts["rejected"] == 1
    (error,) = record.errors
    assert "Row 3" in error and "column “position”" in error and "over the limit of 50 per cell" in error
    assert len(error) < 400
    rejected = list(csv.reader(io.StringIO(record.rejected_csv)))
    assert max(len(cell) for cell in rejected[1][:-1]) <= 51


def test_a_100000_character_name_is_a_row_error_not_a_crash(cast: Cast, ocsc, client_for) -> None:
    response = upload(client_for("hr"), csv_bytes([newcomer(first="ก" * 100_000)]))
    record = RosterImport.objects.get()
    assert response.status_code == 302 and not record.written
    (error,) = record.errors
    assert "column “first_name”" in error and "over the limit of 1,000 per cell" in error
    assert len(error) < 400
    assert len(record.rejected_csv) < 5000


def test_a_name_longer_than_its_field_is_a_row_error(cast: Cast, ocsc) -> None:
    record = _run(cast, csv_bytes([newcomer(last="ข" * 200)]))
    assert not record.written
    assert "column “last_name”" in record.errors[0] and "over the 128 this field holds" in record.errors[0]


# --- imports racing ----------------------------------------------------------------------------


def test_an_import_writes_what_it_finds_after_another_one_committed(cast: Cast, ocsc, monkeypatch) -> None:
    """The second import parses, the first runs whole, then the second writes: no IntegrityError."""
    data = csv_bytes([newcomer(), newcomer()])
    real = services.check_roster
    others: list[RosterImport] = []

    def parse_then_let_another_import_run(*args, **kwargs):
        check = real(*args, **kwargs)
        if not others:
            others.append(RosterImport())  # claim the interleaving before running the other import
            others[0] = _run(cast, data)
        return check

    monkeypatch.setattr(services, "check_roster", parse_then_let_another_import_run)
    first = _run(cast, data)
    assert others[0].counts["created"] == 2
    assert first.written and first.counts["created"] == 0 and first.counts["unchanged"] == 2
    assert Person.objects.filter(agency=cast.dept, first_name="มาลี").count() == 2


@pytest.mark.skipif(connection.vendor != "postgresql", reason="real concurrent connections: PostgreSQL")
def test_two_imports_racing_on_postgresql(transactional_db, ocsc) -> None:
    from tests.factories import make_department

    dept = make_department("RACE")
    data = csv_bytes([newcomer() for _ in range(50)])
    results: list[RosterImport | BaseException] = []
    start = threading.Barrier(2)

    def one() -> None:
        try:
            start.wait()
            results.append(roster_import(actor=SYSTEM, agency=dept, source=data, filename="r.csv"))
        except BaseException as exc:
            results.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=one) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(isinstance(r, RosterImport) and r.written for r in results), results
    created = sorted(r.counts["created"] for r in results if isinstance(r, RosterImport))
    assert created == [0, 50]
    assert Person.objects.filter(agency=dept).count() == 50


# --- the command line --------------------------------------------------------------------------


def test_the_command_line_deactivates_only_with_the_flag_and_yes(cast: Cast, ocsc, tmp_path: Path) -> None:
    path = tmp_path / "one.csv"
    path.write_bytes(csv_bytes([newcomer()]))
    before = active(cast)
    call_command("import_roster", str(path), agency=cast.dept.code, stdout=io.StringIO())
    assert active(cast) == before + 1
    out = io.StringIO()
    with pytest.raises(CommandError, match="--yes"):
        call_command("import_roster", str(path), agency=cast.dept.code, deactivate_missing=True, stdout=out)
    assert cast.director_person.full_name in out.getvalue()  # the named list is printed
    assert active(cast) == before + 1
    call_command(
        "import_roster", str(path), agency=cast.dept.code, deactivate_missing=True, yes=True, stdout=out
    )
    assert active(cast) == 1


def test_the_command_line_export_reimports_to_no_change(cast: Cast, ocsc, tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    call_command("export_roster", agency=cast.dept.code, output=str(path), stdout=io.StringIO())
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    out = io.StringIO()
    call_command("import_roster", str(path), agency=cast.dept.code, deactivate_missing=True, stdout=out)
    record = RosterImport.objects.filter(written=True).get()
    assert record.written
    assert (record.counts["created"], record.counts["updated"], record.counts["deactivated"]) == (0, 0, 0)
    xlsx = tmp_path / "roster.xlsx"
    call_command("export_roster", agency=cast.dept.code, output=str(xlsx), stdout=io.StringIO())
    assert zipfile.is_zipfile(xlsx)


# --- access ------------------------------------------------------------------------------------


def test_roster_export_access(cast: Cast, ocsc, client_for) -> None:
    url = reverse("people:roster_export")
    assert client_for("hr").get(url).status_code == 200
    outsider = b"".join(client_for("outsider").get(url, {"format": "csv"}).streaming_content)
    assert cast.staff_person.national_id.encode() not in outsider  # their own department only
    for role in NOT_HR:
        assert client_for(role).get(url).status_code == 403
    assert client_for("sysadmin").get(url).status_code == 404
    anonymous = Client().get(url)
    assert anonymous.status_code == 302 and anonymous["Location"].startswith(reverse("accounts:login"))


def test_import_confirm_access(cast: Cast, ocsc, client_for) -> None:
    record = _run(cast, csv_bytes([newcomer()]), deactivate_missing=True)
    url = reverse("people:import_confirm", args=[record.pk])
    data = {"token": record.confirm_token}
    assert client_for("outsider").post(url, data).status_code == 404
    for role in NOT_HR:
        assert client_for(role).post(url, data).status_code == 403
    anonymous = Client().post(url, data)
    assert anonymous.status_code == 302 and anonymous["Location"].startswith(reverse("accounts:login"))
    assert client_for("hr").get(url).status_code == 405
    assert active(cast) == Person.objects.filter(agency=cast.dept).count()  # nothing confirmed by them


# --- people never imports the apps above it ----------------------------------------------------


def test_people_views_do_not_import_plans() -> None:
    tree = ast.parse(Path(services.__file__).with_name("views.py").read_text())
    modules = [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
    modules += [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
    assert modules and not any(m.startswith("digiskill.plans") for m in modules)


def test_the_person_page_shows_what_plans_registers(cast: Cast, ocsc, client_for) -> None:
    html = client_for("hr").get(reverse("people:detail", args=[cast.staff_person.pk])).content.decode()
    assert "ยังไม่มีแผนพัฒนารายบุคคล" in html  # registered by plans, rendered by people


def test_people_in_no_division_round_trip_through_the_department_s_own_code(
    cast: Cast, ocsc, client_for
) -> None:
    """The director-general sits in no division: the export names the department, the import reads it back."""
    chief = make_person(cast.dept, first_name="อธิบดี")
    Person.objects.filter(pk=chief.pk).update(division=None)
    snapshot = list(Person.objects.filter(agency=cast.dept).order_by("pk").values())
    response = client_for("hr").get(reverse("people:roster_export"), {"format": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    division_col = rows[0].index("สังกัด *")
    assert [r[division_col] for r in rows[1:] if r[0] == chief.national_id] == [cast.dept.code]
    data = "\r\n".join(",".join(r) for r in rows).encode("utf-8")
    record = roster_import(actor=SYSTEM, agency=cast.dept, source=data, filename="roster.csv")
    assert record.written, record.errors
    assert (record.counts["created"], record.counts["updated"]) == (0, 0)
    assert list(Person.objects.filter(agency=cast.dept).order_by("pk").values()) == snapshot
    # A new person named at the department level by its Thai name lands in no division.
    row = newcomer(division=cast.dept.name_th)
    record = roster_import(actor=SYSTEM, agency=cast.dept, source=csv_bytes([row]), filename="new.csv")
    assert record.written and record.counts["created"] == 1, record.errors
    assert Person.objects.get(agency=cast.dept, national_id=row[0]).division is None
