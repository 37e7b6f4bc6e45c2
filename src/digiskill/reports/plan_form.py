"""What the official IDP form shows: one plan, gathered once, laid out by the PDF and XLSX writers.

The form is a Thai government document: it is always written in Thai, with Buddhist-era dates.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import pgettext, pgettext_lazy

from digiskill.agencies.models import Agency, AgencyKind
from digiskill.core.glossary import E_LEARNING
from digiskill.lib.thai_dates import format_thai_date
from digiskill.people.models import Person
from digiskill.plans.models import ActivityKind, ActivityStatus, Plan, PlanActivity, PlanGoal
from digiskill.reports.selectors import BAND_LABELS, BandHours, plan_band_balance

FORM_LANGUAGE = "th"
# The form's words carry the translation context "IDP form", so their wording is this catalog's own
# (another app may translate "Name" or "Division" differently).

KIND_LABELS: dict[str, Promise] = {
    ActivityKind.ON_THE_JOB: pgettext_lazy("IDP form", "On-the-job assignment"),
    ActivityKind.PROJECT: pgettext_lazy("IDP form", "Challenging project"),
    ActivityKind.ROTATION: pgettext_lazy("IDP form", "Job rotation"),
    ActivityKind.SELF_STUDY: pgettext_lazy("IDP form", "Self-study"),
    ActivityKind.E_LEARNING: E_LEARNING,
    ActivityKind.COACHING: pgettext_lazy("IDP form", "Coaching"),
    ActivityKind.MENTORING: pgettext_lazy("IDP form", "Mentoring"),
    ActivityKind.FEEDBACK: pgettext_lazy("IDP form", "Feedback"),
    ActivityKind.COMMUNITY: pgettext_lazy("IDP form", "Community of practice"),
    ActivityKind.TRAINING: pgettext_lazy("IDP form", "Training course"),
    ActivityKind.CLASSROOM: pgettext_lazy("IDP form", "Classroom"),
    ActivityKind.SEMINAR: pgettext_lazy("IDP form", "Seminar"),
}
"""Kinds of activity as the form names them (kept here so the form never depends on another catalog)."""


@dataclass
class FormActivity:
    """One row of the goals table: an activity with its 70:20:10 band, hours and period."""

    title: str
    kind: str
    band: int
    band_label: str
    hours: str
    period: str
    cancelled: bool

    @property
    def period_parts(self) -> list[str]:
        """The period split at its dash, so that a narrow cell wraps there and not inside a date."""
        if not self.period:
            return []
        parts = self.period.split(" – ")
        return [parts[0], *(f"– {p}" for p in parts[1:])]


@dataclass
class FormGoal:
    """A development goal and its activities."""

    number: int
    skill: str
    goal: str
    measure: str
    target: str
    due: str
    how_to_apply: str
    activities: list[FormActivity] = field(default_factory=list)

    @property
    def goal_lines(self) -> list[str]:
        """The goal cell: what, how it is measured, the target and the date."""
        lines = [self.goal]
        if self.measure:
            lines.append(pgettext("IDP form", "Measure: %(text)s") % {"text": self.measure})
        if self.target:
            lines.append(pgettext("IDP form", "Target: %(text)s") % {"text": self.target})
        if self.due:
            lines.append(pgettext("IDP form", "By: %(date)s") % {"date": self.due})
        return lines

    @property
    def rows(self) -> int:
        """How many table rows the goal spans (at least one, even without activities)."""
        return max(len(self.activities), 1)


@dataclass
class Signature:
    """A signature block: who signs, in which capacity, and the date of their step."""

    capacity: str
    name: str
    position: str
    date_label: str
    date: str


@dataclass
class Detail:
    """A labelled line of the person's details."""

    label: str
    value: str


@dataclass
class PlanForm:
    """Everything the official form shows, in Thai."""

    ministry: str
    department: str
    title: str
    year: int
    version: int
    status: str
    person_name: str
    details: list[Detail]
    mission: str
    goals: list[FormGoal]
    balance: list[BandHours]
    balance_rows: list[tuple[str, str, str, str]]
    total_hours: str
    signatures: list[Signature]
    columns: list[str]
    labels: dict[str, str]
    printed: str


