"""Properties of the small helpers behind the reports."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from digiskill.reports.documents import _lines
from digiskill.reports.plan_form import FormActivity, _hours, _period
from digiskill.reports.selectors import COLUMNS, CompletionRow, column_of

KEYS = [key for key, _label in COLUMNS]
counts = st.dictionaries(st.sampled_from(KEYS), st.integers(min_value=0, max_value=10_000))


@given(counts)
def test_a_completion_row_adds_up(values: dict[str, int]) -> None:
    row = CompletionRow(None, "x", values)
    cells = row.cells
    assert [c.count for c in cells] == [values.get(k, 0) for k in KEYS]
    assert sum(c.count for c in cells) == row.people
    assert 0 <= row.submitted_percent <= 100
    if row.people:
        assert abs(sum(c.percent for c in cells) - 100) <= 0.05 * len(KEYS)
    else:
        assert all(c.percent == 0 for c in cells) and row.submitted_percent == 0


@given(st.sampled_from([None, "draft", "returned", "submitted", "approved", "in_progress", "completed", "x"]))
def test_every_status_lands_in_a_column(status: str | None) -> None:
    assert column_of(status) in KEYS


@given(st.decimals(min_value=0, max_value=99999, places=1, allow_nan=False, allow_infinity=False))
def test_hours_print_without_losing_their_value(hours: Decimal) -> None:
    text = _hours(hours)
    assert Decimal(text) == hours
    assert not text.endswith(".0") and "E" not in text


dates = st.one_of(st.none(), st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2100, 12, 31)))


@given(dates, dates)
def test_a_period_splits_only_at_its_dash(start: dt.date | None, end: dt.date | None) -> None:
    from django.utils import translation

    with translation.override("th"):
        period = _period(start, end)
    activity = FormActivity("t", "k", 70, "b", "1", period, False)
    parts = activity.period_parts
    assert " ".join(parts) == period
    assert len(parts) == (2 if start and end else 1 if start or end else 0)


@given(st.text(max_size=400), st.floats(min_value=4, max_value=200))
def test_line_estimate_is_at_least_one_per_paragraph(text: str, width: float) -> None:
    lines = _lines(text, width)
    assert lines >= max(text.count("\n") + 1, 1)
    assert lines <= len(text) + text.count("\n") + 1
