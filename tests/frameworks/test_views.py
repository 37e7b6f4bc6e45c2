"""The catalog pages: who may open them, and what each shows of the real OCSC framework."""

from __future__ import annotations

import re
from types import ModuleType
from typing import Any

import pytest
from django.http import HttpResponse
from django.test import Client
from django.urls import URLResolver, include, path, reverse

import digiskill.urls
from digiskill.accounts.access import SYSTEM
from digiskill.frameworks.loading import DATA_DIR, read_framework
from digiskill.frameworks.models import Framework
from digiskill.frameworks.parsing import parse_unit_file
from digiskill.frameworks.services import framework_load, units_import
from tests.factories import Cast


def _urlconf(*, with_exchange: bool) -> ModuleType:
    """The project's URL map with the exchange downloads stubbed in, or left out."""
    patterns: list[Any] = [
        p
        for p in digiskill.urls.urlpatterns
        if not (isinstance(p, URLResolver) and p.namespace == "exchange")
    ]
    if with_exchange:
        stub = [
            path("<str:code>/case.json", lambda request, code: HttpResponse(), name="export_case"),
            path("<str:code>/moodle.csv", lambda request, code: HttpResponse(), name="export_csv"),
        ]
        patterns.insert(0, path("catalog/exchange/", include((stub, "exchange"))))
    module = ModuleType(f"catalog_urls_{'with' if with_exchange else 'without'}_exchange")
    module.urlpatterns = patterns  # type: ignore[attr-defined]
    return module


EVERYONE = ["staff", "supervisor", "director", "hr", "assessor", "executive", "outsider", "sysadmin"]

PAGES = [
    ("frameworks:index", {}),
    ("frameworks:framework", {"code": "OCSC-2561"}),
    ("frameworks:area", {"code": "OCSC-2561", "area": "DTR"}),
    ("frameworks:unit", {"code": "OCSC-2561", "unit": "DTR100"}),
    ("frameworks:unit", {"code": "OCSC-2561", "unit": "DLit100"}),
    ("frameworks:skill_set", {"code": "OCSC-2561", "skill_set": "MCIO"}),
    ("frameworks:role", {"code": "OCSC-2561", "role": "A1"}),
    ("frameworks:search", {}),
]

MISSING = [
    ("frameworks:framework", {"code": "NOPE-2500"}),
    ("frameworks:area", {"code": "OCSC-2561", "area": "XX"}),
    ("frameworks:unit", {"code": "OCSC-2561", "unit": "DTR999"}),
    ("frameworks:unit", {"code": "NOPE-2500", "unit": "DTR100"}),
    ("frameworks:skill_set", {"code": "OCSC-2561", "skill_set": "NOPE"}),
    ("frameworks:role", {"code": "OCSC-2561", "role": "Z9"}),
]


@pytest.fixture
def example(db: None) -> Framework:
    """The illustrative 2567-shaped framework (test data, not official)."""
    framework_load(actor=SYSTEM, source=read_framework(DATA_DIR / "example-2567" / "framework.yaml"))
    return Framework.objects.get(code="EXAMPLE-2567")


def _page(client: Client, name: str, **kwargs: str) -> str:
    response = client.get(reverse(name, kwargs=kwargs or None))
    assert response.status_code == 200
    return response.content.decode()


# Access ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "kwargs"), PAGES)
def test_every_logged_in_user_reads_the_catalog(ocsc, client_for, name, kwargs) -> None:
    url = reverse(name, kwargs=kwargs or None)
    statuses = {role: client_for(role).get(url).status_code for role in EVERYONE}
    assert statuses == dict.fromkeys(EVERYONE, 200)  # outsiders and system administrators too


@pytest.mark.parametrize(("name", "kwargs"), PAGES)
def test_anonymous_is_sent_to_login(ocsc, name, kwargs) -> None:
    response = Client().get(reverse(name, kwargs=kwargs or None))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.parametrize(("name", "kwargs"), MISSING)
def test_missing_parts_are_404(ocsc, client_for, name, kwargs) -> None:
    assert client_for("staff").get(reverse(name, kwargs=kwargs)).status_code == 404


