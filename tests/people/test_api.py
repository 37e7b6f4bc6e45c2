"""/api/v1/people and /api/v1/agencies: the same services and access rules as the pages."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.factories import Cast, publish_announcement

API = "/api/v1"


@pytest.fixture
def world(cast: Cast, ocsc) -> Cast:
    publish_announcement(cast.dept)
    return cast


def status_by_role(client_for, method: str, url: str, roles: list[str], **data) -> dict[str, int]:
    calls = {
        "get": lambda c: c.get(url),
        "post": lambda c: c.post(url, data, content_type="application/json"),
    }
    return {role: calls[method](client_for(role)).status_code for role in roles}


def test_people_list_is_for_hr_and_executives(world: Cast, client_for) -> None:
    got = status_by_role(
        client_for,
        "get",
        f"{API}/people/",
        ["hr", "executive", "staff", "supervisor", "assessor", "sysadmin"],
    )
    assert got == {
        "hr": 200,
        "executive": 200,
        "staff": 403,
        "supervisor": 403,
        "assessor": 403,
        "sysadmin": 404,
    }
    assert Client().get(f"{API}/people/").status_code == 401
    names = [p["full_name"] for p in client_for("outsider").get(f"{API}/people/").json()["items"]]
    assert names == [world.outsider_person.full_name]
    body = client_for("hr").get(f"{API}/people/").json()
    assert body["count"] == 4 and "national_id" not in body["items"][0]


def test_one_person_follows_the_chain_of_supervisors(world: Cast, client_for) -> None:
    url = f"{API}/people/{world.staff_person.pk}"
    got = status_by_role(
        client_for, "get", url, ["staff", "supervisor", "director", "hr", "executive", "assessor"]
    )
    assert got == {
        "staff": 200,
        "supervisor": 200,
        "director": 200,
        "hr": 200,
        "executive": 404,  # outside the executive's line
        "assessor": 403,
    }
    assert client_for("outsider").get(url).status_code == 404
    assert client_for("staff").get(f"{API}/people/{world.supervisor_person.pk}").status_code == 403


def test_classification_through_the_api(world: Cast, client_for) -> None:
    base = f"{API}/people/{world.staff_person.pk}/classifications"
    assert client_for("staff").post(base, {"group": "Z"}, content_type="application/json").status_code == 422
    assert client_for("supervisor").post(f"{base}/agree").status_code == 422  # nothing proposed yet
    response = client_for("staff").post(base, {"group": "A"}, content_type="application/json")
    assert response.status_code == 201 and response.json()["status"] == "proposed"
    assert client_for("executive").post(f"{base}/agree").status_code == 404  # outside their line
    assert client_for("assessor").post(f"{base}/agree").status_code == 403
    assert client_for("outsider").post(f"{base}/agree").status_code == 404
    assert Client().post(f"{base}/agree").status_code == 401
    response = client_for("supervisor").post(f"{base}/agree")
    assert response.status_code == 200 and response.json()["status"] == "agreed"
    history = client_for("staff").get(base).json()
    assert [h["status"] for h in history] == ["agreed", "proposed"]
    change = client_for("supervisor").post(
        f"{base}/change", {"group": "S", "reason": "งานบริการเป็นหลัก"}, content_type="application/json"
    )
    assert change.status_code == 200
    assert client_for("director").post(f"{base}/approve").status_code == 422  # nothing awaits approval


def test_my_skills_and_the_announcement_in_force(world: Cast, client_for) -> None:
    staff = client_for("staff")
    staff.post(
        f"{API}/people/{world.staff_person.pk}/classifications",
        {"group": "A"},
        content_type="application/json",
    )
    client_for("supervisor").post(f"{API}/people/{world.staff_person.pk}/classifications/agree")
    mine = staff.get(f"{API}/people/me/skills").json()
    assert mine["group"]["code"] == "A" and mine["role"]["code"] == "A1"
    ability = next(c for c in mine["components"] if c["code"] == "ability")
    assert "DTR100" in [i["unit_code"] for i in ability["items"]]
    assert client_for("sysadmin").get(f"{API}/people/me/skills").status_code == 404
    assert client_for("assessor").get(f"{API}/people/me/skills").status_code == 404  # no person record
    current = staff.get(f"{API}/agencies/announcement")
    assert current.status_code == 200 and len(current.json()["groups"]) == 6
    pk = current.json()["id"]
    assert client_for("outsider").get(f"{API}/agencies/announcement").status_code == 404
    assert client_for("outsider").get(f"{API}/agencies/announcements/{pk}").status_code == 404
    assert client_for("outsider").get(f"{API}/agencies/announcements").json() == []
    assert staff.get(f"{API}/agencies/target").json()["stage"]["code"] == "early"
    assert client_for("outsider").get(f"{API}/agencies/target").status_code == 404
    assert Client().get(f"{API}/agencies/announcement").status_code == 401


def test_the_endpoints_are_in_the_openapi_document(world: Cast, client_for) -> None:
    paths = client_for("staff").get(f"{API}/openapi.json").json()["paths"]
    for path in (
        "/api/v1/people/",
        "/api/v1/people/me/skills",
        "/api/v1/people/{pk}/classifications",
        "/api/v1/agencies/announcement",
        "/api/v1/agencies/target",
    ):
        assert path in paths
