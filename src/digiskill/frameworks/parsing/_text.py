"""Line-level text helpers for the unit-document parser.

Display text goes through :func:`clean`, which builds on :func:`digiskill.lib.text.normalise_text`
(NFC, Thai digits to Arabic, zero-width characters removed, NBSP to space, whitespace collapsed,
SARA AM repaired) and additionally removes control characters and lone surrogates and the OCR slip
of a space in front of a Thai mark that cannot start a word.  Comparisons use :func:`key`, which
also drops every space and folds case, so "ขอบ เขต (Range  Statement)" matches "ขอบเขต(rangestatement)".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from digiskill.lib.text import normalise_text

__all__ = [
    "clean",
    "consume_prefix",
    "has_latin",
    "is_na",
    "join_text",
    "key",
    "split_trailing_english",
]

# C0/C1 controls (tab and newline are handled by the whitespace collapse), DEL and lone surrogates.
_JUNK_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
# Thai vowels and marks that attach to the preceding consonant, so a space before them is always
# an extraction slip ("ก ำหนด", "ท ี่").  MAI YAMOK (ๆ) is excluded: "ต่าง ๆ" is correct spelling.
_SPACE_BEFORE_MARK = re.compile(r"\s+(?=[\u0e30-\u0e3a\u0e45\u0e47-\u0e4e])")
_NA_KEYS = frozenset({"n/a", "na", "n.a.", "n.a", "-", "--", "–", "—", "−", "ไม่มี", "ไม่ระบุ", "none", "/"})
_TRAILING_PAREN = re.compile(r"^(?P<head>.*?)\s*\((?P<inner>[^()]*)\)\s*$")
_LATIN = re.compile(r"[A-Za-z]")
_THAI = re.compile(r"[\u0e01-\u0e4e]")


@lru_cache(maxsize=8192)
def clean(text: str) -> str:
    """Return display-ready text: normalised, single-spaced, stripped, OCR mark slips repaired."""
    text = _JUNK_CHARS.sub(" ", text)
    text = normalise_text(text)
    if _SPACE_BEFORE_MARK.search(text):
        text = normalise_text(_SPACE_BEFORE_MARK.sub("", text))
    return text


@lru_cache(maxsize=8192)
def key(text: str) -> str:
    """Return a comparison key: cleaned, case-folded, with every space removed."""
    return "".join(clean(text).split()).casefold()


def is_na(text: str) -> bool:
    """Tell whether a value means "not applicable" (N/A, -, ไม่มี, ...)."""
    return key(text) in _NA_KEYS


def has_latin(text: str) -> bool:
    """Tell whether the text contains at least one Latin letter."""
    return _LATIN.search(text) is not None


def join_text(parts: Iterable[str]) -> str:
    """Join non-empty pieces of text with single spaces."""
    return " ".join(part for part in (p.strip() for p in parts) if part)


def consume_prefix(text: str, prefix_key: str) -> str | None:
    """Strip a prefix given as a :func:`key` from cleaned text, ignoring spaces and case.

    Returns the rest of ``text`` (stripped) or None when ``text`` does not start with the prefix.
    """
    index = 0
    for wanted in prefix_key:
        while index < len(text) and text[index].isspace():
            index += 1
        if index >= len(text) or text[index].casefold() != wanted:
            return None
        index += 1
    return text[index:].strip()


def split_trailing_english(text: str) -> tuple[str, str | None]:
    """Split "ชื่อไทย (English Name)" into ("ชื่อไทย", "English Name").

    Only a parenthesised group at the very end whose content is mostly Latin counts as the English
    name; a gloss in the middle ("... (Mindset) ของ ...") stays part of the Thai name.
    """
    match = _TRAILING_PAREN.match(text)
    if not match:
        return text, None
    head, inner = match.group("head").strip(), match.group("inner").strip()
    latin = len(_LATIN.findall(inner))
    if not head or not inner or latin == 0 or latin < len(_THAI.findall(inner)):
        return text, None
    return head, inner
