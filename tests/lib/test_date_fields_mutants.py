"""The Buddhist-era date field and widget, at the edges the mutation check (`make mutate`) found."""

from __future__ import annotations

import datetime as dt

import pytest
from django import forms
from django.utils import translation

from digiskill.lib.date_fields import BEDateField, BEDateInput
from digiskill.lib.thai_dates import parse_date_input


def test_the_widget_is_a_short_plain_text_input_that_keeps_the_page_own_attributes() -> None:
    with translation.override("en"):
        attrs = {k: str(v) for k, v in BEDateInput().attrs.items()}
    assert attrs == {
        "placeholder": "dd/mm/yyyy (B.E.)",
        "autocomplete": "off",
        "size": "12",
        "maxlength": "40",
        "class": "be-date",
    }
    mine = BEDateInput({"class": "wide", "id": "due"}).attrs
    assert mine["class"] == "wide" and mine["id"] == "due" and mine["maxlength"] == 40


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (None, None),
        ("", None),
        (dt.date(2026, 12, 1), "01/12/2569"),
        (dt.datetime(2026, 12, 1, 8, 30), "01/12/2569"),
        ("2026-12-01", "01/12/2569"),  # typed Gregorian, shown back in BE
        ("๑/๑๒/๒๕๖๙", "01/12/2569"),
        ("31/02/2569", "31/02/2569"),  # cannot be read: shown as typed
    ],
)
def test_the_widget_shows_dates_in_be_and_anything_else_as_typed(value: object, shown: str | None) -> None:
    assert BEDateInput().format_value(value) == shown


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, None),
        ("", None),
        ("   ", None),
        (" 1/12/2569 ", dt.date(2026, 12, 1)),
        (dt.date(2026, 12, 1), dt.date(2026, 12, 1)),
        (dt.datetime(2026, 12, 1, 23, 59), dt.date(2026, 12, 1)),
    ],
)
def test_the_field_reads_blank_dates_and_typed_text(value: object, expected: dt.date | None) -> None:
    assert BEDateField(required=False).to_python(value) == expected


def test_a_datetime_becomes_its_date() -> None:
    result = BEDateField().to_python(dt.datetime(2026, 12, 1, 23, 59))
    assert type(result) is dt.date


def test_a_bad_date_is_refused_with_the_parser_message_as_invalid() -> None:
    with pytest.raises(ValueError) as parsed:
        parse_date_input("31/02/2569")
    with pytest.raises(forms.ValidationError) as refused:
        BEDateField().to_python("31/02/2569")
    assert refused.value.code == "invalid"
    assert refused.value.messages == [str(parsed.value)]
