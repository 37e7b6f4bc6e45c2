"""The official IDP form as PDF (Chromium) and XLSX (openpyxl), from the same gathered content.

Every XLSX cell is written through `lib.tabular.xlsx_put`, so text a person typed (a goal, an
activity, a division's name) is never stored or run as a formula.
"""

from __future__ import annotations

import io
import math
import unicodedata
from html import escape

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from digiskill.agencies.models import Agency
from digiskill.lib.tabular import CellValue, xlsx_put
from digiskill.plans.models import Plan
from digiskill.reports.fonts import sarabun_css
from digiskill.reports.pdf import html_to_pdf
from digiskill.reports.plan_form import FORM_LANGUAGE, FormActivity, PlanForm, plan_form
from digiskill.reports.selectors import COLUMNS, Completion

PDF = "application/pdf"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SHEET_FONT = "TH Sarabun New"
MARGIN = {"top": "12mm", "bottom": "16mm", "left": "12mm", "right": "12mm"}


def plan_filename(plan: Plan, extension: str) -> str:
    """A plain-ASCII download name without personal data: idp-2570-p<person id>-v1.pdf."""
    return f"idp-{plan.fiscal_year}-p{plan.person_id}-v{plan.version}.{extension}"


# --- PDF ----------------------------------------------------------------------------------------


def plan_form_html(form: PlanForm) -> str:
    """The form as one self-contained HTML page (fonts inlined)."""
    with translation.override(FORM_LANGUAGE):
        return render_to_string("reports/plan_form.html", {"form": form, "font_css": sarabun_css()})


def _footer(form: PlanForm) -> str:
    """Page footer: the document, the person and "page X of Y" (Chromium fills in the numbers)."""
    page, of = form.labels["page"], form.labels["of"]
    text = escape(f"{form.title} · {form.person_name}")
    return (
        f"<style>{sarabun_css((400,))}</style>"
        '<div style="font-family: Sarabun, sans-serif; font-size: 8pt; width: 100%; '
        'margin: 0 12mm; display: flex; justify-content: space-between;">'
        f"<span>{text}</span>"
        f'<span>{escape(page)} <span class="pageNumber"></span> '
        f'{escape(of)} <span class="totalPages"></span></span>'
        "</div>"
    )


def form_pdf(form: PlanForm) -> bytes:
    """Print the form to A4 landscape PDF with page numbers."""
    return html_to_pdf(
        plan_form_html(form),
        format="A4",
        landscape=True,
        print_background=True,
        margin=MARGIN,
        display_header_footer=True,
        header_template="<span></span>",
        footer_template=_footer(form),
    )


def plan_pdf(plan: Plan) -> bytes:
    """The official form of a plan version as PDF."""
    return form_pdf(plan_form(plan))


# --- XLSX ---------------------------------------------------------------------------------------

THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEAD_FILL = PatternFill("solid", start_color="E8E8E8", end_color="E8E8E8")
WIDTHS = [6, 26, 34, 32, 20, 9, 22, 32]
"""Column widths of the goals table (No., skill, goal, method, type, hours, period, use at work)."""
LAST = len(WIDTHS)


def _font(size: int = 14, *, bold: bool = False) -> Font:
    return Font(name=SHEET_FONT, size=size, bold=bold)


def _wrap(horizontal: str = "left", vertical: str = "top") -> Alignment:
    return Alignment(horizontal=horizontal, vertical=vertical, wrap_text=True)


def _line(
    ws: Worksheet, row: int, text: str, *, size: int = 14, bold: bool = False, align: str = "left"
) -> int:
    """A text across the whole width of the form; returns the next row."""
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=LAST)
    cell = xlsx_put(ws, row, 1, text)
    cell.font = _font(size, bold=bold)
    cell.alignment = _wrap(align, "center")
    return row + 1


def _boxed(
    ws: Worksheet, row: int, column: int, value: CellValue, *, bold: bool = False, fill: bool = False
) -> None:
    cell = xlsx_put(ws, row, column, value)
    cell.font = _font(bold=bold)
    cell.border = BOX
    cell.alignment = _wrap("center" if fill else "left", "center" if fill else "top")
    if fill:
        cell.fill = HEAD_FILL


def _merge_boxed(ws: Worksheet, first: int, last: int, column: int) -> None:
    """Merge a column over rows first..last, keeping the border on every merged cell."""
    for r in range(first, last + 1):
        ws.cell(row=r, column=column).border = BOX
    if last > first:
        ws.merge_cells(start_row=first, start_column=column, end_row=last, end_column=column)


def _write_details(ws: Worksheet, row: int, form: PlanForm) -> int:
    for detail in form.details:
        label = xlsx_put(ws, row, 1, detail.label)
        label.font = _font(bold=True)
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
        ws.merge_cells(start_row=row, start_column=3, end_row=row, end_column=LAST)
        value = xlsx_put(ws, row, 3, detail.value)
        value.font = _font()
        value.alignment = _wrap()
        ws.row_dimensions[row].height = _lines(detail.value, sum(WIDTHS[2:])) * LINE_HEIGHT
        row += 1
    return row


