"""Property tests: the unit parser never fails with anything but UnitParseError.

Inputs are arbitrary text, random line soups built from the seed documents, and mutations of the
seeds (truncation, line deletion, inserted junk, noise that normalisation must undo).
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from digiskill.frameworks.parsing import GroupMatcher, ParsedUnit, UnitParseError, parse_unit_text

UNITS = (
    Path(__file__).resolve().parents[2] / "src" / "digiskill" / "frameworks" / "data" / "ocsc-2561" / "units"
)
NAMES = ("DTR100", "DS500", "DS600")
PROPERTY_SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

JUNK_LINES = (
    "",
    "•",
    "−",
    "-",
    "1.",
    "2)",
    "(ก)",
    "ข)",
    "DTR101",
    "DTR101.01",
    "DTR101.01 176468",
    "176468",
    "11.",
    "๑๑. สมรรถนะย่อย",
    "N/A",
    "(",
    ")",
    "ํา",
    "\u200b",
    "\u00a0",
    "ข้อ",
    "3. ทบทวนครั้งที่ 1/2024",
    "4. ☑ สร้างใหม่",
    "พ.ศ.",
    "หมายถึง",
    "ยินดีต้อนรับ",
    "- 3 -",
    "15. ขอบเขต (Range Statement)",
    "\t\x0b\x0c",
    "\ud800",
)


@cache
def seed_lines(name: str) -> tuple[str, ...]:
    """Return the lines of a seed document."""
    return tuple((UNITS / f"{name}.txt").read_text(encoding="utf-8").split("\n"))


@cache
def full_codes(name: str) -> frozenset[str]:
    """Return the criterion codes of a complete seed document."""
    return frozenset(c.code for c in parse_unit_text("\n".join(seed_lines(name))).criteria if c.code)


def all_seed_lines() -> list[str]:
    """Return every line of every seed document."""
    return [line for name in NAMES for line in seed_lines(name)]


def parse_or_error(text: str) -> ParsedUnit | None:
    """Parse text; return None for UnitParseError (any other exception fails the test)."""
    try:
        unit = parse_unit_text(text, source="prop.txt")
    except UnitParseError as error:
        assert error.source == "prop.txt"
        assert error.line is not None and error.line >= 1
        assert str(error).startswith(f"prop.txt:{error.line}: ")
        return None
    data = unit.to_dict()
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data
    assert all(w.startswith("line ") for w in unit.warnings)
    return unit


lines_strategy = st.lists(
    st.one_of(st.sampled_from(all_seed_lines()), st.sampled_from(JUNK_LINES), st.text())
)


@PROPERTY_SETTINGS
@given(st.text())
def test_arbitrary_text_only_raises_unit_parse_error(text: str) -> None:
    """Any text parses or raises UnitParseError, and typically warns about missing sections."""
    unit = parse_or_error(text)
    if unit is not None:
        assert unit.warnings


@PROPERTY_SETTINGS
@given(lines_strategy)
def test_line_soup_only_raises_unit_parse_error(lines: list[str]) -> None:
    """Random mixtures of seed lines, junk and arbitrary text never crash the parser."""
    parse_or_error("\n".join(lines))


@PROPERTY_SETTINGS
@given(st.sampled_from(NAMES), st.data())
def test_truncation_keeps_a_prefix_and_warns(name: str, data: st.DataObject) -> None:
    """Cutting a document at any line gives a subset of its criteria, and warnings if section 18 is lost."""
    lines = seed_lines(name)
    cut = data.draw(st.integers(min_value=0, max_value=len(lines)))
    unit = parse_or_error("\n".join(lines[:cut]))
    if unit is None:
        return
    assert {c.code for c in unit.criteria if c.code} <= full_codes(name)
    heading_18 = next(i for i, line in enumerate(lines) if line.startswith("18. "))
    if cut <= heading_18:
        assert any("section 18 (Assessment Description and Procedure) is missing" in w for w in unit.warnings)


@PROPERTY_SETTINGS
@given(st.sampled_from(NAMES), st.data())
def test_line_deletion_never_invents_criteria(name: str, data: st.DataObject) -> None:
    """Deleting random lines never crashes and never yields a criterion code that was not there."""
    lines = list(seed_lines(name))
    doomed = data.draw(st.sets(st.integers(min_value=0, max_value=len(lines) - 1), max_size=40))
    kept = [line for index, line in enumerate(lines) if index not in doomed]
    unit = parse_or_error("\n".join(kept))
    if unit is not None:
        assert {c.code for c in unit.criteria if c.code} <= full_codes(name)


@PROPERTY_SETTINGS
@given(st.sampled_from(NAMES), st.data())
def test_inserted_junk_never_crashes(name: str, data: st.DataObject) -> None:
    """Junk lines (or arbitrary text) inserted anywhere never crash the parser."""
    lines = list(seed_lines(name))
    insertions = data.draw(
        st.lists(
            st.tuples(
                st.integers(min_value=0, max_value=len(lines)),
                st.one_of(
                    st.sampled_from(JUNK_LINES), st.sampled_from(all_seed_lines()), st.text(max_size=40)
                ),
            ),
            max_size=25,
        )
    )
    for position, junk in sorted(insertions, reverse=True):
        lines.insert(position, junk)
    parse_or_error("\n".join(lines))


@PROPERTY_SETTINGS
@given(st.sampled_from(NAMES), st.data())
def test_inserted_characters_never_crash(name: str, data: st.DataObject) -> None:
    """Arbitrary text spliced into the middle of lines never crashes the parser."""
    text = "\n".join(seed_lines(name))
    for _ in range(data.draw(st.integers(min_value=1, max_value=5))):
        position = data.draw(st.integers(min_value=0, max_value=len(text)))
        text = text[:position] + data.draw(st.text(max_size=10)) + text[position:]
    parse_or_error(text)


NOISE = {
    " ": st.sampled_from([" ", "\u00a0", "  ", " \u200b"]),
    "ำ": st.sampled_from(["ำ", "ํา"]),
    **{d: st.sampled_from([d, "๐๑๒๓๔๕๖๗๘๙"[int(d)]]) for d in "0123456789"},
}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(NAMES), st.data())
def test_normalisation_noise_does_not_change_the_result(name: str, data: st.DataObject) -> None:
    """Randomly swapping spaces for NBSP/ZWSP, ำ for ํา and digits for Thai digits changes nothing."""
    text = "\n".join(seed_lines(name))
    noisy = "".join(data.draw(NOISE[ch]) if ch in NOISE else ch for ch in text)
    clean_unit = parse_unit_text(text).to_dict()
    noisy_unit = parse_unit_text(noisy).to_dict()
    clean_unit.pop("sections")
    noisy_unit.pop("sections")
    assert noisy_unit == clean_unit


GROUP_PHRASES = {
    "E": ["กลุ่มผู้บริหารระดับสูง", "Executive"],
    "M": ["กลุ่มผู้อำนวยการกอง", "Management"],
    "A": ["กลุ่มผู้ทำงานด้านนโยบายและงานวิชาการ", "Academic"],
    "S": ["กลุ่มผู้ทำงานด้านบริการ", "Service"],
    "T": ["กลุ่มผู้ทำงานด้านเทคโนโลยีสารสนเทศ", "Technologist"],
    "O": ["กลุ่มผู้ปฏิบัติงานอื่น", "Others"],
}


@settings(max_examples=100, deadline=None)
@given(st.sets(st.sampled_from(sorted(GROUP_PHRASES))), st.data())
def test_group_matcher_finds_exactly_the_groups_mentioned(groups: set[str], data: st.DataObject) -> None:
    """Any combination of group phrases, in any order and language, maps to exactly those codes."""
    phrases = [data.draw(st.sampled_from(GROUP_PHRASES[code])) for code in groups]
    shuffled = data.draw(st.permutations(phrases)) if phrases else []
    text = "ข้าราชการและบุคลากรภาครัฐ " + " และ".join(shuffled)
    expected = [code for code in ("E", "M", "A", "S", "T", "O") if code in groups]
    assert GroupMatcher.ocsc().match(text) == expected
