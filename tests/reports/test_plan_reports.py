"""Org 4: plan completion by division and group, approvals waiting, the 70:20:10 balance, who has not
submitted; each checked against a computation written independently here."""

from __future__ import annotations

import datetime as dt
import io
import random
from collections import Counter, defaultdict
from decimal import Decimal

import openpyxl
import pytest
from django.urls import reverse
from django.utils import timezone

from digiskill.accounts.models import Membership
from digiskill.people.models import Person
from digiskill.plans.models import ActivityStatus, Plan, PlanActivity, PlanSettings, PlanStatus
from digiskill.plans.selectors import overdue_approvals, waiting_approvals
from digiskill.reports.selectors import band_balance, not_submitted, plan_completion
from tests.factories import Cast, make_person
from tests.reports.conftest import YEAR, Framework, add_goal, divisions, make_plan

pytestmark = pytest.mark.django_db

# Where each plan status belongs, written out again here on purpose (not imported from the code).
EXPECTED_COLUMN = {
    None: "none",
    "draft": "draft",
    "returned": "draft",
    "submitted": "submitted",
    "approved": "approved",
    "in_progress": "in_progress",
    "completed": "completed",
}
ORDER = ["none", "draft", "submitted", "approved", "in_progress", "completed"]
STATUSES = [None, "draft", "returned", "submitted", "approved", "in_progress", "completed"]


@pytest.fixture
def crowd(cast: Cast, ocsc: Framework) -> Cast:
    """Forty more people over both divisions and groups A/S/none, with plans of every status, older
    versions, other years, and an inactive person; plus a plan in the other department."""
    rng = random.Random(2570)
    div1, div2 = divisions(cast.dept)
    for i in range(40):
        person = make_person(cast.dept, supervisor=cast.supervisor_person, first_name=f"คนที่{i}")
        group = ocsc.a if i == 0 else rng.choice([ocsc.a, ocsc.a, ocsc.s, None])
        division = None if i == 0 else rng.choice([div1, div2])  # one person in no division
        Person.objects.filter(pk=person.pk).update(
            group=group, division=division, is_active=i == 0 or rng.random() > 0.1
        )
        person.refresh_from_db()
        status = STATUSES[i % len(STATUSES)]  # every status, several times
        if status is not None:
            if rng.random() < 0.3:  # an earlier version, replaced
                make_plan(person, status=PlanStatus.SUPERSEDED, is_current=False, version=1)
                make_plan(person, status=status, version=2)
            else:
                make_plan(person, status=status)
        if rng.random() < 0.3:  # last year's plan never counts for this year
            make_plan(person, status=PlanStatus.COMPLETED, year=YEAR - 1)
    Person.objects.filter(pk=cast.outsider_person.pk).update(group=ocsc.a)
    make_plan(cast.outsider_person, status=PlanStatus.APPROVED)
    return cast


def _expected(cast: Cast, year: int) -> tuple[dict, dict, Counter]:
    by_division: dict = defaultdict(Counter)
    by_group: dict = defaultdict(Counter)
    total: Counter = Counter()
    for person in Person.objects.filter(agency=cast.dept):
        if not person.is_active or person.group_id is None:
            continue
        plans = [p for p in Plan.objects.filter(person=person) if p.fiscal_year == year and p.is_current]
        column = EXPECTED_COLUMN[plans[0].status if plans else None]
        by_division[person.division_id][column] += 1
        by_group[person.group_id][column] += 1
        total[column] += 1
    return by_division, by_group, total


def test_completion_equals_an_independent_count(crowd: Cast) -> None:
    got = plan_completion(crowd.dept, YEAR)
    by_division, by_group, total = _expected(crowd, YEAR)
    assert {r.key: [c.count for c in r.cells] for r in got.by_division} == {
        k: [v[c] for c in ORDER] for k, v in by_division.items()
    }
    assert {r.key: [c.count for c in r.cells] for r in got.by_group} == {
        k: [v[c] for c in ORDER] for k, v in by_group.items()
    }
    assert [c.count for c in got.total.cells] == [total[c] for c in ORDER]
    people = sum(total.values())
    assert got.total.people == people
    assert [c.percent for c in got.total.cells] == [round(100 * total[c] / people, 1) for c in ORDER]
    submitted = people - total["none"] - total["draft"]
    assert got.total.submitted_percent == round(100 * submitted / people, 1)
    assert {r.label for r in got.by_group} == {"A กลุ่มผู้ทำงานด้านนโยบายและวิชาการ", "S " + _s_name(crowd)}


def _s_name(cast: Cast) -> str:
    from digiskill.frameworks.models import PersonnelGroup

    return PersonnelGroup.objects.get(code="S").name_th


def test_another_year_has_its_own_figures(crowd: Cast) -> None:
    got = plan_completion(crowd.dept, YEAR - 1)
    _, _, total = _expected(crowd, YEAR - 1)
    assert [c.count for c in got.total.cells] == [total[c] for c in ORDER]
    assert total["completed"] > 0 and total["approved"] == 0