def _hours(value: Decimal) -> str:
    """Hours without a needless decimal: 12, 7.5."""
    text = format(value.normalize(), "f") if value else "0"
    return text


def _date(value: dt.date | dt.datetime | None, style: str = "long") -> str:
    """A Buddhist-era date, or nothing."""
    if value is None:
        return ""
    return format_thai_date(value, style="short" if style == "short" else "long")


def _period(start: dt.date | None, end: dt.date | None) -> str:
    """The period of an activity: "1 ต.ค. 69 – 31 ธ.ค. 69", or the one date known."""
    if start and end:
        return f"{_date(start, 'short')} – {_date(end, 'short')}"
    if start:
        return pgettext("IDP form", "from %(date)s") % {"date": _date(start, "short")}
    if end:
        return pgettext("IDP form", "until %(date)s") % {"date": _date(end, "short")}
    return ""


def ministry_of(department: Agency) -> str:
    """The name of the ministry above the department in the agency tree ("" when none)."""
    node = department.parent
    seen = 0
    while node is not None and seen < 10:
        if node.kind == AgencyKind.MINISTRY:
            return node.name_th
        node = node.parent
        seen += 1
    return ""


def _activity(activity: PlanActivity) -> FormActivity:
    return FormActivity(
        title=activity.title,
        kind=str(KIND_LABELS.get(activity.kind, activity.kind)),
        band=activity.band,
        band_label=str(BAND_LABELS.get(activity.band, activity.band)),
        hours=_hours(activity.hours),
        period=_period(activity.start_date, activity.end_date),
        cancelled=activity.status == ActivityStatus.CANCELLED,
    )


def _goal(number: int, goal: PlanGoal) -> FormGoal:
    skill = goal.skill_th
    if goal.unit is not None and goal.unit.code not in skill:
        skill = f"{goal.unit.code} {skill}"
    return FormGoal(
        number=number,
        skill=skill,
        goal=goal.what,
        measure=goal.measure,
        target=goal.target,
        due=_date(goal.due_date),
        how_to_apply=goal.how_to_apply,
        activities=[_activity(a) for a in goal.activities.all()],
    )


def _name(person: Person | None) -> str:
    return person.full_name if person is not None else ""


def _signatures(plan: Plan) -> list[Signature]:
    """The person, the supervisor and the next-level supervisor, with the dates of their steps."""
    supervisor = plan.supervisor or plan.person.supervisor
    next_level = plan.next_level or (supervisor.supervisor if supervisor is not None else None)
    if plan.needs_next_level:
        supervisor_date, next_date = plan.first_approved_at, plan.approved_at
    else:
        supervisor_date, next_date = plan.first_approved_at or plan.approved_at, None
    return [
        Signature(
            pgettext("IDP form", "Plan owner"),
            _name(plan.person),
            plan.person.position,
            pgettext("IDP form", "Submitted on"),
            _date(plan.submitted_at),
        ),
        Signature(
            pgettext("IDP form", "Supervisor"),
            _name(supervisor),
            supervisor.position if supervisor else "",
            pgettext("IDP form", "Approved on"),
            _date(supervisor_date),
        ),
        Signature(
            pgettext("IDP form", "Next-level supervisor"),
            _name(next_level),
            next_level.position if next_level else "",
            pgettext("IDP form", "Approved on"),
            _date(next_date),
        ),
    ]


def form_columns() -> list[str]:
    """Headings of the goals table."""
    return [
        pgettext("IDP form", "No."),
        pgettext("IDP form", "Skill to develop"),
        pgettext("IDP form", "Development goal"),
        pgettext("IDP form", "Development method (70:20:10)"),
        pgettext("IDP form", "Type (70:20:10)"),
        pgettext("IDP form", "Hours"),
        pgettext("IDP form", "Period"),
        pgettext("IDP form", "Use at work"),
    ]


