"""HR opens the gap analysis, filters by a division, drills into a cell to see the people, and downloads
the XLSX, which reads back with the figures on the page."""

from __future__ import annotations

import io
import re
from pathlib import Path

import openpyxl
from playwright.sync_api import Page, expect

from digiskill.agencies.models import AgencyKind
from digiskill.frameworks.models import PersonnelGroup
from digiskill.people.models import Person
from tests.e2e.conftest import go_to, log_in
from tests.factories import PASSWORD, load_ocsc, make_cast, make_person
from tests.gaps.conftest import assess, publish

# (division index, group, what the person still lacks)
PEOPLE = [
    (0, "A", {"DG100"}),
    (0, "T", {"DT100", "DT200"}),
    (1, "A", {"DG100", "DS100"}),
    (1, "A", {"DG100"}),
    (1, "A", set()),
    (1, "T", {"DT200"}),
]


def test_hr_filters_drills_down_and_downloads(page: Page, transactional_db: None) -> None:
    load_ocsc()
    cast = make_cast()
    dept = cast.dept
    divisions = list(dept.units.filter(kind=AgencyKind.DIVISION).order_by("code"))
    announcement = publish(dept)
    groups = {g.code: g for g in PersonnelGroup.objects.filter(framework__code="OCSC-2561")}
    lacking_dg100 = []
    for n, (division, group, lacking) in enumerate(PEOPLE):
        person = make_person(dept, first_name=f"บุคคล{n}", last_name="ทดลอง")
        Person.objects.filter(pk=person.pk).update(division=divisions[division], group=groups[group])
        assess(person, announcement, lacking)
        if division == 1 and group == "A" and "DG100" in lacking:
            lacking_dg100.append(f"นายบุคคล{n} ทดลอง")
    second = divisions[1].name_th

    log_in(page, "hr", PASSWORD)
    go_to(page, "วิเคราะห์ช่องว่างทักษะ", exact=True)
    expect(page.get_by_role("heading", level=1)).to_have_text("การวิเคราะห์ช่องว่างทักษะ")
    expect(page.locator("#heatmap")).to_be_visible()

    # Filter by the second division: only its rows remain.
    page.get_by_label("กอง/หน่วยงาน").select_option(label=second)
    page.get_by_role("button", name="แสดงผล").click()
    expect(page).to_have_url(re.compile(rf"division={divisions[1].pk}"))
    rows = page.locator("#heatmap tbody th[scope=row]")
    expect(rows).to_have_count(2)
    for text in rows.all_inner_texts():
        assert text.startswith(second)

    # The DG100 cell of the A group: 2 of 3 lack it; open it and see exactly those people.
    row = page.locator("#heatmap tbody tr", has=page.locator("th", has_text=f"{second} · A"))
    cell = row.locator("td").nth(_column(page, "DG100"))
    expect(cell).to_contain_text("67%")
    expect(cell).to_contain_text("2/3")
    cell.get_by_role("link").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("DG100")
    expect(page.locator("#cell-summary")).to_contain_text("2 จากผู้รับการประเมินแล้ว 3 คน")
    names = page.locator("#people tbody tr td:first-child").all_inner_texts()
    assert sorted(names) == sorted(lacking_dg100)

    # Back to the analysis, download the XLSX: the same figures.
    page.get_by_role("link", name="กลับไปที่การวิเคราะห์ช่องว่างทักษะ").click()
    with page.expect_download() as download:
        page.locator("#export-xlsx").click()
    assert download.value.suggested_filename.startswith(f"gap-analysis-{dept.code}-")
    book = openpyxl.load_workbook(io.BytesIO(Path(download.value.path()).read_bytes()))
    sheet = book["ช่องว่างทักษะ"]
    figures = {(r[0], r[1], r[4] or r[5]): (r[6], r[7]) for r in sheet.iter_rows(min_row=2, values_only=True)}
    assert figures[(second, "A", "DG100")] == (2, 3)
    assert figures[(second, "A", "DS100")] == (1, 3)
    assert figures[(second, "T", "DT200")] == (1, 1)
    assert {key[0] for key in figures} == {second}


def _column(page: Page, code: str) -> int:
    """The index of a unit's column among the data cells of a row."""
    headers = page.locator("#heatmap thead tr").last.locator("th").all_inner_texts()
    return headers.index(code) - 1
