"""Template filters that show dates the Thai way (Buddhist era) at the edge of the app."""

from __future__ import annotations

import datetime as dt

from django import template
from django.utils import timezone, translation

from digiskill.lib.thai_dates import DateStyle, fiscal_year, format_be_date_english, format_thai_date

register = template.Library()


def _local(value: dt.date | dt.datetime) -> dt.date | dt.datetime:
    """Aware datetimes in Asia/Bangkok; plain dates as they are."""
    if isinstance(value, dt.datetime) and timezone.is_aware(value):
        return timezone.localtime(value)
    return value


def _style(style: str, default: DateStyle) -> DateStyle:
    """The style a template asked for, or the default when it is not one we know."""
    return style if style in ("long", "short", "numeric") else default  # type: ignore[return-value]


@register.filter
def thaidate(value: dt.date | dt.datetime | None, style: str = "long") -> str:
    """`{{ d|thaidate }}` → 21 พฤศจิกายน 2569 in Thai; 21 November 2569 in English (always BE)."""
    if value in (None, ""):
        return ""
    assert value is not None
    local = _local(value)
    if translation.get_language() == "en":
        return format_be_date_english(local, style=_style(style, "long"))
    return format_thai_date(local, style=_style(style, "long"))


@register.filter
def thaidatetime(value: dt.datetime | None, style: str = "short") -> str:
    """`{{ t|thaidatetime }}` → 21 พ.ย. 69 เวลา 14:05 น. in Thai; 21 Nov 2569, 14:05 in English."""
    if value is None:
        return ""
    local = _local(value)
    if translation.get_language() == "en":
        return format_be_date_english(local, style=_style(style, "short"), with_time=True)
    return format_thai_date(local, style=_style(style, "short"), with_time=True)


@register.filter
def fiscalyear(value: dt.date | dt.datetime) -> int:
    """The Thai fiscal year (BE) a date falls in."""
    local = _local(value)
    return fiscal_year(local.date() if isinstance(local, dt.datetime) else local)
