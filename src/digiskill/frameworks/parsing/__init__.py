"""Parse competency-unit documents (TPQI template, sections 1-18) into plain data.

This package does not depend on Django, so it can run in scripts, tests and CI without settings::

    from digiskill.frameworks.parsing import parse_unit_file

    unit = parse_unit_file("src/digiskill/frameworks/data/ocsc-2561/units/DTR100.txt")
    unit.code, unit.framework_code, len(unit.elements)  # ("CEC-BCTZ-001", "DTR100", 5)
"""

from __future__ import annotations

from .cli import main, run
from .groups import OCSC_ALL_GROUPS_KEYWORDS, OCSC_GROUP_KEYWORDS, GroupMatcher
from .model import (
    AssessmentMethod,
    Evidence,
    ParsedCriterion,
    ParsedElement,
    ParsedUnit,
    RangeDefinition,
    RangeStatement,
    Revision,
    UnitParseError,
    UnitStatus,
)
from .sections import SECTION_SPECS, SectionSpec
from .unit_document import parse_unit_file, parse_unit_text

__all__ = [
    "OCSC_ALL_GROUPS_KEYWORDS",
    "OCSC_GROUP_KEYWORDS",
    "SECTION_SPECS",
    "AssessmentMethod",
    "Evidence",
    "GroupMatcher",
    "ParsedCriterion",
    "ParsedElement",
    "ParsedUnit",
    "RangeDefinition",
    "RangeStatement",
    "Revision",
    "SectionSpec",
    "UnitParseError",
    "UnitStatus",
    "main",
    "parse_unit_file",
    "parse_unit_text",
    "run",
]
