"""Dates in English pages keep their Buddhist-era year, like the Thai ones."""

from __future__ import annotations

import datetime as dt

from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from digiskill.core.templatetags.thai import thaidate, thaidatetime
from digiskill.lib.thai_dates import BANGKOK, format_be_date_english, to_be_year


def test_each_style_shows_the_be_year() -> None:
    d = dt.date(2026, 11, 21)
    assert format_be_date_english(d) == "21 November 2569"
    assert format_be_date_english(d, style="short") == "21 Nov 2569"
    assert format_be_date_english(d, style="numeric") == "21/11/2569"


def test_time_is_bangkok_time() -> None:
    utc = dt.datetime(2026, 9, 30, 17, 30, tzinfo=dt.UTC)  # 1 October 00:30 in Bangkok
    assert format_be_date_english(utc, style="short", with_time=True) == "1 Oct 2569, 00:30"


def test_the_template_filters_are_be_in_english_too() -> None:
    with translation.override("en"):
        assert thaidate(dt.date(2026, 12, 1)) == "1 December 2569"
        moment = dt.datetime(2026, 12, 1, 9, 5, tzinfo=BANGKOK)
        assert thaidatetime(moment) == "1 Dec 2569, 09:05"
    with translation.override("th"):
        assert thaidate(dt.date(2026, 12, 1)) == "1 ธันวาคม 2569"


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2199, 12, 31)))
def test_the_year_shown_is_always_be(d: dt.date) -> None:
    assert format_be_date_english(d).endswith(f" {to_be_year(d.year)}")
    assert format_be_date_english(d, style="numeric") == f"{d.day:02d}/{d.month:02d}/{d.year + 543}"
