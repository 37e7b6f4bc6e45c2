"""Read and write CSV/XLSX tables for bulk imports and exports.

Reading::

    with TableReader(upload, filename=upload.name) as table:
        header_map = map_headers(table.headers, COLUMNS, filename=table.filename)
        for row_number, record in table.records(header_map):
            ...  # row_number is the row as shown in Excel (header = row 1)

* CSV or XLSX is chosen by content (XLSX is a zip file) and then by extension.
* CSV encoding is detected: UTF-8 with BOM, UTF-8, or cp874 (Windows Thai,
  a superset of TIS-620, still produced by older government systems).
* Rows are streamed, so large files do not need to fit in memory.
* Every cell comes back as a stripped ``str``; fully blank rows are skipped,
  but still counted, so row numbers match what the user sees.

Writing: :func:`write_csv` / :func:`iter_csv` (UTF-8 with BOM, so Excel on Thai
Windows shows Thai correctly) and :func:`write_xlsx`; documents laid out by hand
write each cell through :func:`xlsx_put` (a normal worksheet) or :func:`xlsx_cell`
(a write-only one).  Every writer defends against formula injection; see
:func:`neutralise_cell`.  No other module writes a raw cell value.
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import os
import re
import shutil
import tempfile
import unicodedata
import zipfile
from collections.abc import Generator, Iterable, Iterator, Mapping, Sequence
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from types import TracebackType
from typing import IO, Any, Literal, Self

import openpyxl
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from digiskill.lib.text import search_key
from digiskill.lib.thai_dates import BANGKOK

__all__ = [
    "CellValue",
    "ColumnSpec",
    "HeaderMap",
    "Source",
    "TableError",
    "TableFormat",
    "TableReader",
    "cell_to_text",
    "decode_bytes",
    "header_key",
    "is_formula_like",
    "iter_csv",
    "map_headers",
    "neutralise_cell",
    "write_csv",
    "write_xlsx",
    "xlsx_cell",
    "xlsx_put",
]

Source = str | os.PathLike[str] | bytes | IO[bytes]
"""A table to read: a file path, the file's bytes, or a binary file object."""

CellValue = str | int | float | Decimal | date | time | bool | None
"""A value that the writers accept (datetime is included via date)."""

TableFormat = Literal["csv", "xlsx"]

_ZIP_MAGIC = b"PK\x03\x04"
_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy binary .xls
_SNIFF_BYTES = 64 * 1024
_SPOOL_BYTES = 8 * 1024 * 1024
_LEGACY_ENCODING = "cp874"
# What errors="surrogateescape" turns an undecodable byte into.
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")
_SAVE_AS_HINT_TH = "กรุณาบันทึกเป็น .xlsx หรือ CSV UTF-8"
_SAVE_AS_HINT_EN = "please save it as .xlsx or CSV UTF-8"

# Characters that make Excel, LibreOffice or Google Sheets treat a CSV cell as a
# formula (OWASP "CSV Injection"), plus their full-width forms, which some
# spreadsheet locales also accept.
_FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")

_MIN_WIDTH, _MAX_WIDTH, _WIDTH_PADDING = 8, 60, 2
_WIDTH_SAMPLE_ROWS = 200
_MAX_SHEET_TITLE = 31  # Excel's limit
_SHEET_TITLE_FORBIDDEN = str.maketrans(dict.fromkeys("[]:*?/\\", "_"))


class _UndecodableRowError(Exception):
    """Internal: a CSV row holds bytes that the detected encoding cannot decode."""


class TableError(ValueError):
    """A problem in an uploaded table that the uploader can fix.

    ``str(error)`` is the bilingual message "Thai / English"; ``filename`` and
    ``row`` (spreadsheet row number, if the problem is in one row) are kept for
    callers that want to show them separately.
    """

    def __init__(self, thai: str, english: str, *, filename: str, row: int | None = None) -> None:
        """Build the message "ไฟล์ 'x' แถว n: thai / File 'x' row n: english"."""
        self.filename = filename
        self.row = row
        where_th, where_en = f"ไฟล์ {filename!r}", f"File {filename!r}"
        if row is not None:
            where_th, where_en = f"{where_th} แถว {row}", f"{where_en} row {row}"
        super().__init__(f"{where_th}: {thai} / {where_en}: {english}")


