"""Limits, row numbers, messages and column widths of lib.tabular, at the edges that the mutation
check (`make mutate`) found untested."""

from __future__ import annotations

import io
import os
import time
import zipfile
from datetime import UTC, datetime

import openpyxl
import pytest

from digiskill.lib.tabular import ColumnSpec, TableError, TableReader, map_headers, write_xlsx, xlsx_cell

MIB = 1024 * 1024
CSV = "ชื่อ,นามสกุล\r\nสมชาย,ใจดี\r\n".encode()


def _xlsx(rows: list[list[object]]) -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _unpacked(payload: bytes) -> int:
    with zipfile.ZipFile(io.BytesIO(payload)) as archive:
        return sum(info.file_size for info in archive.infolist())


def _refusal(source: object, **limits: object) -> TableError:
    with pytest.raises(TableError) as info:
        TableReader(source, filename="x.csv", **limits)  # type: ignore[arg-type]
    return info.value


# --- the size of the upload ----------------------------------------------------------------


def test_a_file_of_exactly_the_limit_is_read_and_one_byte_more_is_refused() -> None:
    with TableReader(CSV, filename="x.csv", max_bytes=len(CSV)) as table:
        assert table.headers == ["ชื่อ", "นามสกุล"]
    error = _refusal(CSV, max_bytes=len(CSV) - 1)
    assert error.row is None and error.filename == "x.csv"
    assert "over the limit of 0.0 MB" in str(error)


def test_the_size_is_counted_from_where_a_callers_stream_stands_and_the_stream_is_rewound() -> None:
    stream = io.BytesIO(b"x" * 1000 + CSV)
    stream.seek(1000)
    with TableReader(stream, filename="x.csv", max_bytes=len(CSV)) as table:
        assert list(table.rows()) == [(2, ["สมชาย", "ใจดี"])]


@pytest.mark.parametrize(
    ("size", "limit", "english", "thai"),
    [
        (
            MIB + MIB // 2,
            MIB,
            "the file is 1.5 MB, over the limit of 1.0 MB",
            "ไฟล์มีขนาด 1.5 MB เกินขนาดสูงสุด 1.0 MB",
        ),
        (
            12 * MIB,
            10 * MIB,
            "the file is 12 MB, over the limit of 10 MB",
            "ไฟล์มีขนาด 12 MB เกินขนาดสูงสุด 10 MB",
        ),
        (2049 * MIB, 2048 * MIB, "the file is 2,049 MB, over the limit of 2,048 MB", None),
    ],
)
def test_sizes_are_named_in_megabytes(size: int, limit: int, english: str, thai: str | None) -> None:
    class Huge(io.BytesIO):
        """A stream that reports a size without holding the bytes."""

        def seek(self, offset: int, whence: int = 0) -> int:
            return size if whence == 2 else super().seek(offset, whence)

    message = str(_refusal(Huge(CSV), max_bytes=limit))
    assert message.endswith(f" / File 'x.csv': {english}")
    if thai is not None:
        assert message.startswith(f"ไฟล์ 'x.csv': {thai} / ")


