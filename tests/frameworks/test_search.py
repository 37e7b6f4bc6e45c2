"""The catalog search page: Thai substrings, codes, aliases and English words, best match first."""

from __future__ import annotations

import html
import re

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from digiskill.accounts.access import SYSTEM
from digiskill.frameworks.loading import DATA_DIR, read_framework
from digiskill.frameworks.services import framework_load
from digiskill.frameworks.templatetags.catalog import highlight

UNIT = "/catalog/OCSC-2561/units/DTR100/"


@pytest.fixture
def staff(cast, client_for) -> Client:
    return client_for("staff")


def _search(client: Client, q: str, **params: str) -> str:
    response = client.get(reverse("frameworks:search"), {"q": q, **params})
    assert response.status_code == 200
    return response.content.decode()


def _links(body: str) -> list[str]:
    """The result links, in the order shown."""
    return re.findall(r'<a href="([^"]+)" class="result-link">', body)


def test_thai_substring_finds_criteria_inside_longer_words(ocsc, staff) -> None:
    body = _search(staff, "บุคคล")
    assert f"{UNIT}#c-DTR103.02" in _links(body)
    assert "คุณลักษณะของ<mark>บุคคล</mark>ในทีมผู้นำการเปลี่ยนแปลง" in body
    assert "ในหน่วยสมรรถนะ DTR100" in body  # the unit the criterion belongs to
    assert "/catalog/OCSC-2561/skill-sets/MCIO/#i-" in body  # a knowledge item (ทรัพยากรบุคคล)


def test_criterion_code_finds_that_criterion_first(ocsc, staff) -> None:
    body = _search(staff, "DTR101.01")
    assert _links(body)[0] == f"{UNIT}#c-DTR101.01"
    assert '<span class="code"><mark>DTR101.01</mark></span>' in body


def test_system_code_lands_on_its_criterion_first(ocsc, staff) -> None:
    body = _search(staff, "176468")
    assert _links(body)[0] == f"{UNIT}#c-DTR101.01"
    assert "รหัสจากระบบ <mark>176468</mark>" in body


def test_thai_digits_in_a_code_are_read_as_arabic(ocsc, staff) -> None:
    assert _links(_search(staff, "๑๗๖๔๖๘"))[0] == f"{UNIT}#c-DTR101.01"


def test_standard_code_alias_finds_the_unit(ocsc, staff) -> None:
    body = _search(staff, "CEC-BCTZ-001")
    assert _links(body)[0] == UNIT
    assert "หน่วยสมรรถนะ</span>" in body


def test_english_words_are_found_case_insensitively(ocsc, staff) -> None:
    body = _search(staff, "digital government")
    assert UNIT in _links(body)
    assert "(<mark>Digital</mark> <mark>Government</mark> Transformation)" in body


def test_results_are_ranked_best_first(ocsc, staff) -> None:
    links = _links(_search(staff, "DTR101"))
    assert links[0] == f"{UNIT}#e-DTR101"  # the element whose code it is, before its criteria
    assert f"{UNIT}#c-DTR101.01" in links[1:]


def test_search_within_one_framework(ocsc, staff) -> None:
    framework_load(actor=SYSTEM, source=read_framework(DATA_DIR / "example-2567" / "framework.yaml"))
    assert _links(_search(staff, "900001", framework="EXAMPLE-2567"))[0].startswith("/catalog/EXAMPLE-2567/")
    body = _search(staff, "176468", framework="EXAMPLE-2567")
    assert "ไม่พบรายการในคลังทักษะที่ตรงกับ “176468”" in body
    assert "ค้นหาในทุกกรอบทักษะแทน" in body


def test_unknown_framework_is_refused_politely(ocsc, staff) -> None:
    body = _search(staff, "176468", framework="NOPE")
    assert 'role="alert"' in body and not _links(body)


def test_empty_query_gives_guidance(ocsc, staff) -> None:
    body = staff.get(reverse("frameworks:search")).content.decode()
    assert "พิมพ์คำหรือรหัสเพื่อค้นหา" in body
    assert 'href="?q=176468"' in body


def test_no_result_gives_a_helpful_message(ocsc, staff) -> None:
    body = _search(staff, "ไม่มีคำนี้ในคลังแน่นอน")
    assert "ไม่พบรายการในคลังทักษะที่ตรงกับ" in body
    assert "กรุณาตรวจสอบการสะกด" in body


def test_htmx_gets_only_the_results(ocsc, staff) -> None:
    response = staff.get(reverse("frameworks:search"), {"q": "176468"}, headers={"HX-Request": "true"})
    body = response.content.decode()
    assert "<html" not in body and f"{UNIT}#c-DTR101.01" in body
    assert "HX-Request" in response["Vary"]
    restore = staff.get(
        reverse("frameworks:search"),
        {"q": "176468"},
        headers={"HX-Request": "true", "HX-History-Restore-Request": "true"},
    )
    assert "<html" in restore.content.decode()


def test_search_page_works_without_javascript(ocsc, staff) -> None:
    body = _search(staff, "176468")
    assert '<form method="get" action="/catalog/search/"' in body
    assert 'value="176468"' in body and "<html" in body


def test_catalog_pages_have_a_search_box(ocsc, staff) -> None:
    body = staff.get(
        reverse("frameworks:unit", kwargs={"code": "OCSC-2561", "unit": "DTR100"})
    ).content.decode()
    assert 'action="/catalog/search/" role="search"' in body


def test_highlight_escapes_what_it_shows() -> None:
    assert highlight("<b>บุคคล</b> & co", "บุคคล") == "&lt;b&gt;<mark>บุคคล</mark>&lt;/b&gt; &amp; co"
    assert highlight("Digital", "DIGITAL") == "<mark>Digital</mark>"
    assert highlight("ข้อ 1", "") == "ข้อ 1"


@given(st.text(max_size=60), st.text(max_size=12))
def test_highlight_only_adds_marks(text: str, query: str) -> None:
    shown = str(highlight(text, query))
    assert html.unescape(shown.replace("<mark>", "").replace("</mark>", "")) == text
    assert "<" not in shown.replace("<mark>", "").replace("</mark>", "")
