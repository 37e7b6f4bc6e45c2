"""Turn section bodies into lists: bullets, numbered items, glued entries, sub-sections (ก)/(ข)/(ค)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ._text import consume_prefix, is_na, join_text, key
from .sections import Line

__all__ = [
    "SubsectionSpec",
    "list_items",
    "paragraph",
    "split_definition",
    "split_regulations",
    "split_subsections",
]

_BULLETS = "•◦▪▫●○■□◆◇►▸▹➢➤➣✓✔√·∙‣⁃−*"
_LEADING_MARKER = re.compile(
    rf"^(?:[{re.escape(_BULLETS)}\-–—]+|\(\d{{1,2}}\)|\d{{1,2}}[.)](?![\d.])|\d{{1,2}}(?:\.\d{{1,2}})+(?=\s))\s*"
)
# A bullet in the middle of a line starts a new item ("ประเทศ − ความรู้..."); the minus sign only
# when not followed by a number, so ranges ("2561 − 2565") and negative numbers stay intact.
_MIDLINE_BULLET = re.compile(r"\s*(?:[•◦▪▫●○■◆►▸➢➤➣]|−(?=\s*[^\d\s]))\s*")
_SUBHEADING = re.compile(r"^\(?\s*([ก-ฮ])\s*[).]\s*(.*)$")
_SUBHEADING_MAX_REST = 40
_LAW_KEYWORDS = (
    "พระราชบัญญัติ",
    "พระราชกฤษฎีกา",
    "พระราชกำหนด",
    "พ.ร.บ.",
    "พ.ร.ฎ.",
    "พ.ร.ก.",
    "ประกาศ",
    "ระเบียบ",
    "กฎกระทรวง",
    "ข้อบังคับ",
    "มติคณะรัฐมนตรี",
    "ประมวลกฎหมาย",
    "รัฐธรรมนูญ",
)
_LAW_START = re.compile("|".join(re.escape(k) for k in _LAW_KEYWORDS) + r"(?!นียบัตร)")
_CONNECTORS = ("ตาม", "ภายใต้", "แห่ง", "ว่าด้วย", "เรื่อง", "ของ", "ใน", "โดย", "ตามที่")
_TRAILING_JOINER = re.compile(r"(?:\s*(?:,|และ|หรือ|;))+$")
_DEFINITION_MARKERS = tuple(
    re.compile(rf"\s*{marker}\s*") for marker in ("หมายถึง", "หมายความว่า", "(?<!กล่าว)คือ")
)
_SIMPLE_NUMBER = re.compile(r"^\(?(\d{1,2})[.)]\s*$")


@dataclass(frozen=True, slots=True)
class SubsectionSpec:
    """A lettered sub-section such as "(ก) ความต้องการด้านทักษะ": result key, letter, title keys."""

    name: str
    letter: str
    keys: tuple[str, ...]


def paragraph(lines: Sequence[Line]) -> str | None:
    """Join the non-blank lines into one paragraph; None when empty or "N/A"."""
    text = join_text(line.text for line in lines)
    return None if not text or is_na(text) else text


def _split_numbered_run(text: str, first: int) -> list[str]:
    """Split "1. aaa 2. bbb 3. ccc" on the next expected numbers, outside parentheses."""
    pieces: list[str] = []
    expected = first + 1
    start = 0
    while True:
        match = _find_number_outside_parens(text, expected, start)
        if match is None:
            break
        pieces.append(text[: match[0]].strip())
        text, start, expected = text[match[1] :], 0, expected + 1
    pieces.append(text.strip())
    return pieces


def _find_number_outside_parens(text: str, number: int, start: int) -> tuple[int, int] | None:
    """Find " <number>." or " <number>)" preceded by a space, at parenthesis depth 0."""
    pattern = re.compile(rf"(?<=\s){number}[.)](?![\d.])\s*")
    for match in pattern.finditer(text, start):
        before = text[: match.start()]
        if before.count("(") - before.count(")") <= 0:
            return match.start(), match.end()
    return None


def _pieces(text: str) -> list[tuple[bool, str]]:
    """Split one cleaned line into (starts-a-new-item, text) pieces."""
    pieces: list[tuple[bool, str]] = []
    leading = _LEADING_MARKER.match(text)
    marked = leading is not None
    if leading:
        number = _SIMPLE_NUMBER.match(leading.group(0))
        text = text[leading.end() :]
        if number:
            chunks = _split_numbered_run(text, int(number.group(1)))
            pieces.extend((True, chunk) for chunk in chunks[:-1])
            text = chunks[-1]
    for index, chunk in enumerate(_MIDLINE_BULLET.split(text)):
        pieces.append((marked or index > 0, chunk.strip()))
    return pieces


def list_items(lines: Sequence[Line]) -> list[str]:
    """Turn lines into list items: markers start items, unmarked lines continue the last one.

    When no line carries a bullet or number, each non-blank line is an item of its own.
    "N/A" items are dropped.
    """
    split = [_pieces(line.text) for line in lines if line.text]
    any_marked = any(marked for pieces in split for marked, _ in pieces)
    items: list[str] = []
    pending_new = True
    for pieces in split:
        for marked, text in pieces:
            if not text:
                pending_new = pending_new or marked
                continue
            if marked or pending_new or not any_marked or not items:
                items.append(text)
            else:
                items[-1] = f"{items[-1]} {text}"
            pending_new = False
    return [item for item in items if not is_na(item)]


def _subheading(text: str, specs: Sequence[SubsectionSpec]) -> tuple[SubsectionSpec, str] | None:
    """Recognise a sub-heading line and return its spec and any content after the title."""
    lettered = _SUBHEADING.match(text)
    rest = lettered.group(2).strip() if lettered else text
    rest_key = key(rest)
    for spec in specs:
        for title_key in sorted(spec.keys, key=len, reverse=True):
            if rest_key.startswith(title_key):
                content = consume_prefix(rest, title_key) or ""
                content = re.sub(r"^\s*\([^()]*[A-Za-z][^()]*\)\s*", "", content)
                if lettered or len(key(content)) <= _SUBHEADING_MAX_REST:
                    return spec, content.strip(" :")
    if lettered and len(rest_key) <= _SUBHEADING_MAX_REST:
        for spec in specs:
            if spec.letter == lettered.group(1):
                return spec, ""
    return None


def split_subsections(
    lines: Sequence[Line], specs: Sequence[SubsectionSpec]
) -> tuple[list[Line], dict[str, list[Line]]]:
    """Split a section body at its lettered sub-headings; returns (intro lines, lines by spec name)."""
    intro: list[Line] = []
    parts: dict[str, list[Line]] = {}
    current: list[Line] = intro
    for line in lines:
        found = _subheading(line.text, specs) if line.text else None
        if found is None:
            current.append(line)
            continue
        spec, content = found
        current = parts.setdefault(spec.name, [])
        if content:
            current.append(Line(line.number, line.raw, content))
    return intro, parts


def _law_chunks(text: str) -> list[str]:
    """Split text with several laws glued together before each law-type keyword."""
    chunks: list[str] = []
    start = 0
    for match in _LAW_START.finditer(text):
        cut = match.start()
        if cut == 0 or cut - start < 8:
            continue
        before = text[start:cut].rstrip()
        glued_after_year = re.search(r"(?:\d|\))$", before) is not None
        if not (text[cut - 1].isspace() or glued_after_year) or before.endswith(_CONNECTORS):
            continue
        chunks.append(before)
        start = cut
    chunks.append(text[start:].strip())
    return [_TRAILING_JOINER.sub("", chunk).strip() for chunk in chunks if chunk.strip()]


def _tidy_citation(text: str) -> str:
    """Put one space before "พ.ศ." and the "(ฉบับที่ n)" gloss and between "พ.ศ." and the year."""
    text = re.sub(r"(?<=[\u0e01-\u0e4e)])\s*(พ\.\s*ศ\.)", r" \1", text)
    text = re.sub(r"พ\.\s*ศ\.\s*(?=\d)", "พ.ศ. ", text)
    text = re.sub(r"(?<=[\u0e01-\u0e4e])\((?=ฉบับที่)", " (", text)
    return re.sub(r"\s+", " ", text).strip()


def split_regulations(lines: Sequence[Line]) -> list[str]:
    """Return the laws/regulations of section 10, splitting entries glued on one line."""
    return [_tidy_citation(chunk) for item in list_items(lines) for chunk in _law_chunks(item)]


def split_definition(text: str) -> tuple[str | None, str | None]:
    """Split "ศัพท์ หมายถึง ความหมาย" (or "... คือ ...") into (term, meaning); (None, None) if neither."""
    for pattern in _DEFINITION_MARKERS:
        match = pattern.search(text)
        if match and text[: match.start()].strip() and text[match.end() :].strip():
            return text[: match.start()].strip(), text[match.end() :].strip()
    return None, None