@dataclass(frozen=True)
class ColumnSpec:
    """One expected column of an import template.

    ``key`` is the program name (also accepted as a header), ``thai`` the Thai
    header shown in templates, ``aliases`` other accepted headers (any case,
    spacing or underscores).
    """

    key: str
    thai: str
    aliases: tuple[str, ...] = ()
    required: bool = False

    def label(self) -> str:
        """Return "thai (key)" for messages."""
        return f"{self.thai} ({self.key})"


@dataclass(frozen=True)
class HeaderMap:
    """Result of :func:`map_headers`.

    ``columns`` maps ColumnSpec.key to a 0-based column index, ``absent`` lists
    optional keys that the file lacks (records give "" for them), and
    ``warnings`` holds bilingual notes about ignored columns.
    """

    columns: Mapping[str, int]
    absent: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()


def header_key(header: str) -> str:
    """Return the comparison key for a header: caseless, no spaces/_/-, no trailing "*".

    "National_ID", " national id ", "NATIONAL-ID *" all give "nationalid".
    """
    # Templates mark required columns with "*"; people add or drop spaces and
    # underscores freely, so none of these may affect matching.
    key = search_key(header).rstrip("*")
    return "".join(ch for ch in key if not ch.isspace() and ch not in "_-")


def map_headers(
    headers: Sequence[str],
    columns: Sequence[ColumnSpec],
    *,
    filename: str = "",
) -> HeaderMap:
    """Match a table's header row against the expected columns.

    Raises TableError naming the file if a required column is missing or a
    column appears twice; unknown and blank-named columns are ignored, with a
    warning for each unknown one.
    """
    lookup = _alias_lookup(columns)
    found: dict[str, list[int]] = {}
    unknown: list[str] = []
    for index, header in enumerate(headers):
        key = header_key(header)
        if not key:
            continue
        if key in lookup:
            found.setdefault(lookup[key].key, []).append(index)
        else:
            unknown.append(f"{header!r} ({_column_name(index)})")
    _raise_for_bad_headers(headers, columns, found, filename)
    return HeaderMap(
        columns={key: indexes[0] for key, indexes in found.items()},
        absent=tuple(spec.key for spec in columns if spec.key not in found),
        warnings=tuple(_unknown_warning(name) for name in unknown),
    )


def is_formula_like(value: str) -> bool:
    """Tell whether a spreadsheet could take this text for a formula (see neutralise_cell)."""
    # Spaces first: Google Sheets and LibreOffice ("Trim spaces") trim cells on import,
    # which would leave " =1+1" starting with "=".  Tab and CR are triggers themselves.
    return value.startswith(_FORMULA_TRIGGERS) or value.lstrip().startswith(_FORMULA_TRIGGERS)


