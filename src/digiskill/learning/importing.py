"""Checking a file of learning resources (CSV or XLSX) before anything is written.

Every row is read and checked: required cells, kind, language, link, hours, cost, unit codes,
and codes repeated in the file. A valid row is compared with the owner's resource of the same
code to say whether importing would create, update or leave it. Nothing here writes;
`learning.services.resources_import` does, all in one transaction, and only when no row is wrong.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import IO, Literal, NamedTuple, TypeVar

from digiskill.agencies.models import Agency
from digiskill.learning.models import LearningResource
from digiskill.learning.parsing import (
    CellError,
    ResourceInput,
    clean_input,
    parse_cost,
    parse_hours,
    parse_kind,
    parse_language,
    split_codes,
    split_topics,
)
from digiskill.learning.units import UnitLookup
from digiskill.lib.tabular import ColumnSpec, Source, TableReader, map_headers, write_csv
from digiskill.lib.text import code_key

T = TypeVar("T")
MAX_ROWS = 20_000
COLUMNS: tuple[ColumnSpec, ...] = (
    ColumnSpec("code", "รหัส", ("รหัสแหล่งเรียนรู้", "resource code", "รหัสหลักสูตร"), required=True),
    ColumnSpec("title", "ชื่อ", ("ชื่อแหล่งเรียนรู้", "ชื่อหลักสูตร", "name"), required=True),
    ColumnSpec("provider", "ผู้จัด", ("ผู้ให้บริการ", "ผู้จัด/ผู้ให้บริการ", "หน่วยงานผู้จัด"), required=True),
    ColumnSpec("kind", "ประเภท", ("type",), required=True),
    ColumnSpec("url", "ลิงก์", ("ลิงค์", "link", "เว็บไซต์", "website")),
    ColumnSpec("hours", "จำนวนชั่วโมง", ("ชั่วโมง", "duration")),
    ColumnSpec("cost", "ค่าใช้จ่าย", ("ค่าใช้จ่าย (บาท)", "price", "ราคา")),
    ColumnSpec("language", "ภาษา", ("lang",)),
    ColumnSpec("units", "หน่วยสมรรถนะ", ("หน่วยความสามารถ", "รหัสหน่วยสมรรถนะ", "unit codes")),
    ColumnSpec("topics", "หัวข้อความรู้", ("ความรู้", "knowledge", "knowledge topics")),
    ColumnSpec("description", "รายละเอียด", ("คำอธิบาย",)),
)
COLUMN_THAI = {c.key: c.thai for c in COLUMNS}
Change = Literal["create", "update", "unchanged"]


def template_headers() -> list[str]:
    """The headers of the blank template: Thai, with * on required columns."""
    return [f"{c.thai} *" if c.required else c.thai for c in COLUMNS]


def write_template(stream: IO[bytes]) -> None:
    """Write the blank template (UTF-8 CSV with BOM, so Excel shows the Thai headers)."""
    write_csv(stream, template_headers(), [])


class RowError(NamedTuple):
    """A problem in one cell: file, row, column key, the value, and what is wrong in Thai and English."""

    filename: str
    row: int
    column: str
    value: str
    thai: str
    english: str

    def __str__(self) -> str:
        """ "ไฟล์ 'x.csv' แถว 5 คอลัมน์ “ประเภท” ค่า '…': thai / File 'x.csv' row 5, column “kind”, …"."""
        value = self.value if len(self.value) <= 60 else self.value[:60] + "…"
        thai_column = COLUMN_THAI.get(self.column, self.column)
        return (
            f"ไฟล์ {self.filename!r} แถว {self.row} คอลัมน์ “{thai_column}” ค่า {value!r}: {self.thai} / "
            f"File {self.filename!r} row {self.row}, column “{self.column}”, value {value!r}: {self.english}"
        )


@dataclass
class PlannedRow:
    """A valid row and what importing it does."""

    row: int
    data: ResourceInput
    existing_pk: int | None
    change: Change


@dataclass
class ImportCheck:
    """The outcome of checking a whole file."""

    filename: str
    rows: list[PlannedRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    total_rows: int = 0

    def count(self, change: Change) -> int:
        """How many valid rows would create, update or leave a resource."""
        return sum(1 for r in self.rows if r.change == change)


@dataclass(frozen=True)
class Existing:
    """A resource of the owner, as the import compares it."""

    pk: int
    data: ResourceInput
    is_active: bool


def existing_resources(agency: Agency | None) -> dict[str, Existing]:
    """The owner's resources (a department's own, or the shared ones), by the key of their code."""
    rows = (
        LearningResource.objects.filter(agency=agency)
        if agency
        else LearningResource.objects.filter(agency__isnull=True)
    )
    return {
        code_key(r.code): Existing(r.pk, input_of(r), r.is_active) for r in rows.prefetch_related("units")
    }


def input_of(resource: LearningResource) -> ResourceInput:
    """A resource's current values, as the services take them (units sorted by id)."""
    return ResourceInput(
        code=resource.code,
        title=resource.title,
        provider=resource.provider,
        kind=resource.kind,
        url=resource.url,
        hours=resource.hours,
        cost=resource.cost,
        language=resource.language,
        description=resource.description,
        topics=tuple(t for t in resource.topics.splitlines() if t.strip()),
        unit_ids=tuple(sorted(u.pk for u in resource.units.all())),
    )


