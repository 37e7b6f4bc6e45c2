"""Template filters of the catalog pages: names in the reader's language, highlighted search matches."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from digiskill.lib.text import search_key, thai_to_arabic_digits

register = template.Library()


def _english() -> bool:
    """True when the page is shown in English."""
    return (get_language() or "th").startswith("en")


@register.filter
def local_name(obj: Any) -> str:
    """The name of a catalog row in the page's language: English when there is one, else Thai."""
    name_en = str(getattr(obj, "name_en", "") or "")
    name_th = str(getattr(obj, "name_th", "") or "")
    return name_en if _english() and name_en else name_th or name_en


@register.filter
def other_name(obj: Any) -> str:
    """The row's name in the other language, or "" when it has none or the first name already holds it."""
    name_en = str(getattr(obj, "name_en", "") or "")
    name_th = str(getattr(obj, "name_th", "") or "")
    other = name_th if _english() and name_en else name_en
    return "" if other in local_name(obj) else other


def _spans(text: str, terms: list[str]) -> list[tuple[int, int]]:
    """Merged (start, end) spans of every occurrence of any term in `text` (already a search key)."""
    spans: list[tuple[int, int]] = []
    for term in terms:
        start = text.find(term)
        while start >= 0:
            spans.append((start, start + len(term)))
            start = text.find(term, start + 1)
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


@register.filter
def highlight(value: Any, query: str) -> SafeString:
    """`{{ title|highlight:q }}`: the text, escaped, with each match of the query's words in <mark>."""
    text = "" if value is None else str(value)
    terms = [t for t in search_key(query or "").split() if t]
    folded = thai_to_arabic_digits(text).casefold()
    if not terms or len(folded) != len(text):  # case folding changed the length: positions would not line up
        return escape(text)
    out: list[str] = []
    last = 0
    for start, end in _spans(folded, terms):
        out.append(f"{escape(text[last:start])}<mark>{escape(text[start:end])}</mark>")
        last = end
    out.append(escape(text[last:]))
    return mark_safe("".join(out))  # noqa: S308 - every piece of text is escaped above