def neutralise_cell(value: str) -> str:
    """Prefix "'" to text that a spreadsheet would run as a formula.

    Applies to text starting with = + - @ tab or carriage return (OWASP CSV
    injection guidance) or a full-width = + - @, also after leading white
    space (which some spreadsheets trim on import).  As OWASP advises, this is
    done even for text that looks like a negative number ("-5"): the writers
    only see strings here, and a genuine number should be passed as int, float
    or Decimal, which is never altered.  The price is that such text reads back
    with the leading "'".
    """
    return "'" + value if is_formula_like(value) else value


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode a whole text file; return (text, encoding name).

    UTF-8 with BOM gives "utf-8-sig", valid UTF-8 gives "utf-8", otherwise
    cp874 (Windows Thai / TIS-620) is tried; raises ValueError if that fails too.
    """
    if data.startswith(codecs.BOM_UTF8):
        return data.decode("utf-8-sig"), "utf-8-sig"
    for encoding in ("utf-8", _LEGACY_ENCODING):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise ValueError(
        f"ไม่รู้จักการเข้ารหัสอักขระของไฟล์ ({_SAVE_AS_HINT_TH})"
        f" / Unknown text encoding, not UTF-8 or Windows-874 ({_SAVE_AS_HINT_EN})",
    )


class TableReader:
    """Stream the rows of a CSV or XLSX table (first worksheet only).

    Use as a context manager, or call :meth:`close`.  ``headers`` is the first
    non-blank row; ``rows()``/``records()`` stream the rows after it once.
    Limits (all optional) refuse an oversized upload with a TableError before the work:
    ``max_bytes`` the file's size, checked before anything is read; ``max_unpacked_bytes``
    what an XLSX declares its parts unpack to (a small zip can hide a huge cell), checked
    before the workbook is opened; ``max_rows`` the data rows, checked against an XLSX's
    declared dimension first, then while streaming (reading stops at the first row over).
    """

    def __init__(
        self,
        source: Source,
        *,
        filename: str | None = None,
        max_rows: int | None = None,
        max_bytes: int | None = None,
        max_unpacked_bytes: int | None = None,
    ) -> None:
        """Open the table, detect its format and encoding, and read the header row."""
        self.filename = filename if filename is not None else _source_name(source)
        self.encoding: str | None = None
        self._max_rows = max_rows
        self._max_unpacked = max_unpacked_bytes
        self._stack = ExitStack()
        try:
            stream = _open_seekable(source, self._stack)
            if max_bytes is not None:
                _check_size(stream, max_bytes, self.filename)
            self.format: TableFormat = _detect_format(stream, self.filename)
            raw = self._open_xlsx(stream) if self.format == "xlsx" else self._open_csv(stream)
            self._raw = _numbered(raw, self.filename)
            # Registered last so it runs first: stop the row generator, so that
            # nothing can read from the workbook or file after they are closed.
            self._stack.callback(self._raw.close)
            self.header_row, self.headers = self._read_header()
        except BaseException:
            self._stack.close()
            raise

    def __enter__(self) -> Self:
        """Return self; the table is closed when the block ends."""
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        """Close the table."""
        self.close()

    def close(self) -> None:
        """Release the file and workbook; a caller's own stream is left open."""
        self._stack.close()

    def rows(self) -> Iterator[tuple[int, list[str]]]:
        """Yield (spreadsheet row number, cells) for each non-blank data row.

        Cells are padded with "" to the header width (longer rows keep their
        extra cells).
        """
        width = len(self.headers)
        for number, cells in self._raw:
            if self._max_rows is not None and number - self.header_row > self._max_rows:
                raise self._too_many_rows()
            if any(cells):
                yield number, cells + [""] * (width - len(cells))

    def records(self, header_map: HeaderMap) -> Iterator[tuple[int, dict[str, str]]]:
        """Yield (spreadsheet row number, {column key: cell}) for each non-blank row.

        Every mapped key and every absent optional key is present ("" if absent).
        """
        for number, cells in self.rows():
            record = {key: cells[index] for key, index in header_map.columns.items()}
            record.update(dict.fromkeys(header_map.absent, ""))
            yield number, record

    def _too_many_rows(self) -> TableError:
        """The error for a table with more data rows than allowed."""
        return TableError(
            f"มีข้อมูลเกิน {self._max_rows:,} แถว ซึ่งเป็นจำนวนสูงสุดที่รับได้ ให้แบ่งเป็นหลายไฟล์",
            f"more than {self._max_rows:,} data rows, the most accepted; split it into several files",
            filename=self.filename,
        )

    def _read_header(self) -> tuple[int, list[str]]:
        """Return (row number, cells) of the first non-blank row."""
        for number, cells in self._raw:
            if any(cells):
                return number, cells
        raise TableError(
            "ไม่พบแถวหัวตาราง (ไฟล์ว่าง)",
            "no header row found (the file is empty)",
            filename=self.filename,
        )

    def _open_csv(self, stream: IO[bytes]) -> Iterator[list[str]]:
        """Detect the encoding, then return a stream of raw CSV rows."""
        self.encoding = _sniff_encoding(stream, self.filename)
        # surrogateescape turns undecodable bytes into marker characters instead
        # of failing somewhere inside an 8 KiB read-ahead, so _csv_rows can name
        # the exact row that holds them.
        text = io.TextIOWrapper(stream, encoding=self.encoding, errors="surrogateescape", newline="")
        # Detach rather than close: closing the wrapper would close the
        # underlying stream, which may belong to the caller.
        self._stack.callback(text.detach)
        return _csv_rows(text)

    def _open_xlsx(self, stream: IO[bytes]) -> Iterator[list[str]]:
        """Open the workbook in streaming mode; return its first sheet's rows."""
        if self._max_unpacked is not None:
            _check_unpacked_size(stream, self._max_unpacked, self.filename)
        try:
            workbook = openpyxl.load_workbook(stream, read_only=True, data_only=True)
        except Exception as exc:  # any of zip, XML or openpyxl errors: all mean a bad file
            raise TableError(
                f"ไม่ใช่ไฟล์ Excel (.xlsx) ที่ถูกต้องหรือไฟล์เสียหาย ({_SAVE_AS_HINT_TH})",
                f"not a valid Excel (.xlsx) file or the file is damaged ({_SAVE_AS_HINT_EN})",
                filename=self.filename,
            ) from exc
        self._stack.callback(workbook.close)
        if not workbook.worksheets:
            raise TableError("ไม่มีแผ่นงาน", "the workbook has no worksheet", filename=self.filename)
        sheet = workbook.worksheets[0]
        declared = getattr(sheet, "max_row", None)
        if self._max_rows is not None and isinstance(declared, int) and declared - 1 > self._max_rows:
            raise self._too_many_rows()
        # Some exporters write a wrong <dimension>, which makes openpyxl cut
        # rows short; forgetting it makes openpyxl read what is really there.
        sheet.reset_dimensions()
        rows: Iterable[tuple[Any, ...]] = sheet.iter_rows(min_row=1, values_only=True)
        return ([cell_to_text(value) for value in row] for row in rows)


