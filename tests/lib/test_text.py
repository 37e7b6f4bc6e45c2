"""Tests for digiskill.lib.text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from digiskill.lib.text import (
    THAI_DIGITS,
    ZERO_WIDTH_CHARS,
    arabic_to_thai_digits,
    code_key,
    normalise_code,
    normalise_text,
    search_key,
    strip_zero_width,
    thai_to_arabic_digits,
)

NIKHAHIT, SARA_AA, SARA_AM, MAI_THO, MAI_EK = "\u0e4d", "\u0e32", "\u0e33", "\u0e49", "\u0e48"
NAM = "น" + MAI_THO + SARA_AM  # น้ำ, canonical

# Text biased towards the characters the normaliser cares about, mixed with
# arbitrary Unicode, so hypothesis explores the interesting interactions.
_interesting = st.sampled_from(
    [
        *THAI_DIGITS,
        *ZERO_WIDTH_CHARS,
        *(NIKHAHIT, SARA_AA, SARA_AM, MAI_THO, MAI_EK, "\u0e4a", "\u0e4b", "\u0e38", "\u0e3a"),
        *("\u0301", "ǰ", "ß", "İ", "\u00a0", "\u202f", "\u2007", " ", "\t", "\n", "น", "a"),
    ]
)
texts = st.lists(st.one_of(_interesting, st.characters()), max_size=40).map("".join)


def test_digit_conversion_both_ways() -> None:
    assert thai_to_arabic_digits("พ.ศ. ๒๕๖๙") == "พ.ศ. 2569"
    assert arabic_to_thai_digits("21/11/2569") == "๒๑/๑๑/๒๕๖๙"
    assert thai_to_arabic_digits(arabic_to_thai_digits("0123456789")) == "0123456789"


def test_strip_zero_width_removes_all_five() -> None:
    assert strip_zero_width("a\u200bb\u200cc\u200dd\u2060e\ufefff") == "abcdef"


def test_normalise_text_spaces_digits_and_zero_width() -> None:
    assert normalise_text("\ufeff  สมชาย\u00a0\u00a0 ใจดี\u202fรุ่น ๒\u200b ") == "สมชาย ใจดี รุ่น 2"
    assert normalise_text("a\t\n\u2007b") == "a b"


def test_normalise_text_applies_nfc() -> None:
    assert normalise_text("e\u0301") == "\u00e9"


@pytest.mark.parametrize(
    "broken",
    [
        "น" + MAI_THO + NIKHAHIT + SARA_AA,  # tone, then decomposed SARA AM
        "น" + NIKHAHIT + MAI_THO + SARA_AA,  # tone between the two halves (PDF order)
        "น" + NIKHAHIT + SARA_AA + MAI_THO,  # tone after both halves
        "น" + SARA_AM + MAI_THO,  # tone typed after SARA AM
    ],
)
def test_normalise_text_repairs_sara_am_with_tone(broken: str) -> None:
    assert normalise_text(broken) == NAM


def test_normalise_text_composes_plain_sara_am() -> None:
    assert normalise_text("ก" + NIKHAHIT + SARA_AA + "ลัง") == "กำลัง"


def test_normalise_text_leaves_correct_thai_alone() -> None:
    text = "กำลังพัฒนาทักษะดิจิทัลของข้าราชการ น้ำใจ ค่ำคืน"
    assert normalise_text(text) == text


def test_normalise_code_drops_spaces_but_keeps_case() -> None:
    assert normalise_code(" DTR 101.01 ") == "DTR101.01"
    assert normalise_code("CEC-BCTZ-001\u200b") == "CEC-BCTZ-001"
    assert normalise_code("DLit ๑๐๑") == "DLit101"


def test_code_key_is_caseless() -> None:
    assert code_key("DLit101") == code_key("dlit 101") == "dlit101"
    assert code_key("CEC-BCTZ-001") == "cec-bctz-001"


def test_normalise_code_repairs_sara_am_split_by_space() -> None:
    assert normalise_code("ก" + NIKHAHIT + " " + SARA_AA) == "กำ"


def test_search_key_casefolds_and_normalises() -> None:
    assert search_key("  Digital  LITERACY ") == "digital literacy"
    assert search_key("Straße") == "strasse"
    assert search_key("น" + NIKHAHIT + MAI_THO + SARA_AA) == NAM


@given(texts)
def test_normalise_text_is_idempotent(s: str) -> None:
    once = normalise_text(s)
    assert normalise_text(once) == once


@given(texts)
def test_search_key_is_idempotent(s: str) -> None:
    once = search_key(s)
    assert search_key(once) == once


@given(texts)
def test_normalise_code_and_code_key_are_idempotent(s: str) -> None:
    code = normalise_code(s)
    assert normalise_code(code) == code
    key = code_key(s)
    assert code_key(key) == key


@given(texts)
def test_outputs_have_no_zero_width_or_thai_digits(s: str) -> None:
    for result in (normalise_text(s), search_key(s), normalise_code(s), code_key(s)):
        assert not set(result) & set(ZERO_WIDTH_CHARS)
        assert not set(result) & set(THAI_DIGITS)


@given(texts)
def test_normalise_text_has_no_edge_or_double_spaces(s: str) -> None:
    result = normalise_text(s)
    assert result == result.strip()
    assert "  " not in result
    assert all(ch == " " or not ch.isspace() for ch in result)


@given(texts)
def test_codes_contain_no_whitespace(s: str) -> None:
    assert not any(ch.isspace() for ch in normalise_code(s))