def test_catalog_pages_are_read_only(ocsc, client_for) -> None:
    url = reverse("frameworks:unit", kwargs={"code": "OCSC-2561", "unit": "DTR100"})
    assert client_for("sysadmin").post(url).status_code == 405


# Framework list and page ----------------------------------------------------------------


def test_framework_list_shows_code_name_counts_and_status(ocsc, example, client_for) -> None:
    body = _page(client_for("staff"), "frameworks:index")
    assert "<h1>คลังทักษะ</h1>" in body
    assert "OCSC-2561" in body and ocsc.name_th in body and "สำนักงาน ก.พ." in body
    assert "7 ด้าน" in body and "34 หน่วยสมรรถนะ" in body and "3 ชุดทักษะ" in body
    assert "ถอดความจากเอกสารทางราชการ" in body
    assert "EXAMPLE-2567" in body
    assert "ข้อมูลตัวอย่าง ไม่ใช่ข้อมูลทางราชการ" in body


def test_illustrative_framework_is_marked_clearly(example, client_for) -> None:
    body = _page(client_for("staff"), "frameworks:framework", code="EXAMPLE-2567")
    assert "กรอบทักษะนี้เป็นข้อมูลตัวอย่าง" in body
    assert 'class="status-badge illustrative"' in body
    unit = _page(client_for("staff"), "frameworks:unit", code="EXAMPLE-2567", unit="XC301")
    assert 'id="c-XC301.1.01"' in unit and "900001" in unit


def test_framework_page_shows_goals_areas_groups_stages_roles_and_skill_sets(ocsc, client_for) -> None:
    body = _page(client_for("staff"), "frameworks:framework", code="OCSC-2561")
    for goal in ("รัฐบาลแบบเปิดและเชื่อมโยงกัน", "วัฒนธรรมดิจิทัลภาครัฐ"):
        assert goal in body
    areas = body[body.index('id="areas"') : body.index('id="groups"')]
    assert re.search(r"DTR</a></td>\s*<td>.*?</td>\s*<td>3</td>", areas, re.S)
    assert re.search(r"DS</a></td>\s*<td>.*?</td>\s*<td>7</td>", areas, re.S)
    assert "ความสามารถด้านความเข้าใจและใช้เทคโนโลยีเป็น" in areas
    assert "เอกสารต้นฉบับไม่ได้ระบุชื่อของด้านนี้" in areas  # DG, DT, … have no name in the sources
    assert "กลุ่มผู้บริหารระดับสูง" in body
    assert "ผู้ดำรงตำแหน่งหัวหน้าส่วนราชการหรือรองหัวหน้าส่วนราชการ" in body  # a group's definition
    for stage in ("ระยะเริ่มแรก", "ระยะกำลังพัฒนา", "ระยะสมบูรณ์"):
        assert stage in body
    matrix = body[body.index('id="roles"') : body.index('id="skill-sets"')]
    assert "18 บทบาท" in matrix
    assert len(re.findall(r'href="/catalog/OCSC-2561/roles/[A-Z]\d/"', matrix)) == 18
    assert "ผู้นำด้านดิจิทัลภาครัฐ" in matrix and "ผู้ใช้เทคโนโลยีดิจิทัลอย่างชาญฉลาด" in matrix
    for code in ("MCIO", "DCIO", "CIOA"):
        assert f"/catalog/OCSC-2561/skill-sets/{code}/" in body


def test_framework_page_offers_the_exchange_downloads(ocsc, client_for, settings) -> None:
    settings.ROOT_URLCONF = _urlconf(with_exchange=True)
    body = _page(client_for("staff"), "frameworks:framework", code="OCSC-2561")
    assert 'href="/catalog/exchange/OCSC-2561/case.json"' in body
    assert 'href="/catalog/exchange/OCSC-2561/moodle.csv"' in body
    assert "ดาวน์โหลด CASE JSON" in body and "ดาวน์โหลด Moodle CSV" in body