def cell_to_text(value: object) -> str:
    """Convert a cell value to stripped text as an importer expects it.

    None -> "", integral numbers without ".0" (Excel stores all numbers as
    floats, so an ID typed as a number arrives as 1234567890121.0), dates ->
    ISO "2026-11-21" (date-times -> "2026-11-21 14:05:00"), booleans -> "TRUE"/"FALSE".
    """
    return _format_value(value).strip()


def iter_csv(headers: Sequence[str], rows: Iterable[Sequence[CellValue]]) -> Iterator[bytes]:
    """Yield a UTF-8 CSV (with BOM) chunk by chunk, with formula text neutralised.

    Suitable for a streaming HTTP response; the first chunk is BOM + header row.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([neutralise_cell(h) for h in headers])
    yield codecs.BOM_UTF8 + _take(buffer).encode("utf-8")
    for row in rows:
        writer.writerow([_csv_cell(value) for value in row])
        yield _take(buffer).encode("utf-8")


def write_csv(
    target: str | os.PathLike[str] | IO[bytes],
    headers: Sequence[str],
    rows: Iterable[Sequence[CellValue]],
) -> None:
    """Write a UTF-8-with-BOM CSV to a path or binary stream (see iter_csv).

    A stream passed in is written to but not closed.
    """
    if isinstance(target, str | os.PathLike):
        with open(target, "wb") as stream:
            stream.writelines(iter_csv(headers, rows))
    else:
        target.writelines(iter_csv(headers, rows))


def write_xlsx(
    target: str | os.PathLike[str] | IO[bytes],
    sheet_title: str,
    headers: Sequence[str],
    rows: Iterable[Sequence[CellValue]],
) -> None:
    """Write one worksheet to an .xlsx path or binary stream, streaming rows.

    The header row is bold and frozen; column widths are estimated from the
    header and the first rows.  Text that would be a formula is stored as
    plain text with Excel's quote-prefix flag (the same as typing a leading "'"
    in Excel), so it is never run, even after the user edits the cell, and the
    text itself is unchanged - unlike CSV, XLSX cells are typed, so no visible
    "'" is needed.  Characters that XML cannot hold (control codes) are dropped;
    aware datetimes are written as Bangkok wall-clock time.
    """
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet(title=_safe_sheet_title(sheet_title))
    rows = iter(rows)
    sample = list(itertools.islice(rows, _WIDTH_SAMPLE_ROWS))
    # Write-only sheets need widths and panes set before the first row is added.
    for index, width in enumerate(_column_widths(headers, sample), start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    sheet.append([xlsx_cell(sheet, header, bold=True) for header in headers])
    for row in itertools.chain(sample, rows):
        sheet.append([xlsx_cell(sheet, value) for value in row])
    # zipfile leaves a caller's stream open, so no wrapper is needed here.
    workbook.save(target)


# --- reading helpers -------------------------------------------------------


def _source_name(source: Source) -> str:
    """Return the base file name of a path or named stream, else "(upload)"."""
    if isinstance(source, str | os.PathLike):
        return Path(source).name
    name = getattr(source, "name", None)
    return Path(name).name if isinstance(name, str) and name else "(upload)"


def _open_seekable(source: Source, stack: ExitStack) -> IO[bytes]:
    """Return a seekable binary stream for any Source, registering cleanup."""
    if isinstance(source, bytes):
        return io.BytesIO(source)
    if isinstance(source, str | os.PathLike):
        return stack.enter_context(open(source, "rb"))
    if _is_seekable(source):
        return source
    # Encoding sniffing and zip reading both need to seek; copy other streams
    # (e.g. a socket or pipe) to a temporary file that spills to disk if large.
    spool = stack.enter_context(tempfile.SpooledTemporaryFile(max_size=_SPOOL_BYTES))  # noqa: SIM115
    shutil.copyfileobj(source, spool)
    spool.seek(0)
    return spool


def _megabytes(size: int) -> str:
    """A size in bytes as "20 MB" (one decimal below 10 MB)."""
    mb = size / (1024 * 1024)
    return f"{mb:.1f} MB" if mb < 10 else f"{mb:,.0f} MB"


def _check_size(stream: IO[bytes], limit: int, filename: str) -> None:
    """Refuse a stream longer than `limit` bytes, measured without reading it."""
    start = stream.tell()
    size = stream.seek(0, os.SEEK_END) - start
    stream.seek(start)
    if size > limit:
        raise TableError(
            f"ไฟล์มีขนาด {_megabytes(size)} เกินขนาดสูงสุด {_megabytes(limit)}",
            f"the file is {_megabytes(size)}, over the limit of {_megabytes(limit)}",
            filename=filename,
        )


def _check_unpacked_size(stream: IO[bytes], limit: int, filename: str) -> None:
    """Refuse an XLSX whose parts declare more than `limit` bytes unpacked.

    zipfile never inflates a member beyond its declared size, so the declaration is a real bound.
    """
    start = stream.tell()
    try:
        with zipfile.ZipFile(stream) as archive:
            size = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        size = 0  # a damaged file: openpyxl reports it properly just after
    finally:
        stream.seek(start)
    if size > limit:
        raise TableError(
            f"เมื่อคลายไฟล์ Excel แล้วมีขนาด {_megabytes(size)} เกินขนาดสูงสุด {_megabytes(limit)}",
            f"the Excel file unpacks to {_megabytes(size)}, over the limit of {_megabytes(limit)}",
            filename=filename,
        )


def _is_seekable(stream: IO[bytes]) -> bool:
    """Tell whether a file-like object can seek (duck-typed: Django files are not IOBase)."""
    try:
        return bool(stream.seekable())
    except (AttributeError, OSError, ValueError):
        return False


def _peek(stream: IO[bytes], size: int) -> bytes:
    """Read up to size bytes from a seekable stream and rewind to where it was."""
    start = stream.tell()
    data = stream.read(size)
    stream.seek(start)
    return data


def _detect_format(stream: IO[bytes], filename: str) -> TableFormat:
    """Decide CSV or XLSX from the file's first bytes, then its extension."""
    magic = _peek(stream, len(_OLE2_MAGIC))
    suffix = Path(filename).suffix.lower()
    if magic.startswith(_ZIP_MAGIC):
        return "xlsx"
    if magic.startswith(_OLE2_MAGIC) or suffix == ".xls":
        # OLE2 is both the pre-2007 .xls format and the wrapper Excel puts
        # around password-protected .xlsx files; neither can be read.
        raise TableError(
            f"ไม่รองรับไฟล์ Excel รุ่นเก่า (.xls) หรือไฟล์ที่ตั้งรหัสผ่านไว้ {_SAVE_AS_HINT_TH}",
            f"old Excel (.xls) files and password-protected workbooks are not supported; {_SAVE_AS_HINT_EN}",
            filename=filename,
        )
    if suffix == ".xlsx":
        raise TableError(
            f"ไฟล์ .xlsx เสียหายหรือไม่ใช่ไฟล์ Excel ({_SAVE_AS_HINT_TH})",
            f"the .xlsx file is damaged or not an Excel file ({_SAVE_AS_HINT_EN})",
            filename=filename,
        )
    return "csv"


