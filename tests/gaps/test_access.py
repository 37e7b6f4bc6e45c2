"""Who may open the gap analysis, its drill-down, exports and API: every role on every one."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.gaps.conftest import World

MEMBERS = ["staff", "supervisor", "director", "assessor"]


def _page_urls(world: World) -> dict[str, str]:
    return {
        "analysis": "/gaps/",
        "table": "/gaps/?view=table&columns=area&rows=group",
        "xlsx": "/gaps/export.xlsx",
        "csv": "/gaps/export.csv",
        "api": "/api/v1/gaps/",
        "api_participation": "/api/v1/gaps/participation",
    }


@pytest.mark.parametrize("name", ["analysis", "table", "xlsx", "csv", "api", "api_participation"])
def test_hr_and_executives_only(world: World, client_for, name: str) -> None:
    url = _page_urls(world)[name]
    got = {role: client_for(role).get(url).status_code for role in ["hr", "executive", *MEMBERS, "sysadmin"]}
    assert got == {"hr": 200, "executive": 200, **dict.fromkeys(MEMBERS, 403), "sysadmin": 404}
    anonymous = Client().get(url)
    if name.startswith("api"):
        assert anonymous.status_code == 401
    else:
        assert anonymous.status_code == 302 and anonymous["Location"].startswith("/accounts/login/")


def test_a_division_of_another_department_is_404(world: World, client_for) -> None:
    division = world.div1.pk
    for url in (
        f"/gaps/?division={division}",
        f"/gaps/export.csv?division={division}",
        f"/api/v1/gaps/?division={division}",
        f"/gaps/people/?division={division}&unit=DG100",
    ):
        assert client_for("outsider").get(url).status_code == 404, url
        assert client_for("hr").get(url).status_code == 200, url


def test_drill_down_is_for_hr_only(world: World, client_for) -> None:
    url = f"/gaps/people/?division={world.div1.pk}&group=A&unit=DG100"
    got = {role: client_for(role).get(url).status_code for role in ["hr", "executive", *MEMBERS, "sysadmin"]}
    assert got == {"hr": 200, "executive": 403, **dict.fromkeys(MEMBERS, 403), "sysadmin": 404}
    anonymous = Client().get(url)
    assert anonymous.status_code == 302 and anonymous["Location"].startswith("/accounts/login/")


def test_bad_parameters(world: World, client_for) -> None:
    hr = client_for("hr")
    assert hr.get("/gaps/?group=ZZ").status_code == 404
    assert hr.get("/gaps/export.pdf").status_code == 404
    assert hr.get("/gaps/people/?unit=NOPE").status_code == 404
    assert hr.get("/gaps/people/").status_code == 404  # no column chosen
    assert hr.get("/api/v1/gaps/?stage=nope").status_code == 404
    assert hr.get("/api/v1/gaps/?rows=sideways").status_code == 422


def test_navigation_and_home_panel_follow_the_roles(world: World, client_for) -> None:
    for role, shown in (("hr", True), ("executive", True), ("staff", False), ("supervisor", False)):
        home = client_for(role).get("/").content.decode()
        assert ('href="/gaps/"' in home) is shown, role
        assert ('id="top-gaps"' in home) is shown, role
