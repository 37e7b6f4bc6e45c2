"""Split a TPQI unit document into its numbered sections (1-18).

A heading is recognised by its number *and* its title, compared with spaces removed and case folded,
so "11 . สมรรถนะ ย่อยและเกณฑ์..." and "๑๑) สมรรถนะย่อย..." both work while a numbered list item
such as "1. พระราชบัญญัติ..." inside section 10 does not.  Headings must appear in increasing order;
a wrong number with a recognisable title, or a missing number, is tolerated close to where the next
section is expected.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from ._text import clean, consume_prefix, key

__all__ = ["SECTION_SPECS", "Document", "Line", "Section", "SectionSpec", "split_sections"]

_NUMBERED = re.compile(r"^(?:ข้อ\s*)?\(?(\d{1,2})\s*(?:[.)]\s*|\s+|(?=[^\d\s.]))(?![\d.])(.*)$")
_PAGE_NUMBER = re.compile(
    r"^(?:[-–—]\s*\d{1,3}\s*[-–—]|หน้า\s*\d{1,3}(?:\s*/\s*\d{1,3})?|page\s*\d{1,3})$", re.I
)
_JUNK_KEYS = frozenset({"ยินดีต้อนรับ"})
_OPTIONAL_KEYS = ("(ถ้ามี)", "(ifany)", ":", "：", "-", "–")
_UNNUMBERED_LOOKAHEAD = 3
_UNNUMBERED_MAX_REST = 40
_UNNUMBERED_MAX_NAME = 200
_STATUS_ONLY = re.compile(r"(?:สร้างใหม่|ปรับปรุง|new|revised|[/,\[\]()☐☑☒✓✔✗✘■□●○x*])+")
_ENGLISH_WINDOW = 120


class Line(NamedTuple):
    """One input line: 1-based number, original text and cleaned text."""

    number: int
    raw: str
    text: str


@dataclass(frozen=True, slots=True)
class SectionSpec:
    """How to recognise one template section and how to name it in messages."""

    number: int
    title_th: str
    title_en: str
    thai_keys: tuple[str, ...]
    english_key: str | None = None

    def title_match(self, rest_key: str) -> int:
        """Return how strongly a heading remainder (as a key) matches this title; 0 for no match."""
        best = max((len(k) for k in self.thai_keys if rest_key.startswith(k)), default=0)
        if best == 0 and self.number == 4 and _STATUS_ONLY.fullmatch(rest_key):
            best = len(rest_key)
        if best == 0 and self.english_key:
            window = rest_key[:_ENGLISH_WINDOW]
            if rest_key.startswith(self.english_key) or f"({self.english_key}" in window:
                best = len(self.english_key)
        return best


def _spec(number: int, title_th: str, title_en: str, *extra: str) -> SectionSpec:
    """Build a SectionSpec whose keys are the Thai title plus any extra spellings."""
    english = key(title_en) if title_en else None
    return SectionSpec(number, title_th, title_en, (key(title_th), *map(key, extra)), english)


SECTION_SPECS: dict[int, SectionSpec] = {
    spec.number: spec
    for spec in (
        _spec(1, "รหัสหน่วยสมรรถนะ", "Unit Code"),
        _spec(2, "ชื่อหน่วยสมรรถนะ", "Unit Title"),
        _spec(3, "ทบทวนครั้งที่", "Revision"),
        _spec(4, "สร้างใหม่/ปรับปรุง", "New/Revised", "สร้างใหม่", "ปรับปรุง"),
        _spec(5, "สำหรับชื่ออาชีพและรหัสอาชีพ", "Occupational Classification", "สำหรับชื่ออาชีพ"),
        _spec(6, "คำอธิบายหน่วยสมรรถนะ", "Description of Unit of Competency"),
        _spec(7, "สำหรับระดับคุณวุฒิ", "Qualification Level", "ระดับคุณวุฒิ"),
        _spec(8, "กลุ่มอาชีพ", "Sector"),
        _spec(
            9,
            "ชื่ออาชีพและรหัสอาชีพอื่นที่หน่วยสมรรถนะนี้สามารถใช้ได้",
            "Other Occupations",
            "ชื่ออาชีพและรหัสอาชีพอื่น",
            "ชื่ออาชีพอื่น",
        ),
        _spec(
            10,
            "ข้อกำหนดหรือกฎระเบียบที่เกี่ยวข้อง",
            "Licensing or Regulation Related",
            "ข้อกำหนดหรือกฎระเบียบ",
            "กฎระเบียบที่เกี่ยวข้อง",
        ),
        _spec(
            11,
            "สมรรถนะย่อยและเกณฑ์การปฏิบัติงาน",
            "Elements and Performance Criteria",
            "สมรรถนะย่อยและเกณฑ์",
        ),
        _spec(
            12,
            "ความรู้และทักษะก่อนหน้าที่จำเป็น",
            "Pre-requisite Skill & Knowledge",
            "ความรู้และทักษะก่อนหน้า",
        ),
        _spec(13, "ทักษะและความรู้ที่ต้องการ", "Required Skills and Knowledge"),
        _spec(14, "หลักฐานที่ต้องการ", "Evidence Guide"),
        _spec(15, "ขอบเขต", "Range Statement"),
        _spec(16, "หน่วยสมรรถนะร่วม", "Joint Units of Competency"),
        _spec(
            17,
            "อุตสาหกรรมร่วม/กลุ่มอาชีพร่วม",
            "Joint Industries/Occupational Groups",
            "อุตสาหกรรมร่วม",
            "กลุ่มอาชีพร่วม",
        ),
        _spec(
            18,
            "รายละเอียดกระบวนการและวิธีการประเมิน",
            "Assessment Description and Procedure",
            "รายละเอียดกระบวนการ",
            "วิธีการประเมิน",
            "กระบวนการและวิธีการประเมิน",
        ),
    )
}
LAST_SECTION = max(SECTION_SPECS)


@dataclass(slots=True)
class Section:
    """The lines of one section; ``lines`` starts with any content found on the heading line."""

    spec: SectionSpec
    heading: Line
    lines: list[Line] = field(default_factory=list)
    raw: list[str] = field(default_factory=list)

    @property
    def number(self) -> int:
        """Return the section number (1-18)."""
        return self.spec.number


@dataclass(slots=True)
class Document:
    """A document split into its preamble and the sections that were found."""

    lines: list[Line]
    preamble: list[Line] = field(default_factory=list)
    preamble_raw: list[str] = field(default_factory=list)
    sections: dict[int, Section] = field(default_factory=dict)
    notes: list[tuple[int, str, str]] = field(default_factory=list)


class _Heading(NamedTuple):
    """A recognised heading: its spec, inline content and whether the number disagreed."""

    spec: SectionSpec
    content: str
    number_mismatch: int | None


def _strip_title(text: str, spec: SectionSpec) -> str:
    """Remove the section title, its English gloss and "(ถ้ามี)" from a heading remainder."""
    if spec.number == 4:
        return text  # the "title" of section 4 is the list of options itself
    rest = text
    for title_key in sorted(spec.thai_keys, key=len, reverse=True):
        stripped = consume_prefix(rest, title_key)
        if stripped is not None:
            rest = stripped
            break
    return _strip_glosses(rest, spec)


def _strip_glosses(rest: str, spec: SectionSpec) -> str:
    """Strip leading "(English Title)", "(ถ้ามี)", ":" etc. until none is left."""
    english = spec.english_key or ""
    candidates = (f"({english})", english, *_OPTIONAL_KEYS) if english else _OPTIONAL_KEYS
    changed = True
    while changed and rest:
        changed = False
        for candidate in candidates:
            stripped = consume_prefix(rest, candidate)
            if stripped is not None and stripped != rest:
                rest, changed = stripped, True
                break
        if not changed and english and rest.startswith("(") and english in key(rest)[: len(english) + 8]:
            closing = rest.find(")")
            if closing > 0:
                rest, changed = rest[closing + 1 :].strip(), True
    return rest


def _best_title(rest_key: str, numbers: range) -> SectionSpec | None:
    """Return the spec in ``numbers`` whose Thai title best matches the start of ``rest_key``."""
    best: tuple[int, SectionSpec] | None = None
    for number in numbers:
        spec = SECTION_SPECS.get(number)
        if spec is None:
            continue
        strength = max((len(k) for k in spec.thai_keys if rest_key.startswith(k)), default=0)
        if strength and (best is None or strength > best[0]):
            best = (strength, spec)
    return best[1] if best else None


def _by_english_gloss(rest_key: str, current: int) -> SectionSpec | None:
    """Return the first later section whose "(English title)" appears in the line, if any."""
    for number in range(current + 1, LAST_SECTION + 1):
        spec = SECTION_SPECS[number]
        if spec.english_key and f"({spec.english_key})" in rest_key[:_ENGLISH_WINDOW]:
            return spec
    return None


def _plausible(spec: SectionSpec, text: str, content: str) -> bool:
    """Tell whether a line whose number is missing or wrong is still that section's heading."""
    if spec.english_key is not None and f"({spec.english_key})" in key(text):
        return True
    if spec.number == 4:
        return _STATUS_ONLY.fullmatch(key(text)) is not None
    limit = _UNNUMBERED_MAX_NAME if spec.number == 2 else _UNNUMBERED_MAX_REST
    return len(key(content)) <= limit


