"""Reading, checking and exporting a roster file (CSV or XLSX); nothing here writes to the database.

The file is streamed twice at most: once to check every row (keeping a compact tuple per valid
row), and, only when rows are rejected, once more to copy those rows into the rejected-rows
file. Both passes run outside any transaction; `people.services.roster_import` writes, in bulk.
Limits (`RosterLimits`, from settings) refuse an oversized file before the work, and a cell over
the length limit is an error of its row, never stored whole.
"""

from __future__ import annotations

import hashlib
import io
import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import IO, Any, NamedTuple

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from digiskill.agencies.models import Agency, AgencyKind
from digiskill.agencies.selectors import agency_framework, groups_of
from digiskill.frameworks.models import PersonnelGroup
from digiskill.lib.national_id import validate_national_id
from digiskill.lib.tabular import (
    CellValue,
    ColumnSpec,
    Source,
    TableReader,
    iter_csv,
    map_headers,
    write_csv,
    write_xlsx,
)
from digiskill.lib.text import THAI_DIGITS, ZERO_WIDTH_CHARS, code_key, normalise_text, search_key
from digiskill.people.classification import WorkloadError, format_workload, parse_workload

COLUMNS: tuple[ColumnSpec, ...] = (
    ColumnSpec("national_id", "เลขประจำตัวประชาชน", ("citizen_id", "เลขบัตรประชาชน"), required=True),
    ColumnSpec("title", "คำนำหน้าชื่อ", ("คำนำหน้า", "prefix")),
    ColumnSpec("first_name", "ชื่อ", ("firstname",), required=True),
    ColumnSpec("last_name", "นามสกุล", ("lastname", "surname"), required=True),
    ColumnSpec("first_name_en", "ชื่อ (อังกฤษ)", ("ชื่อภาษาอังกฤษ",)),
    ColumnSpec("last_name_en", "นามสกุล (อังกฤษ)", ("นามสกุลภาษาอังกฤษ",)),
    ColumnSpec("position", "ตำแหน่ง", ("ชื่อตำแหน่ง",), required=True),
    ColumnSpec("position_type", "ประเภทตำแหน่ง"),
    ColumnSpec("position_level", "ระดับตำแหน่ง", ("ระดับ",)),
    ColumnSpec("division", "สังกัด", ("กอง", "หน่วยงาน"), required=True),
    ColumnSpec("supervisor_national_id", "เลขประจำตัวประชาชนผู้บังคับบัญชา", ("supervisor_id", "supervisor")),
    ColumnSpec("email", "อีเมล", ("e-mail", "อีเมล์")),
    ColumnSpec("workload", "สัดส่วนงาน", ("workload_shares",)),
    ColumnSpec("career_path_group", "กลุ่มตามเส้นทางความก้าวหน้า", ("career_path",)),
)
COLUMN_BY_KEY = {c.key: c for c in COLUMNS}
PERSON_TEXT_FIELDS = (
    "title",
    "first_name",
    "last_name",
    "first_name_en",
    "last_name_en",
    "position",
    "position_type",
    "position_level",
    "email",
)
# Values that repeat across thousands of rows are interned, so 100,000 rows stay small.
_INTERNED = {"title", "position", "position_type", "position_level"}
REASON_HEADER = "เหตุผลที่ไม่นำเข้า / reason"
MAX_KEPT_ERRORS = 1000
SHOWN_VALUE = 40  # characters of a cell value quoted in an error message
KEPT_VALUE = 200  # characters of a cell value kept in memory for an error


@dataclass(frozen=True)
class RosterLimits:
    """What a roster file may hold; anything over is refused before (or instead of) the work."""

    max_bytes: int
    max_rows: int
    max_cell: int
    max_unpacked_bytes: int

    @classmethod
    def from_settings(cls) -> RosterLimits:
        """The limits configured in settings (ROSTER_MAX_* environment variables)."""
        return cls(
            max_bytes=settings.ROSTER_MAX_BYTES,
            max_rows=settings.ROSTER_MAX_ROWS,
            max_cell=settings.ROSTER_MAX_CELL,
            max_unpacked_bytes=settings.ROSTER_MAX_UNPACKED_BYTES,
        )


def _max_lengths() -> dict[str, int]:
    """The longest text each person field holds (the model's max_length)."""
    from digiskill.people.models import Person

    fields = {name: Person._meta.get_field(name) for name in PERSON_TEXT_FIELDS}
    return {name: getattr(f, "max_length", None) or 0 for name, f in fields.items()}


