"""Every agency and people page of issue 4: 200 allowed, 403 wrong role, 404 outsider, login for anonymous."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from digiskill.agencies.models import AgencyKind
from digiskill.people.models import RosterImport
from tests.factories import Cast, load_ocsc, publish_announcement

MEMBERS = ["staff", "supervisor", "director", "hr", "assessor", "executive"]
NOT_HR = ["staff", "supervisor", "director", "assessor", "executive"]


def _division(c: Cast) -> dict:
    return {"pk": c.dept.units.filter(kind=AgencyKind.DIVISION).first().pk}


def _import(c: Cast) -> dict:
    record = RosterImport.objects.create(agency=c.dept, filename="r.csv", rejected_csv="a,b\n1,2\n")
    return {"pk": record.pk}


def _announcement(c: Cast) -> dict:
    return {"pk": publish_announcement(c.dept).pk}


# (url name, kwargs builder, 200, 403, 404)
PAGES = [
    ("agencies:setup", None, ["hr", "outsider"], NOT_HR, ["sysadmin"]),
    ("agencies:structure", None, ["hr", "outsider"], NOT_HR, ["sysadmin"]),
    ("agencies:unit_edit", _division, ["hr"], NOT_HR, ["outsider", "sysadmin"]),
    ("agencies:target", None, [*MEMBERS, "outsider"], [], ["sysadmin"]),
    ("agencies:target_edit", None, ["hr", "outsider"], NOT_HR, ["sysadmin"]),
    ("agencies:target_version", lambda c: {"version": 1}, MEMBERS, [], ["outsider", "sysadmin"]),
    ("agencies:skill_sets", None, ["hr", "outsider"], NOT_HR, ["sysadmin"]),
    ("agencies:skill_set", lambda c: {"code": "A"}, ["hr"], NOT_HR, ["outsider", "sysadmin"]),
    ("agencies:skill_set_start", lambda c: {"code": "A"}, ["hr"], NOT_HR, ["outsider", "sysadmin"]),
    ("agencies:announcements", None, [*MEMBERS, "outsider"], [], ["sysadmin"]),
    ("agencies:announcement", _announcement, MEMBERS, [], ["outsider", "sysadmin"]),
    ("agencies:announcement_new", None, ["hr", "outsider"], NOT_HR, ["sysadmin"]),
    (
        "agencies:summary",
        None,
        ["hr", "executive", "outsider"],
        ["staff", "supervisor", "director", "assessor"],
        ["sysadmin"],
    ),
    ("people:my_skills", None, [*MEMBERS, "outsider"], [], ["sysadmin"]),
    ("people:import", None, ["hr", "outsider"], NOT_HR, ["sysadmin"]),
    ("people:roster_template", None, ["hr", "outsider"], NOT_HR, ["sysadmin"]),
    ("people:import_result", _import, ["hr"], NOT_HR, ["outsider", "sysadmin"]),
    ("people:import_rejected", _import, ["hr"], NOT_HR, ["outsider", "sysadmin"]),
    ("people:classify_division", None, ["hr", "outsider"], NOT_HR, ["sysadmin"]),
]


def _expected(ok, forbidden, missing) -> dict[str, int]:
    return {**dict.fromkeys(ok, 200), **dict.fromkeys(forbidden, 403), **dict.fromkeys(missing, 404)}


@pytest.fixture
def world(cast: Cast) -> Cast:
    """The cast's department with the framework loaded and a target (outsider's department has none)."""
    load_ocsc()
    from tests.factories import make_target

    make_target(cast.dept)
    return cast


@pytest.mark.parametrize(("name", "kwargs", "ok", "forbidden", "missing"), PAGES, ids=[p[0] for p in PAGES])
def test_page_access(world: Cast, client_for, name, kwargs, ok, forbidden, missing) -> None:
    """One database per page (loading the framework is the slow part); every role checked on it."""
    url = reverse(name, kwargs=kwargs(world) if kwargs else None)
    got = {role: client_for(role).get(url).status_code for role in _expected(ok, forbidden, missing)}
    assert got == _expected(ok, forbidden, missing)
    response = Client().get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
