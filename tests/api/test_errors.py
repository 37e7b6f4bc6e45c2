"""The answers that used to be server errors, and the error shape every failure shares."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.factories import Cast, publish_announcement

API = "/api/v1"


@pytest.fixture
def announced(cast: Cast, ocsc) -> Cast:
    publish_announcement(cast.dept)
    return cast


def test_my_skills_with_a_pending_classification(announced: Cast, client_for) -> None:
    staff = client_for("staff")
    proposed = staff.post(
        f"{API}/people/{announced.staff_person.pk}/classifications",
        {"group": "A", "specific_role_th": "ดูแลระบบข้อมูล", "reason": "งานข้อมูล"},
        content_type="application/json",
    )
    assert proposed.status_code == 201
    response = staff.get(f"{API}/people/me/skills")
    assert response.status_code == 200, response.content
    pending = response.json()["pending"]
    assert pending["group"] == "A" and pending["status"] == "proposed" and pending["by"] == "staff"


@pytest.mark.parametrize(
    "url",
    [
        f"{API}/frameworks/search?q=%00",
        f"{API}/learning/?q=ab%00c",
        f"{API}/people/?q=%00",
        f"{API}/frameworks/%00",
        "/catalog/search/?q=%00",
        "/learning/?q=%00",
        "/learning/?kind=x&%00=1",
    ],
)
def test_a_nul_character_in_the_address_is_a_clear_400(cast: Cast, client_for, url: str) -> None:
    response = client_for("hr").get(url)
    assert response.status_code == 400
    text = response.content.decode()
    assert "NUL" in text and "อักขระ" in text  # English and Thai
    if url.startswith(API):
        assert set(response.json()) == {"detail", "errors"}


def test_the_catalog_search_page_still_answers_without_nul(cast: Cast, client_for) -> None:
    assert client_for("hr").get("/catalog/search/?q=data").status_code == 200
    assert client_for("hr").get("/learning/?q=data").status_code == 200


@pytest.mark.parametrize("path", ["/people/", "/frameworks/units", "/learning/"])
@pytest.mark.parametrize(
    ("page", "status"),
    [("999999", 200), ("1000001", 422), ("99999999999999999999999", 422), ("x", 422), ("0", 422)],
)
def test_page_numbers_past_the_end_or_absurd_never_fail(
    cast: Cast, client_for, path: str, page: str, status: int
) -> None:
    response = client_for("hr").get(f"{API}{path}?page={page}")
    assert response.status_code == status, response.content
    if status == 200:
        assert response.json()["items"] == []
    else:
        body = response.json()
        assert "page" in body["errors"] and page[:20] in body["detail"]


def test_an_unknown_field_is_refused_naming_it(announced: Cast, client_for) -> None:
    response = client_for("staff").post(
        f"{API}/people/{announced.staff_person.pk}/classifications",
        {"group": "A", "resaon": "misspelt"},
        content_type="application/json",
    )
    assert response.status_code == 422
    body = response.json()
    assert list(body["errors"]) == ["resaon"] and "resaon" in body["detail"]
    assert "ข้อมูลไม่ถูกต้อง" in body["detail"] and "Invalid input" in body["detail"]


def test_a_nul_character_in_a_body_is_refused_naming_the_field(announced: Cast, client_for) -> None:
    response = client_for("staff").post(
        f"{API}/people/{announced.staff_person.pk}/classifications",
        {"group": "A", "reason": "a\x00b"},
        content_type="application/json",
    )
    assert response.status_code == 422 and "reason" in response.json()["detail"]


def test_every_error_has_the_documented_shape(announced: Cast, client_for) -> None:
    answers = [
        Client().get(f"{API}/people/"),  # 401
        client_for("staff").get(f"{API}/people/"),  # 403
        client_for("staff").get(f"{API}/people/999999"),  # 404
        client_for("staff").post(f"{API}/plans/", "{", content_type="application/json"),  # 400
        client_for("supervisor").post(f"{API}/people/{announced.staff_person.pk}/classifications/agree"),
    ]
    assert [a.status_code for a in answers] == [401, 403, 404, 400, 422]
    for answer in answers:
        body = answer.json()
        assert set(body) == {"detail", "errors"} and isinstance(body["detail"], str) and body["detail"]