def _sniff_encoding(stream: IO[bytes], filename: str) -> str:
    """Choose utf-8-sig, utf-8 or cp874 for a CSV stream, then rewind it."""
    start = stream.tell()
    try:
        return _detect_encoding(stream, filename)
    finally:
        stream.seek(start)


def _detect_encoding(stream: IO[bytes], filename: str) -> str:
    """Read from the stream until its encoding is certain and return the name.

    The first 64 KiB normally decide.  An incremental decoder is used so that a
    multi-byte UTF-8 character cut by the 64 KiB boundary is not taken as
    invalid.  If everything read so far is ASCII (which fits every candidate),
    reading continues until a non-ASCII character settles it or the file ends.
    """
    chunk = stream.read(_SNIFF_BYTES)
    if chunk.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    decoder = codecs.getincrementaldecoder("utf-8")()
    last = chunk
    while chunk:
        last = chunk
        try:
            if not decoder.decode(chunk).isascii():
                return "utf-8"
        except UnicodeDecodeError:
            return _check_legacy(chunk, filename)
        chunk = stream.read(_SNIFF_BYTES)
    try:
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:  # the file ends in the middle of a UTF-8 sequence
        return _check_legacy(last, filename)
    return "utf-8"


def _check_legacy(chunk: bytes, filename: str) -> str:
    """Return "cp874" if chunk decodes as cp874, else raise TableError."""
    try:
        chunk.decode(_LEGACY_ENCODING)
    except UnicodeDecodeError:
        raise TableError(
            f"ไม่รู้จักการเข้ารหัสอักขระของไฟล์ ({_SAVE_AS_HINT_TH})",
            f"unknown text encoding, not UTF-8 or Windows-874 ({_SAVE_AS_HINT_EN})",
            filename=filename,
        ) from None
    return _LEGACY_ENCODING


