"""Text normalisation helpers for Thai and mixed Thai/English input.

Everything user-typed, pasted from PDFs, or imported from spreadsheets should go
through :func:`normalise_text` before it is stored or compared, so that visually
identical strings compare equal.

Three levels of normalisation are offered:

* :func:`normalise_text` - for display values (names, titles): Unicode NFC,
  Thai digits to Arabic, zero-width characters removed, all whitespace
  (including non-breaking spaces) collapsed to single spaces, Thai vowel and
  tone-mark ordering repaired.  Case is preserved.
* :func:`normalise_code` - for identifiers such as ``DTR101.01``,
  ``CEC-BCTZ-001`` or ``DLit101``: :func:`normalise_text` plus removal of all
  internal whitespace.  Case is preserved, because some official codes are
  mixed-case (``DLit101``) and must be displayed as published.
* :func:`code_key` / :func:`search_key` - caseless keys for lookups, uniqueness
  checks and search indexes.  Never display these; store them alongside the
  display value.

All functions are idempotent: ``f(f(s)) == f(s)``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

__all__ = [
    "THAI_DIGITS",
    "ZERO_WIDTH_CHARS",
    "arabic_to_thai_digits",
    "code_key",
    "normalise_code",
    "normalise_text",
    "search_key",
    "strip_zero_width",
    "thai_to_arabic_digits",
]

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
"""Thai digits ๐-๙ (U+0E50-U+0E59), index = value."""

ZERO_WIDTH_CHARS = "\u200b\u200c\u200d\u2060\ufeff"
"""ZERO WIDTH SPACE, NON-JOINER, JOINER, WORD JOINER and BOM/ZWNBSP."""

_THAI_TO_ARABIC = str.maketrans(THAI_DIGITS, "0123456789")
_ARABIC_TO_THAI = str.maketrans("0123456789", THAI_DIGITS)
_DROP_ZERO_WIDTH = str.maketrans(dict.fromkeys(ZERO_WIDTH_CHARS))
# These are already whitespace to str.split(), but are listed explicitly so the
# intent survives any future change to the collapsing step.
_NBSP_TO_SPACE = str.maketrans(dict.fromkeys("\u00a0\u202f\u2007", " "))

_NIKHAHIT = "\u0e4d"  # ํ  (the circle on top of SARA AM)
_SARA_AA = "\u0e32"  # า
_SARA_AM = "\u0e33"  # ำ
_TONES = "\u0e48-\u0e4b"  # ่ ้ ๊ ๋ (mai ek, mai tho, mai tri, mai chattawa)

# SARA AM is visually NIKHAHIT + SARA AA, and text extracted from PDFs or typed
# on some keyboards encodes it as those two characters, often with the tone
# mark stored before, between or after them.  All of these render like the
# canonical "tone + SARA AM" (e.g. น้ำ) but do not compare equal to it, so a
# search for "น้ำ" would miss them.  NFC/NFKC do not help: U+0E33 has only a
# *compatibility* decomposition, and NFKC goes the wrong way (it splits ำ).
# Each rule is unambiguous: NIKHAHIT + SARA AA never means anything else in
# Thai, and a tone mark cannot sit on SARA AM, which is a spacing vowel.
_MAX_PASSES = 8

_SARA_AM_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    # ํ [tone] า  ->  [tone] ำ   (covers the plain "ํา" -> "ำ" case too)
    (re.compile(f"{_NIKHAHIT}([{_TONES}]*){_SARA_AA}"), rf"\1{_SARA_AM}"),
    # ํ า tone  ->  tone ำ   (PDF order: the tone glyph is drawn last)
    (re.compile(f"{_NIKHAHIT}{_SARA_AA}([{_TONES}]+)"), rf"\1{_SARA_AM}"),
    # ำ tone  ->  tone ำ   (typed after the vowel; looks the same in many fonts)
    (re.compile(f"{_SARA_AM}([{_TONES}]+)"), rf"\1{_SARA_AM}"),
)


def thai_to_arabic_digits(s: str) -> str:
    """Replace Thai digits ๐-๙ with ASCII digits 0-9."""
    return s.translate(_THAI_TO_ARABIC)


def arabic_to_thai_digits(s: str) -> str:
    """Replace ASCII digits 0-9 with Thai digits ๐-๙."""
    return s.translate(_ARABIC_TO_THAI)


def strip_zero_width(s: str) -> str:
    """Remove zero-width characters (U+200B, U+200C, U+200D, U+2060, U+FEFF)."""
    return s.translate(_DROP_ZERO_WIDTH)


def _fix_sara_am(s: str) -> str:
    """Rewrite decomposed or mis-ordered SARA AM sequences into canonical order."""
    for pattern, replacement in _SARA_AM_RULES:
        s = pattern.sub(replacement, s)
    return s


def _normalise_once(s: str) -> str:
    """Apply one pass of every normalisation step (see normalise_text)."""
    # Zero-width characters go first: they can sit between a base character and
    # its marks and would otherwise block both NFC composition and the SARA AM fix.
    s = strip_zero_width(s)
    s = thai_to_arabic_digits(s)
    s = _fix_sara_am(s)
    s = unicodedata.normalize("NFC", s)
    s = s.translate(_NBSP_TO_SPACE)
    return " ".join(s.split())


def _code_once(s: str) -> str:
    """Apply one pass of normalise_code: normalise, then remove all whitespace."""
    # Removing spaces can bring "ํ" and "า" together, hence normalising again.
    return _normalise_once("".join(_normalise_once(s).split()))


def _fixpoint(step: Callable[[str], str], s: str) -> str:
    """Repeat a normalisation step until the string stops changing."""
    # One pass is not always stable on adversarial input (NFC may reorder marks
    # that a SARA AM rule has just moved; casefold may leave text that NFC then
    # recomposes), so iterate.  Each pass only shrinks the text or moves marks
    # towards canonical order, so this ends quickly: normally after two passes.
    # The cap is only a guard against a hang should a Unicode update ever
    # introduce a cycle.
    for _ in range(_MAX_PASSES):
        result = step(s)
        if result == s:
            break
        s = result
    return s


def normalise_text(s: str) -> str:
    """Normalise text for storage and display: NFC, digits, spaces, Thai vowels.

    Thai digits become ASCII, zero-width characters are removed, non-breaking and
    other Unicode spaces become ordinary spaces, whitespace runs collapse to one
    space, leading/trailing whitespace is stripped, and decomposed SARA AM
    (``ํา``) and tone marks typed in the wrong order around it are repaired.
    Case is preserved.
    """
    return _fixpoint(_normalise_once, s)


def normalise_code(s: str) -> str:
    """Normalise an identifier/code: normalise_text, then drop all whitespace.

    Case is preserved (``DLit101`` stays ``DLit101``) because official codes
    are displayed as published; use :func:`code_key` to compare or look up codes.
    """
    return _fixpoint(_code_once, s)


def code_key(s: str) -> str:
    """Return a caseless lookup key for a code (``"dlit101"`` for ``" DLit 101 "``)."""
    return _fixpoint(lambda t: _code_once(t).casefold(), s)


def search_key(s: str) -> str:
    """Return a caseless, normalised key for search text and search queries."""
    return _fixpoint(lambda t: _normalise_once(t).casefold(), s)