def test_downloads_hidden_while_the_exchange_pages_do_not_exist(ocsc, client_for, settings) -> None:
    settings.ROOT_URLCONF = _urlconf(with_exchange=False)
    body = _page(client_for("staff"), "frameworks:framework", code="OCSC-2561")
    assert "ดาวน์โหลด" not in body


def test_area_page_lists_its_units(ocsc, client_for) -> None:
    body = _page(client_for("staff"), "frameworks:area", code="OCSC-2561", area="DTR")
    for code in ("DTR100", "DTR200", "DTR300"):
        assert f'href="/catalog/OCSC-2561/units/{code}/"' in body
    assert "CEC-BCTZ-001" in body
    assert re.search(r"DTR100</a></td>.*?<td>5</td>\s*<td>17</td>", body, re.S)


# Unit page ------------------------------------------------------------------------------


def test_unit_page_shows_every_section_of_the_tpqi_document(ocsc, client_for) -> None:
    body = _page(client_for("staff"), "frameworks:unit", code="OCSC-2561", unit="DTR100")
    assert "ขับเคลื่อนการเปลี่ยนผ่านสู่รัฐบาลดิจิทัล" in body and "Digital Government Transformation" in body
    assert "CEC-BCTZ-001" in body
    for title in (
        "1. รหัสหน่วยสมรรถนะ",
        "2. ชื่อหน่วยสมรรถนะ",
        "3. ทบทวนครั้งที่",
        "4. สร้างใหม่ / ปรับปรุง",
        "5. สำหรับชื่ออาชีพและรหัสอาชีพ",
        "6. คำอธิบายหน่วยสมรรถนะ",
        "7. สำหรับระดับคุณวุฒิ",
        "8. กลุ่มอาชีพ",
        "9. ชื่ออาชีพและรหัสอาชีพอื่น",
        "10. ข้อกำหนดหรือกฎระเบียบที่เกี่ยวข้อง",
        "11. สมรรถนะย่อยและเกณฑ์การปฏิบัติงาน",
        "12. ความรู้และทักษะก่อนหน้าที่จำเป็น",
        "13. ทักษะและความรู้ที่ต้องการ",
        "14. หลักฐานที่ต้องการ",
        "15. ขอบเขต",
        "16. หน่วยสมรรถนะร่วม",
        "17. อุตสาหกรรมร่วม/กลุ่มอาชีพร่วม",
        "18. รายละเอียดกระบวนการและวิธีการประเมิน",
    ):
        assert title in body, title
    assert "กลุ่มผู้บริหารระดับสูง (Executive) และกลุ่มผู้อำนวยการกอง (Management)" in body
    assert "#group-E" in body and "#group-M" in body  # target groups matched to the framework's groups
    assert "ทักษะการเรียนรู้ในศตวรรษที่ 21" in body  # prerequisites
    assert "ทักษะการเป็นผู้นำ (Leadership Skills)" in body  # required skills
    assert "เทคนิคการสร้างทีม (Team Building)" in body  # required knowledge
    assert "ประวัติการดำรงตำแหน่ง หรือ ประวัติการทำงาน" in body  # evidence guide
    assert "การวิเคราะห์สวอต (SWOT Analysis)" in body  # range statement definitions
    for method in ("สอบข้อเขียน", "การสัมภาษณ์", "หลักฐานการปฏิบัติงาน", "เครื่องมือประเมินสมรรถนะบุคคล"):
        assert f'<span class="chip">{method}</span>' in body
    regulations = body[body.index("10. ข้อกำหนดหรือกฎระเบียบ") :]
    assert regulations.index("ไม่มี") < regulations.index("11. ")  # N/A in the document