# Characters that normalise_text would change (zero-width, Thai digits, special spaces, a
# decomposed or mis-ordered SARA AM): text without any of them, in NFC and single-spaced, is
# already normal, which spares 100,000 rows × 10 cells the full normalisation.
_SUSPECT = re.compile(f"[{ZERO_WIDTH_CHARS}{THAI_DIGITS}\u0e4d\u00a0\u202f\u2007]|\u0e33[\u0e48-\u0e4b]")


def clean_text(value: str) -> str:
    """normalise_text(value), with a fast path for text that is already normal."""
    if (
        not _SUSPECT.search(value)
        and " ".join(value.split()) == value
        and unicodedata.is_normalized("NFC", value)
    ):
        return value
    return normalise_text(value)


def template_headers() -> list[str]:
    """The headers of the blank template: Thai, with * on required columns."""
    return [f"{c.thai} *" if c.required else c.thai for c in COLUMNS]


class RowError(NamedTuple):
    """A problem in one cell: row, column key, the value, and what is wrong in Thai and English."""

    row: int
    column: str
    value: str
    thai: str
    english: str

    def __str__(self) -> str:
        """ "แถว 5 คอลัมน์ "…" ค่า '…': thai / Row 5, column "…", value '…': english"."""
        spec = COLUMN_BY_KEY.get(self.column)
        thai_col = spec.thai if spec else self.column
        value = self.value if len(self.value) <= SHOWN_VALUE else self.value[:SHOWN_VALUE] + "…"
        return (
            f"แถว {self.row} คอลัมน์ “{thai_col}” ค่า {value!r}: {self.thai} / "
            f"Row {self.row}, column “{self.column}”, value {value!r}: {self.english}"
        )


DEPARTMENT_LEVEL = 0
"""What `Lookups.unit` gives for the department's own code or name: a person in no division."""


class ValidRow(NamedTuple):
    """A checked row, as compact as possible."""

    row: int
    national_id: str
    text: tuple[str, ...]  # PERSON_TEXT_FIELDS, in order
    division_id: int | None  # None: the department itself, in no division
    supervisor_nid: str
    workload: dict[str, int] | None
    career_path_group: str