def _numbered(raw: Iterator[list[str]], filename: str) -> Generator[tuple[int, list[str]], None, None]:
    """Number raw rows from 1 and turn read errors into TableErrors with a row."""
    number = 0
    try:
        for number, cells in enumerate(raw, start=1):
            yield number, cells
    except _UndecodableRowError as exc:
        raise TableError(
            f"มีอักขระที่อ่านไม่ได้ด้วยการเข้ารหัสเดียวกับส่วนต้นของไฟล์ ({_SAVE_AS_HINT_TH})",
            f"characters that do not match the encoding of the start of the file ({_SAVE_AS_HINT_EN})",
            filename=filename,
            row=number + 1,
        ) from exc
    except csv.Error as exc:
        raise TableError(
            "รูปแบบ CSV ไม่ถูกต้อง",
            f"malformed CSV ({exc})",
            filename=filename,
            row=number + 1,
        ) from exc


def _csv_rows(text: Iterable[str]) -> Iterator[list[str]]:
    """Yield stripped CSV rows; raise _UndecodableRowError at a row with bad bytes."""
    for row in csv.reader(text):
        if _ESCAPED_BYTE.search("".join(row)):
            raise _UndecodableRowError
        yield [cell.strip() for cell in row]


def _format_value(value: object) -> str:
    """Turn a cell value into text without stripping (see cell_to_text)."""
    if value is None:
        return ""
    if isinstance(value, bool):  # before int: bool is a subclass of int
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        value = _bangkok_naive(value)
        return value.date().isoformat() if value.time() == time() else value.isoformat(sep=" ")
    if isinstance(value, date | time):
        return value.isoformat()
    return str(value)


# --- header helpers --------------------------------------------------------


def _alias_lookup(columns: Sequence[ColumnSpec]) -> dict[str, ColumnSpec]:
    """Map every accepted header key to its ColumnSpec; reject ambiguous specs."""
    lookup: dict[str, ColumnSpec] = {}
    for spec in columns:
        for name in (spec.key, spec.thai, *spec.aliases):
            key = header_key(name)
            other = lookup.setdefault(key, spec)
            if other is not spec:
                # A programming error in the column list, not a user error.
                raise ValueError(
                    f"ชื่อคอลัมน์ซ้ำกันในข้อกำหนด / Header {name!r} is claimed by both"
                    f" {other.key!r} and {spec.key!r}",
                )
    return lookup


def _raise_for_bad_headers(
    headers: Sequence[str],
    columns: Sequence[ColumnSpec],
    found: Mapping[str, list[int]],
    filename: str,
) -> None:
    """Raise one TableError listing missing required and duplicated columns."""
    problems_th: list[str] = []
    problems_en: list[str] = []
    missing = [spec for spec in columns if spec.required and spec.key not in found]
    if missing:
        problems_th.append("ไม่พบคอลัมน์ที่จำเป็น: " + ", ".join(spec.label() for spec in missing))
        problems_en.append("missing required column(s): " + ", ".join(spec.label() for spec in missing))
    duplicates = [
        f"{headers[indexes[0]]!r} ({', '.join(_column_name(i) for i in indexes)})"
        for indexes in found.values()
        if len(indexes) > 1
    ]
    if duplicates:
        problems_th.append("คอลัมน์ซ้ำ: " + ", ".join(duplicates))
        problems_en.append("duplicate column(s): " + ", ".join(duplicates))
    if problems_th:
        raise TableError("; ".join(problems_th), "; ".join(problems_en), filename=filename)