LINE_HEIGHT = 20.0
"""Points per line of 14-point TH Sarabun New."""


def _lines(text: CellValue, width: float) -> int:
    """About how many lines `text` takes in a column `width` characters wide (Thai marks take no room)."""
    if text is None or text == "":
        return 1
    per_line = max(width * 1.15, 1.0)
    total = 0
    for part in str(text).split("\n"):
        visible = sum(1 for ch in part if not unicodedata.combining(ch) and unicodedata.category(ch) != "Mn")
        total += max(math.ceil(visible / per_line), 1)
    return total


def _fit_height(ws: Worksheet, row: int, values: dict[int, CellValue]) -> None:
    """Make a row tall enough for its wrapped cells (spreadsheets do not grow rows with merged cells)."""
    lines = max((_lines(v, WIDTHS[c - 1]) for c, v in values.items()), default=1)
    ws.row_dimensions[row].height = max(lines * LINE_HEIGHT, LINE_HEIGHT)


def _write_goals(ws: Worksheet, row: int, form: PlanForm) -> tuple[int, int]:
    """The goals table; returns (header row, next row)."""
    header = row
    for column, title in enumerate(form.columns, start=1):
        _boxed(ws, row, column, title, bold=True, fill=True)
    _fit_height(ws, row, dict(enumerate(form.columns, start=1)))
    row += 1
    if not form.goals:
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=LAST)
        _boxed(ws, row, 1, form.labels["no_goals"])
        return header, row + 1
    for goal in form.goals:
        first = row
        activities: list[FormActivity | None] = list(goal.activities) or [None]
        for activity in activities:
            if activity is None:
                values: list[CellValue] = ["-", "-", 0, "-"]
            else:
                title = f"{activity.title} ({activity.kind})"
                if activity.cancelled:
                    title += f" [{form.labels['cancelled']}]"
                values = [title, activity.band_label, float(activity.hours), activity.period or "-"]
            for offset, value in enumerate(values):
                _boxed(ws, row, 4 + offset, value)
            ws.cell(row=row, column=6).alignment = _wrap("right")
            _fit_height(ws, row, {4 + offset: value for offset, value in enumerate(values)})
            row += 1
        last = row - 1
        spanning: dict[int, CellValue] = {
            1: goal.number,
            2: goal.skill,
            3: "\n".join(goal.goal_lines),
            8: goal.how_to_apply or "-",
        }
        for column, value in spanning.items():
            _boxed(ws, first, column, value)
            _merge_boxed(ws, first, last, column)
        ws.cell(row=first, column=1).alignment = _wrap("center")
        # The goal's merged cells may need more room than its activities: grow the last row.
        needed = max(_lines(v, WIDTHS[c - 1]) for c, v in spanning.items()) * LINE_HEIGHT
        have = sum(ws.row_dimensions[r].height or LINE_HEIGHT for r in range(first, last + 1))
        if needed > have:
            ws.row_dimensions[last].height = (ws.row_dimensions[last].height or LINE_HEIGHT) + needed - have
    return header, row


def _write_balance(ws: Worksheet, row: int, form: PlanForm) -> int:
    labels = form.labels
    headings = [labels["type"], labels["recommended"], labels["hours"], labels["share"]]
    # Type spans the skill and goal columns; the other three sit under method, type and hours.
    spans = [(2, 3), (4, 4), (5, 5), (6, 7)]
    lines = [headings, *[list(r) for r in form.balance_rows], [labels["total"], "", form.total_hours, ""]]
    for index, values in enumerate(lines):
        for (start, end), value in zip(spans, values, strict=True):
            cell_value: CellValue = value
            if index and start == 5 and value != "":
                cell_value = float(value)
            _boxed(ws, row, start, cell_value, bold=index in (0, len(lines) - 1), fill=index == 0)
            for c in range(start, end + 1):
                ws.cell(row=row, column=c).border = BOX
            if end > start:
                ws.merge_cells(start_row=row, start_column=start, end_row=row, end_column=end)
        row += 1
    return row


def _write_signatures(ws: Worksheet, row: int, form: PlanForm) -> int:
    blocks = [(1, 3), (4, 5), (6, 8)]
    dots = "....................................."
    signed, position = form.labels["signed"], form.labels["position"]
    for (start, end), sig in zip(blocks, form.signatures, strict=True):
        lines = [
            f"{signed} {dots} {sig.capacity}",
            f"( {sig.name or dots} )",
            f"{position} {sig.position or dots}",
            f"{sig.date_label} {sig.date or dots}",
        ]
        for offset, text in enumerate(lines):
            r = row + offset
            ws.merge_cells(start_row=r, start_column=start, end_row=r, end_column=end)
            cell = xlsx_put(ws, r, start, text)
            cell.font = _font()
            cell.alignment = _wrap("center", "center")
    return row + 4


