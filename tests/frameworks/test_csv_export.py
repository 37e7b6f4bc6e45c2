"""Moodle competency-framework CSV (tool_lpimportcsv layout): rows, parents, download."""

from __future__ import annotations

import csv
import io
import uuid
from typing import Any

import pytest
from django.urls import reverse

from digiskill.accounts.access import SYSTEM
from digiskill.frameworks.interchange.moodle import HEADERS, write_framework_csv
from digiskill.frameworks.interchange.services import framework_import_case
from digiskill.frameworks.models import Area, Criterion, Element, Framework, Unit
from tests.factories import Cast

# Moodle's own header row, from admin/tool/lpimportcsv/lang/en/tool_lpimportcsv.php (list_required_headers).
MOODLE_HEADERS = [
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
]


def _parse(data: bytes) -> list[dict[str, str]]:
    """Read the CSV back as a spreadsheet program would, checking the BOM."""
    assert data.startswith(b"\xef\xbb\xbf")
    reader = csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""))
    header = next(reader)
    assert header == MOODLE_HEADERS
    return [dict(zip(header, row, strict=True)) for row in reader]


def _export(fw: Framework) -> list[dict[str, str]]:
    buffer = io.BytesIO()
    write_framework_csv(fw, buffer)
    return _parse(buffer.getvalue())


def test_header_is_moodles() -> None:
    assert list(HEADERS) == MOODLE_HEADERS


def test_first_row_is_the_framework(ocsc: Framework) -> None:
    first = _export(ocsc)[0]
    assert first["ID number"] == "OCSC-2561"
    assert first["Parent ID number"] == ""
    assert first["Is framework"] == "1"
    assert first["Short name"] == ocsc.name_th
    assert first["Scale values"] == "ยังไม่ผ่านเกณฑ์,ผ่านเกณฑ์"
    assert first["Taxonomy"] == "domain,competency,skill,indicator"


def test_every_criterion_appears_once_under_its_element(ocsc: Framework) -> None:
    rows = _export(ocsc)[1:]
    by_id = {r["ID number"]: r for r in rows}
    assert len(by_id) == len(rows)  # ID numbers are unique
    criteria = Criterion.objects.filter(element__unit__framework=ocsc).select_related("element__unit__area")
    assert criteria.count() == 42
    for crit in criteria:
        matching = [r for r in rows if r["ID number"] == crit.code]
        assert len(matching) == 1
        row = matching[0]
        assert row["Parent ID number"] == crit.element.code
        assert by_id[crit.element.code]["Parent ID number"] == crit.element.unit.code
        assert by_id[crit.element.unit.code]["Parent ID number"] == crit.element.unit.area.code
        assert by_id[crit.element.unit.area.code]["Parent ID number"] == ""
        assert crit.text_th in row["Description"]
        if crit.system_code:
            assert crit.system_code in row["Description"]
    expected = (
        Area.objects.filter(framework=ocsc).count()
        + Unit.objects.filter(framework=ocsc).count()
        + Element.objects.filter(unit__framework=ocsc).count()
        + criteria.count()
    )
    assert len(rows) == expected


def test_parents_come_before_children(ocsc: Framework) -> None:
    seen = {"OCSC-2561", ""}
    for row in _export(ocsc)[1:]:
        assert row["Parent ID number"] in seen
        seen.add(row["ID number"])


def _tiny_framework() -> Framework:
    """Two units whose elements share a code, and a criterion that looks like a formula."""
    stamp = "2025-01-01T00:00:00+00:00"

    def item(code: str, kind: str, text: str) -> dict[str, Any]:
        ident = str(uuid.uuid4())
        return {
            "identifier": ident,
            "uri": f"urn:uuid:{ident}",
            "fullStatement": text,
            "humanCodingScheme": code,
            "CFItemType": kind,
            "lastChangeDateTime": stamp,
        }

    doc = {
        "identifier": str(uuid.uuid4()),
        "uri": "urn:x",
        "creator": "ทดสอบ",
        "title": "กรอบทดสอบ",
        "lastChangeDateTime": stamp,
        "extensions": {"digiskill": {"code": "TINY"}},
    }
    area = item("A", "Competency Area", "ด้านทดสอบ")
    units = [item(f"A{n}00", "Unit of Competency", f"หน่วย {n}") for n in (1, 2)]
    elements = [item("E1", "Element", f"สมรรถนะย่อยของหน่วย {n}") for n in (1, 2)]
    criteria = [
        item("E1.01", "Performance Criterion", '=HYPERLINK("http://x")'),
        item("E1.01", "Performance Criterion", "วิเคราะห์ข้อมูล"),
    ]
    pairs = [
        (area, doc),
        *[(u, area) for u in units],
        *zip(elements, units, strict=True),
        *zip(criteria, elements, strict=True),
    ]
    assocs = [
        {
            "identifier": str(uuid.uuid4()),
            "uri": "urn:a",
            "associationType": "isChildOf",
            "lastChangeDateTime": stamp,
            "originNodeURI": {"title": "", "identifier": c["identifier"], "uri": ""},
            "destinationNodeURI": {"title": "", "identifier": p["identifier"], "uri": ""},
        }
        for c, p in pairs
    ]
    package = {"CFDocument": doc, "CFItems": [area, *units, *elements, *criteria], "CFAssociations": assocs}
    return framework_import_case(actor=SYSTEM, package=package)


def test_codes_repeated_across_units_get_their_parents_prefix(db: None) -> None:
    rows = _export(_tiny_framework())[1:]
    ids = [r["ID number"] for r in rows]
    assert len(ids) == len(set(ids))
    assert [i for i in ids if i.endswith("/E1")] == ["A100/E1", "A200/E1"]
    assert {r["Parent ID number"] for r in rows if r["ID number"].endswith("E1.01")} == {"A100/E1", "A200/E1"}


def test_formula_text_is_neutralised(db: None) -> None:
    rows = _export(_tiny_framework())
    formula = next(r for r in rows if "HYPERLINK" in r["Short name"])
    assert formula["Short name"].startswith("'=")
    assert formula["Description"].startswith("'=")


@pytest.mark.parametrize("role", ["staff", "hr", "outsider", "sysadmin"])
def test_members_download_the_csv(ocsc: Framework, cast: Cast, client_for, role: str) -> None:
    response = client_for(role).get(reverse("exchange:export_csv", kwargs={"code": "OCSC-2561"}))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="OCSC-2561-moodle.csv"'
    rows = _parse(b"".join(response.streaming_content))
    assert rows[0]["ID number"] == "OCSC-2561"


def test_unknown_framework_csv_is_404(cast: Cast, client_for) -> None:
    response = client_for("staff").get(reverse("exchange:export_csv", kwargs={"code": "NOPE"}))
    assert response.status_code == 404
