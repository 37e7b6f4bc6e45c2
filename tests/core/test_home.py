"""Each role's home page shows real figures and says what to do next."""

from __future__ import annotations

from django.urls import reverse

from tests.factories import Cast


def test_staff_home_shows_their_record_in_thai(cast: Cast, client_for) -> None:
    body = client_for("staff").get("/").content.decode()
    assert 'lang="th"' in body
    assert cast.staff_person.full_name in body
    assert cast.supervisor_person.full_name in body  # their supervisor
    assert reverse("people:team") not in body  # no team link for someone who supervises nobody


def test_supervisor_home_counts_the_chain(cast: Cast, client_for) -> None:
    response = client_for("director").get("/")
    panels = {p.key: p for p in response.context["panels"]}
    assert panels["team"].context["direct"] == 1
    assert panels["team"].context["chain"] == 2


def test_hr_home_shows_department_figures(cast: Cast, client_for) -> None:
    response = client_for("hr").get("/")
    hr = next(p for p in response.context["panels"] if p.key == "hr")
    assert hr.context["people"] == 4
    assert hr.context["divisions"] == 2
    assert hr.context["without_login"] == 0


def test_login_without_department_is_told_what_to_do(cast: Cast, client_for) -> None:
    response = client_for("sysadmin").get("/")
    assert [p.key for p in response.context["panels"]] == ["no_agency"]


def test_english_is_available(cast: Cast, client_for) -> None:
    client = client_for("staff")
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert response.status_code == 302
    body = client.get("/").content.decode()
    assert 'lang="en"' in body
    assert "Log out" in body


def test_healthz_ok(client, db) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_healthz_503_when_database_unreachable(client, db, monkeypatch) -> None:
    from django.db import OperationalError

    class Unreachable:
        def cursor(self):
            raise OperationalError("connection refused")

    monkeypatch.setattr("digiskill.core.views.connection", Unreachable())
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "unreachable"


def test_thai_even_when_the_browser_asks_for_english(cast: Cast, client_for) -> None:
    body = client_for("staff").get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert 'lang="th"' in body
    assert "ออกจากระบบ" in body
