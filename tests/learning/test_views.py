"""The catalog pages: browse and search, one resource, the form, the import page; and the JSON API."""

from __future__ import annotations

from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from digiskill.accounts.access import actor_for
from digiskill.accounts.models import AuditEntry
from digiskill.core.navigation import navigation_for
from digiskill.learning.models import LearningResource
from tests.factories import Cast
from tests.learning.conftest import GOOD_ROWS, csv_bytes, make_resource

API = "/api/v1/learning"


def test_staff_browse_search_and_filter_with_htmx(world: Cast, client_for) -> None:
    make_resource(None, "A", title="การวิเคราะห์ข้อมูลเบื้องต้น", kind="e_learning", cost="0")
    make_resource(world.dept, "B", title="ออกแบบบริการดิจิทัล", kind="classroom", cost="1500")
    make_resource(world.other_dept, "C", title="ของกรมอื่น")
    client = client_for("staff")
    page = client.get(reverse("learning:index")).content.decode()
    assert "การวิเคราะห์ข้อมูลเบื้องต้น" in page and "ออกแบบบริการดิจิทัล" in page and "ของกรมอื่น" not in page
    assert "1,500" in page and reverse("learning:create") not in page
    partial = client.get(reverse("learning:index"), {"q": "วิเคราะห์"}, HTTP_HX_REQUEST="true").content.decode()
    assert "<html" not in partial and "การวิเคราะห์ข้อมูลเบื้องต้น" in partial and "ออกแบบบริการ" not in partial
    paid = client.get(reverse("learning:index"), {"cost": "paid", "kind": "nonsense"}).content.decode()
    assert "ออกแบบบริการดิจิทัล" in paid and "การวิเคราะห์ข้อมูลเบื้องต้น" not in paid
    none = client.get(reverse("learning:index"), {"q": "ไม่มีแน่นอน"}).content.decode()
    assert 'class="empty"' in none


def test_the_navigation_offers_the_catalog_to_members_and_system_administrators(world: Cast) -> None:
    url = reverse("learning:index")
    for user in (world.staff, world.hr, world.sysadmin):
        assert url in [i["url"] for i in navigation_for(actor_for(user), "/")]


def test_the_detail_page_links_the_units_to_the_catalog_and_lists_topics(world: Cast, client_for) -> None:
    r = make_resource(
        None, "A", units=("DS500", "DTR100"), topics=("การสร้างบริการต้นแบบ",), hours="6", cost="0"
    )
    page = client_for("staff").get(reverse("learning:detail", kwargs={"pk": r.pk})).content.decode()
    assert reverse("frameworks:unit", kwargs={"code": "OCSC-2561", "unit": "DS500"}) in page
    assert page.index("DS500") < page.index("DTR100")  # catalog order: area DS before DTR
    assert "การสร้างบริการต้นแบบ" in page
    assert reverse("learning:edit", kwargs={"pk": r.pk}) not in page


def test_hr_adds_a_resource_through_the_form(world: Cast, client_for) -> None:
    client = client_for("hr")
    form = {
        "code": "HR-9",
        "title": "วิเคราะห์ข้อมูลด้วยตารางคำนวณ",
        "provider": "กองพัฒนาบุคลากร",
        "kind": "course",
        "url": "www.example.test/course",
        "hours": "๖",
        "cost": "1,200",
        "language": "th",
        "units": "DT600, DS500",
        "topics": "การวิเคราะห์ข้อมูล\nตารางคำนวณ",
        "description": "",
    }
    response = client.post(reverse("learning:create"), form)
    r = LearningResource.objects.get(code="HR-9")
    assert response.status_code == 302 and response["Location"] == reverse(
        "learning:detail", kwargs={"pk": r.pk}
    )
    assert r.agency == world.dept and r.hours == 6 and r.cost == Decimal(1200)
    assert r.url == "https://www.example.test/course"
    assert sorted(r.units.values_list("code", flat=True)) == ["DS500", "DT600"]
    assert AuditEntry.objects.filter(action="learning_resource_create", actor=world.hr).count() == 1


