"""A system administrator downloads the framework as CASE JSON and Moodle CSV, then imports a CASE file."""

from __future__ import annotations

import csv
import io
import json
import uuid
from pathlib import Path

from playwright.sync_api import Page, expect

from digiskill.accounts.access import SYSTEM
from digiskill.frameworks.interchange.moodle import HEADERS
from digiskill.frameworks.loading import DATA_DIR, read_framework
from digiskill.frameworks.models import Criterion, Framework
from digiskill.frameworks.services import framework_load
from tests.e2e.conftest import log_in
from tests.factories import PASSWORD, make_user


def _small_package() -> dict[str, object]:
    """A CASE package of one area with one unit, one element and one criterion."""
    stamp = "2026-01-01T00:00:00+00:00"
    ids = [str(uuid.uuid4()) for _ in range(5)]
    rows = [
        ("Competency Area", "AI", "ความสามารถด้านปัญญาประดิษฐ์"),
        ("Unit of Competency", "AI100", "ใช้ปัญญาประดิษฐ์ช่วยงานอย่างรับผิดชอบ"),
        ("Element", "AI101", "เลือกเครื่องมือปัญญาประดิษฐ์ที่เหมาะสม"),
        ("Performance Criterion", "AI101.01", "ระบุงานที่ปัญญาประดิษฐ์ช่วยได้"),
    ]
    items = [
        {
            "identifier": ids[i + 1],
            "uri": f"urn:uuid:{ids[i + 1]}",
            "fullStatement": text,
            "humanCodingScheme": code,
            "CFItemType": kind,
            "lastChangeDateTime": stamp,
        }
        for i, (kind, code, text) in enumerate(rows)
    ]
    assocs = [
        {
            "identifier": str(uuid.uuid4()),
            "uri": "urn:x",
            "associationType": "isChildOf",
            "lastChangeDateTime": stamp,
            "originNodeURI": {"title": "", "identifier": ids[i + 1], "uri": "urn:x"},
            "destinationNodeURI": {"title": "", "identifier": ids[i], "uri": "urn:x"},
        }
        for i in range(4)
    ]
    doc = {
        "identifier": ids[0],
        "uri": f"urn:uuid:{ids[0]}",
        "creator": "ทดสอบ",
        "title": "กรอบทักษะปัญญาประดิษฐ์",
        "lastChangeDateTime": stamp,
        "extensions": {"digiskill": {"code": "AI-2569"}},
    }
    return {"CFDocument": doc, "CFItems": items, "CFAssociations": assocs}


def test_system_administrator_downloads_case_and_csv_then_imports(
    page: Page, transactional_db: None, tmp_path: Path
) -> None:
    framework_load(actor=SYSTEM, source=read_framework(DATA_DIR / "ocsc-2561" / "framework.yaml"))
    fw = Framework.objects.get(code="OCSC-2561")
    make_user("catalog-admin", system_admin=True)
    log_in(page, "catalog-admin", PASSWORD)

    page.goto("/catalog/")
    page.get_by_role("link", name="OCSC-2561").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("ทักษะด้านดิจิทัล")

    with page.expect_download() as case_download:
        page.get_by_role("button", name="ดาวน์โหลด CASE JSON").click()
    assert case_download.value.suggested_filename == "OCSC-2561-case.json"
    package = json.loads(Path(case_download.value.path()).read_text(encoding="utf-8"))
    assert package["CFDocument"]["identifier"] == str(fw.case_uuid)
    criterion = next(i for i in package["CFItems"] if i["humanCodingScheme"] == "DTR101.01")
    assert criterion["fullStatement"] == Criterion.objects.get(code="DTR101.01").text_th

    with page.expect_download() as csv_download:
        page.get_by_role("button", name="ดาวน์โหลด Moodle CSV").click()
    assert csv_download.value.suggested_filename == "OCSC-2561-moodle.csv"
    data = Path(csv_download.value.path()).read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows[0] == list(HEADERS) and rows[1][1] == "OCSC-2561"
    assert any(r[1] == "DTR101.01" and r[0] == "DTR101" for r in rows)

    # A broken file is refused with the problem named, Thai first; then a good one is imported.
    broken = _small_package()
    broken["CFItems"][3]["fullStatement"] = ""  # type: ignore[index]
    bad_file = tmp_path / "broken.json"
    bad_file.write_text(json.dumps(broken, ensure_ascii=False), encoding="utf-8")
    page.goto("/catalog/exchange/import/")
    page.locator("input[type=file]").set_input_files(str(bad_file))
    page.locator("form button[type=submit]").click()
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("AI101.01")
    expect(alert).to_contain_text("fullStatement: ต้องมีค่า (ข้อความ) / required (text)")
    assert not Framework.objects.filter(code="AI-2569").exists()

    good_file = tmp_path / "ai.json"
    good_file.write_text(json.dumps(_small_package(), ensure_ascii=False), encoding="utf-8")
    page.locator("input[type=file]").set_input_files(str(good_file))
    page.locator("form button[type=submit]").click()
    expect(page.get_by_role("status")).to_contain_text("AI-2569")
    expect(page.get_by_role("main")).to_contain_text("กรอบทักษะปัญญาประดิษฐ์")
    assert Criterion.objects.get(code="AI101.01").text_th == "ระบุงานที่ปัญญาประดิษฐ์ช่วยได้"
