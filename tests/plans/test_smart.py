"""S.M.A.R.T. checks of a development goal: what the editor warns about and what blocks sending."""

from __future__ import annotations

import datetime as dt

from django.utils import translation

from digiskill.plans.smart import goal_issues, goal_label

COMPLETE = {
    "what": "วิเคราะห์ข้อมูลได้",
    "skill": "DT600 การวิเคราะห์ข้อมูล",
    "measure": "รายงานที่รับรอง",
    "target": "2 ฉบับ",
    "start_date": dt.date(2026, 10, 1),
    "due_date": dt.date(2027, 6, 30),
    "activities": 1,
    "year_end": dt.date(2027, 9, 30),
    "fiscal_year": 2570,
}


def test_a_complete_goal_has_no_issue() -> None:
    assert goal_issues(**COMPLETE) == []


def test_missing_parts_block_and_others_warn() -> None:
    issues = goal_issues(**{**COMPLETE, "measure": " ", "due_date": None, "activities": 0, "what": ""})
    assert [i.blocking for i in issues] == [True, True, True, True]
    warnings = goal_issues(**{**COMPLETE, "target": "", "due_date": dt.date(2027, 10, 5)})
    assert [i.blocking for i in warnings] == [False, False]
    late = goal_issues(**{**COMPLETE, "start_date": dt.date(2027, 7, 1)})
    assert len(late) == 1 and not late[0].blocking


def test_issues_name_the_goal_in_thai_and_english() -> None:
    (issue,) = goal_issues(**{**COMPLETE, "measure": ""})
    both = issue.both()
    assert "“วิเคราะห์ข้อมูลได้”" in both and "ตัวชี้วัด" in both and "no measure" in both
    with translation.override("en"):
        assert str(issue).startswith("The goal “วิเคราะห์ข้อมูลได้” has no measure")


def test_a_goal_without_text_is_named_by_its_skill_and_long_names_are_cut() -> None:
    assert goal_label("", "DT600 การวิเคราะห์ข้อมูล") == "DT600 การวิเคราะห์ข้อมูล"
    long = goal_label("ก" * 100, "")
    assert len(long) == 60 and long.endswith("…")