def same(a: ResourceInput, b: ResourceInput) -> bool:
    """True when two inputs describe the same resource (units in any order)."""
    return dataclasses.replace(a, unit_ids=tuple(sorted(a.unit_ids))) == dataclasses.replace(
        b, unit_ids=tuple(sorted(b.unit_ids))
    )


def check_resources(source: Source, *, filename: str, agency: Agency | None) -> ImportCheck:
    """Check every row of a file; return what importing would do and every error."""
    lookup = UnitLookup(agency)
    existing = existing_resources(agency)
    with TableReader(source, filename=filename, max_rows=MAX_ROWS) as table:
        header_map = map_headers(table.headers, COLUMNS, filename=table.filename)
        check = ImportCheck(filename=table.filename, warnings=list(header_map.warnings))
        first_row: dict[str, int] = {}
        for number, record in table.records(header_map):
            check.total_rows += 1
            planned = _check_row(check, number, record, lookup, existing, first_row)
            if planned is not None:
                check.rows.append(planned)
    return check


def parse_row(
    record: dict[str, str], lookup: UnitLookup
) -> tuple[ResourceInput, list[tuple[str, str, CellError]]]:
    """Read one row's cells into an input; (column, value, error) for each cell that cannot be read."""
    errors: list[tuple[str, str, CellError]] = []

    def read(column: str, parse: Callable[[str], T], fallback: T) -> T:
        value = record.get(column, "")
        try:
            return parse(value)
        except CellError as exc:
            errors.append((column, value, exc))
            return fallback

    unit_ids, unknown = lookup.resolve_all(split_codes(record.get("units", "")))
    errors.extend(("units", code, exc) for code, exc in unknown)
    data = ResourceInput(
        code=record.get("code", ""),
        title=record.get("title", ""),
        provider=record.get("provider", ""),
        kind=read("kind", parse_kind, ""),
        url=record.get("url", ""),
        hours=read("hours", parse_hours, None),
        cost=read("cost", parse_cost, None),
        language=read("language", parse_language, ""),
        description=record.get("description", ""),
        topics=tuple(split_topics(record.get("topics", ""))),
        unit_ids=tuple(unit_ids),
    )
    return data, errors


def _check_row(
    check: ImportCheck,
    number: int,
    record: dict[str, str],
    lookup: UnitLookup,
    existing: dict[str, Existing],
    first_row: dict[str, int],
) -> PlannedRow | None:
    """Check one row; record its errors; return what importing it does when it is valid."""
    data, unread = parse_row(record, lookup)
    errors = [
        RowError(check.filename, number, column, value, exc.thai, exc.english)
        for column, value, exc in unread
    ]
    clean, problems = clean_input(data)
    reported = {e.column for e in errors}
    errors.extend(
        RowError(check.filename, number, p.field, record.get(p.field, p.value), p.thai, p.english)
        for p in problems
        if p.field not in reported
    )
    key = code_key(clean.code)
    if key:
        if key in first_row:
            errors.append(
                RowError(
                    check.filename,
                    number,
                    "code",
                    record.get("code", ""),
                    f"ซ้ำกับแถว {first_row[key]}",
                    f"duplicate of row {first_row[key]}",
                )
            )
        else:
            first_row[key] = number
    check.errors.extend(sorted(errors, key=lambda e: [c.key for c in COLUMNS].index(e.column)))
    if errors:
        return None
    found = existing.get(key)
    if found is None:
        return PlannedRow(number, clean, None, "create")
    unchanged = found.is_active and same(found.data, dataclasses.replace(clean, code=found.data.code))
    return PlannedRow(number, clean, found.pk, "unchanged" if unchanged else "update")
