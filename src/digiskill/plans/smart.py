"""Checking a development goal the S.M.A.R.T. way: what, the measure, the target, by when.

The editor shows every issue as a warning; submitting refuses the blocking ones (no goal text,
no measure, no date, no activity), naming the goal in Thai and English.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.utils.translation import gettext_noop

from digiskill.lib.messages import render, render_in

NO_WHAT = gettext_noop("The goal “%(goal)s” does not say what you will be able to do.")
NO_MEASURE = gettext_noop("The goal “%(goal)s” has no measure: say how we will know it is reached.")
NO_DATE = gettext_noop("The goal “%(goal)s” has no date by when it will be reached.")
NO_ACTIVITY = gettext_noop("The goal “%(goal)s” has no development activity yet.")
NO_TARGET = gettext_noop("The goal “%(goal)s” has no target value for its measure.")
LATE = gettext_noop("The goal “%(goal)s” is due after the end of fiscal year %(year)s.")
START_AFTER_DUE = gettext_noop("The goal “%(goal)s” starts after its due date.")

LABEL_LENGTH = 60


@dataclass(frozen=True)
class GoalIssue:
    """One problem of one goal; blocking ones stop the plan from being submitted."""

    msgid: str
    blocking: bool
    params: dict[str, object] = field(default_factory=dict)

    def text(self, language: str | None = None) -> str:
        """The message in the active language (or the one given)."""
        from django.utils.translation import get_language

        return render_in(language or get_language() or "th", self.msgid, self.params)

    def both(self) -> str:
        """The message in both languages, the active one first, for refusals."""
        return render(self.msgid, self.params)

    def __str__(self) -> str:
        return self.text()


def goal_label(what: str, skill: str) -> str:
    """A short name of a goal for messages: its text, else the skill it develops."""
    label = " ".join((what or skill or "").split())
    return label if len(label) <= LABEL_LENGTH else label[: LABEL_LENGTH - 1] + "…"


def goal_issues(
    *,
    what: str,
    skill: str,
    measure: str,
    target: str,
    start_date: dt.date | None,
    due_date: dt.date | None,
    activities: int,
    year_end: dt.date | None = None,
    fiscal_year: int | None = None,
) -> list[GoalIssue]:
    """Every issue of one goal, blocking ones first."""
    params: dict[str, object] = {"goal": goal_label(what, skill)}
    issues: list[GoalIssue] = []
    if not what.strip():
        issues.append(GoalIssue(NO_WHAT, True, params))
    if not measure.strip():
        issues.append(GoalIssue(NO_MEASURE, True, params))
    if due_date is None:
        issues.append(GoalIssue(NO_DATE, True, params))
    if activities == 0:
        issues.append(GoalIssue(NO_ACTIVITY, True, params))
    if measure.strip() and not target.strip():
        issues.append(GoalIssue(NO_TARGET, False, params))
    if due_date is not None and year_end is not None and due_date > year_end:
        issues.append(GoalIssue(LATE, False, {**params, "year": fiscal_year or ""}))
    if due_date is not None and start_date is not None and start_date > due_date:
        issues.append(GoalIssue(START_AFTER_DUE, False, params))
    return issues