def test_the_page_and_the_xlsx_show_the_same_figures(crowd: Cast, client_for) -> None:
    got = plan_completion(crowd.dept, YEAR)
    body = client_for("hr").get(reverse("reports:plans"), {"year": YEAR}).content.decode()
    assert f'<span class="figure" id="people-count">{got.total.people}</span>' in body
    assert f'id="submitted-percent">{got.total.submitted_percent}%<' in body
    for row in got.by_division:
        assert row.label in body
    assert got.by_division[-1].label == "ไม่ระบุกอง"
    response = client_for("executive").get(reverse("reports:plans_xlsx"), {"year": YEAR})
    assert (
        response["Content-Disposition"]
        == f'attachment; filename="idp-completion-{crowd.dept.code}-{YEAR}.xlsx"'
    )
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = {r[0]: r[1:] for r in sheet.iter_rows(values_only=True) if r[0]}
    total = rows["ทั้งส่วนราชการ"]
    assert total[0] == got.total.people
    assert list(total[1:13:2]) == [c.count for c in got.total.cells]
    assert list(total[2:13:2]) == [c.percent for c in got.total.cells]
    for row in got.by_division:
        assert rows[row.label][0] == row.people
    assert f"ปีงบประมาณ พ.ศ. {YEAR}" in str(sheet["A2"].value)


def test_not_yet_submitted_lists_those_with_a_group_and_no_submitted_plan(crowd: Cast, client_for) -> None:
    listed = set(not_submitted(crowd.dept, YEAR).values_list("pk", flat=True))
    expected = set()
    for person in Person.objects.filter(agency=crowd.dept, is_active=True, group__isnull=False):
        plan = Plan.objects.filter(person=person, fiscal_year=YEAR, is_current=True).first()
        if plan is None or plan.status in ("draft", "returned"):
            expected.add(person.pk)
    assert listed == expected
    _div1, div2 = divisions(crowd.dept)
    in_div2 = set(not_submitted(crowd.dept, YEAR, div2).values_list("pk", flat=True))
    assert in_div2 == {pk for pk in expected if Person.objects.get(pk=pk).division_id == div2.pk}
    body = (
        client_for("hr").get(reverse("reports:plans"), {"year": YEAR, "division": div2.pk}).content.decode()
    )
    shown = [p for p in Person.objects.filter(pk__in=expected) if p.full_name in body]
    assert {p.pk for p in shown} == in_div2


def test_the_division_filter_answers_htmx_with_the_list_only(crowd: Cast, client_for) -> None:
    _div1, div2 = divisions(crowd.dept)
    response = client_for("hr").get(
        reverse("reports:plans"),
        {"year": YEAR, "division": div2.pk},
        HTTP_HX_REQUEST="true",
        HTTP_HX_TARGET="pending",
    )
    body = response.content.decode()
    assert 'id="pending-table"' in body and "<html" not in body


def _submitted(cast: Cast, ocsc: Framework, days_ago: int, *, first_days_ago: int | None = None) -> Plan:
    person = make_person(cast.dept, supervisor=cast.supervisor_person)
    Person.objects.filter(pk=person.pk).update(group=ocsc.a)
    person.refresh_from_db()
    now = timezone.now()
    return make_plan(
        person,
        status=PlanStatus.SUBMITTED,
        submitted_at=now - dt.timedelta(days=days_ago, hours=1),
        needs_next_level=first_days_ago is not None,
        first_approved_at=None
        if first_days_ago is None
        else now - dt.timedelta(days=first_days_ago, hours=1),
    )


def test_approvals_waiting_count_days_and_flag_those_over_the_limit(cast: Cast, ocsc: Framework) -> None:
    late = _submitted(cast, ocsc, 10)
    fresh = _submitted(cast, ocsc, 3)
    # Submitted 12 days ago, approved by the supervisor 2 days ago: the next level has waited 2 days.
    upper = _submitted(cast, ocsc, 12, first_days_ago=2)
    waiting = waiting_approvals(cast.dept, YEAR)
    overdue = {w.plan.pk for w in overdue_approvals(cast.dept)}
    assert [(w.plan.pk, w.days, w.plan.pk in overdue) for w in waiting] == [
        (late.pk, 10, True),
        (fresh.pk, 3, False),
        (upper.pk, 2, False),
    ]
    assert waiting[2].approver == cast.director_person
    assert waiting[0].approver == cast.supervisor_person
    # The limit counts exact time (plans.selectors): 3 days and an hour is over 3 days.
    PlanSettings.objects.create(agency=cast.dept, approval_limit_days=3)
    assert [w.plan.pk for w in overdue_approvals(cast.dept)] == [late.pk, fresh.pk]
    assert waiting_approvals(cast.dept, YEAR + 1) == []


