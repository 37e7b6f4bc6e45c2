"""Each S.M.A.R.T. issue by its own message, and the edges of the date rules (found by `make mutate`)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import translation

from digiskill.plans.smart import (
    LABEL_LENGTH,
    LATE,
    NO_ACTIVITY,
    NO_DATE,
    NO_MEASURE,
    NO_TARGET,
    NO_WHAT,
    START_AFTER_DUE,
    goal_issues,
    goal_label,
)

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


@pytest.mark.parametrize(
    ("change", "msgid", "blocking", "english"),
    [
        ({"what": " "}, NO_WHAT, True, "does not say what you will be able to do"),
        ({"measure": ""}, NO_MEASURE, True, "has no measure"),
        ({"due_date": None}, NO_DATE, True, "has no date by when"),
        ({"activities": 0}, NO_ACTIVITY, True, "has no development activity yet"),
        ({"target": " "}, NO_TARGET, False, "has no target value"),
        ({"due_date": dt.date(2027, 10, 1)}, LATE, False, "is due after the end of fiscal year 2570"),
        ({"start_date": dt.date(2027, 7, 1)}, START_AFTER_DUE, False, "starts after its due date"),
    ],
)
def test_each_missing_part_is_its_own_issue_naming_the_goal(
    change: dict[str, object], msgid: str, blocking: bool, english: str
) -> None:
    goal = {**COMPLETE, **change}
    (issue,) = goal_issues(**goal)  # type: ignore[arg-type]
    assert (issue.msgid, issue.blocking) == (msgid, blocking)
    label = goal_label(str(goal["what"]), str(goal["skill"]))
    assert f"“{label}” {english}" in issue.text("en")
    assert f"“{label}”" in issue.text("th") and issue.text("th") != issue.text("en")


def test_a_goal_without_text_is_named_by_its_skill_in_the_issues() -> None:
    issues = goal_issues(**{**COMPLETE, "what": ""})
    assert issues[0].text("en") == (
        "The goal “DT600 การวิเคราะห์ข้อมูล” does not say what you will be able to do."
    )


def test_due_on_the_last_day_of_the_year_is_on_time() -> None:
    assert goal_issues(**{**COMPLETE, "due_date": COMPLETE["year_end"]}) == []


def test_starting_on_the_due_date_is_fine() -> None:
    assert goal_issues(**{**COMPLETE, "start_date": COMPLETE["due_date"]}) == []


def test_a_late_goal_without_a_known_fiscal_year_leaves_the_year_blank() -> None:
    (issue,) = goal_issues(**{**COMPLETE, "due_date": dt.date(2027, 10, 1), "fiscal_year": None})
    assert issue.params["year"] == ""
    assert issue.text("en").endswith("after the end of fiscal year .")


def test_the_issue_text_follows_the_active_language_and_is_thai_without_one() -> None:
    (issue,) = goal_issues(**{**COMPLETE, "measure": ""})
    with translation.override("en"):
        assert str(issue) == issue.text("en")
    assert issue.text("th") != issue.text("en")
    with translation.override(None):  # no active language at all: Thai, the default
        assert issue.text() == issue.text("th")


def test_a_label_of_exactly_the_limit_is_kept_whole() -> None:
    exact = "ก" * LABEL_LENGTH
    assert goal_label(exact, "") == exact
    assert goal_label(exact + "ข", "") == "ก" * (LABEL_LENGTH - 1) + "…"


def test_a_goal_with_neither_text_nor_skill_has_an_empty_label() -> None:
    assert goal_label("", "") == ""
    assert goal_label("  การ   วิเคราะห์ ", "") == "การ วิเคราะห์"
