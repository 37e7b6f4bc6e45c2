"""Parse section 11: elements of competency (EOC) and their performance criteria.

The TPQI table is extracted row by row, one row per criterion::

    DTR101                                  <- element code (repeated in every row)
    กำหนดเป้าหมาย... (Improving ...)          <- element name (repeated in every row)
    1.1 คาดการณ์ปัญหา...                      <- criterion, numbered or not
    DTR101.01 176468                        <- criterion code and system code (รหัส PC จากระบบ)

The criterion code closes a row.  Rows glued onto one line, a missing element-code line, a missing
number or a missing system code are all tolerated; anything odd becomes a warning.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ._text import consume_prefix, join_text, key, split_trailing_english
from .model import ParsedCriterion, ParsedElement
from .sections import Line

__all__ = ["framework_code_of", "parse_elements"]

Warn = Callable[[int, str, str], None]

_CODE = r"[A-Z]{2,6}\d{3}"
_CRITERION = re.compile(rf"(?<![A-Za-z0-9])({_CODE})\s*\.\s*(\d{{1,3}})(?![\d.])(?:\s+(\d{{4,9}})(?!\d))?")
_ELEMENT_LINE = re.compile(rf"^({_CODE})(?![\d.A-Za-z])\s*(.*)$")
_NUMBER_AT_START = re.compile(r"^(\d{1,2})\s*\.\s*(\d{1,2})(?![\d.])\s*(.*)$")
_NUMBER_INSIDE = re.compile(r"(?:^|\s)(\d{1,2})\.(\d{1,2})(?![\d.])\s+")
_HEADER_KEYS = ("รหัสpc", "(ตามเล่มมาตรฐาน)", "(จากระบบ)")


@dataclass(slots=True)
class _Token:
    """One piece of section 11: an element code, a criterion code or text (blank = paragraph break)."""

    kind: str
    line: int
    text: str = ""
    code: str = ""
    suffix: str = ""
    system_code: str | None = None


def _is_header(text: str) -> bool:
    """Tell whether a line is part of the table header (column titles)."""
    text_key = key(text)
    if text_key.startswith("หน่วยสมรรถนะย่อย") and ("เกณฑ์" in text_key or "(eoc)" in text_key):
        return True
    return any(text_key.startswith(k) for k in _HEADER_KEYS) and len(text_key) <= 30


def _tokens_of_text(text: str, line: int) -> list[_Token]:
    """Tokenise one cleaned line: element codes (at the start or after a criterion), criterion codes, text."""
    tokens: list[_Token] = []
    while text:
        element = _ELEMENT_LINE.match(text)
        if element:
            tokens.append(_Token("element", line, code=element.group(1)))
            text = element.group(2)
        match = _CRITERION.search(text)
        if match is None:
            if text.strip():
                tokens.append(_Token("text", line, text.strip()))
            break
        before = text[: match.start()].strip()
        if before:
            tokens.append(_Token("text", line, before))
        suffix = match.group(2).zfill(2)
        tokens.append(
            _Token("criterion", line, code=match.group(1), suffix=suffix, system_code=match.group(3))
        )
        text = text[match.end() :].strip()
    return tokens


def _tokenise(lines: Sequence[Line]) -> list[_Token]:
    """Tokenise the section body, dropping table-header lines."""
    tokens: list[_Token] = []
    for line in lines:
        if not line.text:
            tokens.append(_Token("blank", line.number))
        elif not _is_header(line.text):
            tokens.extend(_tokens_of_text(line.text, line.number))
    return tokens


def _paragraphs(texts: Sequence[_Token]) -> list[list[_Token]]:
    """Group text tokens into paragraphs separated by blank tokens."""
    paragraphs: list[list[_Token]] = [[]]
    for token in texts:
        if token.kind == "blank":
            if paragraphs[-1]:
                paragraphs.append([])
        else:
            paragraphs[-1].append(token)
    return [p for p in paragraphs if p]


@dataclass(slots=True)
class _Row:
    """The pieces of one table row once split: element name, criterion number and text."""

    name: str | None
    number: str | None
    text: str


def _split_at_number(flat: Sequence[_Token], element_code: str) -> _Row | None:
    """Split a row at its criterion number ("1.1 ..."), at a line start or inline if unambiguous."""
    for index, token in enumerate(flat):
        match = _NUMBER_AT_START.match(token.text)
        if match:
            name = join_text(t.text for t in flat[:index]) or None
            text = join_text([match.group(3), *(t.text for t in flat[index + 1 :])])
            return _Row(name, f"{match.group(1)}.{match.group(2)}", text)
    joined = join_text(t.text for t in flat)
    expected = str(int(element_code[-2:]))
    for match in _NUMBER_INSIDE.finditer(joined):
        if match.group(1) == expected:
            name = joined[: match.start()].strip() or None
            return _Row(name, f"{match.group(1)}.{match.group(2)}", joined[match.end() :].strip())
    return None


def _split_row(texts: Sequence[_Token], element_code: str, known_name: str | None) -> _Row:
    """Split the text of one row into element name, criterion number and criterion text."""
    flat = [t for t in texts if t.kind == "text"]
    numbered = _split_at_number(flat, element_code)
    if numbered is not None:
        return numbered
    paragraphs = [join_text(t.text for t in p) for p in _paragraphs(texts)]
    if len(paragraphs) >= 2:
        return _Row(paragraphs[0], None, join_text(paragraphs[1:]))
    only = paragraphs[0] if paragraphs else ""
    if known_name is not None:
        name_key = key(known_name)
        if key(only) == name_key:
            return _Row(only, None, "")
        rest = consume_prefix(only, name_key)
        if rest is not None:
            return _Row(known_name, None, rest)
    lines = _paragraphs(texts)[0] if paragraphs else []
    if known_name is None and len(lines) >= 2:
        return _Row(lines[0].text, None, join_text(t.text for t in lines[1:]))
    return _Row(None, None, only)


class _Builder:
    """Accumulates elements and criteria while walking the tokens."""

    def __init__(self, warn: Warn) -> None:
        """Start with no elements."""
        self.warn = warn
        self.elements: dict[str, ParsedElement] = {}
        self.full_names: dict[str, str] = {}
        self.seen_codes: dict[str, int] = {}
        self.seen_system: dict[str, int] = {}
        self.first_lines: dict[str, int] = {}
        self.missing_system: dict[str, int] = {}
        self.last: ParsedCriterion | None = None

    def element(self, code: str, line: int) -> ParsedElement:
        """Return the element with this code, creating it on first use."""
        if code not in self.elements:
            self.elements[code] = ParsedElement(code=code, name_th=None)
            self.first_lines[code] = line
        return self.elements[code]

    def takes_system_code(self, token: _Token) -> bool:
        """Attach a lone number on the line after a criterion code as that criterion's system code."""
        criterion = self.last
        if criterion is None or criterion.system_code is not None or not re.fullmatch(r"\d{4,9}", token.text):
            return False
        criterion.system_code = token.text
        self.missing_system.pop(criterion.code or "", None)
        self._check_system_code(token.text, token.line)
        return True

    def _check_system_code(self, system_code: str, line: int) -> None:
        """Warn when a system code was already used by another criterion."""
        if system_code in self.seen_system:
            self.warn(line, f"รหัส PC {system_code} ซ้ำ", f"duplicate system code {system_code}")
        else:
            self.seen_system[system_code] = line

    def finish(self) -> list[ParsedElement]:
        """Warn about elements without a name or criteria and return all elements in order."""
        for code, line in self.missing_system.items():
            self.warn(line, f"ไม่พบรหัส PC จากระบบของ {code}", f"criterion {code} has no system code")
        for code, element in self.elements.items():
            line = self.first_lines[code]
            if element.name_th is None:
                self.warn(line, f"ไม่พบชื่อสมรรถนะย่อย {code}", f"element {code} has no name")
            if not element.criteria:
                self.warn(line, f"สมรรถนะย่อย {code} ไม่มีเกณฑ์", f"element {code} has no criteria")
        return list(self.elements.values())

    def set_name(self, element: ParsedElement, name: str | None, line: int) -> None:
        """Record the element name, warning when a later row names it differently."""
        if not name:
            return
        known = self.full_names.get(element.code)
        if known is None:
            self.full_names[element.code] = name
            element.name_th, element.name_en = split_trailing_english(name)
        elif key(known) != key(name):
            self.warn(
                line,
                f"ชื่อสมรรถนะย่อย {element.code} ไม่ตรงกับที่พบก่อนหน้า: «{name}»",
                f"element {element.code} is named differently from before: {name!r}",
            )

    def add(self, token: _Token, row: _Row, marker_code: str | None) -> None:
        """Add the criterion closed by ``token`` (a criterion code) with the row's text."""
        element_code = token.code
        if marker_code and marker_code != element_code:
            self.warn(
                token.line,
                f"รหัสเกณฑ์ {element_code}.{token.suffix} อยู่ใต้สมรรถนะย่อย {marker_code}",
                f"criterion {element_code}.{token.suffix} is listed under element {marker_code}",
            )
        element = self.element(element_code, token.line)
        self.set_name(element, row.name, token.line)
        code = f"{element_code}.{token.suffix}"
        self._check_row(token, row, code)
        self.last = ParsedCriterion(code, token.system_code, row.text, row.number)
        element.criteria.append(self.last)

    def _check_row(self, token: _Token, row: _Row, code: str) -> None:
        """Warn about duplicates, missing text or system code, and numbers that disagree with the code."""
        line = token.line
        if code in self.seen_codes:
            self.warn(line, f"รหัสเกณฑ์ {code} ซ้ำ", f"duplicate criterion code {code}")
        self.seen_codes.setdefault(code, line)
        if token.system_code is None:
            self.missing_system[code] = line
        else:
            self._check_system_code(token.system_code, line)
        if not row.text:
            self.warn(line, f"ไม่พบข้อความของเกณฑ์ {code}", f"criterion {code} has no text")
        expected = f"{int(token.code[-2:])}.{int(token.suffix)}"
        if row.number is not None and row.number != expected:
            self.warn(
                line,
                f"ลำดับเกณฑ์ {row.number} ไม่ตรงกับรหัส {code}",
                f"criterion number {row.number} does not match code {code} (expected {expected})",
            )

    def dangling(self, texts: Sequence[_Token], marker_code: str | None) -> None:
        """Keep text left without a criterion code as a code-less criterion, with a warning."""
        flat = [t for t in texts if t.kind == "text"]
        if not flat:
            return
        line = flat[0].line
        element_code = marker_code
        if element_code is None:
            self.warn(
                line,
                f"ข้อความไม่มีรหัสสมรรถนะย่อยหรือรหัสเกณฑ์: «{join_text(t.text for t in flat)[:80]}»",
                "text without an element or criterion code was ignored",
            )
            return
        element = self.element(element_code, line)
        known = self.full_names.get(element_code)
        row = _split_row(texts, element_code, known)
        if row.name is None and row.number is None and known is None:
            row = _Row(row.text, None, "")  # a lone line after an element code is its name
        self.set_name(element, row.name, line)
        if not row.text:
            return
        element.criteria.append(ParsedCriterion(None, None, row.text, row.number))
        self.warn(
            line,
            f"เกณฑ์ของสมรรถนะย่อย {element_code} ไม่มีรหัสเกณฑ์: «{row.text[:80]}»",
            f"a criterion of element {element_code} has no criterion code",
        )


