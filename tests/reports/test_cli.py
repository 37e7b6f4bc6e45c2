"""`digiskill plan-form`: the official form from the command line, and its clear refusals."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from digiskill.lib.thai_dates import fiscal_year
from digiskill.people.models import Person
from digiskill.plans.models import Plan, PlanStatus
from tests.factories import Cast, make_person
from tests.reports.conftest import YEAR, assert_form_facts, make_plan, pdf_text, xlsx_text

pytestmark = pytest.mark.django_db


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("plan_form", *args, stdout=out)
    return out.getvalue()


def test_writes_the_pdf_and_the_xlsx(idp: Plan, tmp_path: Path) -> None:
    nid = idp.person.national_id
    pdf, xlsx = tmp_path / "idp.pdf", tmp_path / "idp.xlsx"
    said = run("--person", nid, "--year", str(YEAR), "--format", "pdf", "-o", str(pdf))
    assert str(pdf) in said and "2570" in said
    assert_form_facts(pdf_text(pdf.read_bytes()), idp)
    run("--person", nid, "--year", str(YEAR), "--format", "xlsx", "-o", str(xlsx))
    assert_form_facts(xlsx_text(xlsx.read_bytes()), idp)


def test_the_current_version_is_written(idp: Plan, tmp_path: Path) -> None:
    Plan.objects.filter(pk=idp.pk).update(is_current=False, status=PlanStatus.SUPERSEDED)
    make_plan(idp.person, status=PlanStatus.DRAFT, version=2, mission="ฉบับปรับปรุงใหม่ของปีนี้")
    out = tmp_path / "v2.xlsx"
    said = run("--person", idp.person.national_id, "--year", "2570", "--format", "xlsx", "-o", str(out))
    assert "version 2" in said
    text = xlsx_text(out.read_bytes())
    assert "ฉบับปรับปรุงใหม่ของปีนี้" in text and "ฉบับที่ 2" in text


def test_the_year_defaults_to_this_fiscal_year(idp: Plan, tmp_path: Path) -> None:
    this_year = fiscal_year(timezone.localdate())
    Plan.objects.filter(pk=idp.pk).update(fiscal_year=this_year)
    out = tmp_path / "idp.xlsx"
    run("--person", idp.person.national_id, "--format", "xlsx", "-o", str(out))
    assert f"ประจำปีงบประมาณ พ.ศ. {this_year}" in xlsx_text(out.read_bytes())
    Plan.objects.filter(pk=idp.pk).update(fiscal_year=this_year - 1)
    with pytest.raises(CommandError, match=f"No development plan for fiscal year {this_year}"):
        run("--person", idp.person.national_id, "--format", "xlsx", "-o", str(out))


def test_national_id_written_with_dashes_and_thai_digits(idp: Plan, tmp_path: Path) -> None:
    nid = idp.person.national_id
    thai = nid.translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))
    spaced = f"{thai[0]}-{thai[1:5]}-{thai[5:10]}-{thai[10:12]}-{thai[12]}"
    out = tmp_path / "idp.xlsx"
    run("--person", spaced, "--year", "2570", "--format", "xlsx", "-o", str(out))
    assert out.stat().st_size > 0


def test_refusals_name_what_was_not_found(idp: Plan, cast: Cast, tmp_path: Path) -> None:
    out = str(tmp_path / "x.pdf")
    with pytest.raises(CommandError, match="ไม่พบบุคลากรเลขประจำตัวประชาชน 1234567890123 / No person"):
        run("--person", "1234567890123", "--format", "pdf", "-o", out)
    with pytest.raises(CommandError, match=r"ไม่พบแผนพัฒนารายบุคคลปีงบประมาณ 2569 .* / No development plan"):
        run("--person", idp.person.national_id, "--year", "2569", "--format", "pdf", "-o", out)
    with pytest.raises(CommandError, match="Buddhist-era year"):
        run("--person", idp.person.national_id, "--year", "2026", "--format", "pdf", "-o", out)
    with pytest.raises(CommandError, match="No department with code 'NOPE'"):
        run("--person", idp.person.national_id, "--agency", "NOPE", "--format", "pdf", "-o", out)
    with pytest.raises(CommandError, match="Cannot write"):
        run("--person", idp.person.national_id, "--year", "2570", "--format", "xlsx", "-o", str(tmp_path))
    assert not Path(out).exists()


def test_a_national_id_in_two_departments_needs_the_agency(idp: Plan, cast: Cast, tmp_path: Path) -> None:
    twin = make_person(cast.other_dept, first_name="ฝาแฝด")
    Person.objects.filter(pk=twin.pk).update(national_id=idp.person.national_id)
    out = tmp_path / "idp.xlsx"
    with pytest.raises(CommandError, match=r"several departments \(.*DEPT.*OTHER.*\): give --agency"):
        run("--person", idp.person.national_id, "--year", "2570", "--format", "xlsx", "-o", str(out))
    run(
        "--person",
        idp.person.national_id,
        "--agency",
        cast.dept.code,
        "--year",
        "2570",
        "--format",
        "xlsx",
        "-o",
        str(out),
    )
    assert idp.person.full_name in xlsx_text(out.read_bytes())
    with pytest.raises(CommandError, match="No development plan"):
        run(
            "--person", idp.person.national_id, "--agency", cast.other_dept.code, "--year", "2570",
            "--format", "xlsx", "-o", str(out),
        )  # fmt: skip