def test_unit_page_shows_5_elements_and_17_criteria_with_codes_and_anchors(ocsc, client_for) -> None:
    body = _page(client_for("staff"), "frameworks:unit", code="OCSC-2561", unit="DTR100")
    assert re.findall(r'<article id="e-(DTR10\d)"', body) == [f"DTR10{i}" for i in range(1, 6)]
    criteria = re.findall(r'<tr id="c-(DTR10\d\.\d\d)"', body)
    assert len(criteria) == 17 and criteria[0] == "DTR101.01" and criteria[-1] == "DTR105.04"
    for system_code in range(176468, 176485):
        assert f'data-label="รหัส PC (จากระบบ)">{system_code}</td>' in body
    assert "Improving Digital Experiences in Government" in body  # an element's English name
    assert "คาดการณ์ปัญหาที่อาจเกิดขึ้นจากการเปลี่ยนผ่านสู่รัฐบาลดิจิทัล" in body
    assert "5 หน่วยสมรรถนะย่อย · 17 เกณฑ์การปฏิบัติงาน" in body
    assert "/edit/" not in body  # staff cannot edit


def test_unit_page_lists_the_skill_sets_that_require_it(ocsc, client_for) -> None:
    body = _page(client_for("staff"), "frameworks:unit", code="OCSC-2561", unit="DTR100")
    sets = body[body.index('id="skill-sets"') :]
    for code in ("MCIO", "DCIO", "CIOA"):
        assert f"/catalog/OCSC-2561/skill-sets/{code}/" in sets


def test_unit_page_shows_regulations_revision_and_status_when_the_document_has_them(ocsc, client_for) -> None:
    client = client_for("staff")
    ds500 = _page(client, "frameworks:unit", code="OCSC-2561", unit="DS500")
    assert "พระราชบัญญัติว่าด้วยธุรกรรมทางอิเล็กทรอนิกส์ (ฉบับที่ 2) พ.ศ. 2551" in ds500
    ds600 = _page(client, "frameworks:unit", code="OCSC-2561", unit="DS600")
    assert "<dd>1/2567</dd>" in ds600 and "<dd>ปรับปรุง</dd>" in ds600
    assert "ปรับปรุงงานบริการดิจิทัลเพื่อยกระดับอย่างต่อเนื่อง" in ds600  # the title printed in the document
    assert "DG-OPSR-023" in ds600


def test_unit_without_document_says_so_and_shows_what_it_has(ocsc, client_for) -> None:
    client = client_for("staff")
    body = _page(client, "frameworks:unit", code="OCSC-2561", unit="SPM300")
    assert "ยังไม่ได้นำเข้าเอกสารหน่วยสมรรถนะฉบับเต็ม" in body
    assert "จัดเตรียมทรัพยากรเพื่อการบูรณาการสำหรับองค์กรดิจิทัล" in body
    assert 'id="e-SPM304"' in body and len(re.findall(r'<tr id="c-SPM304\.\d"', body)) == 4
    assert "/catalog/OCSC-2561/skill-sets/MCIO/" in body
    assert "18. " not in body  # no empty TPQI sections
    bare = _page(client, "frameworks:unit", code="OCSC-2561", unit="DLit100")
    assert "ยังไม่มีข้อมูลหน่วยสมรรถนะย่อยของหน่วยสมรรถนะนี้" in bare
    assert "ไม่มีชุดทักษะใดในกรอบทักษะนี้ที่กำหนดหน่วยสมรรถนะนี้" in bare


def test_unit_page_lists_earlier_revisions(ocsc, client_for) -> None:
    parsed = parse_unit_file(DATA_DIR / "ocsc-2561" / "units" / "DTR100.txt")
    old_text = parsed.elements[0].criteria[0].text
    parsed.elements[0].criteria[0].text = "คาดการณ์ปัญหา (ฉบับปรับปรุงใหม่)"
    parsed.description = "คำอธิบายฉบับใหม่"
    units_import(actor=SYSTEM, framework=ocsc, documents=[parsed])
    body = _page(client_for("staff"), "frameworks:unit", code="OCSC-2561", unit="DTR100")
    assert "คาดการณ์ปัญหา (ฉบับปรับปรุงใหม่)" in body
    earlier = body[body.index('id="revisions"') :]
    assert "ฉบับก่อนหน้า" in earlier and "ถูกแทนที่เมื่อ" in earlier
    assert old_text in earlier and "176468" in earlier


def test_unit_page_costs_a_handful_of_queries(ocsc, client_for, django_assert_max_num_queries) -> None:
    client = client_for("staff")
    url = reverse("frameworks:unit", kwargs={"code": "OCSC-2561", "unit": "DTR100"})
    with django_assert_max_num_queries(14):  # + the learning resources and the inbox badge
        assert client.get(url).status_code == 200


