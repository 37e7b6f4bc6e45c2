"""The catalog API under /api/v1/frameworks/: every endpoint for members, anonymous and unknown codes."""

from __future__ import annotations

import pytest
from django.test import Client

from digiskill.frameworks.models import Area, Framework, Unit
from tests.factories import Cast

BASE = "/api/v1/frameworks"
ENDPOINTS = [
    f"{BASE}/",
    f"{BASE}/OCSC-2561",
    f"{BASE}/OCSC-2561/areas",
    f"{BASE}/units?framework=OCSC-2561&area=DTR",
    f"{BASE}/OCSC-2561/units/DTR100",
    f"{BASE}/search?q=176468",
]
UNKNOWN = [
    f"{BASE}/NOPE",
    f"{BASE}/NOPE/areas",
    f"{BASE}/units?framework=NOPE",
    f"{BASE}/OCSC-2561/units/NOPE100",
    f"{BASE}/NOPE/units/DTR100",
    f"{BASE}/search?q=x&framework=NOPE",
]


@pytest.mark.parametrize("role", ["staff", "hr", "assessor", "outsider", "sysadmin"])
@pytest.mark.parametrize("url", ENDPOINTS)
def test_members_read_the_catalog(ocsc: Framework, cast: Cast, client_for, role: str, url: str) -> None:
    response = client_for(role).get(url)
    assert response.status_code == 200, response.content


@pytest.mark.parametrize("url", ENDPOINTS)
def test_anonymous_gets_401(ocsc: Framework, url: str) -> None:
    assert Client().get(url).status_code == 401


@pytest.mark.parametrize("url", UNKNOWN)
def test_unknown_codes_are_404(ocsc: Framework, cast: Cast, client_for, url: str) -> None:
    response = client_for("staff").get(url)
    assert response.status_code == 404
    assert response.json() == {"detail": "ไม่พบ / Not found", "errors": {}}


def test_framework_list(ocsc: Framework, cast: Cast, client_for) -> None:
    (fw,) = client_for("staff").get(f"{BASE}/").json()
    assert fw["code"] == "OCSC-2561" and fw["publisher_th"] == "สำนักงาน ก.พ."
    assert fw["area_count"] == 7 and fw["unit_count"] == Unit.objects.count() and fw["criterion_count"] == 42
    assert fw["case_url"] == "/catalog/exchange/OCSC-2561/case.json"
    assert fw["csv_url"] == "/catalog/exchange/OCSC-2561/moodle.csv"
    assert fw["url"] == "/catalog/OCSC-2561/"


def test_areas_in_order_with_unit_counts(ocsc: Framework, cast: Cast, client_for) -> None:
    areas = client_for("staff").get(f"{BASE}/OCSC-2561/areas").json()
    assert [a["code"] for a in areas] == ["DLit", "DG", "DT", "DS", "SPM", "DL", "DTR"]
    dtr = areas[-1]
    assert dtr["unit_count"] == Unit.objects.filter(area__code="DTR").count()
    assert areas[0]["name_en"] == "Digital Literacy"


def test_units_are_filtered_and_paginated(ocsc: Framework, cast: Cast, client_for) -> None:
    client = client_for("staff")
    page = client.get(f"{BASE}/units", {"framework": "OCSC-2561", "area": "DTR"}).json()
    assert page["count"] == 3
    assert [u["code"] for u in page["items"]] == ["DTR100", "DTR200", "DTR300"]
    first = page["items"][0]
    assert (
        first["aliases"] == ["CEC-BCTZ-001"] and first["area"] == "DTR" and first["framework"] == "OCSC-2561"
    )
    assert first["url"] == "/catalog/OCSC-2561/units/DTR100/"
    assert first["api_url"] == f"{BASE}/OCSC-2561/units/DTR100"
    total = Unit.objects.count()
    one = client.get(f"{BASE}/units", {"page_size": 10, "page": 2}).json()
    assert one["count"] == total and len(one["items"]) == 10
    everything = client.get(f"{BASE}/units").json()
    assert len(everything["items"]) == min(total, 50)


def test_unit_with_elements_and_criteria(ocsc: Framework, cast: Cast, client_for) -> None:
    unit = client_for("staff").get(f"{BASE}/OCSC-2561/units/DTR100").json()
    assert unit["code"] == "DTR100" and unit["aliases"] == ["CEC-BCTZ-001"]
    assert [e["code"] for e in unit["elements"]][:2] == ["DTR101", "DTR102"]
    first = unit["elements"][0]["criteria"][0]
    assert first == {
        "code": "DTR101.01",
        "system_code": "176468",
        "number": "1.1",
        "text_th": "คาดการณ์ปัญหาที่อาจเกิดขึ้นจากการเปลี่ยนผ่านสู่รัฐบาลดิจิทัล",
    }


def test_search_ranks_the_exact_system_code_first(ocsc: Framework, cast: Cast, client_for) -> None:
    hits = client_for("staff").get(f"{BASE}/search", {"q": "176468", "framework": "OCSC-2561"}).json()
    assert hits[0]["rank"] == 1
    assert hits[0]["code"] == "DTR101.01" and hits[0]["kind"] == "criterion" and hits[0]["unit"] == "DTR100"
    assert hits[0]["url"].startswith("/catalog/OCSC-2561/units/DTR100/")
    assert hits[0]["api_url"] == f"{BASE}/OCSC-2561/units/DTR100"


def test_search_finds_thai_substrings(ocsc: Framework, cast: Cast, client_for) -> None:
    hits = client_for("staff").get(f"{BASE}/search", {"q": "บุคคล", "limit": 5}).json()
    assert 0 < len(hits) <= 5
    assert [h["rank"] for h in hits] == list(range(1, len(hits) + 1))
    assert "บุคคล" in hits[0]["title"]


def test_empty_search_is_empty(ocsc: Framework, cast: Cast, client_for) -> None:
    assert client_for("staff").get(f"{BASE}/search").json() == []


def test_openapi_is_served_and_lists_the_catalog(ocsc: Framework, cast: Cast, client_for) -> None:
    response = client_for("staff").get("/api/v1/openapi.json")
    assert response.status_code == 200
    spec = response.json()
    paths = spec["paths"]
    for path in (
        f"{BASE}/",
        f"{BASE}/units",
        f"{BASE}/search",
        f"{BASE}/{{code}}",
        f"{BASE}/{{code}}/areas",
        f"{BASE}/{{code}}/units/{{unit}}",
    ):
        assert "get" in paths[path], path
        assert paths[path]["get"]["tags"] == ["catalog"]
    schemas = spec["components"]["schemas"]
    assert {"FrameworkSummary", "AreaSummary", "UnitSummary", "UnitDetail", "SearchHit"} <= set(schemas)
    params = {p["name"] for p in paths[f"{BASE}/units"]["get"]["parameters"]}
    assert {"framework", "area", "page", "page_size"} <= params


def test_area_filter_alone_spans_frameworks(ocsc: Framework, cast: Cast, client_for) -> None:
    page = client_for("staff").get(f"{BASE}/units", {"area": "DLit"}).json()
    assert (
        page["count"]
        == Unit.objects.filter(area__code="DLit").count()
        == Area.objects.get(code="DLit").units.count()
    )