def parse_elements(lines: Sequence[Line], warn: Warn) -> list[ParsedElement]:
    """Parse the body of section 11 into elements with their criteria."""
    builder = _Builder(warn)
    buffer: list[_Token] = []
    marker: str | None = None
    after_criterion = False
    for token in _tokenise(lines):
        if token.kind == "element":
            builder.dangling(buffer, marker)
            buffer, marker = [], token.code
            builder.element(token.code, token.line)
        elif token.kind == "criterion":
            row = _split_row(buffer, token.code, builder.full_names.get(token.code))
            builder.add(token, row, marker)
            buffer, marker = [], None
        elif token.kind == "text" and after_criterion and builder.takes_system_code(token):
            continue
        else:
            buffer.append(token)
        after_criterion = token.kind == "criterion" or (after_criterion and token.kind == "blank")
    builder.dangling(buffer, marker)
    return builder.finish()


def framework_code_of(elements: Sequence[ParsedElement], warn: Warn, line: int) -> str | None:
    """Derive the framework unit code from element codes: DTR101 -> DTR100, DS501 -> DS500."""
    units = Counter(f"{e.code[:-2]}00" for e in elements if re.fullmatch(_CODE, e.code))
    if not units:
        return None
    (best, _), *others = units.most_common()
    if others:
        listed = ", ".join(sorted(units))
        warn(
            line,
            f"รหัสสมรรถนะย่อยมาจากหลายหน่วย ({listed})",
            f"element codes belong to several units ({listed})",
        )
    return best
