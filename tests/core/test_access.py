"""The shell and people pages: who gets 200, 403 (wrong role), 404 (outsider), anonymous → login.

Every URL name of the project is covered by tests/test_url_access.py; these are the detailed cases.
"""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import Cast

ALL = ["staff", "supervisor", "director", "hr", "assessor", "executive"]

# (url name, kwargs builder, roles with 200, roles with 403, roles with 404)
PAGES = [
    ("core:home", None, [*ALL, "outsider", "sysadmin"], [], []),
    ("accounts:password_change", None, [*ALL, "sysadmin"], [], []),
    (
        "accounts:audit",
        None,
        ["hr"],
        ["staff", "supervisor", "director", "assessor", "executive"],
        ["sysadmin"],
    ),
    ("people:list", None, ["hr", "executive"], ["staff", "supervisor", "director", "assessor"], ["sysadmin"]),
    ("people:team", None, ["supervisor", "director"], ["staff", "hr", "assessor", "executive"], ["sysadmin"]),
    (
        "people:detail",
        lambda c: {"pk": c.staff_person.pk},
        ["staff", "supervisor", "director", "hr"],
        ["assessor"],
        ["outsider", "sysadmin", "executive"],  # an executive sees individuals only in their line
    ),
]


def _cases():
    for name, kwargs, ok, forbidden, missing in PAGES:
        for role in ok:
            yield name, kwargs, role, 200
        for role in forbidden:
            yield name, kwargs, role, 403
        for role in missing:
            yield name, kwargs, role, 404


@pytest.mark.parametrize(("name", "kwargs", "role", "status"), list(_cases()))
def test_page_access(cast: Cast, client_for, name, kwargs, role, status) -> None:
    url = reverse(name, kwargs=kwargs(cast) if kwargs else None)
    assert client_for(role).get(url).status_code == status


@pytest.mark.parametrize(("name", "kwargs"), [(p[0], p[1]) for p in PAGES])
def test_anonymous_is_sent_to_login(cast: Cast, name, kwargs) -> None:
    url = reverse(name, kwargs=kwargs(cast) if kwargs else None)
    response = Client().get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_outsider_lists_show_only_their_own_department(cast: Cast, client_for) -> None:
    outsider = client_for("outsider")
    body = outsider.get(reverse("people:list")).content.decode()
    assert cast.outsider_person.last_name in body
    assert cast.staff_person.last_name not in body
    audit = outsider.get(reverse("accounts:audit")).content.decode()
    assert cast.staff_person.last_name not in audit


def test_error_pages_are_thai_first(cast: Cast, client_for, settings) -> None:
    settings.DEBUG = False
    body = (
        client_for("assessor")
        .get(reverse("people:detail", kwargs={"pk": cast.staff_person.pk}))
        .content.decode()
    )
    assert "ไม่มีสิทธิ์" in body
    body = (
        client_for("outsider")
        .get(reverse("people:detail", kwargs={"pk": cast.staff_person.pk}))
        .content.decode()
    )
    assert "ไม่พบ" in body
