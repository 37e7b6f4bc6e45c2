"""Result types of the unit-document parser, each with a JSON-ready ``to_dict()``."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Literal

__all__ = [
    "AssessmentMethod",
    "Evidence",
    "ParsedCriterion",
    "ParsedElement",
    "ParsedUnit",
    "RangeDefinition",
    "RangeStatement",
    "Revision",
    "UnitParseError",
    "UnitStatus",
]

UnitStatus = Literal["new", "revised"]
AssessmentMethod = Literal["written_exam", "interview", "performance_evidence", "assessment_tool"]


class UnitParseError(Exception):
    """A unit document could not be parsed (or had warnings in strict mode).

    ``str(error)`` is ``"<source>:<line>: <message>"`` (``"<source>: <message>"`` when no line
    applies, e.g. the file cannot be read).
    """

    def __init__(self, message: str, *, source: str, line: int | None = None) -> None:
        """Create the error; ``source`` names the file, ``line`` is 1-based."""
        self.message = message
        self.source = source
        self.line = line
        where = f"{source}:{line}" if line is not None else source
        super().__init__(f"{where}: {message}")


@dataclass(slots=True)
class Revision:
    """Section 3 ("ทบทวนครั้งที่"): review number and Buddhist-era year, either may be unknown."""

    number: int | None
    year_be: int | None

    def to_dict(self) -> dict[str, Any]:
        """Return the revision as a JSON-ready dict."""
        return dataclasses.asdict(self)


@dataclass(slots=True)
class ParsedCriterion:
    """One performance criterion (row of section 11)."""

    code: str | None
    system_code: str | None
    text: str
    number: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the criterion as a JSON-ready dict."""
        return dataclasses.asdict(self)


@dataclass(slots=True)
class ParsedElement:
    """One element of competency (EOC) with its performance criteria."""

    code: str
    name_th: str | None
    name_en: str | None = None
    criteria: list[ParsedCriterion] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Return the element and its criteria as a JSON-ready dict."""
        return dataclasses.asdict(self)


@dataclass(slots=True)
class Evidence:
    """Section 14 (Evidence Guide)."""

    performance: list[str] = field(default_factory=list)
    knowledge: list[str] = field(default_factory=list)
    assessment_advice: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Return the evidence guide as a JSON-ready dict."""
        return dataclasses.asdict(self)


@dataclass(slots=True)
class RangeDefinition:
    """One item of section 15 (ข) "คำอธิบายรายละเอียด": a term and what it means."""

    text: str
    term: str | None = None
    meaning: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the definition as a JSON-ready dict."""
        return dataclasses.asdict(self)


@dataclass(slots=True)
class RangeStatement:
    """Section 15 (Range Statement): scope text, (ก) advice and (ข) definitions."""

    text: str | None = None
    advice: list[str] = field(default_factory=list)
    definitions: list[RangeDefinition] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Return the range statement as a JSON-ready dict."""
        return dataclasses.asdict(self)


@dataclass(slots=True)
class ParsedUnit:
    """A competency unit parsed from a TPQI-template text document (sections 1-18)."""

    source: str
    code: str | None = None
    framework_code: str | None = None
    name_th: str | None = None
    name_en: str | None = None
    series: str | None = None
    revision: Revision | None = None
    status: UnitStatus | None = None
    status_basis: str | None = None
    occupations_text: str | None = None
    target_groups: list[str] = field(default_factory=list)
    description: str | None = None
    qualification_level: str | None = None
    sector: str | None = None
    other_occupations: list[str] = field(default_factory=list)
    regulations: list[str] = field(default_factory=list)
    elements: list[ParsedElement] = field(default_factory=list)
    prerequisites: list[str] = field(default_factory=list)
    required_skills: list[str] = field(default_factory=list)
    required_knowledge: list[str] = field(default_factory=list)
    evidence: Evidence = field(default_factory=Evidence)
    range_statement: RangeStatement = field(default_factory=RangeStatement)
    joint_units: list[str] = field(default_factory=list)
    joint_industries: list[str] = field(default_factory=list)
    assessment_methods: list[AssessmentMethod] = field(default_factory=list)
    assessment_manual_reference: str | None = None
    assessment_text: list[str] = field(default_factory=list)
    sections: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    @property
    def criteria(self) -> list[ParsedCriterion]:
        """Return every criterion of every element, in document order."""
        return [criterion for element in self.elements for criterion in element.criteria]

    def to_dict(self) -> dict[str, Any]:
        """Return the whole unit as JSON-ready data (only str, int, None, list and dict)."""
        return dataclasses.asdict(self)
