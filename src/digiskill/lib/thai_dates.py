"""Thai calendar helpers: Buddhist Era years, Thai date formatting and parsing,
and the Thai government fiscal year.

* BE (พ.ศ.) year = Gregorian year + 543.
* The Thai government fiscal year runs 1 October - 30 September and is named
  by the BE year in which it *ends*: 1 Oct 2026 - 30 Sep 2027 is FY 2570.
* Aware datetimes are shown in Bangkok time (Asia/Bangkok, UTC+7, no DST);
  naive datetimes are assumed to be Bangkok time already.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Literal
from zoneinfo import ZoneInfo

from digiskill.lib.text import arabic_to_thai_digits, normalise_text

__all__ = [
    "BANGKOK",
    "BE_OFFSET",
    "INPUT_YEARS",
    "THAI_MONTHS",
    "THAI_MONTHS_SHORT",
    "THAI_WEEKDAYS",
    "DateStyle",
    "fiscal_year",
    "fiscal_year_bounds",
    "format_be_date_english",
    "format_thai_date",
    "format_thai_datetime",
    "from_be_year",
    "parse_date_input",
    "parse_thai_date",
    "to_be_year",
]

BE_OFFSET = 543
BANGKOK = ZoneInfo("Asia/Bangkok")

THAI_MONTHS: tuple[str, ...] = (
    "มกราคม",
    "กุมภาพันธ์",
    "มีนาคม",
    "เมษายน",
    "พฤษภาคม",
    "มิถุนายน",
    "กรกฎาคม",
    "สิงหาคม",
    "กันยายน",
    "ตุลาคม",
    "พฤศจิกายน",
    "ธันวาคม",
)
"""Full Thai month names; index 0 is January."""

THAI_MONTHS_SHORT: tuple[str, ...] = (
    "ม.ค.",
    "ก.พ.",
    "มี.ค.",
    "เม.ย.",
    "พ.ค.",
    "มิ.ย.",
    "ก.ค.",
    "ส.ค.",
    "ก.ย.",
    "ต.ค.",
    "พ.ย.",
    "ธ.ค.",
)
"""Abbreviated Thai month names; index 0 is January."""

THAI_WEEKDAYS: tuple[str, ...] = ("จันทร์", "อังคาร", "พุธ", "พฤหัสบดี", "ศุกร์", "เสาร์", "อาทิตย์")
"""Thai weekday names indexed like ``date.weekday()`` (0 = Monday)."""

DateStyle = Literal["long", "short", "numeric"]

# Years from this one up are taken as BE.  BE 2400 is 1857 CE, so no plausible
# Gregorian year in this application's data reaches it, and no BE year after
# the mid-19th century is below it.
_BE_THRESHOLD = 2400
# Dates a person types into a form must fall in these Gregorian years
# (BE 2443-2742): anything outside is a typing slip, not a plan or a record.
INPUT_YEARS = range(1900, 2200)
_FISCAL_YEAR_START_MONTH = 10

# Month names match with the dots removed so "พ.ย.", "พ.ย" and "พย" all work.
_MONTH_LOOKUP: dict[str, int] = {
    name.replace(".", ""): number
    for names in (THAI_MONTHS, THAI_MONTHS_SHORT)
    for number, name in enumerate(names, start=1)
}

_NUMERIC_DMY = re.compile(r"(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})")
_NUMERIC_YMD = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_NUMERIC_SHORT_YEAR = re.compile(r"\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{1,2}")
# "21 พฤศจิกายน 2569", "21 พ.ย. 69", "21 พฤศจิกายน พ.ศ. 2569", "21 พ.ย. ค.ศ. 2026".
_THAI_TEXT = re.compile(
    r"(\d{1,2})\s*([\u0e01-\u0e4e.]+?)\s*(?:(พ\.?\s*ศ\.?|ค\.?\s*ศ\.?)\s*)?(\d{4}|\d{2})",
)


def to_be_year(gregorian_year: int) -> int:
    """Convert a Gregorian (CE) year to a Buddhist Era (BE) year."""
    return gregorian_year + BE_OFFSET


def from_be_year(be_year: int) -> int:
    """Convert a Buddhist Era (BE) year to a Gregorian (CE) year."""
    return be_year - BE_OFFSET


def format_thai_date(
    d: date | datetime,
    *,
    style: DateStyle = "long",
    thai_digits: bool = False,
    with_time: bool = False,
) -> str:
    """Format a date in Thai with a BE year.

    Styles: ``long`` "21 พฤศจิกายน 2569", ``short`` "21 พ.ย. 69" (two-digit BE
    year, the usual Thai short form), ``numeric`` "21/11/2569" (day and month
    zero-padded).  ``with_time`` appends " เวลา 14:05 น." for datetimes and is
    ignored for plain dates.  Aware datetimes are converted to Bangkok time
    first, which can change the day.  ``thai_digits`` renders every digit as ๐-๙.
    """
    local = _to_bangkok(d)
    text = _format_date_part(local, style)
    if with_time and isinstance(local, datetime):
        text += f" เวลา {local:%H:%M} น."
    return arabic_to_thai_digits(text) if thai_digits else text


ENGLISH_MONTHS: tuple[str, ...] = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def format_be_date_english(d: date | datetime, *, style: DateStyle = "long", with_time: bool = False) -> str:
    """Format a date in English, still with its BE year: "21 November 2569", "21 Nov 2569", "21/11/2569".

    Every date a person sees is Buddhist era, in English pages too; ``with_time`` appends ", 14:05".
    """
    local = _to_bangkok(d)
    month = ENGLISH_MONTHS[local.month - 1]
    be_year = to_be_year(local.year)
    if style == "numeric":
        text = f"{local.day:02d}/{local.month:02d}/{be_year}"
    else:
        text = f"{local.day} {month if style == 'long' else month[:3]} {be_year}"
    if with_time and isinstance(local, datetime):
        text += f", {local:%H:%M}"
    return text


def format_thai_datetime(dt: datetime, *, style: DateStyle = "long", thai_digits: bool = False) -> str:
    """Format a datetime as a Thai date with time, e.g. "21 พฤศจิกายน 2569 เวลา 14:05 น."."""
    return format_thai_date(dt, style=style, thai_digits=thai_digits, with_time=True)


def fiscal_year(d: date) -> int:
    """Return the Thai government fiscal year (BE) that contains d.

    The fiscal year runs 1 October - 30 September and is named by the BE year
    of its end: 30 Sep 2026 is in 2569, 1 Oct 2026 is in 2570.
    """
    # Aware datetimes must be judged by the Bangkok calendar day: 2026-09-30
    # 20:00 UTC is already 1 October (a new fiscal year) in Thailand.
    local = _to_bangkok(d)
    ending_year = local.year + 1 if local.month >= _FISCAL_YEAR_START_MONTH else local.year
    return to_be_year(ending_year)


def fiscal_year_bounds(be_year: int) -> tuple[date, date]:
    """Return the first and last day of a Thai fiscal year given in BE.

    ``fiscal_year_bounds(2570) == (date(2026, 10, 1), date(2027, 9, 30))``.
    """
    end_year = from_be_year(be_year)
    try:
        return date(end_year - 1, _FISCAL_YEAR_START_MONTH, 1), date(end_year, 9, 30)
    except ValueError:
        raise ValueError(
            f"ปีงบประมาณอยู่นอกช่วงที่รองรับ / Fiscal year out of supported range: {be_year!r}",
        ) from None


def parse_thai_date(s: str) -> date:
    """Parse a Thai or ISO date string into a date.

    Accepts "21/11/2569", "21-11-2569", "21.11.2569", "2569-11-21",
    "21 พฤศจิกายน 2569", "21 พ.ย. 2569", "21 พ.ย. 69", an optional "พ.ศ."/"ค.ศ."
    before the year, and Thai digits.  A four-digit year from 2400 up is BE,
    otherwise Gregorian ("ค.ศ." forces Gregorian); a two-digit year is allowed only
    with a Thai month name and means BE 25xx, as in the short form.
    Raises ValueError (Thai / English) naming the value if it cannot be parsed.
    """
    text = normalise_text(s)
    parts = _match_numeric(text) or _match_thai_text(text)
    if parts is None:
        raise ValueError(
            f"รูปแบบวันที่ไม่ถูกต้อง / Unrecognised date format: {s!r}"
            " (ตัวอย่าง / e.g. 21/11/2569, 2569-11-21, 21 พฤศจิกายน 2569)",
        )
    year, month, day = parts
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(f"ไม่มีวันที่นี้ในปฏิทิน / No such calendar date: {s!r}") from None


def parse_date_input(s: str) -> date:
    """Parse a date a person typed into a form: Buddhist era first, Gregorian understood.

    The one rule of every date input: a four-digit year from 2400 up is BE
    ("1/12/2569", "2569-12-01"); a year below 2400 is Gregorian ("1/12/2026",
    "2026-12-01") and means the same day, which the form then shows back in BE.
    Thai digits and the forms of :func:`parse_thai_date` are accepted.  Refused,
    with a Thai / English message naming the value: two-digit years in numbers
    ("1/12/69": which century?), impossible days, and years outside BE 2443-2742
    (1900-2199), which can only be slips of the keyboard.
    """
    text = normalise_text(s)
    if _NUMERIC_SHORT_YEAR.fullmatch(text):
        raise ValueError(
            f"กรุณาเขียนปี พ.ศ. ให้ครบ 4 หลัก เช่น 1/12/2569 / "
            f"Write the Buddhist-era year in full, e.g. 1/12/2569: {s!r}",
        )
    day = parse_thai_date(s)
    if day.year not in INPUT_YEARS:
        first, last = to_be_year(INPUT_YEARS.start), to_be_year(INPUT_YEARS.stop - 1)
        raise ValueError(
            f"ปีอยู่นอกช่วงที่รับได้ (พ.ศ. {first}-{last}) / "
            f"The year is outside the accepted range (B.E. {first}-{last}): {s!r}",
        )
    return day


def _to_bangkok(d: date) -> date:
    """Convert an aware datetime to Bangkok time; return anything else unchanged."""
    if isinstance(d, datetime) and d.utcoffset() is not None:
        return d.astimezone(BANGKOK)
    return d


def _format_date_part(d: date, style: DateStyle) -> str:
    """Format only the date portion of d in the given style."""
    be_year = to_be_year(d.year)
    if style == "long":
        return f"{d.day} {THAI_MONTHS[d.month - 1]} {be_year}"
    if style == "short":
        return f"{d.day} {THAI_MONTHS_SHORT[d.month - 1]} {be_year % 100:02d}"
    if style == "numeric":
        return f"{d.day:02d}/{d.month:02d}/{be_year}"
    raise ValueError(f"รูปแบบไม่รองรับ / Unsupported date style: {style!r}")


def _match_numeric(text: str) -> tuple[int, int, int] | None:
    """Match d/m/y or y-m-d numbers; return (Gregorian year, month, day) or None."""
    if match := _NUMERIC_DMY.fullmatch(text):
        day, month, year = (int(g) for g in match.groups())
        return _gregorian(year), month, day
    if match := _NUMERIC_YMD.fullmatch(text):
        year, month, day = (int(g) for g in match.groups())
        return _gregorian(year), month, day
    return None


def _match_thai_text(text: str) -> tuple[int, int, int] | None:
    """Match "day month-name year"; return (Gregorian year, month, day) or None."""
    match = _THAI_TEXT.fullmatch(text)
    if match is None:
        return None
    day_text, month_text, era, year_text = match.groups()
    month = _MONTH_LOOKUP.get(month_text.replace(".", ""))
    if month is None:
        return None
    year = int(year_text)
    if len(year_text) == 2:
        # Two-digit years only ever appear in the BE short form ("21 พ.ย. 69").
        if era is not None and era.startswith("ค"):
            return None
        return from_be_year(2500 + year), month, int(day_text)
    if era is not None:
        return (year if era.startswith("ค") else from_be_year(year)), month, int(day_text)
    return _gregorian(year), month, int(day_text)


def _gregorian(year: int) -> int:
    """Interpret a four-digit year as BE from 2400 up, else as Gregorian."""
    return from_be_year(year) if year >= _BE_THRESHOLD else year
