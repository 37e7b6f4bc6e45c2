"""The exported figures are the counted ones (XLSX read back, CSV parsed); text never runs as a formula."""

from __future__ import annotations

import csv
import io

import openpyxl
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from digiskill.agencies.models import Agency, AnnouncementItem
from digiskill.gaps.exports import write_csv, write_json, write_xlsx
from digiskill.gaps.selectors import GapFilters, gap_analysis
from digiskill.lib.tabular import is_formula_like
from digiskill.lib.tabular import neutralise_cell as safe_text
from tests.gaps.conftest import SHARED_TEXT, World

DANGEROUS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")


def _from_table(rows: list[list]) -> dict:
    """(division, group, item) → (lacking, assessed, percent) from the long table's rows."""
    found = {}
    for row in rows:
        division, group, _name, _heading, code, item, lacking, assessed, percent = row
        found[(division, group, code or item)] = (int(lacking), int(assessed), float(percent))
    return found


def _expected(world: World) -> dict:
    return {
        (d, g, key): (lacking, assessed, round(lacking * 100 / assessed, 1))
        for (d, g, key), (lacking, assessed) in world.expected().items()
    }


def test_xlsx_holds_the_counted_figures(world: World) -> None:
    with translation.override("th"):
        data = write_xlsx(gap_analysis(world.cast.dept))
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["ช่องว่างทักษะ", "แผนภาพความร้อน", "รายการทักษะ", "การมีส่วนร่วม", "เกี่ยวกับรายงาน"]
    rows = [list(r) for r in book["ช่องว่างทักษะ"].iter_rows(min_row=2, values_only=True)]
    assert _from_table([[c if c is not None else "" for c in r] for r in rows]) == _expected(world)
    participation = {r[0]: r for r in book["การมีส่วนร่วม"].iter_rows(min_row=2, values_only=True)}
    total = participation["ทั้งกรม"]
    assert total[2:8] == (12, 9, 3, 1, 1, 1)
    heat = list(book["แผนภาพความร้อน"].iter_rows(values_only=True))
    assert heat[1][1:] == tuple(c.code for c in gap_analysis(world.cast.dept).columns)


def test_csv_holds_the_counted_figures(world: World) -> None:
    with translation.override("th"):
        data = write_csv(gap_analysis(world.cast.dept))
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0][0] == "กอง/หน่วยงาน"
    assert _from_table(rows[1:]) == _expected(world)


def test_json_has_the_matrix_and_participation(world: World) -> None:
    import json

    data = json.loads(write_json(gap_analysis(world.cast.dept, GapFilters(rows="group"))))
    assert data["filters"]["rows"] == "group"
    assert data["participation"]["total"]["assessed"] == 9
    shared = next(i for i in data["items"] if i["label"] == SHARED_TEXT)
    assert shared["assessed"] == len(world.results)


def test_formula_like_text_is_neutralised_in_both_files(world: World) -> None:
    Agency.objects.filter(pk=world.div1.pk).update(name_th='=HYPERLINK("http://evil.test","x")')
    AnnouncementItem.objects.filter(text_th=SHARED_TEXT).update(text_th="-1+1 ความรู้")
    from digiskill.assessments.models import AssessmentItem

    AssessmentItem.objects.filter(text_th=SHARED_TEXT).update(text_th="-1+1 ความรู้")
    analysis = gap_analysis(world.cast.dept)
    rows = list(csv.reader(io.StringIO(write_csv(analysis).decode("utf-8-sig"))))
    divisions = {r[0] for r in rows[1:]}
    assert '\'=HYPERLINK("http://evil.test","x")' in divisions
    assert "'-1+1 ความรู้" in {r[5] for r in rows[1:]}
    assert not any(cell.startswith(DANGEROUS) for row in rows for cell in row)
    book = openpyxl.load_workbook(io.BytesIO(write_xlsx(analysis)))
    cells = [c for ws in book.worksheets for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    risky = [c for c in cells if c.value.startswith(DANGEROUS)]
    assert risky, "the dangerous text is kept as text"
    assert all(c.data_type == "s" and c.quotePrefix for c in risky)


@given(st.text())
def test_the_neutraliser_never_leaves_a_formula_and_changes_nothing_else(value: str) -> None:
    out = safe_text(value)
    assert not out.startswith(DANGEROUS)
    if value.lstrip().startswith(DANGEROUS) or value.startswith(DANGEROUS):  # spaces are trimmed on import
        assert out == "'" + value and is_formula_like(value)
    else:
        assert out == value and not is_formula_like(value)