def test_the_form_names_unknown_units_and_bad_numbers_and_a_taken_code(world: Cast, client_for) -> None:
    make_resource(world.dept, "TAKEN")
    client = client_for("hr")
    form = {"code": "X", "title": "t", "provider": "p", "kind": "course", "language": "th"}
    page = client.post(
        reverse("learning:create"), {**form, "units": "DS500 ZZ9", "hours": "-1"}
    ).content.decode()
    assert "ZZ9: ไม่พบหน่วยสมรรถนะรหัสนี้ / no unit of competency has this code" in page
    assert "ต้องไม่ติดลบ / must not be negative" in page
    page = client.post(reverse("learning:create"), {**form, "code": "taken"}).content.decode()
    assert "a learning resource with this code already exists" in page
    assert LearningResource.objects.count() == 1


def test_hr_edits_and_deactivates_their_resource(world: Cast, client_for) -> None:
    r = make_resource(world.dept, "E-1", units=("DTR100",), hours="3", cost="0")
    client = client_for("hr")
    edit = client.get(reverse("learning:edit", kwargs={"pk": r.pk})).content.decode()
    assert 'value="DTR100"' in edit and 'value="3"' in edit
    data = {
        "code": "E-1",
        "title": "ชื่อใหม่",
        "provider": r.provider,
        "kind": "seminar",
        "language": "th",
        "units": "DTR100",
        "hours": "3",
        "cost": "0",
    }
    assert client.post(reverse("learning:edit", kwargs={"pk": r.pk}), data).status_code == 302
    r.refresh_from_db()
    assert (r.title, r.kind) == ("ชื่อใหม่", "seminar")
    client.post(reverse("learning:deactivate", kwargs={"pk": r.pk}))
    assert not LearningResource.objects.get(pk=r.pk).is_active
    assert client_for("staff").get(reverse("learning:detail", kwargs={"pk": r.pk})).status_code == 404
    listing = client.get(reverse("learning:index"), {"status": "inactive"}).content.decode()
    assert "ชื่อใหม่" in listing


def test_the_import_page_shows_every_error_then_imports_the_corrected_file(world: Cast, client_for) -> None:
    client = client_for("hr")
    rows = [list(r) for r in GOOD_ROWS]
    rows[1][3] = "พอดแคสต์"
    bad = SimpleUploadedFile("resources.csv", csv_bytes(rows), content_type="text/csv")
    page = client.post(reverse("learning:import"), {"file": bad, "import": "1"}).content.decode()
    assert "ไม่ได้นำเข้าข้อมูลใด เพราะไฟล์มีข้อผิดพลาด" in page
    assert "แถว 3 คอลัมน์ “ประเภท” ค่า &#x27;พอดแคสต์&#x27;" in page
    assert not LearningResource.objects.exists()
    checked = SimpleUploadedFile("resources.csv", csv_bytes(GOOD_ROWS), content_type="text/csv")
    client.post(reverse("learning:import"), {"file": checked, "check": "1"})
    assert not LearningResource.objects.exists()
    good = SimpleUploadedFile("resources.csv", csv_bytes(GOOD_ROWS), content_type="text/csv")
    page = client.post(reverse("learning:import"), {"file": good, "import": "1"}).content.decode()
    assert 'id="count-created">3<' in page
    assert LearningResource.objects.filter(agency=world.dept).count() == 3


