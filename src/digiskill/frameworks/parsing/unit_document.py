"""Parse a competency-unit document (TPQI template, sections 1-18) into a :class:`ParsedUnit`.

Entry points: :func:`parse_unit_text` and :func:`parse_unit_file`.  Parsing never raises anything
but :class:`UnitParseError`; problems that still leave a usable result become ``warnings``
(bilingual, Thai first, each prefixed with the line number), and ``strict=True`` turns warnings
into a :class:`UnitParseError`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from os import PathLike
from pathlib import Path

from ._text import is_na, join_text, key, split_trailing_english
from .elements import framework_code_of, parse_elements
from .groups import GroupMatcher
from .lists import (
    SubsectionSpec,
    list_items,
    paragraph,
    split_definition,
    split_regulations,
    split_subsections,
)
from .model import (
    AssessmentMethod,
    ParsedUnit,
    RangeDefinition,
    Revision,
    UnitParseError,
    UnitStatus,
)
from .sections import LAST_SECTION, SECTION_SPECS, Document, Line, Section, raw_text, split_sections

__all__ = ["parse_unit_file", "parse_unit_text"]

_UNIT_CODE = re.compile(
    r"(?<![A-Za-z0-9])[A-Za-z][A-Za-z0-9]{0,9}(?:\s*[-‐‑–—−]\s*[A-Za-z0-9]{1,10}){1,4}(?![A-Za-z0-9])"
    r"|(?<![A-Za-z0-9])[A-Za-z]{2,6}\d{3}(?![A-Za-z0-9])"
)
_DASHES = re.compile(r"\s*[-‐‑–—−]\s*")
_CHECKED = re.compile(r"[☑☒✓✔✗✘■●◉▣⊠√]|\[x\]|\(x\)")
_STATUS_WORDS: dict[UnitStatus, tuple[str, ...]] = {
    "new": ("สร้างใหม่", "new"),
    "revised": ("ปรับปรุง", "revised", "revision"),
}
_METHOD_KEYWORDS: tuple[tuple[AssessmentMethod, tuple[str, ...]], ...] = (
    ("written_exam", ("ข้อเขียน", "writtenexam", "writtentest", "ข้อสอบปรนัย", "ข้อสอบอัตนัย")),
    ("interview", ("สัมภาษณ์", "interview")),
    (
        "performance_evidence",
        ("หลักฐานการปฏิบัติงาน", "หลักฐานด้านการปฏิบัติงาน", "performanceevidence", "แฟ้มสะสมผลงาน", "portfolio"),
    ),
    ("assessment_tool", ("เครื่องมือประเมิน", "เครื่องมือการประเมิน", "assessmenttool")),
)
_MANUAL_KEYWORDS = ("คู่มือ", "manual", "handbook", "guidebook")
_PREAMBLE_BOILERPLATE = frozenset({key("หน่วยสมรรถนะ"), key("รายละเอียดหน่วยสมรรถนะ")})
_SKILLS = (
    SubsectionSpec("skills", "ก", ("ความต้องการด้านทักษะ", "ด้านทักษะ", "ทักษะที่ต้องการ", "skills", "skill")),
    SubsectionSpec("knowledge", "ข", ("ความต้องการด้านความรู้", "ด้านความรู้", "ความรู้ที่ต้องการ", "knowledge")),
)
_EVIDENCE = (
    SubsectionSpec("performance", "ก", ("หลักฐานการปฏิบัติงาน", "หลักฐานด้านการปฏิบัติงาน", "performanceevidence")),
    SubsectionSpec("knowledge", "ข", ("หลักฐานความรู้", "หลักฐานด้านความรู้", "knowledgeevidence")),
    SubsectionSpec("advice", "ค", ("คำแนะนำในการประเมิน", "คำแนะนำการประเมิน", "assessmentadvice")),
)
_RANGE = (
    SubsectionSpec("advice", "ก", ("คำแนะนำ", "advice", "guidance")),
    SubsectionSpec("definitions", "ข", ("คำอธิบายรายละเอียด", "คำอธิบาย", "คำนิยาม", "definitions")),
)


_DEFAULT_MATCHER = GroupMatcher.ocsc()


class _Context:
    """Per-document state: the unit being built, its warnings and the line being processed."""

    def __init__(self, source: str, matcher: GroupMatcher, error_source: str) -> None:
        """Start an empty unit for ``source``; errors name ``error_source`` (the path as given)."""
        self.unit = ParsedUnit(source=source)
        self.error_source = error_source
        self.matcher = matcher
        self.line = 1
        self.line_count = 1
        self.warnings: list[tuple[int, str, str]] = []

    def warn(self, line: int, thai: str, english: str) -> None:
        """Record a bilingual warning at a line."""
        self.warnings.append((line, thai, english))


def _subsection_keys(specs: tuple[SubsectionSpec, ...]) -> tuple[SubsectionSpec, ...]:
    """Return sub-section specs with their title keys normalised for comparison."""
    return tuple(SubsectionSpec(s.name, s.letter, tuple(key(k) for k in s.keys)) for s in specs)


_SKILLS_KEYS = _subsection_keys(_SKILLS)
_EVIDENCE_KEYS = _subsection_keys(_EVIDENCE)
_RANGE_KEYS = _subsection_keys(_RANGE)


def _parse_code(ctx: _Context, section: Section) -> None:
    """Section 1: the unit code, e.g. CEC-BCTZ-001 (dashes and spaces normalised, upper case)."""
    text = join_text(line.text for line in section.lines)
    match = _UNIT_CODE.search(text)
    if match:
        ctx.unit.code = _DASHES.sub("-", match.group(0)).upper()
    elif text and not is_na(text):
        ctx.unit.code = text
        ctx.warn(
            section.heading.number, f"รูปแบบรหัสหน่วยสมรรถนะไม่คุ้นเคย: «{text}»", f"unusual unit code {text!r}"
        )
    else:
        ctx.warn(section.heading.number, "ไม่พบรหัสหน่วยสมรรถนะ", "the unit code is empty")


def _parse_name(ctx: _Context, section: Section) -> None:
    """Section 2: the unit name, Thai with an optional trailing "(English name)"."""
    text = paragraph(section.lines)
    if text is None:
        ctx.warn(section.heading.number, "ไม่พบชื่อหน่วยสมรรถนะ", "the unit name is empty")
        return
    ctx.unit.name_th, ctx.unit.name_en = split_trailing_english(text)


def _year_be(value: int, ctx: _Context, line: int) -> int | None:
    """Return a Buddhist-era year; Christian-era years are converted with a warning."""
    if 2400 <= value <= 2800:
        return value
    if 1900 <= value <= 2250:
        ctx.warn(line, f"ปีที่ทบทวน {value} เป็น ค.ศ.; แปลงเป็น พ.ศ. {value + 543}", f"year {value} looks CE")
        return value + 543
    ctx.warn(line, f"ปีที่ทบทวน {value} ไม่สมเหตุผล", f"implausible revision year {value}")
    return None


def _parse_revision(ctx: _Context, section: Section) -> None:
    """Section 3: "ทบทวนครั้งที่ 1 / 2567" -> Revision(1, 2567); blank or "/" -> None."""
    text = paragraph(section.lines)
    line = section.heading.number
    if text is None:
        return
    numbers = [int(n) for n in re.findall(r"\d+", text)]
    if not numbers:
        ctx.warn(line, f"อ่านครั้งที่ทบทวนไม่ได้: «{text}»", f"cannot read the revision {text!r}")
        return
    small = [n for n in numbers if n < 1000]
    years = [n for n in numbers if n >= 1000]
    number = small[0] if small else None
    year = _year_be(years[0], ctx, line) if years else None
    ctx.unit.revision = Revision(number, year)


def _marked_options(text_key: str) -> set[UnitStatus]:
    """Return the status options with a check mark just before them (or, failing that, just after)."""
    before: set[UnitStatus] = set()
    after: set[UnitStatus] = set()
    for status, words in _STATUS_WORDS.items():
        for word in words:
            for match in re.finditer(re.escape(word), text_key):
                if _CHECKED.search(text_key[max(0, match.start() - 3) : match.start()]):
                    before.add(status)
                if _CHECKED.search(text_key[match.end() : match.end() + 3]):
                    after.add(status)
    return before or after


def _parse_status(ctx: _Context, section: Section) -> None:
    """Section 4: new or revised, from a check mark, a lone option, or the revision (section 3)."""
    text_key = key(join_text(line.text for line in section.lines))
    marked = _marked_options(text_key)
    present = {status for status, words in _STATUS_WORDS.items() if any(w in text_key for w in words)}
    unit = ctx.unit
    if len(marked) == 1:
        unit.status, unit.status_basis = marked.pop(), "marked"
    elif not marked and len(present) == 1:
        unit.status, unit.status_basis = present.pop(), "single_option"
    elif unit.revision is not None and (unit.revision.number is None or unit.revision.number >= 1):
        unit.status, unit.status_basis = "revised", "revision"
    else:
        ctx.warn(
            section.heading.number,
            "ระบุสถานะ (สร้างใหม่/ปรับปรุง) ไม่ได้: ไม่มีตัวเลือกที่ถูกทำเครื่องหมายและไม่มีข้อมูลการทบทวน",
            "cannot tell whether the unit is new or revised: no option is marked and there is no revision",
        )


def _parse_occupations(ctx: _Context, section: Section) -> None:
    """Section 5: keep the text and recognise the personnel target groups in it."""
    text = join_text(line.text for line in section.lines)
    ctx.unit.occupations_text = text or None
    if not text or is_na(text):
        return
    ctx.unit.target_groups = ctx.matcher.match(text)
    if not ctx.unit.target_groups:
        ctx.warn(
            section.heading.number,
            f"ไม่พบกลุ่มเป้าหมายที่รู้จักในหัวข้อ 5: «{text[:80]}»",
            "no known target group found in section 5",
        )


def _parse_description(ctx: _Context, section: Section) -> None:
    """Section 6: the description paragraph."""
    ctx.unit.description = paragraph(section.lines)
    if ctx.unit.description is None:
        ctx.warn(section.heading.number, "คำอธิบายหน่วยสมรรถนะว่างเปล่า", "the unit description is empty")


def _parse_qualification(ctx: _Context, section: Section) -> None:
    """Section 7: qualification level, often blank."""
    ctx.unit.qualification_level = paragraph(section.lines)


def _parse_sector(ctx: _Context, section: Section) -> None:
    """Section 8: sector (กลุ่มอาชีพ)."""
    ctx.unit.sector = paragraph(section.lines)


def _parse_other_occupations(ctx: _Context, section: Section) -> None:
    """Section 9: other occupations; "N/A" gives an empty list."""
    ctx.unit.other_occupations = list_items(section.lines)


def _parse_regulations(ctx: _Context, section: Section) -> None:
    """Section 10: laws and regulations, one per entry even when glued on one line."""
    ctx.unit.regulations = split_regulations(section.lines)


def _parse_elements(ctx: _Context, section: Section) -> None:
    """Section 11: elements and performance criteria; also derives the framework code."""
    ctx.unit.elements = parse_elements(section.lines, ctx.warn)
    if not ctx.unit.elements:
        ctx.warn(section.heading.number, "ไม่พบสมรรถนะย่อยในหัวข้อ 11", "no elements found in section 11")
    ctx.unit.framework_code = framework_code_of(ctx.unit.elements, ctx.warn, section.heading.number)


def _parse_prerequisites(ctx: _Context, section: Section) -> None:
    """Section 12: prerequisite skills and knowledge."""
    ctx.unit.prerequisites = list_items(section.lines)


def _split_lettered(
    ctx: _Context, section: Section, specs: tuple[SubsectionSpec, ...], intro_allowed: bool
) -> tuple[list[Line], dict[str, list[Line]]]:
    """Split a section at (ก)/(ข)/(ค) and warn about missing parts or stray introductory text."""
    intro, parts = split_subsections(section.lines, specs)
    for spec in specs:
        if spec.name not in parts:
            ctx.warn(
                section.heading.number,
                f"ไม่พบหัวข้อย่อย ({spec.letter}) ในหัวข้อ {section.number}",
                f"sub-section ({spec.letter}) {spec.name} of section {section.number} is missing",
            )
    stray = [line for line in intro if line.text]
    if stray and not intro_allowed:
        ctx.warn(
            stray[0].number,
            f"ข้อความก่อนหัวข้อย่อยแรกของหัวข้อ {section.number} ไม่ได้ถูกจัดหมวด (เก็บไว้ใน sections)",
            f"text before the first sub-section of section {section.number} was not classified",
        )
    return intro, parts


def _parse_skills(ctx: _Context, section: Section) -> None:
    """Section 13: (ก) required skills and (ข) required knowledge."""
    _, parts = _split_lettered(ctx, section, _SKILLS_KEYS, intro_allowed=False)
    ctx.unit.required_skills = list_items(parts.get("skills", []))
    ctx.unit.required_knowledge = list_items(parts.get("knowledge", []))


def _parse_evidence(ctx: _Context, section: Section) -> None:
    """Section 14: (ก) performance evidence, (ข) knowledge evidence, (ค) assessment advice."""
    _, parts = _split_lettered(ctx, section, _EVIDENCE_KEYS, intro_allowed=False)
    evidence = ctx.unit.evidence
    evidence.performance = list_items(parts.get("performance", []))
    evidence.knowledge = list_items(parts.get("knowledge", []))
    evidence.assessment_advice = list_items(parts.get("advice", []))


def _parse_range(ctx: _Context, section: Section) -> None:
    """Section 15: scope paragraph, (ก) advice and (ข) definitions."""
    intro, parts = _split_lettered(ctx, section, _RANGE_KEYS, intro_allowed=True)
    statement = ctx.unit.range_statement
    statement.text = paragraph(intro)
    statement.advice = list_items(parts.get("advice", []))
    statement.definitions = [
        RangeDefinition(item, *split_definition(item)) for item in list_items(parts.get("definitions", []))
    ]


def _parse_joint_units(ctx: _Context, section: Section) -> None:
    """Section 16: joint units of competency."""
    ctx.unit.joint_units = list_items(section.lines)


def _parse_joint_industries(ctx: _Context, section: Section) -> None:
    """Section 17: joint industries / occupational groups."""
    ctx.unit.joint_industries = list_items(section.lines)


def _parse_assessment(ctx: _Context, section: Section) -> None:
    """Section 18: assessment methods as codes, plus any reference to an assessment manual."""
    items = list_items(section.lines)
    ctx.unit.assessment_text = items
    text_key = key(" ".join(items))
    ctx.unit.assessment_methods = [m for m, words in _METHOD_KEYWORDS if any(w in text_key for w in words)]
    manual = [item for item in items if any(k in key(item) for k in _MANUAL_KEYWORDS)]
    ctx.unit.assessment_manual_reference = join_text(manual) or None
    if not items:
        ctx.warn(section.heading.number, "ไม่พบวิธีการประเมิน", "no assessment method given")


_HANDLERS: dict[int, Callable[[_Context, Section], None]] = {
    1: _parse_code,
    2: _parse_name,
    3: _parse_revision,
    4: _parse_status,
    5: _parse_occupations,
    6: _parse_description,
    7: _parse_qualification,
    8: _parse_sector,
    9: _parse_other_occupations,
    10: _parse_regulations,
    11: _parse_elements,
    12: _parse_prerequisites,
    13: _parse_skills,
    14: _parse_evidence,
    15: _parse_range,
    16: _parse_joint_units,
    17: _parse_joint_industries,
    18: _parse_assessment,
}


def _parse_preamble(ctx: _Context, document: Document) -> None:
    """Take the series line (and the name, if section 2 is missing) from the lines before section 1.

    The template starts with "หน่วยสมรรถนะ", the unit name, then the series line, e.g.
    "สมรรถนะสนับสนุนการทำงานด้านดิจิทัลสำหรับข้าราชการ และบุคลากรภาครัฐ".
    """
    candidates = [
        line for line in document.preamble if line.text and key(line.text) not in _PREAMBLE_BOILERPLATE
    ]
    unit = ctx.unit
    if unit.name_th is None and candidates:
        unit.name_th, unit.name_en = split_trailing_english(candidates[0].text)
    names = {
        key(unit.name_th or ""),
        key(unit.name_th or "") + key(f"({unit.name_en})" if unit.name_en else ""),
    }
    position = next((i for i, line in enumerate(candidates) if key(line.text) in names), None)
    if position is None and len(candidates) >= 2:
        ctx.warn(
            candidates[0].number,
            f"ชื่อหน่วยสมรรถนะที่หัวเอกสารไม่ตรงกับหัวข้อ 2: «{candidates[0].text[:80]}»",
            "the unit name at the top differs from section 2",
        )
        position = 0
    rest = candidates if position is None else candidates[position + 1 :] + candidates[:position]
    rest = [line for line in rest if key(line.text) not in names]
    if rest:
        unit.series = rest[0].text
    for line in rest[1:]:
        ctx.warn(
            line.number,
            f"ข้อความก่อนหัวข้อ 1 ไม่ได้ถูกจัดหมวด: «{line.text[:80]}»",
            "unclassified text before section 1",
        )


def _missing_sections(ctx: _Context, document: Document) -> None:
    """Warn (Thai, then English) about every template section that was not found."""
    found = sorted(document.sections)
    for number, spec in SECTION_SPECS.items():
        if number in document.sections:
            continue
        later = [document.sections[n].heading.number for n in found if n > number]
        line = later[0] if later else ctx.line_count
        ctx.warn(
            line,
            f"ไม่พบหัวข้อ {number}. {spec.title_th}",
            f"section {number} ({spec.title_en}) is missing",
        )


def _heading_slips(ctx: _Context, document: Document) -> None:
    """Warn about headings whose number disagrees with their title."""
    for line, found, expected in document.notes:
        ctx.warn(
            line,
            f"หัวข้อมีเลข {found} แต่ชื่อหัวข้อเป็นของข้อ {expected}",
            f"heading numbered {found} has the title of section {expected}",
        )


def _collect_raw(ctx: _Context, document: Document) -> None:
    """Keep the original text of the preamble ("0") and of every section found."""
    sections = {"0": raw_text(document.preamble_raw)} if any(r.strip() for r in document.preamble_raw) else {}
    for number in sorted(document.sections):
        sections[str(number)] = raw_text(document.sections[number].raw)
    ctx.unit.sections = sections


def _build(ctx: _Context, text: str) -> None:
    """Run every step of parsing on the text, keeping ``ctx.line`` at the line being worked on."""
    document = split_sections(text)
    ctx.line_count = max(len(document.lines), 1)
    if not any(line.text for line in document.lines):
        raise UnitParseError("the document is empty", source=ctx.error_source, line=1)
    _heading_slips(ctx, document)
    for number in range(1, LAST_SECTION + 1):
        section = document.sections.get(number)
        if section is not None:
            ctx.line = section.heading.number
            _HANDLERS[number](ctx, section)
    ctx.line = 1
    _parse_preamble(ctx, document)
    _missing_sections(ctx, document)
    _collect_raw(ctx, document)


def _finish(ctx: _Context, strict: bool) -> ParsedUnit:
    """Attach the warnings (sorted by line) and apply strict mode."""
    ordered = sorted(ctx.warnings, key=lambda warning: warning[0])
    ctx.unit.warnings = [f"line {line}: {thai} / {english}" for line, thai, english in ordered]
    if strict and ordered:
        line, thai, english = ordered[0]
        more = f" (and {len(ordered) - 1} more)" if len(ordered) > 1 else ""
        raise UnitParseError(f"strict mode: {thai} / {english}{more}", source=ctx.error_source, line=line)
    return ctx.unit


def _parse(
    text: str,
    *,
    source: str,
    error_source: str,
    strict: bool,
    matcher: GroupMatcher | None,
    notes: Sequence[tuple[int, str, str]] = (),
) -> ParsedUnit:
    """Parse text, turning any unexpected failure into a UnitParseError at the current line."""
    if not isinstance(text, str):
        raise UnitParseError(f"expected text, got {type(text).__name__}", source=error_source, line=1)
    ctx = _Context(source, matcher or _DEFAULT_MATCHER, error_source)
    ctx.warnings.extend(notes)
    try:
        _build(ctx, text)
        return _finish(ctx, strict)
    except UnitParseError:
        raise
    except Exception as exc:
        message = f"internal error while parsing: {exc!r}"
        raise UnitParseError(message, source=error_source, line=ctx.line) from exc


def parse_unit_text(
    text: str, *, source: str = "<text>", strict: bool = False, matcher: GroupMatcher | None = None
) -> ParsedUnit:
    """Parse the text of one unit document.

    Never raises anything but :class:`UnitParseError` (whose message names ``source`` and a line);
    with ``strict=True`` any warning is raised as a UnitParseError too.  ``matcher`` recognises the
    target groups in section 5 (default: the six OCSC groups).
    """
    return _parse(text, source=source, error_source=source, strict=strict, matcher=matcher)


def _decode(data: bytes, source: str) -> tuple[str, str | None]:
    """Decode file bytes as UTF-8 (with or without BOM), UTF-16 with BOM, or Thai Windows-874."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), None
        except UnicodeDecodeError as exc:
            raise UnitParseError(f"invalid UTF-16 text: {exc.reason}", source=source, line=1) from exc
    nul = data.find(b"\x00")
    if nul >= 0:
        line = data[:nul].count(b"\n") + 1
        raise UnitParseError("this is not a text file (it contains NUL bytes)", source=source, line=line)
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as utf8_error:
        try:
            return data.decode("cp874"), "cp874"
        except UnicodeDecodeError:
            line = data[: utf8_error.start].count(b"\n") + 1
            raise UnitParseError(
                "the file is neither UTF-8 nor TIS-620/Windows-874 text", source=source, line=line
            ) from utf8_error


def parse_unit_file(
    path: str | PathLike[str], *, strict: bool = False, matcher: GroupMatcher | None = None
) -> ParsedUnit:
    """Read and parse one unit document; ``source`` in the result is the file name.

    Errors (unreadable file, undecodable bytes, strict-mode warnings, anything unexpected) are
    raised as :class:`UnitParseError` naming the path and, where it applies, the line.
    """
    shown = str(path)
    try:
        data = Path(path).read_bytes()
    except (OSError, ValueError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise UnitParseError(f"cannot read the file: {reason}", source=shown) from exc
    text, encoding = _decode(data, shown)
    notes = []
    if encoding is not None:
        notes.append((1, f"ไฟล์ไม่ใช่ UTF-8 อ่านด้วยรหัสอักขระ {encoding}", f"not UTF-8; decoded as {encoding}"))
    name = Path(path).name or shown
    return _parse(text, source=name, error_source=shown, strict=strict, matcher=matcher, notes=notes)
