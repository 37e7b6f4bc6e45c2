"""Tests for digiskill.lib.tabular."""

from __future__ import annotations

import codecs
import csv
import io
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from digiskill.lib.tabular import (
    CellValue,
    ColumnSpec,
    TableError,
    TableReader,
    cell_to_text,
    decode_bytes,
    header_key,
    is_formula_like,
    iter_csv,
    map_headers,
    neutralise_cell,
    write_csv,
    write_xlsx,
    xlsx_cell,
    xlsx_put,
)

COLUMNS = [
    ColumnSpec("national_id", "เลขประจำตัวประชาชน", aliases=("national id", "citizen id"), required=True),
    ColumnSpec("first_name", "ชื่อ", aliases=("name",), required=True),
    ColumnSpec("last_name", "นามสกุล", aliases=("surname",), required=True),
    ColumnSpec("position", "ตำแหน่ง"),
]
THAI_CSV = "เลขประจำตัวประชาชน,ชื่อ,นามสกุล\r\n1234567890121,สมชาย,ใจดี\r\n1234567890122,สมหญิง,รักเรียน\r\n"
EXPECTED_ROWS = [
    (2, ["1234567890121", "สมชาย", "ใจดี"]),
    (3, ["1234567890122", "สมหญิง", "รักเรียน"]),
]
DANGEROUS_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _read_all(source: bytes | Path | io.BytesIO, filename: str | None = None) -> list[tuple[int, list[str]]]:
    """Read every data row of a table."""
    with TableReader(source, filename=filename) as table:
        return list(table.rows())


