"""The Buddhist-era date field and widget that every date input of the app uses.

A plain text input (it works without JavaScript, on every browser and phone) that shows
dd/mm/yyyy in the Buddhist era, e.g. 01/12/2569, and takes what
:func:`digiskill.lib.thai_dates.parse_date_input` takes.  The browser's own date picker is
not used on purpose: it shows and takes Gregorian years, which is how 2569-12-01 came to be
stored as Gregorian 2569.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from digiskill.lib.thai_dates import format_thai_date, parse_date_input

__all__ = ["BEDateField", "BEDateInput"]


class BEDateInput(forms.TextInput):
    """A text input showing a date as dd/mm/yyyy in the Buddhist era."""

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        defaults: dict[str, Any] = {
            "placeholder": _("dd/mm/yyyy (B.E.)"),
            "autocomplete": "off",
            "size": 12,
            "maxlength": 40,
            "class": "be-date",
        }
        super().__init__({**defaults, **(attrs or {})})

    def format_value(self, value: Any) -> str | None:
        """A date, or what was typed and can be read as one, in BE; anything else as typed."""
        if value in (None, ""):
            return None
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, dt.date):
            return format_thai_date(value, style="numeric")
        try:
            return format_thai_date(parse_date_input(str(value)), style="numeric")
        except ValueError:
            return str(value)


class BEDateField(forms.Field):
    """A date typed in the Buddhist era: 1/12/2569, 01/12/2569, 2569-12-01, ๑/๑๒/๒๕๖๙.

    The rule, the same for every date input: a four-digit year from 2400 up is BE; a year
    below 2400 is understood as Gregorian (1/12/2026 and 2026-12-01 are 1 December 2569), and
    the field shows the date back in BE.  Two-digit years in numbers, impossible days and years
    outside BE 2443-2742 are refused with a Thai / English message that names the value.
    Initial values (dates) are shown in BE.
    """

    widget = BEDateInput

    def to_python(self, value: Any) -> dt.date | None:
        """The date, None when blank, or a validation error naming what was typed."""
        if isinstance(value, str):
            value = value.strip()
        if value in self.empty_values:
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        try:
            return parse_date_input(str(value))
        except ValueError as exc:
            raise forms.ValidationError(str(exc), code="invalid") from None
