"""Thai date edges that the mutation check (`make mutate`) found untested."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest

from digiskill.lib.thai_dates import (
    fiscal_year,
    format_be_date_english,
    format_thai_date,
    format_thai_datetime,
    parse_thai_date,
)

# 30 Sep 2026 20:00 UTC is 1 Oct 2026 03:00 in Bangkok: a new day and a new fiscal year.
LATE_EVENING_UTC = datetime(2026, 9, 30, 20, 0, tzinfo=UTC)


@pytest.fixture
def server_in_utc() -> Iterator[None]:
    """Run as on a server whose own time zone is UTC (Django sets TZ; a script may not)."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = "UTC"
    time.tzset()
    yield
    if before is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = before
    time.tzset()


def test_aware_times_are_shown_in_bangkok_whatever_the_server_time_zone(server_in_utc: None) -> None:
    assert format_thai_date(LATE_EVENING_UTC, style="numeric", with_time=True) == "01/10/2569 เวลา 03:00 น."
    assert format_be_date_english(LATE_EVENING_UTC, with_time=True) == "1 October 2569, 03:00"
    assert fiscal_year(LATE_EVENING_UTC) == 2570


def test_english_dates_show_the_time_only_when_asked_and_only_for_datetimes() -> None:
    moment = datetime(2026, 11, 21, 14, 5)
    assert format_be_date_english(moment) == "21 November 2569"
    assert format_be_date_english(moment, style="short", with_time=True) == "21 Nov 2569, 14:05"
    assert format_be_date_english(date(2026, 11, 21), with_time=True) == "21 November 2569"


def test_a_thai_datetime_can_be_written_in_thai_digits() -> None:
    moment = datetime(2026, 11, 21, 14, 5)
    assert format_thai_datetime(moment, thai_digits=True) == "๒๑ พฤศจิกายน ๒๕๖๙ เวลา ๑๔:๐๕ น."
    assert format_thai_datetime(moment) == "21 พฤศจิกายน 2569 เวลา 14:05 น."


def test_an_unreadable_date_is_refused_with_examples_in_both_languages() -> None:
    with pytest.raises(ValueError) as info:
        parse_thai_date("เมื่อวาน")
    assert str(info.value) == (
        "รูปแบบวันที่ไม่ถูกต้อง / Unrecognised date format: 'เมื่อวาน'"
        " (ตัวอย่าง / e.g. 21/11/2569, 2569-11-21, 21 พฤศจิกายน 2569)"
    )