def _fit_to_width(ws: Worksheet) -> None:
    """Print on A4 landscape, as wide as one page and as long as needed."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    setup = ws.sheet_properties.pageSetUpPr
    if setup is not None:
        setup.fitToPage = True


def form_xlsx(form: PlanForm) -> bytes:
    """The form on one sheet laid out like the paper form, ready to print on A4 landscape."""
    with translation.override(FORM_LANGUAGE):
        wb = Workbook()
        ws = wb.active
        assert ws is not None
        ws.title = f"IDP {form.year}"
        for index, width in enumerate(WIDTHS, start=1):
            ws.column_dimensions[get_column_letter(index)].width = width
        row = 1
        if form.ministry:
            row = _line(ws, row, form.ministry, size=16, bold=True, align="center")
        row = _line(ws, row, form.department, size=16, bold=True, align="center")
        row = _line(ws, row, form.title, size=18, bold=True, align="center")
        ws.row_dimensions[row - 1].height = 28
        version = form.labels["version"]
        row = _line(ws, row, f"{version} {form.version} · {form.status}", size=12, align="right")
        row = _line(ws, row + 1, form.labels["part1"], bold=True)
        row = _write_details(ws, row, form)
        row = _line(ws, row + 1, form.labels["mission"], bold=True)
        row = _line(ws, row, form.mission or "-")
        ws.row_dimensions[row - 1].height = _lines(form.mission or "-", sum(WIDTHS)) * LINE_HEIGHT
        row = _line(ws, row + 1, form.labels["part2"], bold=True)
        header, row = _write_goals(ws, row, form)
        row = _line(ws, row + 1, form.labels["balance"], bold=True)
        row = _write_balance(ws, row, form)
        _write_signatures(ws, row + 2, form)

        ws.print_title_rows = f"{header}:{header}"
        _fit_to_width(ws)
        ws.print_options.horizontalCentered = True
        ws.page_margins.left = ws.page_margins.right = 0.5
        ws.page_margins.top = ws.page_margins.bottom = 0.6
        footer = ws.oddFooter.center  # type: ignore[union-attr]
        footer.text = f"{form.labels['page']} &P {form.labels['of']} &N"
        footer.font = SHEET_FONT
        buffer = io.BytesIO()
        wb.save(buffer)
        return buffer.getvalue()


def plan_xlsx(plan: Plan) -> bytes:
    """The official form of a plan version as XLSX."""
    return form_xlsx(plan_form(plan))


# --- the completion table (Org 4) ---------------------------------------------------------------


def completion_xlsx(agency: Agency, completion: Completion) -> bytes:
    """Plan completion by division and by group: counts and percent of people, one sheet."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = _("Plan completion")[:31]
    labels = [str(label) for _key, label in COLUMNS]
    width = 2 + 2 * len(labels) + 1
    title = _("Individual development plans, fiscal year %(year)s") % {"year": completion.year}
    for row, (text, size) in enumerate(((agency.name_th, 16), (title, 16)), start=1):
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
        cell = xlsx_put(ws, row, 1, text)
        cell.font = _font(size, bold=True)
        cell.alignment = _wrap("center", "center")
    row = 4
    for heading, rows in (
        (_("By division"), completion.by_division),
        (_("By personnel group"), completion.by_group),
    ):
        header = row
        ws.merge_cells(start_row=row, start_column=1, end_row=row + 1, end_column=1)
        _boxed(ws, row, 1, heading, bold=True, fill=True)
        ws.merge_cells(start_row=row, start_column=2, end_row=row + 1, end_column=2)
        _boxed(ws, row, 2, _("People with a group"), bold=True, fill=True)
        for index, label in enumerate(labels):
            column = 3 + 2 * index
            ws.merge_cells(start_row=row, start_column=column, end_row=row, end_column=column + 1)
            _boxed(ws, row, column, label, bold=True, fill=True)
            _boxed(ws, row + 1, column, _("people"), bold=True, fill=True)
            _boxed(ws, row + 1, column + 1, "%", bold=True, fill=True)
        _boxed(ws, row, width, _("Submitted or further (%)"), bold=True, fill=True)
        ws.merge_cells(start_row=row, start_column=width, end_row=row + 1, end_column=width)
        for r in (row, row + 1):
            for c in range(1, width + 1):
                ws.cell(row=r, column=c).border = BOX
        row += 2
        for line in [*rows, completion.total]:
            bold = line is completion.total
            _boxed(ws, row, 1, line.label, bold=bold)
            _boxed(ws, row, 2, line.people, bold=bold)
            for index, figure in enumerate(line.cells):
                _boxed(ws, row, 3 + 2 * index, figure.count, bold=bold)
                _boxed(ws, row, 4 + 2 * index, figure.percent, bold=bold)
            _boxed(ws, row, width, line.submitted_percent, bold=bold)
            row += 1
        if header == 4:
            ws.print_title_rows = "4:5"
        row += 1
    ws.column_dimensions["A"].width = 34
    for index in range(2, width + 1):
        ws.column_dimensions[get_column_letter(index)].width = 11
    ws.freeze_panes = "B6"
    _fit_to_width(ws)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