def test_the_page_highlights_late_approvals_and_the_hr_home_counts_them(
    cast: Cast, ocsc: Framework, client_for
) -> None:
    late = _submitted(cast, ocsc, 9)
    _submitted(cast, ocsc, 1)
    body = client_for("hr").get(reverse("reports:plans"), {"year": YEAR}).content.decode()
    assert body.count('class="overdue"') == 1
    assert reverse("reports:plan_pdf", args=[late.pk]) in body
    home = client_for("hr").get(reverse("core:home")).content.decode()
    assert '<span class="figure" id="overdue-approvals">1</span>' in home
    assert "แผนที่รอความเห็นชอบเกิน 7 วัน" in home
    assert 'id="overdue-approvals"' not in client_for("executive").get(reverse("core:home")).content.decode()


def test_the_balance_counts_hours_of_agreed_plans_only(cast: Cast, ocsc: Framework) -> None:
    plans = {}
    for status in ("draft", "submitted", "approved", "in_progress", "completed"):
        person = make_person(cast.dept, supervisor=cast.supervisor_person)
        plans[status] = plan = make_plan(person, status=status)
        add_goal(
            plan,
            [("project", "ทำโครงการ", "10"), ("mentoring", "มีพี่เลี้ยง", "4"), ("seminar", "สัมมนา", "2")],
            skill_th="ทักษะ",
            what="เป้าหมาย",
        )
    old = make_plan(cast.staff_person, status="approved", year=YEAR - 1)
    add_goal(old, [("training", "อบรมปีก่อน", "100")], skill_th="ทักษะ", what="เป้าหมาย")
    PlanActivity.objects.filter(goal__plan=plans["completed"], band=10).update(
        status=ActivityStatus.CANCELLED
    )

    expected: dict[int, Decimal] = defaultdict(Decimal)
    for activity in PlanActivity.objects.select_related("goal__plan"):
        plan = activity.goal.plan
        if (
            plan.agency_id == cast.dept.pk
            and plan.fiscal_year == YEAR
            and plan.is_current
            and plan.status in ("approved", "in_progress", "completed")
            and activity.status != "cancelled"
        ):
            expected[activity.band] += activity.hours
    got = band_balance(cast.dept, YEAR)
    assert {b.band: b.hours for b in got} == dict(expected) == {70: 30, 20: 12, 10: 4}
    total = sum(expected.values())
    assert [b.percent for b in got] == [round(float(100 * expected[b] / total), 1) for b in (70, 20, 10)]


def test_the_year_selector_defaults_to_this_fiscal_year(cast: Cast, client_for) -> None:
    from digiskill.lib.thai_dates import fiscal_year

    this_year = fiscal_year(timezone.localdate())
    body = client_for("hr").get(reverse("reports:plans")).content.decode()
    assert f'<option value="{this_year}" selected>' in body
    body = client_for("hr").get(reverse("reports:plans"), {"year": "abc"}).content.decode()
    assert f'<option value="{this_year}" selected>' in body


def test_when_the_supervisor_cannot_act_the_wait_is_for_hr(cast: Cast, ocsc: Framework, client_for) -> None:
    plan = _submitted(cast, ocsc, 1)
    Person.objects.filter(pk=cast.supervisor_person.pk).update(is_active=False)
    [waiting] = waiting_approvals(cast.dept, YEAR)
    assert waiting.plan == plan and waiting.approver is None  # plans.rules.approver_of: HR acts
    body = client_for("hr").get(reverse("reports:plans"), {"year": YEAR}).content.decode()
    table = body[body.index('id="waiting"') : body.index("</table>", body.index('id="waiting"'))]
    assert "ผู้ดูแลงานทรัพยากรบุคคล" in table
    assert cast.supervisor_person.full_name not in table


def test_an_executive_sees_the_department_count_but_names_only_in_their_own_line(
    cast: Cast, ocsc: Framework, client_for
) -> None:
    """Executives read aggregates; individuals only within their line (docs/DESIGN.md, "Who sees what")."""
    mine = _submitted(cast, ocsc, 4)  # under the supervisor → the director
    stranger = make_person(cast.dept, first_name="นอกสาย")
    make_plan(stranger, status=PlanStatus.SUBMITTED, submitted_at=timezone.now() - dt.timedelta(days=2))
    make_person(cast.dept, user=cast.executive)  # an executive with no one under them
    body = client_for("executive").get(reverse("reports:plans"), {"year": YEAR}).content.decode()
    assert 'id="waiting-scope"' in body and "แผนรออนุมัติในกรม 2 แผน" in body
    assert mine.person.full_name not in body and "นอกสาย" not in body
    # The director has the supervisor's staff in their line: the same page names only that plan.
    Membership.objects.filter(user=cast.director, agency=cast.dept).update(is_executive=True)
    body = client_for("director").get(reverse("reports:plans"), {"year": YEAR}).content.decode()
    assert mine.person.full_name in body and "นอกสาย" not in body
    hr_body = client_for("hr").get(reverse("reports:plans"), {"year": YEAR}).content.decode()
    assert mine.person.full_name in hr_body and "นอกสาย" in hr_body and 'id="waiting-scope"' not in hr_body