def find_heading(text: str, current: int) -> _Heading | None:
    """Recognise a section heading in a cleaned line, given the last section seen (0 = none)."""
    if not text:
        return None
    numbered = _NUMBERED.match(text)
    rest = numbered.group(2).strip() if numbered else text
    rest_key = key(rest)
    if numbered:
        spec = SECTION_SPECS.get(int(numbered.group(1)))
        if spec is not None and spec.number > current and spec.title_match(rest_key):
            return _Heading(spec, _strip_title(rest, spec), None)
    near = range(current + 1, min(current + _UNNUMBERED_LOOKAHEAD, LAST_SECTION) + 1)
    candidate = _best_title(rest_key, near) or _by_english_gloss(rest_key, current)
    if candidate is None:
        return None
    content = _strip_title(rest, candidate)
    if not _plausible(candidate, rest, content):
        return None
    return _Heading(candidate, content, int(numbered.group(1)) if numbered else None)


def is_junk(text: str) -> bool:
    """Tell whether a cleaned line is web/page furniture rather than content."""
    return key(text) in _JUNK_KEYS or _PAGE_NUMBER.match(text) is not None


def to_lines(text: str) -> list[Line]:
    """Split text into numbered lines (1-based), keeping the original and a cleaned copy."""
    return [Line(index, raw, clean(raw)) for index, raw in enumerate(text.splitlines(), start=1)]


def split_sections(text: str) -> Document:
    """Split a whole document into preamble and sections, recording heading-number slips."""
    document = Document(to_lines(text))
    current: Section | None = None
    for line in document.lines:
        if is_junk(line.text):
            continue
        heading = find_heading(line.text, current.number if current else 0)
        if heading is not None:
            current = Section(heading.spec, line, raw=[line.raw])
            if heading.content:
                current.lines.append(Line(line.number, line.raw, heading.content))
            document.sections[heading.spec.number] = current
            if heading.number_mismatch is not None:
                document.notes.append((line.number, str(heading.number_mismatch), str(heading.spec.number)))
        elif current is None:
            document.preamble.append(line)
            document.preamble_raw.append(line.raw)
        else:
            current.lines.append(line)
            current.raw.append(line.raw)
    return document


def raw_text(lines: list[str]) -> str:
    """Join original lines, dropping blank lines at both ends."""
    while lines and not lines[0].strip():
        lines = lines[1:]
    while lines and not lines[-1].strip():
        lines = lines[:-1]
    return "\n".join(line.rstrip() for line in lines)