def form_labels() -> dict[str, str]:
    """The form's other words: headings, the balance table, signatures, page numbers."""
    return {
        "part1": pgettext("IDP form", "Part 1: the person"),
        "mission": pgettext("IDP form", "Link to the department's mission"),
        "part2": pgettext("IDP form", "Part 2: development goals and methods"),
        "balance": pgettext("IDP form", "Balance of 70:20:10"),
        "type": pgettext("IDP form", "Type (70:20:10)"),
        "recommended": pgettext("IDP form", "Recommended"),
        "hours": pgettext("IDP form", "Hours"),
        "share": pgettext("IDP form", "Share"),
        "total": pgettext("IDP form", "Total"),
        "version": pgettext("IDP form", "Version"),
        "signed": pgettext("IDP form", "Signed"),
        "position": pgettext("IDP form", "Position"),
        "page": pgettext("IDP form", "Page"),
        "of": pgettext("IDP form", "of"),
        "no_goals": pgettext("IDP form", "No development goals yet."),
        "cancelled": pgettext("IDP form", "cancelled"),
    }


def plan_form(plan: Plan, *, today: dt.date | None = None) -> PlanForm:
    """Gather the official form of one plan version, in Thai."""
    with translation.override(FORM_LANGUAGE):
        return _plan_form(plan, today or dt.date.today())


def _plan_form(plan: Plan, today: dt.date) -> PlanForm:
    person = plan.person
    division = plan.division or person.division
    group = plan.group or person.group
    goals = list(plan.goals.select_related("unit").prefetch_related("activities").order_by("order", "id"))
    balance = plan_band_balance(plan)
    total = sum((b.hours for b in balance), Decimal(0))
    role = plan.role
    details = [
        Detail(pgettext("IDP form", "Name"), person.full_name),
        Detail(pgettext("IDP form", "Position"), person.position),
        Detail(pgettext("IDP form", "Level"), person.position_level or "-"),
        Detail(pgettext("IDP form", "Affiliation"), division.name_th if division else "-"),
        Detail(pgettext("IDP form", "Personnel group"), f"{group.code} {group.name_th}" if group else "-"),
        Detail(pgettext("IDP form", "Expected role"), f"{role.code} {role.name_th}" if role else "-"),
    ]
    specific = plan.specific_role_th or person.specific_role_th
    if specific:
        details.append(Detail(pgettext("IDP form", "Person-specific role"), specific))
    balance_rows = [(str(b.label), f"{b.band}%", _hours(b.hours), f"{b.percent:g}%") for b in balance]
    return PlanForm(
        ministry=ministry_of(plan.agency),
        department=plan.agency.name_th,
        title=pgettext("IDP form", "Individual Development Plan (IDP) for the fiscal year %(year)s")
        % {"year": plan.fiscal_year},
        year=plan.fiscal_year,
        version=plan.version,
        status=str(_status_label(plan.status)),
        person_name=person.full_name,
        details=details,
        mission=plan.mission,
        goals=[_goal(i, g) for i, g in enumerate(goals, start=1)],
        balance=balance,
        balance_rows=balance_rows,
        total_hours=_hours(total),
        signatures=_signatures(plan),
        columns=form_columns(),
        labels=form_labels(),
        printed=_date(today),
    )


STATUS_LABELS: dict[str, Promise] = {
    "draft": pgettext_lazy("IDP form", "Draft"),
    "submitted": pgettext_lazy("IDP form", "Waiting for approval"),
    "returned": pgettext_lazy("IDP form", "Returned for changes"),
    "approved": pgettext_lazy("IDP form", "Approved"),
    "in_progress": pgettext_lazy("IDP form", "In progress"),
    "completed": pgettext_lazy("IDP form", "Completed"),
    "superseded": pgettext_lazy("IDP form", "Replaced by a later version"),
}


def _status_label(status: str) -> Promise | str:
    return STATUS_LABELS.get(status, status)
