"""Tests for digiskill.lib.thai_dates."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from digiskill.lib.thai_dates import (
    THAI_MONTHS,
    THAI_MONTHS_SHORT,
    THAI_WEEKDAYS,
    fiscal_year,
    fiscal_year_bounds,
    format_thai_date,
    format_thai_datetime,
    from_be_year,
    parse_date_input,
    parse_thai_date,
    to_be_year,
)

D = date(2026, 11, 21)

# The fiscal year of 9999-10-01 onwards ends in year 10000, which `date` cannot
# represent; likewise before 0001-10-01.  Those edges are tested separately.
fiscal_dates = st.dates(min_value=date(1, 10, 1), max_value=date(9999, 9, 30))
# Years whose BE form is 2400 or above (1857 CE onwards) and fits in four digits.
round_trip_dates = st.dates(min_value=date(1857, 1, 1), max_value=date(9456, 12, 31))


def test_tables() -> None:
    assert len(THAI_MONTHS) == len(THAI_MONTHS_SHORT) == 12
    assert THAI_MONTHS[10] == "พฤศจิกายน"
    assert THAI_MONTHS_SHORT[10] == "พ.ย."
    assert THAI_WEEKDAYS[D.weekday()] == "เสาร์"  # 21 Nov 2026 is a Saturday


def test_be_year_conversion() -> None:
    assert to_be_year(2026) == 2569
    assert from_be_year(2569) == 2026


@pytest.mark.parametrize(
    ("style", "expected"),
    [("long", "21 พฤศจิกายน 2569"), ("short", "21 พ.ย. 69"), ("numeric", "21/11/2569")],
)
def test_format_styles(style: str, expected: str) -> None:
    assert format_thai_date(D, style=style) == expected  # type: ignore[arg-type]


def test_numeric_style_zero_pads() -> None:
    assert format_thai_date(date(2026, 3, 5), style="numeric") == "05/03/2569"
    assert format_thai_date(date(2026, 3, 5)) == "5 มีนาคม 2569"


def test_short_style_two_digit_year_keeps_leading_zero() -> None:
    assert format_thai_date(date(2057, 1, 1), style="short") == "1 ม.ค. 00"  # BE 2600


def test_thai_digits() -> None:
    assert format_thai_date(D, thai_digits=True) == "๒๑ พฤศจิกายน ๒๕๖๙"


def test_with_time_for_naive_datetime() -> None:
    dt = datetime(2026, 11, 21, 14, 5)
    assert format_thai_date(dt, with_time=True) == "21 พฤศจิกายน 2569 เวลา 14:05 น."
    assert format_thai_datetime(dt, style="numeric") == "21/11/2569 เวลา 14:05 น."


def test_with_time_is_ignored_for_plain_dates() -> None:
    assert format_thai_date(D, with_time=True) == "21 พฤศจิกายน 2569"


def test_aware_datetime_is_shown_in_bangkok_time() -> None:
    utc_evening = datetime(2026, 11, 20, 20, 30, tzinfo=UTC)  # 03:30 next day in Bangkok
    assert format_thai_datetime(utc_evening) == "21 พฤศจิกายน 2569 เวลา 03:30 น."
    assert format_thai_date(utc_evening) == "21 พฤศจิกายน 2569"


def test_unknown_style_is_rejected() -> None:
    with pytest.raises(ValueError, match="Unsupported date style"):
        format_thai_date(D, style="iso")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2026, 11, 21), 2570),
        (date(2026, 9, 30), 2569),
        (date(2026, 10, 1), 2570),
        (date(2027, 1, 1), 2570),
    ],
)
def test_fiscal_year_examples(day: date, expected: int) -> None:
    assert fiscal_year(day) == expected


def test_fiscal_year_uses_the_bangkok_day_for_aware_datetimes() -> None:
    assert fiscal_year(datetime(2026, 9, 30, 18, 0, tzinfo=UTC)) == 2570  # 1 Oct 01:00 in Bangkok


def test_fiscal_year_bounds_example() -> None:
    assert fiscal_year_bounds(2570) == (date(2026, 10, 1), date(2027, 9, 30))


def test_fiscal_year_bounds_out_of_range() -> None:
    with pytest.raises(ValueError, match="out of supported range"):
        fiscal_year_bounds(to_be_year(10000))


@given(fiscal_dates)
def test_fiscal_year_is_consistent_with_its_bounds(d: date) -> None:
    start, end = fiscal_year_bounds(fiscal_year(d))
    assert start <= d <= end
    assert start.month == 10 and start.day == 1
    assert fiscal_year(start) == fiscal_year(end) == fiscal_year(d)
    assert (end - start).days in (364, 365)


@given(fiscal_dates)
def test_fiscal_years_are_contiguous(d: date) -> None:
    end = fiscal_year_bounds(fiscal_year(d))[1]
    if end < date(9999, 9, 30):
        assert fiscal_year(end + timedelta(days=1)) == fiscal_year(d) + 1


@pytest.mark.parametrize(
    "text",
    [
        "21/11/2569",
        "21-11-2569",
        "21.11.2569",
        "2569-11-21",
        "2026-11-21",
        "21/11/2026",
        "21 พฤศจิกายน 2569",
        "21 พ.ย. 2569",
        "21 พ.ย. 69",
        "21 พย 2569",
        "21พ.ย.2569",
        "21 พฤศจิกายน พ.ศ. 2569",
        "21 พฤศจิกายน ค.ศ. 2026",
        "๒๑/๑๑/๒๕๖๙",
        "๒๑ พฤศจิกายน ๒๕๖๙",
        "  21 / 11 / 2569 ",
    ],
)
def test_parse_accepted_forms(text: str) -> None:
    assert parse_thai_date(text) == D


@pytest.mark.parametrize("text", ["", "hello", "21/11/69", "21 Foo 2569", "2569/11", "21 พ.ย. ค.ศ. 26"])
def test_parse_rejects_unrecognised_forms_bilingually(text: str) -> None:
    with pytest.raises(ValueError, match="Unrecognised date format") as info:
        parse_thai_date(text)
    assert str(info.value).startswith("รูปแบบวันที่ไม่ถูกต้อง")
    assert repr(text) in str(info.value)


def test_parse_rejects_impossible_dates() -> None:
    with pytest.raises(ValueError, match="No such calendar date") as info:
        parse_thai_date("30/02/2569")
    assert "'30/02/2569'" in str(info.value)


def test_parse_threshold_between_gregorian_and_be() -> None:
    assert parse_thai_date("01/01/2399").year == 2399  # Gregorian
    assert parse_thai_date("01/01/2400").year == 1857  # BE from 2400 up


@given(round_trip_dates)
def test_numeric_round_trip(d: date) -> None:
    assert parse_thai_date(format_thai_date(d, style="numeric")) == d


@given(round_trip_dates, st.booleans())
def test_long_round_trip(d: date, thai_digits: bool) -> None:
    assert parse_thai_date(format_thai_date(d, style="long", thai_digits=thai_digits)) == d


@given(st.dates(min_value=date(1957, 1, 1), max_value=date(2056, 12, 31)))
def test_short_round_trip_within_be_25xx(d: date) -> None:
    assert parse_thai_date(format_thai_date(d, style="short")) == d


@given(
    # Capped below datetime.max: converting an aware 9999-12-31 to Bangkok overflows.
    st.datetimes(
        max_value=datetime(9998, 12, 31),
        timezones=st.sampled_from([None, UTC, timezone(timedelta(hours=-5))]),
    ),
    st.sampled_from(["long", "short", "numeric"]),
)
def test_thai_digits_output_has_no_ascii_digits(dt: datetime, style: str) -> None:
    text = format_thai_date(dt, style=style, thai_digits=True, with_time=True)  # type: ignore[arg-type]
    assert not any(ch in "0123456789" for ch in text)


# --- dates typed into a form (parse_date_input) -------------------------------------------------

# The years a form takes: BE 2443-2742.
input_dates = st.dates(min_value=date(1900, 1, 1), max_value=date(2199, 12, 31))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1/12/2569", date(2026, 12, 1)),
        ("01/12/2569", date(2026, 12, 1)),
        ("2569-12-01", date(2026, 12, 1)),  # ISO-like with a BE year: the habit the date picker broke
        ("๑/๑๒/๒๕๖๙", date(2026, 12, 1)),
        ("1 ธันวาคม 2569", date(2026, 12, 1)),
        ("1/12/2026", date(2026, 12, 1)),  # a Gregorian year is understood as Gregorian
        ("2026-12-01", date(2026, 12, 1)),
        (" 1 / 12 / 2569 ", date(2026, 12, 1)),
    ],
)
def test_input_accepts_be_and_understands_gregorian(text: str, expected: date) -> None:
    assert parse_date_input(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("29/02/2567", date(2024, 2, 29)),  # BE 2567 = 2024, a leap year
        ("2567-02-29", date(2024, 2, 29)),
        ("30/09/2569", date(2026, 9, 30)),  # the last day of fiscal year 2569
        ("1/10/2569", date(2026, 10, 1)),  # the first day of fiscal year 2570
    ],
)
def test_input_boundaries(text: str, expected: date) -> None:
    assert parse_date_input(text) == expected


def test_input_fiscal_year_boundary_days_fall_in_the_right_years() -> None:
    assert fiscal_year(parse_date_input("30/9/2569")) == 2569
    assert fiscal_year(parse_date_input("1/10/2569")) == 2570


@pytest.mark.parametrize("text", ["29/02/2568", "2568-02-29", "31/04/2569", "0/1/2569"])
def test_input_refuses_days_that_do_not_exist_naming_the_value(text: str) -> None:
    with pytest.raises(ValueError) as info:
        parse_date_input(text)
    message = str(info.value)
    assert repr(text) in message
    assert " / " in message  # Thai / English


def test_input_refuses_two_digit_years_clearly() -> None:
    with pytest.raises(ValueError, match="Write the Buddhist-era year in full") as info:
        parse_date_input("1/12/69")
    assert str(info.value).startswith("กรุณาเขียนปี พ.ศ. ให้ครบ 4 หลัก")
    assert "'1/12/69'" in str(info.value)


@pytest.mark.parametrize("text", ["1/12/2800", "1/12/1899", "3025-01-01", "1/1/2442"])
def test_input_refuses_years_outside_the_accepted_range(text: str) -> None:
    with pytest.raises(ValueError, match=r"outside the accepted range \(B\.E\. 2443-2742\)") as info:
        parse_date_input(text)
    assert repr(text) in str(info.value)


@pytest.mark.parametrize("text", ["", "hello", "12/2569", "1 Dec 2026"])
def test_input_refuses_what_is_not_a_date(text: str) -> None:
    with pytest.raises(ValueError, match="Unrecognised date format"):
        parse_date_input(text)


@given(input_dates)
def test_input_round_trips_the_be_form_it_shows(d: date) -> None:
    assert parse_date_input(format_thai_date(d, style="numeric")) == d


@given(input_dates, st.booleans())
def test_input_round_trips_be_and_gregorian_iso_and_thai_digits(d: date, thai_digits: bool) -> None:
    be_iso = f"{to_be_year(d.year)}-{d.month:02d}-{d.day:02d}"
    shown = format_thai_date(d, style="numeric", thai_digits=thai_digits)
    assert parse_date_input(be_iso) == d
    assert parse_date_input(d.isoformat()) == d
    assert parse_date_input(shown) == d
    assert parse_date_input(f"{d.day}/{d.month}/{to_be_year(d.year)}") == d
