"""The cell parsers of the import and the form: unit-code lists, topics, hours, cost, kind, language, link."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from digiskill.learning.parsing import (
    CellError,
    ResourceInput,
    clean_input,
    parse_cost,
    parse_hours,
    parse_kind,
    parse_language,
    parse_url,
    split_codes,
    split_topics,
)
from digiskill.lib.text import arabic_to_thai_digits, code_key

CODE = st.from_regex(r"[A-Za-z]{1,4}[0-9]{1,4}(\.[0-9]{1,2})?|[A-Z]{2,3}-[A-Z]{4}-[0-9]{3}", fullmatch=True)
SEPARATOR = st.sampled_from([" ", ",", ";", ", ", " ; ", "\n", "，", "\t", ",,"])


@given(st.lists(CODE, max_size=8), st.lists(SEPARATOR, min_size=8, max_size=8), SEPARATOR, SEPARATOR)
def test_unit_codes_come_back_in_order_whatever_separates_them(codes, seps, lead, tail) -> None:
    text = lead + "".join(c + s for c, s in zip(codes, seps, strict=False)) + tail
    expected: list[str] = []
    for c in codes:
        if code_key(c) not in {code_key(e) for e in expected}:
            expected.append(c)
    assert split_codes(text) == expected


@given(st.text(max_size=60))
def test_splitting_codes_never_fails_and_is_stable(text: str) -> None:
    codes = split_codes(text)
    assert all(c and not any(ch.isspace() or ch in ",;" for ch in c) for c in codes)
    assert split_codes(" ".join(codes)) == codes


@given(st.lists(st.text(alphabet=st.characters(blacklist_characters="|\n\r｜"), max_size=20), max_size=6))
def test_topics_split_on_bars_and_lose_blanks_and_repeats(parts: list[str]) -> None:
    topics = split_topics("|".join(parts))
    assert all(t and t == t.strip() for t in topics)
    assert len({t.casefold() for t in topics}) == len(topics)
    assert split_topics("\n".join(topics)) == topics


@given(st.decimals(min_value=0, max_value=99999, places=1, allow_nan=False, allow_infinity=False))
def test_hours_round_trip_in_any_spelling(value: Decimal) -> None:
    text = format(value, "f")
    assert parse_hours(text) == value
    assert parse_hours(f"{text} ชั่วโมง") == value
    assert parse_hours(arabic_to_thai_digits(text)) == value


@given(st.decimals(min_value=0, max_value=99_999_999, places=2, allow_nan=False, allow_infinity=False))
def test_costs_round_trip_with_thousands_separators_and_baht(value: Decimal) -> None:
    plain = format(value, "f")
    grouped = f"{value:,.2f}"
    assert parse_cost(plain) == value
    assert parse_cost(grouped) == value
    assert parse_cost(f"฿{grouped}") == value
    assert parse_cost(f"{grouped} บาท") == value


@given(st.decimals(min_value=Decimal("-99999"), max_value=Decimal("-0.1"), places=1))
def test_negative_numbers_are_refused_as_negative(value: Decimal) -> None:
    with pytest.raises(CellError, match="must not be negative"):
        parse_hours(format(value, "f"))
    with pytest.raises(CellError, match="ต้องไม่ติดลบ"):
        parse_cost(format(value, "f"))


@given(st.text(max_size=20))
def test_numbers_either_parse_to_a_non_negative_decimal_or_say_why(text: str) -> None:
    for parse in (parse_hours, parse_cost):
        try:
            value = parse(text)
        except CellError as exc:
            assert exc.thai and exc.english
        else:
            assert value is None or (value >= 0 and value.is_finite())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", None),
        ("-", None),
        ("ฟรี", Decimal(0)),
        ("Free", Decimal(0)),
        ("๑,๕๐๐", Decimal(1500)),
        ("990.50", Decimal("990.5")),
    ],
)
def test_cost_spellings(text: str, expected: Decimal | None) -> None:
    assert parse_cost(text) == expected


@pytest.mark.parametrize(
    ("text", "english"),
    [
        ("abc", "not a number"),
        ("1,5", "not a number"),
        ("NaN", "not a number"),
        ("1e3", "not a number"),
        ("1.25", "at most 1 decimal place"),
        ("100000", "too large"),
    ],
)
def test_bad_hours(text: str, english: str) -> None:
    with pytest.raises(CellError, match=english):
        parse_hours(text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("อีเลิร์นนิง", "e_learning"),
        ("E-learning", "e_learning"),
        ("e_learning", "e_learning"),
        ("หลักสูตรอบรม", "course"),
        ("Training course", "course"),
        ("ห้องเรียน", "classroom"),
        ("สัมมนา", "seminar"),
        ("หนังสือ/บทความ", "book"),
        ("บทความ", "book"),
        ("วิดีโอ", "video"),
        ("ชุมชนนักปฏิบัติ", "community"),
        ("Community of practice", "community"),
        ("อื่น ๆ", "other"),
        ("อื่นๆ", "other"),
    ],
)
def test_kinds_by_code_thai_or_english(text: str, code: str) -> None:
    assert parse_kind(text) == code


def test_an_unknown_kind_lists_the_accepted_ones() -> None:
    with pytest.raises(CellError) as caught:
        parse_kind("พอดแคสต์")
    assert "ไม่รู้จักประเภทนี้" in caught.value.thai and "e_learning (การเรียนรู้ออนไลน์)" in caught.value.english


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "th"),
        ("ไทย", "th"),
        ("Thai", "th"),
        ("en", "en"),
        ("ภาษาอังกฤษ", "en"),
        ("th-en", "th-en"),
        ("ไทยและอังกฤษ", "th-en"),
        ("TH/EN", "th-en"),
    ],
)
def test_languages(text: str, code: str) -> None:
    assert parse_language(text) == code


def test_links() -> None:
    assert parse_url("") == ""
    assert parse_url(" https://learn.example.test/a?b=1 ") == "https://learn.example.test/a?b=1"
    assert parse_url("www.example.test/x") == "https://www.example.test/x"
    for bad in ("javascript:alert(1)", "ftp://example.test/", "not a link", "http://"):
        with pytest.raises(CellError, match="not a valid web link"):
            parse_url(bad)


def test_clean_input_names_every_field_that_is_wrong() -> None:
    _clean, problems = clean_input(
        ResourceInput(code=" ", title="", provider="x" * 300, kind="podcast", url="nope", language="xx")
    )
    assert {p.field for p in problems} == {"code", "title", "provider", "kind", "url", "language"}
    assert "ผู้จัด" in str(next(p for p in problems if p.field == "provider"))


def test_clean_input_normalises() -> None:
    clean, problems = clean_input(
        ResourceInput(
            code=" LR ๐๑ ",
            title="  ชื่อ\u200b  หลักสูตร ",
            provider="ผู้จัด",
            kind="สัมมนา",
            language="อังกฤษ",
            description="บรรทัด  หนึ่ง\n\n\n\nบรรทัดสอง",
            topics=("ก | ข", "ก"),
            unit_ids=(3, 3, 1),
        )
    )
    assert problems == []
    assert clean.code == "LR01" and clean.title == "ชื่อ หลักสูตร"
    assert (clean.kind, clean.language) == ("seminar", "en")
    assert clean.description == "บรรทัด หนึ่ง\n\nบรรทัดสอง"
    assert clean.topics == ("ก", "ข") and clean.unit_ids == (3, 1)
