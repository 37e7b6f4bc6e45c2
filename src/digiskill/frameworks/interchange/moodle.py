"""A framework as Moodle's competency-framework CSV (admin/tool/lpimportcsv).

The columns and their order are those of Moodle's importer (``framework_importer::
list_required_headers``); the first row after the header is the framework itself ("Is framework"
= 1), then every area, unit, element and criterion, each pointing at its parent's ID number. The ID
number is the DigiSkill code; a code that is not unique in the framework (an element code used in
two units, say) is prefixed with its parent's ID number and "/".

Moodle needs a scale on the framework: a two-point scale ("not yet competent", "competent", the
second one proficient), which Moodle creates on import if it has none like it.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator, Sequence
from typing import IO

from digiskill.frameworks.models import Area, Criterion, Element, Framework, Unit
from digiskill.lib.tabular import CellValue, iter_csv, write_csv

HEADERS = (
    "Parent ID number",
    "ID number",
    "Short name",
    "Description",
    "Description format",
    "Scale values",
    "Scale configuration",
    "Rule type (optional)",
    "Rule outcome (optional)",
    "Rule config (optional)",
    "Cross-referenced competency ID numbers",
    "Exported ID (optional)",
    "Is framework",
    "Taxonomy",
)
FORMAT_PLAIN = 2  # Moodle's FORMAT_PLAIN
SCALE_VALUES = "ยังไม่ผ่านเกณฑ์,ผ่านเกณฑ์"
SCALE_CONFIGURATION = json.dumps(
    [
        {"scaleid": "1"},
        {"id": 1, "scaledefault": 1, "proficient": 0},
        {"id": 2, "scaledefault": 0, "proficient": 1},
    ]
)
# Moodle's taxonomy words for the four levels: area, unit, element, criterion.
TAXONOMY = "domain,competency,skill,indicator"
SHORT_NAME_MAX = 100


def _short_name(text: str) -> str:
    """Moodle keeps at most 100 characters of a short name: cut longer ones with an ellipsis."""
    return text if len(text) <= SHORT_NAME_MAX else text[: SHORT_NAME_MAX - 1] + "…"


def _describe(*parts: str) -> str:
    """A plain-text description from the non-empty parts, one per line."""
    return "\n".join(p for p in parts if p)


def _tree(fw: Framework) -> Iterator[tuple[str, str, str, str, str]]:
    """(parent code, code, short name, description, kind) of each area, unit, element, criterion."""
    units = Unit.objects.filter(framework=fw).order_by("order", "code")
    elements = Element.objects.filter(unit__framework=fw).order_by("order", "code")
    criteria = Criterion.objects.filter(element__unit__framework=fw).order_by("order", "code")
    units_of: dict[int, list[Unit]] = {}
    elements_of: dict[int, list[Element]] = {}
    criteria_of: dict[int, list[Criterion]] = {}
    for u in units:
        units_of.setdefault(u.area_id, []).append(u)
    for e in elements:
        elements_of.setdefault(e.unit_id, []).append(e)
    for c in criteria:
        criteria_of.setdefault(c.element_id, []).append(c)
    for area in Area.objects.filter(framework=fw).order_by("order", "code"):
        yield (
            "",
            area.code,
            area.name_th or area.name_en or area.code,
            _describe(area.name_th, area.name_en, area.description_th),
            "area",
        )
        for unit in units_of.get(area.pk, []):
            aliases = f"รหัสมาตรฐาน / standard codes: {', '.join(unit.aliases)}" if unit.aliases else ""
            yield (
                area.code,
                unit.code,
                unit.name_th or unit.code,
                _describe(unit.name_th, unit.name_en, unit.description_th, aliases),
                "unit",
            )
            for element in elements_of.get(unit.pk, []):
                yield (
                    unit.code,
                    element.code,
                    element.name_th or element.code,
                    _describe(element.name_th, element.name_en),
                    "element",
                )
                for crit in criteria_of.get(element.pk, []):
                    system = f"รหัสในระบบ / system code: {crit.system_code}" if crit.system_code else ""
                    yield element.code, crit.code, crit.text_th, _describe(crit.text_th, system), "criterion"


def framework_moodle_rows(fw: Framework) -> list[list[CellValue]]:
    """The data rows of the CSV: the framework, then the competencies, parents before children."""
    tree = list(_tree(fw))
    counts = Counter(code for _, code, *_ in tree)
    ids: dict[tuple[str, str], str] = {}  # (kind, code) of a parent → its ID number

    def id_number(parent_id: str, code: str) -> str:
        return code if counts[code] == 1 and code != fw.code else f"{parent_id}/{code}"

    rows: list[list[CellValue]] = [
        [
            "",
            fw.code,
            _short_name(fw.name_th or fw.code),
            _describe(fw.name_th, fw.name_en, fw.publisher_th, fw.source),
            FORMAT_PLAIN,
            SCALE_VALUES,
            SCALE_CONFIGURATION,
            "",
            "",
            "",
            "",
            "",
            1,
            TAXONOMY,
        ]
    ]
    parent_kind = {"unit": "area", "element": "unit", "criterion": "element"}
    for exported, (parent, code, name, description, kind) in enumerate(tree, start=1):
        parent_id = ids[(parent_kind[kind], parent)] if kind in parent_kind else ""
        own = id_number(parent_id, code)
        ids[(kind, code)] = own
        rows.append(
            [
                parent_id,
                own,
                _short_name(name),
                description,
                FORMAT_PLAIN,
                "",
                "",
                "",
                0,
                "null",
                "",
                exported,
                "",
                "",
            ]
        )
    return rows


def write_framework_csv(fw: Framework, target: IO[bytes]) -> None:
    """Write the framework's Moodle CSV (UTF-8 with BOM, formula text neutralised) to a binary stream."""
    write_csv(target, HEADERS, framework_moodle_rows(fw))


def framework_csv_chunks(fw: Framework) -> Iterator[bytes]:
    """The framework's Moodle CSV as byte chunks, for a streaming download."""
    rows: Sequence[Sequence[CellValue]] = framework_moodle_rows(fw)
    return iter_csv(HEADERS, rows)