def _column_name(index: int) -> str:
    """Return the spreadsheet column letter for a 0-based index, e.g. 0 -> "A"."""
    return str(get_column_letter(index + 1))


def _unknown_warning(description: str) -> str:
    """Return the bilingual warning for an ignored, unrecognised column."""
    return f"ไม่รู้จักคอลัมน์ {description} จึงไม่นำเข้า / Unknown column {description} ignored"


# --- writing helpers -------------------------------------------------------


def _take(buffer: io.StringIO) -> str:
    """Return the buffer's text and empty it."""
    text = buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    return text


def _csv_cell(value: CellValue) -> str:
    """Format one value for CSV output, neutralising text only."""
    if isinstance(value, str):
        return neutralise_cell(value)
    return _format_value(value)


def xlsx_cell(sheet: Any, value: CellValue, *, bold: bool = False) -> Any:
    """Build a cell for a write-only sheet (``sheet.append``), formula-like text kept inert.

    Strings are always text, never formulas, and formula-like ones carry
    Excel's quote-prefix flag (see write_xlsx); numbers, dates and booleans
    keep their type.
    """
    value = _xlsx_value(value)
    # The stubs list fewer types than openpyxl accepts (it writes date, time and Decimal).
    cell = WriteOnlyCell(sheet, value=value)  # type: ignore[arg-type]
    _make_inert(cell, value)
    if bold:
        cell.font = Font(bold=True)
    return cell


def xlsx_put(sheet: Any, row: int, column: int, value: CellValue) -> Any:
    """Write a value into a normal worksheet's cell and return the cell, formula-like text kept inert.

    The same rules as :func:`xlsx_cell`; use it for every cell of a document
    laid out cell by cell (merged cells, borders), never ``sheet.cell(value=...)``.
    """
    value = _xlsx_value(value)
    cell = sheet.cell(row=row, column=column)
    cell.value = value
    _make_inert(cell, value)
    return cell


def _xlsx_value(value: CellValue) -> CellValue:
    """Drop characters XML cannot hold; aware datetimes become Bangkok wall-clock time."""
    if isinstance(value, datetime):
        return _bangkok_naive(value)
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("", value)
    return value


def _make_inert(cell: Any, value: CellValue) -> None:
    """Keep formula-like text a plain string with Excel's quote prefix."""
    if isinstance(value, str) and is_formula_like(value):
        # openpyxl would otherwise store "=..." as a formula; the quote prefix
        # also stops Excel from turning it into one when the cell is edited.
        cell.data_type = "s"
        cell.quotePrefix = True


def _bangkok_naive(value: datetime) -> datetime:
    """Convert an aware datetime to naive Bangkok time (Excel has no time zones)."""
    if value.utcoffset() is None:
        return value
    return value.astimezone(BANGKOK).replace(tzinfo=None)


def _display_width(text: str) -> int:
    """Estimate how many character cells text occupies (Thai marks take none)."""
    return sum(_char_width(ch) for ch in text)


def _char_width(ch: str) -> int:
    """Return 0 for combining/format characters, 2 for wide East Asian ones, else 1."""
    if unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def _column_widths(headers: Sequence[str], sample: Sequence[Sequence[CellValue]]) -> list[float]:
    """Estimate a column width for each header from it and sample rows."""
    widths: list[float] = []
    for index, header in enumerate(headers):
        values = [_format_value(row[index]) for row in sample if index < len(row)]
        longest = max((_display_width(text) for text in [header, *values]), default=0)
        widths.append(float(min(_MAX_WIDTH, max(_MIN_WIDTH, longest + _WIDTH_PADDING))))
    return widths


def _safe_sheet_title(title: str) -> str:
    """Make a valid Excel sheet title: no []:*?/\\ and at most 31 characters."""
    cleaned = title.translate(_SHEET_TITLE_FORBIDDEN).strip("'")[:_MAX_SHEET_TITLE]
    return cleaned or "Sheet1"
