"""The gap analysis as files: XLSX (several sheets), CSV (the long table) and JSON.

Every cell goes through the writers of `lib.tabular`, which neutralise formula-like text (starting
with = + - @, a tab or a carriage return, their full-width forms, or any of them after spaces): a
leading "'" in CSV, and in XLSX plain text with Excel's quote-prefix flag, so a spreadsheet never
runs it as a formula.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator, Sequence
from typing import Any

import openpyxl
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from digiskill.core.glossary import NO_DIVISION
from digiskill.gaps.selectors import Cell, GapAnalysis, ItemLine, ParticipationLine, Row, as_dict
from digiskill.lib.tabular import CellValue, iter_csv, xlsx_cell
from digiskill.lib.thai_dates import format_thai_date

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_TYPE = "text/csv; charset=utf-8"
JSON_TYPE = "application/json; charset=utf-8"
# Fill colours of the five bands (the same scale as the page), lightest first.
BAND_FILLS = ("E3F1E4", "FDF0C4", "FAD29A", "F19A5E", "C0392B")


# --- the tables ---------------------------------------------------------------------------------


def long_headers() -> list[str]:
    """Headers of the long table: one line per row of the analysis and item."""
    return [
        _("Division or office"),
        _("Personnel group"),
        _("Group name"),
        _("Area or component"),
        _("Code"),
        _("Unit or item"),
        _("People lacking"),
        _("People assessed"),
        _("Share lacking (%)"),
    ]


def _row_names(row: Row) -> list[str]:
    """Division, group code and group name of a row (blank where the rows leave them out)."""
    division = ""
    if row.show_division:
        division = row.division.name_th if row.division else str(NO_DIVISION)
    group = row.group
    return [division, group.code if group else "", group.name_th if group else ""]


def _numbers(cell: Cell) -> list[CellValue]:
    return [cell.lacking, cell.assessed, cell.percent]


def long_rows(analysis: GapAnalysis) -> Iterator[list[CellValue]]:
    """Every non-empty cell of the analysis: units (or areas) by column, then text items."""
    text_lines = [i for g in analysis.text_items for i in g.items]
    for row in analysis.rows:
        names = _row_names(row)
        for column, cell in zip(analysis.columns, row.cells, strict=True):
            if cell.assessed:
                yield [*names, column.area.code, column.code, column.name_th, *_numbers(cell)]
        texts = analysis.row_texts(row)
        for line in text_lines:
            found = texts.get(line.key)
            if found is not None and found.assessed:
                heading = line.component.name_th if line.component else ""
                yield [*names, heading, "", line.text_th, *_numbers(found)]


def item_headers() -> list[str]:
    return [_("Area or component"), _("Code"), _("Unit or item"), *long_headers()[6:]]


def item_rows(analysis: GapAnalysis) -> Iterator[list[CellValue]]:
    """The totals of each item over the filtered population."""
    for group in [*analysis.unit_items, *analysis.text_items]:
        for line in group.items:
            yield [
                group.title,
                _item_code(line),
                line.unit.name_th if line.unit else line.text_th,
                *_numbers(line.cell),
            ]


def _item_code(line: ItemLine) -> str:
    return line.unit.code if line.unit else ""


def participation_headers() -> list[str]:
    return [
        _("Division or office"),
        _("Personnel group"),
        _("People with a group"),
        _("Assessed"),
        _("Not yet assessed"),
        _("Waiting for the supervisor"),
        _("Draft"),
        _("Not started"),
        _("Share assessed (%)"),
    ]


def _participation_row(line: ParticipationLine, division: str, group: str) -> list[CellValue]:
    return [
        division,
        group,
        line.people,
        line.assessed,
        line.not_yet,
        line.submitted,
        line.draft,
        line.not_started,
        line.percent,
    ]


def participation_rows(analysis: GapAnalysis) -> Iterator[list[CellValue]]:
    """Division × group lines, then each division, each group and the total."""
    p = analysis.participation
    for line in p.lines:
        yield _participation_row(line, _division_name(line), line.group.code if line.group else "")
    for line in p.by_division:
        yield _participation_row(line, _division_name(line), _("All groups"))
    for line in p.by_group:
        yield _participation_row(line, _("All divisions"), line.group.code if line.group else "")
    yield _participation_row(p.total, _("Whole department"), _("All groups"))


def _division_name(line: ParticipationLine) -> str:
    return line.division.name_th if line.division else str(NO_DIVISION)


def about_rows(analysis: GapAnalysis) -> list[list[CellValue]]:
    """What the file is: department, filters, date, and how to read the figures."""
    f = analysis.filters
    division = _("All")
    if f.without_division:
        division = str(NO_DIVISION)
    elif f.division is not None:
        division = f.division.name_th
    layout = {
        "division_group": _("Division × group"),
        "division": _("Division or office"),
        "group": _("Personnel group"),
    }
    return [
        [_("Department"), analysis.agency.name_th],
        [_("Produced on"), format_thai_date(timezone.localdate())],
        [_("Division or office"), division],
        [_("Personnel group"), f"{f.group.code} {f.group.name_th}" if f.group else _("All")],
        [_("Area"), f"{f.area.code} {f.area.name_th}" if f.area else _("All")],
        [_("Stage"), f.stage.name_th if f.stage else _("All")],
        [_("Rows"), str(layout.get(f.rows, f.rows))],
        [_("Columns"), _("Units") if f.columns == "unit" else _("Areas")],
        [
            _("How to read"),
            _(
                "Each figure counts people by their latest agreed assessment: people lacking the item "
                "(or, for an area, at least one of its units) out of the people assessed on it."
            ),
        ],
    ]


# --- writers ------------------------------------------------------------------------------------


def write_csv(analysis: GapAnalysis) -> bytes:
    """The long table as UTF-8 CSV with BOM (Excel on Thai Windows reads it right)."""
    return b"".join(iter_csv(long_headers(), long_rows(analysis)))


def write_json(analysis: GapAnalysis) -> bytes:
    """The whole analysis as JSON."""
    return json.dumps(as_dict(analysis), ensure_ascii=False, indent=2).encode("utf-8")


def _cell(sheet: Any, value: CellValue, *, bold: bool = False, fill: str | None = None) -> Any:
    """A write-only cell (formula-like text stays inert text, see `lib.tabular.xlsx_cell`), filled."""
    cell = xlsx_cell(sheet, value, bold=bold)
    if fill:
        cell.fill = PatternFill("solid", start_color=fill, end_color=fill)
        if fill == BAND_FILLS[-1]:
            cell.font = Font(color="FFFFFF", bold=bold)
    return cell


def _sheet(
    book: Any,
    title: str,
    headers: Sequence[str],
    rows: Iterator[Sequence[CellValue]] | Sequence[Sequence[CellValue]],
    widths: Sequence[float],
) -> None:
    """A sheet with a bold, frozen header row."""
    sheet = book.create_sheet(title=title[:31])
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    if headers:
        sheet.freeze_panes = "A2"
        sheet.append([_cell(sheet, h, bold=True) for h in headers])
    for row in rows:
        sheet.append([_cell(sheet, v) for v in row])


def _matrix(book: Any, analysis: GapAnalysis) -> None:
    """The heat map: rows × columns, the share lacking in percent, coloured by band."""
    sheet = book.create_sheet(title=_("Heat map")[:31])
    sheet.column_dimensions["A"].width = 42
    sheet.freeze_panes = "B3"
    sheet.append(
        [
            _cell(sheet, _("Area"), bold=True),
            *[_cell(sheet, c.area.code, bold=True) for c in analysis.columns],
        ]
    )
    sheet.append(
        [
            _cell(sheet, _("Share lacking (%)"), bold=True),
            *[_cell(sheet, c.code, bold=True) for c in analysis.columns],
        ]
    )
    for row in analysis.rows:
        cells = [
            _cell(sheet, c.percent, fill=BAND_FILLS[c.level] if c.level is not None else None)
            for c in row.cells
        ]
        sheet.append([_cell(sheet, row.label), *cells])
    totals = [_cell(sheet, c.percent, bold=True) for c in analysis.totals]
    sheet.append([_cell(sheet, _("All rows"), bold=True), *totals])


def write_xlsx(analysis: GapAnalysis) -> bytes:
    """The analysis as a workbook: the long table, the heat map, item totals, participation, about."""
    book = openpyxl.Workbook(write_only=True)
    _sheet(book, _("Gaps"), long_headers(), long_rows(analysis), [30, 8, 30, 14, 10, 50, 12, 12, 14])
    _matrix(book, analysis)
    _sheet(book, _("Skill items"), item_headers(), item_rows(analysis), [30, 10, 60, 12, 12, 14])
    _sheet(
        book,
        _("Participation"),
        participation_headers(),
        participation_rows(analysis),
        [34, 12, 14, 12, 14, 16, 10, 12, 14],
    )
    _sheet(book, _("About"), [], about_rows(analysis), [20, 100])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


FORMATS = {"csv": (write_csv, CSV_TYPE), "xlsx": (write_xlsx, XLSX_TYPE), "json": (write_json, JSON_TYPE)}


def export(analysis: GapAnalysis, fmt: str) -> tuple[bytes, str]:
    """The file's bytes and its content type."""
    writer, content_type = FORMATS[fmt]
    return writer(analysis), content_type


def filename(analysis: GapAnalysis, fmt: str) -> str:
    """gap-analysis-DEPT-2569-11-21.xlsx (the date in the Buddhist era)."""
    today = timezone.localdate()
    return f"gap-analysis-{analysis.agency.code}-{today.year + 543}-{today:%m-%d}.{fmt}"