def test_the_import_page_explains_an_unreadable_file(world: Cast, client_for) -> None:
    upload = SimpleUploadedFile("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    page = client_for("hr").post(reverse("learning:import"), {"file": upload, "import": "1"}).content.decode()
    assert 'id="file-error"' in page and ".xls" in page


def test_sysadmin_imports_and_adds_shared_resources(world: Cast, client_for) -> None:
    client = client_for("sysadmin")
    upload = SimpleUploadedFile("shared.csv", csv_bytes(GOOD_ROWS), content_type="text/csv")
    client.post(reverse("learning:shared_import"), {"file": upload, "import": "1"})
    assert LearningResource.objects.filter(agency__isnull=True).count() == 3
    form = {"code": "S-9", "title": "ส่วนกลาง", "provider": "p", "kind": "video", "language": "en"}
    assert client.post(reverse("learning:shared_create"), form).status_code == 302
    assert LearningResource.objects.get(code="S-9").agency is None


def test_the_template_download(world: Cast, client_for) -> None:
    response = client_for("hr").get(reverse("learning:import_template"))
    assert response["Content-Type"].startswith("text/csv")
    assert response.content.decode("utf-8-sig").startswith("รหัส *,ชื่อ *,ผู้จัด *,ประเภท *")


# --- API ---------------------------------------------------------------------------------------


def test_the_api_lists_searches_and_shows_resources(world: Cast, client_for) -> None:
    make_resource(None, "A", title="วิเคราะห์ข้อมูล", units=("DT600",), hours="1.5", cost="0", topics=("ข้อมูล",))
    make_resource(world.dept, "B", title="ออกแบบบริการ")
    make_resource(world.other_dept, "C")
    client = client_for("staff")
    body = client.get(f"{API}/").json()
    assert body["count"] == 2 and sorted(i["code"] for i in body["items"]) == ["A", "B"]
    [a] = client.get(f"{API}/", {"q": "วิเคราะห์"}).json()["items"]
    assert (a["hours"], a["cost"], a["shared"], a["topics"]) == (1.5, 0.0, True, ["ข้อมูล"])
    assert a["units"][0]["code"] == "DT600" and a["units"][0]["page"].endswith("/units/DT600/")
    assert client.get(f"{API}/{a['id']}").json()["code"] == "A"


def test_the_api_suggests_for_a_unit_or_a_text(world: Cast, client_for) -> None:
    make_resource(None, "S", units=("DG500",), hours="6")
    make_resource(world.dept, "D", units=("DG500",), hours="12")
    make_resource(None, "T", topics=("การจัดการโครงการ",))
    client = client_for("staff")
    assert [r["code"] for r in client.get(f"{API}/suggestions", {"unit": "DG500"}).json()] == ["D", "S"]
    text = "ความรู้ด้านการจัดการโครงการ (Project Management)"
    assert [r["code"] for r in client.get(f"{API}/suggestions", {"text": text}).json()] == ["T"]
    assert client.get(f"{API}/suggestions", {"unit": "NOPE1"}).status_code == 404


def test_the_api_creates_and_changes_through_the_services(world: Cast, client_for) -> None:
    client = client_for("hr")
    body = {
        "code": "API-1",
        "title": "ผ่าน API",
        "provider": "ผู้จัด",
        "kind": "วิดีโอ",
        "units": ["DS500"],
        "hours": "2",
    }
    created = client.post(f"{API}/", body, content_type="application/json")
    assert created.status_code == 201 and created.json()["kind"] == "video"
    pk = created.json()["id"]
    changed = client.patch(
        f"{API}/{pk}", {"units": ["DS600", "DTR100"], "cost": 500}, content_type="application/json"
    )
    assert changed.status_code == 200
    assert [u["code"] for u in changed.json()["units"]] == ["DS600", "DTR100"] and changed.json()[
        "cost"
    ] == 500
    assert changed.json()["hours"] == 2.0
    refused = client.patch(f"{API}/{pk}", {"kind": "podcast", "units": []}, content_type="application/json")
    assert refused.status_code == 422 and "unknown kind" in refused.json()["errors"]["kind"][0]
    unknown = client.post(
        f"{API}/", {**body, "code": "API-2", "units": ["ZZ1"]}, content_type="application/json"
    )
    assert unknown.status_code == 422 and "ZZ1" in unknown.json()["detail"]
    assert AuditEntry.objects.filter(action="learning_resource_update").count() == 1


def test_openapi_lists_the_learning_endpoints(world: Cast, client_for) -> None:
    paths = client_for("staff").get("/api/v1/openapi.json").json()["paths"]
    for path in (f"{API}/", f"{API}/suggestions", f"{API}/{{pk}}", f"{API}/{{pk}}/deactivate"):
        assert path in paths
