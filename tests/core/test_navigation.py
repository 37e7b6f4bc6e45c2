"""The navigation: a few groups (me, my team, department, catalog, system), each a dropdown."""

from __future__ import annotations

from django.urls import reverse
from django.utils import translation

from digiskill.accounts.access import actor_for
from digiskill.core.navigation import NAV_ITEMS, NavGroup, navigation_groups
from digiskill.inbox.services import notify
from digiskill.people.models import Person
from tests.factories import Cast, make_person


def _hr_who_supervises(cast: Cast) -> Person:
    hr_person = Person.objects.get(user=cast.hr)
    make_person(cast.dept, supervisor=hr_person)
    return hr_person


def test_every_registered_entry_names_its_group() -> None:
    assert [item.url_name for item in NAV_ITEMS if item.group is None] == []


def test_an_hr_user_who_supervises_sees_five_groups_in_order(cast: Cast) -> None:
    _hr_who_supervises(cast)
    groups = navigation_groups(actor_for(cast.hr), "/")
    assert [g["key"] for g in groups] == ["me", "team", "department", "catalog", "system"]
    with translation.override("en"):
        labels = {g["key"]: [str(i["label"]) for i in g["items"]] for g in groups}
    assert "Audit log" in labels["system"]
    assert "Gap analysis" in labels["department"] and "People" in labels["department"]
    assert "My team" in labels["team"] and "Reviews" in labels["team"]
    assert "Skills catalog" in labels["catalog"]
    assert sum(len(g["items"]) for g in groups) >= 15  # what used to be two rows of links


def test_a_staff_member_sees_no_empty_group(cast: Cast) -> None:
    keys = [g["key"] for g in navigation_groups(actor_for(cast.staff), "/")]
    assert keys == ["me", "department", "catalog"]


def test_only_the_longest_matching_link_is_current(cast: Cast) -> None:
    _hr_who_supervises(cast)
    groups = navigation_groups(actor_for(cast.hr), reverse("people:team"))
    current = [i["url"] for g in groups for i in g["items"] if i["current"]]
    assert current == [reverse("people:team")]  # not also "People", whose address is a prefix of it
    assert [g["key"] for g in groups if g["current"]] == [NavGroup.TEAM]


def test_a_group_carries_the_unread_count_of_its_items(cast: Cast) -> None:
    for title in ("ข้อความที่ 1", "ข้อความที่ 2"):
        notify(agency=cast.dept, recipients=[cast.staff], kind="test", title=title)
    groups = navigation_groups(actor_for(cast.staff), "/")
    me = next(g for g in groups if g["key"] == "me")
    assert me["badge"] == 2  # seen while the group is closed
    assert [i["badge"] for i in me["items"] if i["url"] == reverse("inbox:list")] == [2]


def test_the_page_shows_the_groups_as_dropdowns_behind_one_menu_button(cast: Cast, client_for) -> None:
    _hr_who_supervises(cast)
    html = client_for("hr").get("/").content.decode()
    assert html.count('class="nav-menu"') == 1
    assert html.count('<details class="nav-group"') == 5
    for thai in ("ของฉัน", "ทีมของฉัน", "หน่วยงาน", "กรอบทักษะ", "ระบบ", "เมนู"):
        assert f">{thai}" in html
    assert 'name="htmx-config"' in html and "includeIndicatorStyles" in html


def test_the_login_page_has_no_menu(db, client) -> None:
    html = client.get(reverse("accounts:login")).content.decode()
    assert "nav-menu" not in html
    assert 'class="nav-tools"' in html  # the language switch is still there