def test_unit_page_lists_the_learning_resources_my_department_sees(ocsc, cast, client_for) -> None:
    from digiskill.frameworks.models import Unit
    from digiskill.learning.models import LearningResource

    unit = Unit.objects.get(framework__code="OCSC-2561", code="DTR100")
    for agency, title in [
        (cast.dept, "หลักสูตรของกรมเรา"),
        (cast.other_dept, "หลักสูตรของกรมอื่น"),
        (None, "หลักสูตรกลาง"),
    ]:
        resource = LearningResource.objects.create(
            agency=agency, code=title, title=title, provider="ผู้จัด", kind="course"
        )
        resource.units.add(unit)
    body = _page(client_for("staff"), "frameworks:unit", code="OCSC-2561", unit="DTR100")
    assert "หลักสูตรของกรมเรา" in body and "หลักสูตรกลาง" in body
    assert "หลักสูตรของกรมอื่น" not in body


# Skill sets and roles -------------------------------------------------------------------


def test_skill_set_page_groups_items_by_the_five_components(ocsc, client_for) -> None:
    body = _page(client_for("staff"), "frameworks:skill_set", code="OCSC-2561", skill_set="MCIO")
    assert "ผู้บริหารเทคโนโลยีสารสนเทศระดับสูงระดับกระทรวง" in body
    headings = re.findall(r'<h2 id="component-(\w+)-h">([^<]+)', body)
    assert [h[0] for h in headings] == ["ability", "knowledge", "experience", "attribute", "competency"]
    assert [h[1].strip() for h in headings] == ["ความสามารถ", "ความรู้", "ประสบการณ์", "คุณลักษณะ", "สมรรถนะ"]
    ability = body[body.index('id="component-ability"') : body.index('id="component-knowledge"')]
    assert len(re.findall(r'href="/catalog/OCSC-2561/units/\w+/"', ability)) == 24
    experience = body[body.index('id="component-experience"') : body.index('id="component-attribute"')]
    assert experience.count("ต้องสั่งสมให้ครบภายใน 2 ปี") == 2
    assert "วิสัยทัศน์ (Visioning)" in body
    assert "หมายเหตุ * หากผู้ที่ได้รับการแต่งตั้ง" in body


def test_role_page_shows_title_description_group_and_stage(ocsc, client_for) -> None:
    client = client_for("staff")
    a1 = _page(client, "frameworks:role", code="OCSC-2561", role="A1")
    assert "ผู้ใช้ข้อมูลดิจิทัลที่ทันสมัย" in a1
    assert "เพื่อการนำเสนอทางเลือกเชิงนโยบาย" in a1
    assert "กลุ่มผู้ทำงานด้านนโยบายและวิชาการ" in a1 and "ระยะเริ่มแรก" in a1
    e2 = _page(client, "frameworks:role", code="OCSC-2561", role="E2")
    assert "ผู้นำด้านดิจิทัลภาครัฐ" in e2 and "ระยะกำลังพัฒนา" in e2
    assert "เอกสารต้นฉบับระบุเฉพาะชื่อบทบาทนี้" in e2


# Language and navigation ----------------------------------------------------------------


def test_catalog_is_in_the_navigation_and_speaks_english_too(ocsc, client_for) -> None:
    client = client_for("staff")
    home = client.get(reverse("core:home")).content.decode()
    assert f'href="{reverse("frameworks:index")}">คลังทักษะ</a>' in home
    client.cookies["digiskill_language"] = "en"
    body = _page(client, "frameworks:unit", code="OCSC-2561", unit="DTR100")
    assert "Elements and performance criteria" in body and "System code" in body
    assert '<h1><span class="code">DTR100</span> Digital Government Transformation</h1>' in body


def test_empty_catalog_explains_how_to_load_a_framework(cast: Cast, client_for) -> None:
    body = _page(client_for("staff"), "frameworks:index")
    assert "digiskill load-framework" in body