@dataclass
class RosterCheck:
    """The outcome of checking a whole file."""

    filename: str
    rows: list[ValidRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    rejected: dict[int, list[RowError]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    present: set[str] = field(default_factory=set)
    total_rows: int = 0
    limits: RosterLimits | None = None
    max_lengths: dict[str, int] = field(default_factory=dict)

    def reject(self, error: RowError) -> None:
        """Record an error and mark its row rejected."""
        self.errors.append(error)
        self.rejected.setdefault(error.row, []).append(error)


_QUOTED_TAIL = re.compile(r": '[^']*'$")


def _split(message: str) -> tuple[str, str]:
    """Split a library's "Thai / English: 'value'" message into its halves (the value is named apart)."""
    thai, _sep, english = message.partition(" / ")
    return thai, _QUOTED_TAIL.sub("", english or thai)


class Lookups:
    """What rows are checked against: the department's units, its people and the groups."""

    def __init__(self, agency: Agency, groups: Iterable[PersonnelGroup]) -> None:
        """Load the units and groups once."""
        self.units: dict[str, list[int]] = {}
        units = Agency.objects.filter(
            department=agency, kind__in=[AgencyKind.DIVISION, AgencyKind.SECTION], is_active=True
        )
        for pk, code, name_th, name_en in units.values_list("pk", "code", "name_th", "name_en"):
            for key in {code_key(code), search_key(name_th), search_key(name_en)} - {""}:
                self.units.setdefault(key, []).append(pk)
        # The department itself: people who sit in no division (the director-general, say).
        for key in {code_key(agency.code), search_key(agency.name_th), search_key(agency.name_en)} - {""}:
            self.units.setdefault(key, []).append(DEPARTMENT_LEVEL)
        self._unit_memo: dict[str, int | list[int] | None] = {}
        self._workload_memo: dict[str, dict[str, int] | WorkloadError] = {}
        self._group_memo: dict[str, str | None] = {}
        self.group_codes = [g.code for g in groups]
        self.groups: dict[str, str] = {}
        for g in groups:
            for name in (g.code, g.name_th, g.name_en, *(g.keywords or [])):
                if name:
                    self.groups.setdefault(search_key(str(name)), g.code)

    def workload(self, value: str) -> dict[str, int] | WorkloadError:
        """The shares a workload cell gives, or the error (the same texts recur, so both are kept)."""
        if value not in self._workload_memo:
            try:
                self._workload_memo[value] = parse_workload(value, self.group_codes)
            except WorkloadError as exc:
                self._workload_memo[value] = exc
        return self._workload_memo[value]

    def group(self, value: str) -> str | None:
        """The code of the group a cell names (by code, name or keyword)."""
        if value not in self._group_memo:
            self._group_memo[value] = self.groups.get(search_key(value))
        return self._group_memo[value]

    def unit(self, value: str) -> int | list[int] | None:
        """The unit a cell names (by code or name): its id, None if unknown, a list if ambiguous."""
        if value not in self._unit_memo:
            found = self.units.get(code_key(value)) or self.units.get(search_key(value)) or []
            unique = sorted(set(found))
            self._unit_memo[value] = unique[0] if len(unique) == 1 else (unique or None)
        return self._unit_memo[value]


class ExistingPerson(NamedTuple):
    """A person already in the department, as the import compares them."""

    pk: int
    supervisor_nid: str
    text: tuple[str, ...]
    division_id: int | None
    workload: dict[str, int]
    career_path_group: str
    is_active: bool


def existing_people(agency: Agency) -> dict[str, ExistingPerson]:
    """Everyone of the department, by national ID (one query, streamed)."""
    from digiskill.people.models import Person

    rows = Person.objects.filter(agency=agency).values_list(
        "pk",
        "national_id",
        "supervisor_id",
        "division_id",
        "workload",
        "career_path_group",
        "is_active",
        *PERSON_TEXT_FIELDS,
    )
    raw = list(rows.iterator(chunk_size=5000))
    nid_of = {r[0]: r[1] for r in raw}
    return {
        r[1]: ExistingPerson(
            r[0], nid_of.get(r[2], "") if r[2] else "", tuple(r[7:]), r[3], r[4] or {}, r[5], r[6]
        )
        for r in raw
    }


# --- what an import will do (pure: no query, no write) ----------------------------------------


@dataclass
class RosterPlan:
    """What an import will do: who is created, updated, left alone, deactivated (or kept active)."""

    create: list[ValidRow] = field(default_factory=list)
    update: list[tuple[ValidRow, ExistingPerson, dict[str, list[Any]]]] = field(default_factory=list)
    unchanged: int = 0
    deactivate: list[tuple[str, ExistingPerson]] = field(default_factory=list)
    kept: list[tuple[str, ExistingPerson]] = field(default_factory=list)

    @property
    def token(self) -> str:
        """A fingerprint of exactly who would be deactivated ("" for nobody); confirming needs it."""
        if not self.deactivate:
            return ""
        ids = ",".join(str(pk) for pk in sorted(p.pk for _nid, p in self.deactivate))
        return hashlib.sha256(ids.encode()).hexdigest()[:32]


def _row_changes(row: ValidRow, old: ExistingPerson) -> dict[str, list[Any]]:
    """{field: [before, after]} between a person on record and their row in the file."""
    changes = {
        name: [before, after]
        for name, before, after in zip(PERSON_TEXT_FIELDS, old.text, row.text, strict=True)
        if before != after
    }
    pairs: dict[str, tuple[Any, Any]] = {
        "division": (old.division_id, row.division_id),
        "supervisor": (old.supervisor_nid, row.supervisor_nid),
        "workload": (old.workload, row.workload or {}),
        "career_path_group": (old.career_path_group, row.career_path_group),
        "is_active": (old.is_active, True),
    }
    changes.update({k: [a, b] for k, (a, b) in pairs.items() if a != b})
    return changes


def roster_plan(
    check: RosterCheck,
    existing: dict[str, ExistingPerson],
    *,
    deactivate_missing: bool = False,
    keep: frozenset[int] = frozenset(),
) -> RosterPlan:
    """Compare the valid rows with the department's people.

    Nobody is deactivated unless `deactivate_missing` (the file is the whole roster); even then the
    people in `keep` (the acting HR administrator's own record) stay active.
    """
    plan = RosterPlan()
    for row in check.rows:
        old = existing.get(row.national_id)
        if old is None:
            plan.create.append(row)
            continue
        changes = _row_changes(row, old)
        if changes:
            plan.update.append((row, old, changes))
        else:
            plan.unchanged += 1
    if deactivate_missing:
        for nid, person in existing.items():
            if person.is_active and nid not in check.present:
                (plan.kept if person.pk in keep else plan.deactivate).append((nid, person))
    return plan


def open_roster(source: Source, *, filename: str, limits: RosterLimits) -> TableReader:
    """Open a roster file, refusing one over the size limits before reading it."""
    return TableReader(
        source,
        filename=filename,
        max_rows=limits.max_rows,
        max_bytes=limits.max_bytes,
        max_unpacked_bytes=limits.max_unpacked_bytes,
    )


def check_roster(
    source: Source,
    *,
    filename: str,
    lookups: Lookups,
    existing_ids: Mapping[str, ExistingPerson],
    limits: RosterLimits | None = None,
) -> RosterCheck:
    """Check every row of a roster file; return the valid rows and every error."""
    limits = limits or RosterLimits.from_settings()
    with open_roster(source, filename=filename, limits=limits) as table:
        header_map = map_headers(table.headers, COLUMNS, filename=table.filename)
        check = RosterCheck(
            filename=table.filename,
            warnings=list(header_map.warnings),
            limits=limits,
            max_lengths=_max_lengths(),
        )
        first_row: dict[str, int] = {}
        for number, record in table.records(header_map):
            check.total_rows += 1
            valid = _check_row(number, record, lookups, first_row, check)
            if valid is not None:
                check.rows.append(valid)
    reject_bad_supervisors(check, existing_ids)
    return check


def _check_row(
    number: int,
    record: dict[str, str],
    lookups: Lookups,
    first_row: dict[str, int],
    check: RosterCheck,
) -> ValidRow | None:
    """Check one row; record its errors; return it compacted when it is valid."""
    errors: list[RowError] = []

    def fail(column: str, thai: str, english: str) -> None:
        errors.append(RowError(number, column, record.get(column, "")[:KEPT_VALUE], thai, english))

    if _too_long(record, check, fail):
        for error in errors:
            check.reject(error)
        return None
    nid = _national_id(record["national_id"], fail)
    if nid:
        check.present.add(nid)
        if nid in first_row:
            fail("national_id", f"ซ้ำกับแถว {first_row[nid]}", f"duplicate of row {first_row[nid]}")
        else:
            first_row[nid] = number
    for key in ("first_name", "last_name", "position", "division"):
        if not record[key].strip():
            fail(key, "ต้องกรอก", "required")
    text = tuple(clean_text(record[k]) for k in PERSON_TEXT_FIELDS)
    text = tuple(
        sys.intern(v) if k in _INTERNED else v for k, v in zip(PERSON_TEXT_FIELDS, text, strict=True)
    )
    _check_email(text[-1], fail)
    division = _division(record["division"], lookups, fail)
    supervisor = _supervisor(record["supervisor_national_id"], nid, fail)
    workload = _workload(record["workload"], lookups, fail)
    career = _career_path(record["career_path_group"], lookups, fail)
    for error in errors:
        check.reject(error)
    if errors or division is None:
        return None
    division_id = None if division == DEPARTMENT_LEVEL else division
    return ValidRow(number, nid, text, division_id, supervisor, workload, career)


def _too_long(record: dict[str, str], check: RosterCheck, fail: Any) -> bool:
    """Record an error for every cell over the cell limit or its field's length; True if any."""
    limit = check.limits.max_cell if check.limits else None
    found = False
    for key, value in record.items():
        if limit is not None and len(value) > limit:
            fail(
                key,
                f"ยาว {len(value):,} ตัวอักษร เกินที่รับได้ {limit:,} ตัวอักษรต่อช่อง",
                f"{len(value):,} characters long, over the limit of {limit:,} per cell",
            )
            found = True
            continue
        longest = check.max_lengths.get(key)
        if longest and len(value) > longest:
            fail(
                key,
                f"ยาว {len(value):,} ตัวอักษร เกินที่ช่องนี้เก็บได้ {longest:,} ตัวอักษร",
                f"{len(value):,} characters long, over the {longest:,} this field holds",
            )
            found = True
    return found


def _national_id(value: str, fail: Any) -> str:
    """The normalised national ID, or "" after recording why it is not valid."""
    if not value.strip():
        fail("national_id", "ต้องกรอก", "required")
        return ""
    try:
        return validate_national_id(value)
    except ValueError as exc:
        fail("national_id", *_split(str(exc)))
        return ""


def _check_email(value: str, fail: Any) -> None:
    """Record an error for an e-mail address that cannot be one."""
    if not value:
        return
    try:
        validate_email(value)
    except ValidationError:
        fail("email", "รูปแบบอีเมลไม่ถูกต้อง", "not a valid e-mail address")


def _division(value: str, lookups: Lookups, fail: Any) -> int | None:
    """The id of the division or section the cell names."""
    if not value.strip():
        return None
    found = lookups.unit(value)
    if found is None:
        fail("division", "ไม่พบกอง/หน่วยงานนี้ในกรม", "no such division in the department")
        return None
    if isinstance(found, list):
        fail("division", "ชื่อนี้ตรงกับหลายหน่วยงาน ให้ใช้รหัสแทน", "the name matches several units; use the code")
        return None
    return found


def _supervisor(value: str, nid: str, fail: Any) -> str:
    """The supervisor's normalised national ID ("" for none)."""
    if not value.strip():
        return ""
    try:
        supervisor = validate_national_id(value)
    except ValueError as exc:
        fail("supervisor_national_id", *_split(str(exc)))
        return ""
    if supervisor == nid:
        fail("supervisor_national_id", "เป็นผู้บังคับบัญชาของตนเองไม่ได้", "a person cannot supervise themselves")
        return ""
    return supervisor


def _workload(value: str, lookups: Lookups, fail: Any) -> dict[str, int] | None:
    """The workload shares, or None when blank or wrong."""
    found = lookups.workload(value)
    if isinstance(found, WorkloadError):
        fail("workload", found.thai, found.english)
        return None
    return found or None


def _career_path(value: str, lookups: Lookups, fail: Any) -> str:
    """The career-path group's code ("" for none)."""
    if not value.strip():
        return ""
    code = lookups.group(value)
    if code is None:
        fail("career_path_group", "ไม่รู้จักกลุ่มนี้", "unknown group code")
        return ""
    return code


def reject_bad_supervisors(check: RosterCheck, existing: Mapping[str, ExistingPerson]) -> None:
    """Reject rows whose supervisor is nowhere, whose chain loops, or whose supervisor's row is rejected.

    Safe to run again against a fresh read of the department (rejected rows are already dropped).
    """
    in_file = {r.national_id: r for r in check.rows}
    for r in check.rows:
        sup = r.supervisor_nid
        if sup and sup not in in_file and sup not in check.present and sup not in existing:
            check.reject(
                RowError(
                    r.row,
                    "supervisor_national_id",
                    r.supervisor_nid,
                    "ไม่พบผู้บังคับบัญชาทั้งในไฟล์และในกรม",
                    "supervisor found neither in the file nor in the department",
                )
            )
    _reject_loops(check, in_file, existing)
    _reject_orphans(check, existing)


def _reject_loops(
    check: RosterCheck, in_file: dict[str, ValidRow], existing: Mapping[str, ExistingPerson]
) -> None:
    """Reject every row on a supervisor chain that comes back to itself."""

    def boss(nid: str) -> str:
        row = in_file.get(nid)
        if row is not None:
            return row.supervisor_nid
        return existing[nid].supervisor_nid if nid in existing else ""

    done: set[str] = set()
    for start in in_file:
        path: list[str] = []
        on_path: set[str] = set()
        nid = start
        while nid and nid not in done and nid not in on_path:
            path.append(nid)
            on_path.add(nid)
            nid = boss(nid)
        if nid in on_path:
            loop = path[path.index(nid) :]
            chain = " → ".join([*loop, nid])
            for member in loop:
                if member in in_file:
                    r = in_file[member]
                    check.reject(
                        RowError(
                            r.row,
                            "supervisor_national_id",
                            r.supervisor_nid,
                            f"สายการบังคับบัญชาวนกลับมาที่เดิม ({chain})",
                            f"the chain of supervisors loops ({chain})",
                        )
                    )
        done.update(path)


def _reject_orphans(check: RosterCheck, existing: Mapping[str, ExistingPerson]) -> None:
    """Drop rejected rows from the valid ones, and rows whose only supervisor row was rejected."""
    while True:
        kept = [r for r in check.rows if r.row not in check.rejected]
        valid = {r.national_id for r in kept}
        orphans = [
            r
            for r in kept
            if r.supervisor_nid and r.supervisor_nid not in valid and r.supervisor_nid not in existing
        ]
        check.rows = kept
        if not orphans:
            return
        for r in orphans:
            if r.row not in check.rejected:
                check.reject(
                    RowError(
                        r.row,
                        "supervisor_national_id",
                        r.supervisor_nid,
                        "แถวของผู้บังคับบัญชาไม่ผ่านการตรวจ",
                        "the supervisor's own row was rejected",
                    )
                )


def rejected_rows_csv(
    source: Source,
    *,
    filename: str,
    rejected: Mapping[int, list[RowError]],
    limits: RosterLimits | None = None,
) -> tuple[str, bool]:
    """The rejected rows as they were in the file (same columns), plus a reason column.

    Bounded: a cell over the cell limit is cut (and marked …), and rows stop once the file
    reaches the size limit. Returns (the CSV, whether it holds every rejected row).
    """
    limits = limits or RosterLimits.from_settings()
    _rewind(source)
    cut = limits.max_cell

    def cell(text: str) -> str:
        return text if len(text) <= cut else text[:cut] + "…"

    with open_roster(source, filename=filename, limits=limits) as table:
        headers = [cell(h) for h in table.headers]
        rows = (
            [
                *(cell(c) for c in cells[: len(headers)]),
                "; ".join(f"{e.thai} / {e.english} ({e.column})" for e in rejected[n]),
            ]
            for n, cells in table.rows()
            if n in rejected
        )
        chunks_out: list[bytes] = []
        size = 0
        for chunk in iter_csv([*headers, REASON_HEADER], rows):
            if size + len(chunk) > limits.max_bytes:
                return b"".join(chunks_out).decode("utf-8-sig"), False
            chunks_out.append(chunk)
            size += len(chunk)
        return b"".join(chunks_out).decode("utf-8-sig"), True


def _rewind(source: Source) -> None:
    """Go back to the start of a file object, so that it can be read again."""
    if isinstance(source, io.IOBase) or hasattr(source, "seek"):
        stream: IO[bytes] = source  # type: ignore[assignment]
        stream.seek(0)


def chunks(items: list[Any], size: int) -> Iterator[list[Any]]:
    """Consecutive slices of a list."""
    for start in range(0, len(items), size):
        yield items[start : start + size]


def write_template(stream: IO[bytes]) -> None:
    """Write the blank roster template (XLSX): the header row only."""
    write_xlsx(stream, SHEET_TITLE, template_headers(), [])


# --- export: the roster in the import's own columns ---------------------------------------------

SHEET_TITLE = "รายชื่อบุคลากร"
EXPORT_FIELDS = (
    "national_id",
    *PERSON_TEXT_FIELDS,
    "division__code",
    "supervisor__national_id",
    "workload",
    "career_path_group",
)


def roster_rows(agency: Agency, *, include_inactive: bool = False) -> Iterator[list[CellValue]]:
    """The department's people as roster rows (COLUMNS order), streamed from one query, no instances."""
    from digiskill.people.models import Person

    people = Person.objects.filter(agency=agency)
    if not include_inactive:
        people = people.filter(is_active=True)
    order = [g.code for g in groups_of(agency_framework(agency))]
    rows = people.order_by("division__code", "pk").values_list(*EXPORT_FIELDS)
    for nid, *text, division_code, supervisor, workload, career in rows.iterator(chunk_size=5000):
        division = division_code or agency.code  # in no division: the department's own code
        by_key: dict[str, Any] = dict(zip(PERSON_TEXT_FIELDS, text, strict=True))
        by_key.update(
            national_id=nid,
            division=division,
            supervisor_national_id=supervisor,
            workload=format_workload(workload or {}, order),
            career_path_group=career,
        )
        yield [by_key[c.key] or "" for c in COLUMNS]


def write_roster(
    target: IO[bytes], agency: Agency, *, fmt: str = "xlsx", include_inactive: bool = False
) -> None:
    """Write the department's roster as XLSX or CSV, with the template's own headers (formula-safe)."""
    rows = roster_rows(agency, include_inactive=include_inactive)
    if fmt == "csv":
        write_csv(target, template_headers(), rows)
    else:
        write_xlsx(target, SHEET_TITLE, template_headers(), rows)
