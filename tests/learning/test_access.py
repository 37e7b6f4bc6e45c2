"""Every learning page and endpoint: 200 allowed, 403 wrong role, 404 outsider, login (401) for anonymous."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from digiskill.accounts.access import SYSTEM
from digiskill.learning.models import LearningResource
from digiskill.learning.services import resource_deactivate
from tests.factories import Cast, make_user
from tests.learning.conftest import make_resource

MEMBERS = ["staff", "supervisor", "director", "hr", "assessor", "executive"]
NOT_HR = ["staff", "supervisor", "director", "assessor", "executive"]
API = "/api/v1/learning"


def own(c: Cast) -> dict:
    return {"pk": LearningResource.objects.get(code="OWN").pk}


def shared(c: Cast) -> dict:
    return {"pk": LearningResource.objects.get(code="SHARED").pk}


def inactive(c: Cast) -> dict:
    return {"pk": LearningResource.objects.get(code="GONE").pk}


# (url name, kwargs builder, 200, 403, 404); "nobody" is a login without a department
PAGES = [
    ("learning:index", None, [*MEMBERS, "outsider", "sysadmin"], [], ["nobody"]),
    ("learning:detail", own, MEMBERS, [], ["outsider", "sysadmin", "nobody"]),
    ("learning:detail", shared, [*MEMBERS, "outsider", "sysadmin"], [], ["nobody"]),
    ("learning:detail", inactive, ["hr"], [], [*NOT_HR, "outsider", "sysadmin"]),
    ("learning:create", None, ["hr", "outsider"], NOT_HR, ["sysadmin", "nobody"]),
    ("learning:shared_create", None, ["sysadmin"], [*MEMBERS, "outsider", "nobody"], []),
    ("learning:edit", own, ["hr"], NOT_HR, ["outsider", "sysadmin", "nobody"]),
    ("learning:edit", shared, ["sysadmin"], [*MEMBERS, "outsider"], ["nobody"]),
    ("learning:import", None, ["hr", "outsider"], NOT_HR, ["sysadmin", "nobody"]),
    ("learning:shared_import", None, ["sysadmin"], [*MEMBERS, "outsider", "nobody"], []),
    ("learning:import_template", None, ["hr", "outsider", "sysadmin"], NOT_HR, ["nobody"]),
]


def _expected(ok, forbidden, missing) -> dict[str, int]:
    return {**dict.fromkeys(ok, 200), **dict.fromkeys(forbidden, 403), **dict.fromkeys(missing, 404)}


@pytest.fixture
def scene(world: Cast) -> Cast:
    """A resource of the department, a shared one, and a deactivated one of the department."""
    make_resource(world.dept, "OWN", units=("DTR100",))
    make_resource(None, "SHARED", units=("DTR100",))
    resource_deactivate(actor=SYSTEM, resource=make_resource(world.dept, "GONE"))
    make_user("nobody")
    return world


@pytest.fixture
def client_as(scene: Cast, client_for):
    def login(role: str) -> Client:
        if role == "nobody":
            from digiskill.accounts.models import User

            client = Client()
            client.force_login(User.objects.get(username="nobody"))
            return client
        return client_for(role)

    return login


@pytest.mark.parametrize(
    ("name", "kwargs", "ok", "forbidden", "missing"),
    PAGES,
    ids=[f"{p[0]}-{p[1].__name__ if p[1] else ''}" for p in PAGES],
)
def test_page_access(scene: Cast, client_as, name, kwargs, ok, forbidden, missing) -> None:
    url = reverse(name, kwargs=kwargs(scene) if kwargs else None)
    expected = _expected(ok, forbidden, missing)
    assert {role: client_as(role).get(url).status_code for role in expected} == expected
    response = Client().get(url)
    assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.parametrize("action", ["learning:deactivate", "learning:activate"])
def test_deactivating_is_for_the_departments_hr(scene: Cast, client_as, action: str) -> None:
    url = reverse(action, kwargs=own(scene))
    got = {role: client_as(role).post(url).status_code for role in ["staff", "outsider", "sysadmin", "hr"]}
    assert got == {"staff": 403, "outsider": 404, "sysadmin": 404, "hr": 302}
    assert client_as("hr").get(url).status_code == 405
    assert Client().post(url).status_code == 302
    shared_url = reverse(action, kwargs=shared(scene))
    assert client_as("hr").post(shared_url).status_code == 403
    assert client_as("sysadmin").post(shared_url).status_code == 302


# (method, url builder, body, {role: status})
ENDPOINTS = [
    ("get", lambda c: f"{API}/", None, {"staff": 200, "outsider": 200, "sysadmin": 200, "nobody": 404}),
    ("get", lambda c: f"{API}/{own(c)['pk']}", None, {"staff": 200, "outsider": 404, "sysadmin": 404}),
    ("get", lambda c: f"{API}/{shared(c)['pk']}", None, {"staff": 200, "outsider": 200, "sysadmin": 200}),
    ("get", lambda c: f"{API}/{inactive(c)['pk']}", None, {"staff": 404, "hr": 200}),
    ("get", lambda c: f"{API}/suggestions?unit=DTR100", None, {"staff": 200, "sysadmin": 200, "nobody": 404}),
    (
        "post",
        lambda c: f"{API}/",
        {"code": "N1", "title": "ใหม่", "provider": "ผู้จัด", "kind": "course"},
        {"staff": 403, "sysadmin": 404, "nobody": 404, "hr": 201},
    ),
    (
        "post",
        lambda c: f"{API}/",
        {"code": "N2", "title": "ใหม่", "provider": "ผู้จัด", "kind": "course", "shared": True},
        {"staff": 403, "hr": 403, "sysadmin": 201},
    ),
    ("patch", lambda c: f"{API}/{own(c)['pk']}", {"hours": 2}, {"staff": 403, "outsider": 404, "hr": 200}),
    ("patch", lambda c: f"{API}/{shared(c)['pk']}", {"hours": 2}, {"hr": 403, "sysadmin": 200}),
    ("post", lambda c: f"{API}/{own(c)['pk']}/deactivate", {}, {"staff": 403, "outsider": 404, "hr": 200}),
    ("post", lambda c: f"{API}/{inactive(c)['pk']}/activate", {}, {"staff": 404, "hr": 200}),
]


@pytest.mark.parametrize(
    ("method", "url", "body", "expected"), ENDPOINTS, ids=[str(i) for i in range(len(ENDPOINTS))]
)
def test_endpoint_access(scene: Cast, client_as, method, url, body, expected) -> None:
    address = url(scene)

    def call(client: Client) -> int:
        if method == "get":
            return client.get(address).status_code
        return getattr(client, method)(address, body, content_type="application/json").status_code

    assert {role: call(client_as(role)) for role in expected} == expected
    assert call(Client()) == 401