def test_just_under_10_mb_keeps_a_decimal() -> None:
    error = _refusal(CSV, max_bytes=1)
    assert "over the limit of 0.0 MB" in str(error)
    big = _refusal(io.BytesIO(b"a" * (10 * MIB - MIB // 10)), max_bytes=MIB)
    assert "the file is 9.9 MB" in str(big)


# --- what an XLSX unpacks to ------------------------------------------------------------------


def test_an_xlsx_unpacking_to_exactly_the_limit_is_read_and_more_is_refused() -> None:
    payload = _xlsx([["ชื่อ"], ["สมชาย"]])
    declared = _unpacked(payload)
    with TableReader(payload, filename="x.xlsx", max_unpacked_bytes=declared) as table:
        assert list(table.rows()) == [(2, ["สมชาย"])]
    with pytest.raises(TableError) as info:
        TableReader(payload, filename="x.xlsx", max_unpacked_bytes=declared - 1)
    assert str(info.value).startswith("ไฟล์ 'x.xlsx': เมื่อคลายไฟล์ Excel แล้วมีขนาด ")
    assert "/ File 'x.xlsx': the Excel file unpacks to 0.0 MB, over the limit of 0.0 MB" in str(info.value)


def test_a_damaged_xlsx_under_a_limit_is_reported_as_damaged() -> None:
    with pytest.raises(TableError) as info:
        TableReader(b"PK\x03\x04garbage", filename="x.xlsx", max_unpacked_bytes=0)
    assert "not a valid Excel (.xlsx) file or the file is damaged" in str(info.value)


# --- rows ---------------------------------------------------------------------------------------


def test_an_xlsx_with_exactly_max_rows_data_rows_is_read_and_one_more_is_refused() -> None:
    payload = _xlsx([["ชื่อ"], ["ก"], ["ข"]])
    with TableReader(payload, filename="x.xlsx", max_rows=2) as table:
        assert [cells for _, cells in table.rows()] == [["ก"], ["ข"]]
    with pytest.raises(TableError) as info:
        TableReader(payload, filename="x.xlsx", max_rows=1)
    assert str(info.value) == (
        "ไฟล์ 'x.xlsx': มีข้อมูลเกิน 1 แถว ซึ่งเป็นจำนวนสูงสุดที่รับได้ ให้แบ่งเป็นหลายไฟล์ / "
        "File 'x.xlsx': more than 1 data rows, the most accepted; split it into several files"
    )


def test_formulas_are_read_as_the_values_excel_saved_never_as_formula_text() -> None:
    payload = _xlsx([["ชื่อ", "รวม"], ["ก", "=1+1"]])
    with TableReader(payload, filename="x.xlsx") as table:
        assert list(table.rows()) == [(2, ["ก", ""])]


def test_a_row_with_bytes_of_another_encoding_is_named_by_its_row() -> None:
    # The first 64 KiB settle UTF-8; a Windows-874 row after them is found while reading.
    payload = "ชื่อ\r\n".encode() + "ก\r\n".encode() * 14_000 + "ข".encode("cp874") + b"\r\n"
    with TableReader(payload, filename="x.csv") as table, pytest.raises(TableError) as info:
        list(table.rows())
    assert info.value.row == 14_002
    assert str(info.value).startswith("ไฟล์ 'x.csv' แถว 14002: มีอักขระที่อ่านไม่ได้")
    assert "File 'x.csv' row 14002: characters that do not match the encoding" in str(info.value)


def test_a_malformed_csv_row_is_named_by_its_row() -> None:
    payload = b"a,b\r\n1,2\r\n" + b"x" * 200_000 + b",3\r\n"  # a field over csv's 128 KiB limit
    with TableReader(payload, filename="x.csv") as table, pytest.raises(TableError) as info:
        list(table.rows())
    assert info.value.row == 3
    assert str(info.value).startswith(
        "ไฟล์ 'x.csv' แถว 3: รูปแบบ CSV ไม่ถูกต้อง / File 'x.csv' row 3: malformed CSV ("
    )


# --- encodings ----------------------------------------------------------------------------------


def test_an_ascii_file_is_utf8_and_a_file_cut_inside_a_character_is_refused_or_legacy() -> None:
    with TableReader(b"a,b\r\n1,2\r\n", filename="x.csv") as table:
        assert table.encoding == "utf-8"
    with TableReader("ชื่อ\r\n".encode("cp874"), filename="x.csv") as table:
        assert table.encoding == "cp874"
    # Neither UTF-8 (0xDB must be followed by a continuation byte) nor Windows-874 (0xDB is unassigned).
    error = _refusal(b"abc\xdb,x\r\n")
    assert str(error) == (
        "ไฟล์ 'x.csv': ไม่รู้จักการเข้ารหัสอักขระของไฟล์ (กรุณาบันทึกเป็น .xlsx หรือ CSV UTF-8) / "
        "File 'x.csv': unknown text encoding, not UTF-8 or Windows-874 (please save it as .xlsx or CSV UTF-8)"
    )
    # Ends in the middle of a UTF-8 sequence but reads as Windows-874: a legacy file.
    with TableReader(b"a,b\r\n1,\xe0", filename="x.csv") as table:
        assert table.encoding == "cp874"
    # Ends in the middle of a UTF-8 sequence and is not Windows-874 either: refused on opening.
    with pytest.raises(TableError, match="unknown text encoding"):
        TableReader(b"a,b\r\n1,\xdb", filename="x.csv")


# --- headers ------------------------------------------------------------------------------------


def test_missing_and_duplicated_columns_are_listed_in_one_message() -> None:
    columns = [
        ColumnSpec("national_id", "เลขประจำตัวประชาชน", required=True),
        ColumnSpec("first_name", "ชื่อ", required=True),
        ColumnSpec("last_name", "นามสกุล", required=True),
        ColumnSpec("position", "ตำแหน่ง"),
    ]
    with pytest.raises(TableError) as info:
        map_headers(["ตำแหน่ง", "position", "x", "Position"], columns, filename="staff.csv")
    assert str(info.value) == (
        "ไฟล์ 'staff.csv': ไม่พบคอลัมน์ที่จำเป็น: เลขประจำตัวประชาชน (national_id), ชื่อ (first_name), "
        "นามสกุล (last_name); คอลัมน์ซ้ำ: 'ตำแหน่ง' (A, B, D) / "
        "File 'staff.csv': missing required column(s): เลขประจำตัวประชาชน (national_id), ชื่อ (first_name), "
        "นามสกุล (last_name); duplicate column(s): 'ตำแหน่ง' (A, B, D)"
    )


# --- writing ------------------------------------------------------------------------------------


def _widths(headers: list[str], rows: list[list[object]]) -> list[float]:
    out = io.BytesIO()
    write_xlsx(out, "แผ่น", headers, rows)  # type: ignore[arg-type]
    sheet = openpyxl.load_workbook(io.BytesIO(out.getvalue())).active
    return [sheet.column_dimensions[letter].width for letter in "ABC"[: len(headers)]]


def test_column_widths_count_thai_marks_as_nothing_and_wide_characters_as_two() -> None:
    # "น้ำ" is three code points but two cells wide (the tone mark sits on top);
    # a zero-width space takes no room; each CJK character takes two.
    thai = "น้ำ" * 10  # 20 cells
    assert _widths(["a", "b", "c"], [[thai, "\u200b" * 30 + "x" * 10, "漢" * 10]]) == [22.0, 12.0, 22.0]


def test_column_widths_stay_between_8_and_60() -> None:
    assert _widths(["a", "b"], [["", "x" * 100]]) == [8.0, 60.0]
    assert _widths(["a", "b"], [["x" * 58, "x" * 59]]) == [60.0, 60.0]


# --- more edges: messages, names, writing -------------------------------------------------------


def _refused(source: object, filename: str) -> str:
    with pytest.raises(TableError) as info:
        TableReader(source, filename=filename)  # type: ignore[arg-type]
    return str(info.value)


def test_the_whole_message_for_an_old_excel_a_damaged_xlsx_and_an_empty_file() -> None:
    assert _refused(b"a,b\r\n", "old.xls") == (
        "ไฟล์ 'old.xls': ไม่รองรับไฟล์ Excel รุ่นเก่า (.xls) หรือไฟล์ที่ตั้งรหัสผ่านไว้ กรุณาบันทึกเป็น .xlsx หรือ CSV UTF-8"
        " / File 'old.xls': old Excel (.xls) files and password-protected workbooks are not supported;"
        " please save it as .xlsx or CSV UTF-8"
    )
    assert _refused(b"a,b\r\n", "x.xlsx") == (
        "ไฟล์ 'x.xlsx': ไฟล์ .xlsx เสียหายหรือไม่ใช่ไฟล์ Excel (กรุณาบันทึกเป็น .xlsx หรือ CSV UTF-8)"
        " / File 'x.xlsx': the .xlsx file is damaged or not an Excel file"
        " (please save it as .xlsx or CSV UTF-8)"
    )
    assert _refused(b"PK\x03\x04garbage", "x.xlsx") == (
        "ไฟล์ 'x.xlsx': ไม่ใช่ไฟล์ Excel (.xlsx) ที่ถูกต้องหรือไฟล์เสียหาย (กรุณาบันทึกเป็น .xlsx หรือ CSV UTF-8)"
        " / File 'x.xlsx': not a valid Excel (.xlsx) file or the file is damaged"
        " (please save it as .xlsx or CSV UTF-8)"
    )
    assert _refused(b"\r\n,\r\n", "empty.csv") == (
        "ไฟล์ 'empty.csv': ไม่พบแถวหัวตาราง (ไฟล์ว่าง) / File 'empty.csv': no header row found (the file is empty)"
    )


def test_a_malformed_first_row_is_row_1() -> None:
    with pytest.raises(TableError) as info:
        TableReader(b"x" * 200_000 + b"\r\n", filename="x.csv")
    assert info.value.row == 1


def test_a_stream_without_a_name_is_called_upload() -> None:
    stream = io.BytesIO(CSV)
    stream.name = ""  # type: ignore[attr-defined]
    with TableReader(stream) as table:
        assert table.filename == "(upload)"


def test_an_xlsx_has_no_text_encoding_and_a_csv_keeps_line_breaks_inside_quotes() -> None:
    with TableReader(_xlsx([["ชื่อ"], ["ก"]]), filename="x.xlsx") as table:
        assert table.encoding is None
    with TableReader(b'a,b\r\n"line 1\r\nline 2",x\r\n', filename="x.csv") as table:
        assert list(table.rows()) == [(2, ["line 1\r\nline 2", "x"])]


def test_blank_headers_are_skipped_not_the_end_of_the_header_row() -> None:
    columns = [ColumnSpec("first_name", "ชื่อ", required=True)]
    assert map_headers(["", "ชื่อ"], columns).columns == {"first_name": 1}
    with pytest.raises(TableError) as info:
        map_headers(["x"], columns)
    assert str(info.value).startswith("ไฟล์ '': ไม่พบคอลัมน์ที่จำเป็น")


def test_two_duplicated_columns_are_listed_apart() -> None:
    columns = [ColumnSpec("first_name", "ชื่อ"), ColumnSpec("last_name", "นามสกุล")]
    with pytest.raises(TableError) as info:
        map_headers(["ชื่อ", "นามสกุล", "First_Name*", "last_name"], columns, filename="f.csv")
    assert "คอลัมน์ซ้ำ: 'ชื่อ' (A, C), 'นามสกุล' (B, D) / " in str(info.value)
    assert str(info.value).endswith("duplicate column(s): 'ชื่อ' (A, C), 'นามสกุล' (B, D)")


def _sheet(title: str, headers: list[str], rows: list[list[object]]):
    out = io.BytesIO()
    write_xlsx(out, title, headers, rows)  # type: ignore[arg-type]
    return openpyxl.load_workbook(io.BytesIO(out.getvalue())).active


def test_sheet_titles_lose_forbidden_characters_and_surrounding_quotes() -> None:
    assert _sheet("'ผล: 2569/1'", ["a"], []).title == "ผล_ 2569_1"
    assert _sheet(" ผล ", ["a"], []).title == " ผล "
    assert _sheet("''", ["a"], []).title == "Sheet1"
    assert _sheet("Xผล", ["a"], []).title == "Xผล"


def test_every_row_is_written_and_widths_come_from_the_first_200() -> None:
    rows = [["x"] for _ in range(200)] + [["y" * 50]] + [["z"] for _ in range(49)]
    sheet = _sheet("s", ["a"], rows)
    assert sheet.max_row == 251 and sheet.cell(row=251, column=1).value == "z"
    assert sheet.column_dimensions["A"].width == 8.0


def test_short_rows_leave_their_missing_cells_out_of_the_widths() -> None:
    assert _widths(["a", "b"], [["x" * 20], ["x"]]) == [22.0, 8.0]


def test_full_width_and_enclosing_marks() -> None:
    # "Ａ" (full-width A) takes two cells; U+20DD (an enclosing circle) none.
    assert _widths(["a", "b"], [["Ａ" * 10, "x\u20dd" * 10]]) == [22.0, 12.0]


def test_aware_times_are_written_as_bangkok_wall_clock_whatever_the_server_zone() -> None:
    before = os.environ.get("TZ")
    os.environ["TZ"] = "UTC"
    time.tzset()
    try:
        sheet = _sheet("s", ["when"], [[datetime(2026, 9, 30, 20, 0, tzinfo=UTC)]])
    finally:
        if before is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = before
        time.tzset()
    assert sheet.cell(row=2, column=1).value == datetime(2026, 10, 1, 3, 0)


def test_a_write_only_cell_is_not_bold_unless_asked() -> None:
    sheet = openpyxl.Workbook(write_only=True).create_sheet()
    assert not xlsx_cell(sheet, "x").font.bold
    assert xlsx_cell(sheet, "x", bold=True).font.bold
