"""Example tests at the edge of each rule, beside the property tests: they fail when a bound moves.

- A goal due on the last day of its fiscal year (30 September) is on time; 1 October is late.
- Each colour band of the gap heat map: both sides of every edge (10, 25, 50, 75 percent).
- An inactive membership, an inactive department or an inactive login loses access on the pages.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from digiskill.accounts.access import actor_of
from digiskill.accounts.models import Membership, User
from digiskill.agencies.models import Agency
from digiskill.gaps.selectors import LEVELS, Cell
from digiskill.gaps.views import _legend
from digiskill.lib.thai_dates import fiscal_year, fiscal_year_bounds
from digiskill.plans.models import PlanGoal
from digiskill.plans.selectors import goal_views
from digiskill.plans.services import goal_update
from digiskill.plans.smart import LATE, goal_issues
from tests.factories import Cast
from tests.url_access_scene import Scene, build_scene

# --- the fiscal year and a goal's due date -----------------------------------------------------


def test_the_fiscal_year_turns_on_the_first_of_october() -> None:
    assert fiscal_year(dt.date(2026, 9, 30)) == 2569
    assert fiscal_year(dt.date(2026, 10, 1)) == 2570
    assert fiscal_year_bounds(2569) == (dt.date(2025, 10, 1), dt.date(2026, 9, 30))


def _late(due: dt.date, year: int = 2569) -> bool:
    issues = goal_issues(
        what="วิเคราะห์ข้อมูล",
        skill="",
        measure="รายงาน",
        target="2 ฉบับ",
        start_date=None,
        due_date=due,
        activities=1,
        year_end=fiscal_year_bounds(year)[1],
        fiscal_year=year,
    )
    return any(i.msgid == LATE for i in issues)


@pytest.mark.parametrize(
    ("due", "late"),
    [
        (dt.date(2026, 9, 29), False),
        (dt.date(2026, 9, 30), False),  # the last day of fiscal year 2569: on time
        (dt.date(2026, 10, 1), True),  # the first day of 2570: late
        (dt.date(2025, 10, 1), False),  # the first day of the year
    ],
)
def test_a_goal_due_on_the_last_day_of_the_year_is_on_time(due: dt.date, late: bool) -> None:
    assert _late(due) is late


@pytest.mark.django_db
def test_the_plan_page_rule_flags_only_the_day_after_the_year(settings, tmp_path) -> None:
    settings.MEDIA_ROOT = tmp_path
    scene: Scene = build_scene()
    plan = scene.draft_plan
    goal = PlanGoal.objects.filter(plan=plan).order_by("order").first()
    _start, end = fiscal_year_bounds(plan.fiscal_year)
    for due, late in ((end, False), (end + dt.timedelta(days=1), True)):
        goal_update(actor=actor_of(scene.cast.staff), goal=goal, due_date=due)
        [view, *_] = goal_views(plan, list(plan.goals.order_by("order")))
        assert any(i.msgid == LATE for i in view.issues) is late, due


# --- the colour bands of the heat map ------------------------------------------------------------


@pytest.mark.parametrize(
    ("lacking", "assessed", "band"),
    [
        (0, 10, 0),
        (1, 10, 0),  # 10 %: the first band's upper edge
        (101, 1000, 1),  # 10.1 %
        (1, 4, 1),  # 25 %
        (251, 1000, 2),  # 25.1 %
        (1, 2, 2),  # 50 %
        (501, 1000, 3),  # 50.1 %
        (3, 4, 3),  # 75 %
        (751, 1000, 4),  # 75.1 %
        (10, 10, 4),  # everyone
        (1001, 10000, 0),  # 10.01 % is shown as 10.0 %, and coloured as the figure shown
    ],
)
def test_each_colour_band_edge(lacking: int, assessed: int, band: int) -> None:
    assert Cell(lacking, assessed).level == band


def test_nobody_assessed_has_no_colour() -> None:
    assert Cell(0, 0).level is None and Cell(0, 0).percent is None


def test_the_legend_names_the_same_edges() -> None:
    assert LEVELS == (10, 25, 50, 75)
    assert [label for _n, label in _legend()] == ["≤ 10%", "10–25%", "25–50%", "50–75%", "> 75%"]


# --- inactive memberships, departments and logins lose access ------------------------------------


def _get(user: User, name: str, **kwargs: int) -> int:
    client = Client()
    client.force_login(user)
    return client.get(reverse(name, kwargs=kwargs or None)).status_code


@pytest.mark.django_db
def test_an_inactive_membership_loses_every_page(cast: Cast) -> None:
    assert _get(cast.hr, "people:list") == 200
    assert _get(cast.hr, "people:detail", pk=cast.staff_person.pk) == 200
    Membership.objects.filter(user=cast.hr, agency=cast.dept).update(is_active=False)
    assert _get(cast.hr, "people:list") == 404
    assert _get(cast.hr, "people:detail", pk=cast.staff_person.pk) == 404
    assert _get(cast.hr, "gaps:analysis") == 404
    assert _get(cast.staff, "people:detail", pk=cast.staff_person.pk) == 200  # others keep theirs


@pytest.mark.django_db
def test_an_inactive_membership_of_a_supervisor_loses_the_line(cast: Cast) -> None:
    assert _get(cast.supervisor, "people:detail", pk=cast.staff_person.pk) == 200
    Membership.objects.filter(user=cast.supervisor).update(is_active=False)
    assert _get(cast.supervisor, "people:detail", pk=cast.staff_person.pk) == 404
    assert _get(cast.supervisor, "people:team") == 404


@pytest.mark.django_db
def test_an_inactive_department_loses_every_page(cast: Cast) -> None:
    Agency.objects.filter(pk=cast.dept.pk).update(is_active=False)
    for user in (cast.staff, cast.hr, cast.executive):
        assert _get(user, "people:detail", pk=cast.staff_person.pk) == 404
        assert _get(user, "assessments:mine") == 404
    assert _get(cast.hr, "people:list") == 404
    assert _get(cast.outsider, "people:list") == 200  # the other department is untouched


@pytest.mark.django_db
def test_an_inactive_login_is_logged_out(cast: Cast) -> None:
    client = Client()
    client.force_login(cast.hr)
    User.objects.filter(pk=cast.hr.pk).update(is_active=False)
    response = client.get(reverse("people:list"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:login"))