def _xlsx_bytes(rows: list[list[CellValue]], title: str = "Sheet") -> bytes:
    """Build an .xlsx in memory with openpyxl's normal (not write-only) mode."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = title
    for row_index, row in enumerate(rows, start=1):
        for column_index, value in enumerate(row, start=1):
            if value is not None:
                sheet.cell(row=row_index, column=column_index, value=value)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# --- decoding ------------------------------------------------------------------


def test_decode_bytes_detects_each_encoding() -> None:
    assert decode_bytes(THAI_CSV.encode("utf-8")) == (THAI_CSV, "utf-8")
    assert decode_bytes(codecs.BOM_UTF8 + THAI_CSV.encode("utf-8")) == (THAI_CSV, "utf-8-sig")
    assert decode_bytes(THAI_CSV.encode("cp874")) == (THAI_CSV, "cp874")
    assert decode_bytes(THAI_CSV.encode("tis-620")) == (THAI_CSV, "cp874")


def test_decode_bytes_rejects_unknown_encoding_bilingually() -> None:
    # UTF-16 (Excel's "Unicode Text") is neither UTF-8 nor cp874 (0xFF is unassigned there).
    with pytest.raises(ValueError, match="Unknown text encoding") as info:
        decode_bytes("ชื่อ".encode("utf-16"))
    assert str(info.value).startswith("ไม่รู้จักการเข้ารหัสอักขระ")


@pytest.mark.parametrize(
    ("payload", "encoding"),
    [
        (THAI_CSV.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + THAI_CSV.encode("utf-8"), "utf-8-sig"),
        (THAI_CSV.encode("cp874"), "cp874"),
    ],
)
def test_csv_thai_text_reads_the_same_in_every_encoding(payload: bytes, encoding: str) -> None:
    with TableReader(payload, filename="staff.csv") as table:
        assert table.format == "csv"
        assert table.encoding == encoding
        assert table.headers == ["เลขประจำตัวประชาชน", "ชื่อ", "นามสกุล"]
        assert list(table.rows()) == EXPECTED_ROWS


def test_utf8_character_cut_at_the_sniff_boundary_is_not_invalid(tmp_path: Path) -> None:
    header = b"code,name\r\n"
    filler = b"x" * (64 * 1024 - len(header) - len(b"1,") - 1)  # "ก" (3 bytes) straddles 64 KiB
    payload = header + b"1," + filler + "ก\r\n".encode()
    assert len(header + b"1," + filler) < 64 * 1024 < len(payload)
    path = tmp_path / "boundary.csv"
    path.write_bytes(payload)
    with TableReader(path) as table:
        assert table.encoding == "utf-8"
        assert list(table.rows()) == [(2, ["1", filler.decode() + "ก"])]


def test_ascii_start_does_not_hide_later_cp874(tmp_path: Path) -> None:
    lines = ["id,name"] + [f"{i},person" for i in range(20000)] + ["20000,สมชาย"]
    payload = "\r\n".join(lines).encode("cp874")
    assert payload[: 64 * 1024].isascii()
    path = tmp_path / "legacy.csv"
    path.write_bytes(payload)
    with TableReader(path) as table:
        assert table.encoding == "cp874"
        assert list(table.rows())[-1] == (20002, ["20000", "สมชาย"])


def test_file_ending_inside_a_utf8_character_is_checked_as_cp874() -> None:
    # 0xDB starts a 2-byte UTF-8 character and is not a Windows-874 character either.
    with pytest.raises(TableError, match="unknown text encoding"):
        TableReader(b"code,name\r\n1,x\xdb", filename="cut.csv")
    # Cut after more than one 64 KiB read: the last chunk read is still the one checked.
    payload = b"code,name\r\n" + b"x" * (70 * 1024) + b"\xdb"
    with pytest.raises(TableError, match="unknown text encoding"):
        TableReader(payload, filename="cut.csv")
    # 0xE0 0xB8 begin "ก" in UTF-8 and are Thai in Windows-874: the file is cp874.
    with TableReader(b"code,name\r\n1,x\xe0\xb8", filename="thai.csv") as table:
        assert table.encoding == "cp874"


def test_encoding_change_mid_file_reports_the_row() -> None:
    payload = "ชื่อ\r\nสมชาย\r\n".encode() + b"x" * (70 * 1024) + b"\r\n" + "สมหญิง\r\n".encode("cp874")
    with TableReader(payload, filename="mixed.csv") as table, pytest.raises(TableError) as info:
        list(table.rows())
    assert info.value.row == 4
    assert "mixed.csv" in str(info.value)


def test_undecodable_csv_raises_table_error() -> None:
    with pytest.raises(TableError, match="unknown text encoding"):
        TableReader("ชื่อ".encode("utf-16"), filename="x.csv")


# --- reading ---------------------------------------------------------------


def test_row_numbers_count_blank_rows_csv() -> None:
    payload = "\r\n,\r\nชื่อ,นามสกุล\r\nก,ข\r\n\r\n , \r\nค,ง\r\n".encode()
    with TableReader(payload, filename="x.csv") as table:
        assert table.header_row == 3
        assert list(table.rows()) == [(4, ["ก", "ข"]), (7, ["ค", "ง"])]


def test_row_numbers_count_blank_rows_xlsx() -> None:
    payload = _xlsx_bytes([[None], ["ชื่อ", "นามสกุล"], ["ก", "ข"], [None], [None, None], ["ค", "ง"]])
    with TableReader(payload, filename="x.xlsx") as table:
        assert table.format == "xlsx"
        assert table.header_row == 2
        assert list(table.rows()) == [(3, ["ก", "ข"]), (6, ["ค", "ง"])]


def test_cells_are_stripped_and_padded() -> None:
    payload = "a,b,c\r\n  x  ,\u00a0y\r\n".encode()
    assert _read_all(payload, "x.csv") == [(2, ["x", "y", ""])]


def test_xlsx_cell_values_become_text() -> None:
    payload = _xlsx_bytes(
        [
            ["id", "float", "when", "at", "flag", "empty", "text"],
            [1234567890121, 2.5, datetime(2026, 11, 21), datetime(2026, 11, 21, 14, 5), True, None, " ก "],
        ]
    )
    assert _read_all(payload, "t.xlsx") == [
        (2, ["1234567890121", "2.5", "2026-11-21", "2026-11-21 14:05:00", "TRUE", "", "ก"]),
    ]


def test_cell_to_text_conversions() -> None:
    assert cell_to_text(None) == ""
    assert cell_to_text(1234567890121.0) == "1234567890121"
    assert cell_to_text(-3.0) == "-3"
    assert cell_to_text(0.1) == "0.1"
    assert cell_to_text(date(2026, 11, 21)) == "2026-11-21"
    assert cell_to_text(False) == "FALSE"
    assert cell_to_text(Decimal("1.50")) == "1.50"


def test_format_is_detected_from_content_first() -> None:
    payload = _xlsx_bytes([["ชื่อ"], ["ก"]])
    with TableReader(payload, filename="really-xlsx.csv") as table:
        assert table.format == "xlsx"
    with TableReader(payload) as table:
        assert table.format == "xlsx"
        assert table.filename == "(upload)"


def test_fake_xlsx_is_rejected() -> None:
    with pytest.raises(TableError, match="damaged or not an Excel file") as info:
        TableReader(b"a,b\r\n", filename="report.xlsx")
    assert "report.xlsx" in str(info.value)


def test_corrupt_zip_is_rejected() -> None:
    with pytest.raises(TableError, match="not a valid Excel"):
        TableReader(b"PK\x03\x04garbage", filename="report.xlsx")


def test_legacy_xls_is_rejected_with_advice() -> None:
    ole2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100
    with pytest.raises(TableError, match=r"old Excel \(\.xls\) files and password-protected"):
        TableReader(ole2, filename="old.xls")
    with pytest.raises(TableError, match="password-protected"):
        TableReader(ole2, filename="encrypted.xlsx")
    with pytest.raises(TableError, match=r"\(\.xls\)"):
        TableReader(b"<html><table></table></html>", filename="fake-export.xls")


def test_empty_file_is_rejected() -> None:
    with pytest.raises(TableError, match="no header row"):
        TableReader(b"\r\n , \r\n", filename="empty.csv")


def test_max_rows_guard() -> None:
    payload = b"a\r\n1\r\n2\r\n3\r\n"
    with (
        TableReader(payload, filename="x.csv", max_rows=2) as table,
        pytest.raises(TableError, match="more than 2"),
    ):
        list(table.rows())


def test_path_source_uses_file_name(tmp_path: Path) -> None:
    path = tmp_path / "บุคลากร.csv"
    path.write_bytes(THAI_CSV.encode("cp874"))
    with TableReader(path) as table:
        assert table.filename == "บุคลากร.csv"
        assert list(table.rows()) == EXPECTED_ROWS
    with TableReader(str(path)) as table:
        assert list(table.rows()) == EXPECTED_ROWS


def test_caller_stream_stays_open() -> None:
    stream = io.BytesIO(THAI_CSV.encode())
    with TableReader(stream, filename="x.csv") as table:
        assert list(table.rows()) == EXPECTED_ROWS
    assert not stream.closed


class _ReadOnlyStream:
    """A file-like object that can only read (like a pipe)."""

    def __init__(self, data: bytes) -> None:
        self._inner = io.BytesIO(data)
        self.name = "piped.csv"

    def read(self, size: int = -1) -> bytes:
        return self._inner.read(size)


def test_non_seekable_stream_is_spooled() -> None:
    stream = _ReadOnlyStream(THAI_CSV.encode())
    with TableReader(stream) as table:  # type: ignore[arg-type]
        assert table.filename == "piped.csv"
        assert list(table.rows()) == EXPECTED_ROWS


# --- header mapping ------------------------------------------------------------


def test_header_key_variants() -> None:
    assert (
        header_key("National_ID")
        == header_key(" national id ")
        == header_key("NATIONAL-ID *")
        == "nationalid"
    )
    assert header_key(" เลขประจำตัวประชาชน* ") == header_key("เลขประจำตัว ประชาชน")


@pytest.mark.parametrize(
    "headers",
    [
        ["National_ID", "ชื่อ", "นามสกุล"],
        [" นามสกุล ", "Name*", " เลขประจำตัวประชาชน "],
        ["surname", "first_name", "national id", "ตำแหน่ง"],
        ["Citizen ID *", "FIRST NAME", "Last-Name"],
    ],
)
def test_map_headers_accepts_aliases_in_any_order(headers: list[str]) -> None:
    result = map_headers(headers, COLUMNS, filename="staff.csv")
    assert set(result.columns) >= {"national_id", "first_name", "last_name"}
    for key, index in result.columns.items():
        spec = next(spec for spec in COLUMNS if spec.key == key)
        names = {spec.key, spec.thai, *spec.aliases}
        assert header_key(headers[index]) in {header_key(name) for name in names}
    assert result.warnings == ()


def test_map_headers_records_use_keys() -> None:
    payload = "Surname,National_ID,ชื่อ\r\nใจดี,1234567890121,สมชาย\r\n".encode()
    with TableReader(payload, filename="staff.csv") as table:
        header_map = map_headers(table.headers, COLUMNS, filename=table.filename)
        assert header_map.absent == ("position",)
        assert list(table.records(header_map)) == [
            (2, {"last_name": "ใจดี", "national_id": "1234567890121", "first_name": "สมชาย", "position": ""}),
        ]


def test_missing_required_column_names_file_and_column() -> None:
    with pytest.raises(TableError) as info:
        map_headers(["ชื่อ", "ตำแหน่ง"], COLUMNS, filename="staff.csv")
    message = str(info.value)
    thai, english = message.split(" / ", 1)
    assert "staff.csv" in thai and "staff.csv" in english
    assert "ไม่พบคอลัมน์ที่จำเป็น" in thai
    assert "missing required column(s)" in english
    assert "เลขประจำตัวประชาชน" in message and "national_id" in message
    assert "last_name" in message
    assert "first_name" not in message
    assert info.value.filename == "staff.csv"


def test_duplicate_columns_are_an_error() -> None:
    with pytest.raises(TableError, match="duplicate column") as info:
        map_headers(["ชื่อ", "national_id", "นามสกุล", "National ID"], COLUMNS, filename="dup.csv")
    assert "(B, D)" in str(info.value)


def test_unknown_columns_are_warnings_and_blank_headers_ignored() -> None:
    result = map_headers(["ชื่อ", "นามสกุล", "เลขประจำตัวประชาชน", "หมายเหตุ", ""], COLUMNS)
    assert len(result.warnings) == 1
    assert "หมายเหตุ" in result.warnings[0] and "Unknown column" in result.warnings[0]
    assert "(D)" in result.warnings[0]


def test_ambiguous_column_specs_are_a_programming_error() -> None:
    specs = [ColumnSpec("a", "ชื่อ"), ColumnSpec("b", "นามสกุล", aliases=("ชื่อ",))]
    with pytest.raises(ValueError, match="claimed by both"):
        map_headers(["ชื่อ"], specs)


# --- writing ---------------------------------------------------------------


def test_neutralise_cell_examples() -> None:
    assert neutralise_cell('=HYPERLINK("http://x")') == '\'=HYPERLINK("http://x")'
    assert neutralise_cell("-5") == "'-5"
    assert neutralise_cell("+66 81 234 5678") == "'+66 81 234 5678"
    assert neutralise_cell("สมชาย") == "สมชาย"
    assert neutralise_cell("") == ""


# Every trigger, pinned one by one: removing any of them from the rule must fail a test here.
TRIGGER_EXAMPLES = [
    ("=", "=cmd|' /C calc'!A0"),
    ("+", "+1+1"),
    ("-", "-2+3"),
    ("@", "@SUM(A1:A2)"),
    ("tab", "\t=1+1"),
    ("carriage return", "\r=1+1"),
    ("full-width =", "\uff1d1+1"),
    ("full-width +", "\uff0b1+1"),
    ("full-width -", "\uff0d1+1"),
    ("full-width @", "\uff20SUM(A1)"),
    ("space then =", " =1+1"),
    ("spaces then @", "   @SUM(A1)"),
    ("no-break space then +", "\u00a0+1"),
    ("ideographic space then full-width =", "\u3000\uff1d1+1"),
    ("newline then -", "\n-1"),
]


@pytest.mark.parametrize(("name", "value"), TRIGGER_EXAMPLES, ids=[n for n, _v in TRIGGER_EXAMPLES])
def test_each_trigger_is_neutralised_in_csv(name: str, value: str) -> None:
    assert is_formula_like(value)
    assert neutralise_cell(value) == "'" + value
    data = b"".join(iter_csv(["h"], [[value]])).decode("utf-8-sig")
    assert next(csv.reader(io.StringIO(data[data.index("\r\n") + 2 :]))) == ["'" + value]


@pytest.mark.parametrize(("name", "value"), TRIGGER_EXAMPLES, ids=[n for n, _v in TRIGGER_EXAMPLES])
def test_each_trigger_is_inert_text_in_xlsx(name: str, value: str) -> None:
    stream = io.BytesIO()
    write_xlsx(stream, "x", [value], [[value]])
    stream.seek(0)
    sheet = openpyxl.load_workbook(stream).worksheets[0]
    for cell in (sheet["A1"], sheet["A2"]):
        # XML turns a carriage return into a line feed; the text is otherwise unchanged.
        assert (cell.value, cell.data_type, cell.quotePrefix) == (value.replace("\r", "\n"), "s", True)


@pytest.mark.parametrize(
    "value",
    ["สมชาย", "", "ก-1", "a=b", "1+1", "'=1", "\u200b=1", "x\n=1", "(=1)", "#REF!"],
)
def test_text_not_starting_a_formula_is_left_alone(value: str) -> None:
    assert not is_formula_like(value)
    assert neutralise_cell(value) == value


def _starts_a_formula(value: str) -> bool:
    """The rule written out again: the first character, or the first after white space, is a trigger."""
    triggers = set("=+-@\t\r\uff1d\uff0b\uff0d\uff20")
    if value[:1] in triggers:
        return True
    rest = value.lstrip()
    return rest[:1] in triggers


@given(st.text())
def test_neutralised_cells_never_start_with_a_trigger(value: str) -> None:
    result = neutralise_cell(value)
    assert not result.startswith(DANGEROUS_STARTS)
    assert not result.lstrip().startswith(DANGEROUS_STARTS) or result.startswith("'")
    assert result == ("'" + value if _starts_a_formula(value) else value)


# Tab and CR are white space too: after other blanks they are trimmed away with them, so only
# the visible triggers count there; at the very start every trigger counts.
_visible_trigger = st.sampled_from(["=", "+", "-", "@", "\uff1d", "\uff0b", "\uff0d", "\uff20"])
_any_trigger = st.sampled_from(["=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20"])
_blank = st.text(alphabet=" \u00a0\u3000\n\t\r", max_size=3)


@given(_blank, _visible_trigger, st.text(max_size=20))
def test_a_trigger_after_any_blank_is_neutralised(blank: str, trigger: str, rest: str) -> None:
    value = blank + trigger + rest
    assert neutralise_cell(value) == "'" + value


@given(_any_trigger, st.text(max_size=20))
def test_a_trigger_first_is_neutralised_whatever_follows(trigger: str, rest: str) -> None:
    assert neutralise_cell(trigger + rest) == "'" + trigger + rest


@given(
    st.one_of(
        st.tuples(_blank, _visible_trigger).map("".join),
        _any_trigger,
    ),
    st.text(alphabet=st.characters(exclude_categories=["Cs", "Cc"]), max_size=20),
)
def test_xlsx_cells_with_a_trigger_are_never_formulas(start: str, rest: str) -> None:
    value = start + rest
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    xlsx_put(sheet, 1, 1, value)
    stream = io.BytesIO()
    book.save(stream)
    stream.seek(0)
    cell = openpyxl.load_workbook(stream).worksheets[0]["A1"]
    assert cell.data_type == "s" and cell.quotePrefix
    # openpyxl reads back what it wrote (XML may turn a lone CR into LF).
    assert cell.value in (value, value.replace("\r\n", "\n").replace("\r", "\n"))


def test_xlsx_put_keeps_numbers_and_dates_typed_and_drops_control_characters() -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    values: list[CellValue] = [
        -5,
        2.5,
        Decimal("-1.5"),
        date(2026, 11, 21),
        "bad\x07char",
        "\x01=1+1",
        None,
        "x",
    ]
    for column, value in enumerate(values, start=1):
        xlsx_put(sheet, 1, column, value)
    stream = io.BytesIO()
    book.save(stream)
    stream.seek(0)
    row = next(openpyxl.load_workbook(stream).worksheets[0].iter_rows())
    assert [c.data_type for c in row[:4]] == ["n", "n", "n", "d"]
    assert [c.value for c in row[:3]] == [-5, 2.5, -1.5]
    assert (row[4].value, row[4].quotePrefix) == ("badchar", False)
    assert (row[5].value, row[5].data_type, row[5].quotePrefix) == ("=1+1", "s", True)
    assert row[6].value is None and row[7].value == "x"


def test_xlsx_cell_is_the_write_only_form_of_the_same_rule() -> None:
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("x")
    sheet.append([xlsx_cell(sheet, "=1+1", bold=True), xlsx_cell(sheet, 7), xlsx_cell(sheet, "ปกติ")])
    stream = io.BytesIO()
    book.save(stream)
    stream.seek(0)
    a, b, c = next(openpyxl.load_workbook(stream).worksheets[0].iter_rows())
    assert (a.value, a.data_type, a.quotePrefix, a.font.bold) == ("=1+1", "s", True, True)
    assert (b.value, b.data_type) == (7, "n")
    assert (c.value, c.quotePrefix) == ("ปกติ", False)


def test_csv_output_has_bom_and_neutralises_only_text() -> None:
    data = b"".join(iter_csv(["ชื่อ", "ยอด"], [["=1+1", -5], ["-5", 2.0], [None, date(2026, 11, 21)]]))
    assert data.startswith(codecs.BOM_UTF8)
    assert data.decode("utf-8-sig") == "ชื่อ,ยอด\r\n'=1+1,-5\r\n'-5,2\r\n,2026-11-21\r\n"


def test_write_csv_to_path_and_stream(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    rows = [["1234567890121", "สมชาย"]]
    write_csv(path, ["เลขประจำตัวประชาชน", "ชื่อ"], rows)
    stream = io.BytesIO()
    write_csv(stream, ["เลขประจำตัวประชาชน", "ชื่อ"], rows)
    assert not stream.closed
    assert path.read_bytes() == stream.getvalue()
    with TableReader(path) as table:
        assert table.encoding == "utf-8-sig"
        assert list(table.rows()) == [(2, ["1234567890121", "สมชาย"])]


_safe_text = st.text(
    alphabet=st.characters(exclude_categories=["Cs"], exclude_characters="\x00"),
    max_size=30,
).map(str.strip)


@given(st.lists(st.lists(_safe_text, min_size=2, max_size=2), max_size=5))
def test_csv_round_trip_property(rows: list[list[str]]) -> None:
    data = b"".join(iter_csv(["ก", "ข"], rows))
    with TableReader(data, filename="p.csv") as table:
        got = {number: cells for number, cells in table.rows()}
    for number, row in enumerate(rows, start=2):
        expected = [neutralise_cell(cell).strip() for cell in row]
        if any(expected):
            assert got.pop(number) == expected
    assert got == {}


def test_xlsx_round_trip_with_thai_sheet_and_text(tmp_path: Path) -> None:
    path = tmp_path / "รายงาน.xlsx"
    rows: list[list[CellValue]] = [
        ["1234567890121", "สมชาย ใจดี", 42, date(2026, 11, 21)],
        ["1234567890122", "น้ำใจ งามยิ่ง", 1.5, datetime(2026, 11, 21, 7, 5, tzinfo=UTC)],
    ]
    write_xlsx(path, "บุคลากร: ปีงบ 2570?", ["เลขประจำตัวประชาชน", "ชื่อ-สกุล", "คะแนน", "วันที่"], rows)
    workbook = openpyxl.load_workbook(path)
    sheet = workbook.worksheets[0]
    assert sheet.title == "บุคลากร_ ปีงบ 2570_"
    assert sheet["A1"].font.bold
    assert sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["B"].width >= len("น้ำใจ งามยิ่ง") - 2
    with TableReader(path) as table:
        assert table.headers == ["เลขประจำตัวประชาชน", "ชื่อ-สกุล", "คะแนน", "วันที่"]
        assert list(table.rows()) == [
            (2, ["1234567890121", "สมชาย ใจดี", "42", "2026-11-21"]),
            (3, ["1234567890122", "น้ำใจ งามยิ่ง", "1.5", "2026-11-21 14:05:00"]),
        ]


def test_xlsx_formula_text_is_stored_as_inert_text() -> None:
    stream = io.BytesIO()
    write_xlsx(stream, "x", ["v"], [["=1+1"], ["-"], ["+66 81 234 5678"], ["ปกติ"], ["bad\x07char"]])
    assert not stream.closed
    stream.seek(0)
    sheet = openpyxl.load_workbook(stream).worksheets[0]
    values = [sheet.cell(row=r, column=1) for r in range(2, 7)]
    assert [c.value for c in values] == ["=1+1", "-", "+66 81 234 5678", "ปกติ", "badchar"]
    assert all(c.data_type == "s" for c in values)
    assert [c.quotePrefix for c in values] == [True, True, True, False, False]


def test_xlsx_long_sheet_title_is_truncated() -> None:
    stream = io.BytesIO()
    write_xlsx(stream, "ก" * 40, ["a"], [])
    stream.seek(0)
    assert openpyxl.load_workbook(stream).sheetnames == ["ก" * 31]
