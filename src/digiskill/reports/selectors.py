"""Reads for reports: one plan for its official form, and the department's view of plans (Org 4).

Everything is scoped to the actor's department first (outsiders get 404), then checked by role.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db.models import Count, OuterRef, Q, QuerySet, Subquery, Sum
from django.http import Http404
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext, pgettext_lazy

from digiskill.accounts.access import Actor, require_agency
from digiskill.accounts.models import Role
from digiskill.agencies.models import Agency
from digiskill.frameworks.models import PersonnelGroup
from digiskill.lib.thai_dates import fiscal_year
from digiskill.people.models import Person
from digiskill.people.selectors import subordinate_ids
from digiskill.plans.models import ActivityStatus, Band, Plan, PlanActivity, PlanSettings, PlanStatus

DEFAULT_APPROVAL_LIMIT_DAYS = 7

# --- one plan -----------------------------------------------------------------------------------


def get_plan_for_actor(actor: Actor, pk: int) -> Plan:
    """A plan the actor may read: their own, their subordinates' (any level), or any for HR/executives.

    Outside the department (or missing) → 404; someone else in the department → 403.
    """
    agency = require_agency(actor)
    plan = (
        Plan.objects.filter(agency=agency, pk=pk)
        .select_related("person", "person__division", "person__group", "agency")
        .first()
    )
    if plan is None:
        raise Http404
    if actor.has(Role.HR_ADMIN, Role.EXECUTIVE):
        return plan
    me = actor.person
    if me is None:
        raise PermissionDenied
    if me.pk in (plan.person_id, plan.supervisor_id, plan.next_level_id):
        return plan
    if plan.person_id in subordinate_ids(me):
        return plan
    raise PermissionDenied


def current_plan(person: Person, year: int) -> Plan | None:
    """The current version of a person's plan for a fiscal year, if there is one."""
    return (
        Plan.objects.filter(person=person, fiscal_year=year, is_current=True)
        .order_by("-version")
        .select_related("person", "agency")
        .first()
    )


def current_fiscal_year() -> int:
    """The fiscal year (B.E.) of today in Bangkok."""
    return fiscal_year(timezone.localdate())


# --- the department's view of plans -------------------------------------------------------------

NONE = "none"
DRAFT = "draft"
COLUMNS: list[tuple[str, Promise]] = [
    (NONE, pgettext_lazy("plan reports", "No plan")),
    (DRAFT, pgettext_lazy("plan reports", "Draft")),
    (PlanStatus.SUBMITTED.value, pgettext_lazy("plan reports", "Waiting for approval")),
    (PlanStatus.APPROVED.value, pgettext_lazy("plan reports", "Approved")),
    (PlanStatus.IN_PROGRESS.value, pgettext_lazy("plan reports", "In progress")),
    (PlanStatus.COMPLETED.value, pgettext_lazy("plan reports", "Completed")),
]
"""The columns of the completion table, in the order of the plan's life."""

# A returned plan is back with its owner, not yet submitted: it counts as a draft.
_COLUMN_OF_STATUS = {
    None: NONE,
    PlanStatus.DRAFT.value: DRAFT,
    PlanStatus.RETURNED.value: DRAFT,
    PlanStatus.SUBMITTED.value: PlanStatus.SUBMITTED.value,
    PlanStatus.APPROVED.value: PlanStatus.APPROVED.value,
    PlanStatus.IN_PROGRESS.value: PlanStatus.IN_PROGRESS.value,
    PlanStatus.COMPLETED.value: PlanStatus.COMPLETED.value,
    # Never current; listed so that a stray row is still counted somewhere sensible.
    PlanStatus.SUPERSEDED.value: NONE,
}
NOT_SUBMITTED = (NONE, DRAFT)
AGREED_STATUSES = (PlanStatus.APPROVED, PlanStatus.IN_PROGRESS, PlanStatus.COMPLETED)


def column_of(status: str | None) -> str:
    """The completion-table column of a plan status (None: the person has no plan)."""
    return _COLUMN_OF_STATUS.get(status, NONE)


@dataclass
class Cell:
    """A count and its share of the row's people."""

    count: int
    percent: float


@dataclass
class CompletionRow:
    """People with a group in one division or group, by where their plan stands."""

    key: int | None
    label: str
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def people(self) -> int:
        """Everyone counted in this row."""
        return sum(self.counts.values())

    @property
    def cells(self) -> list[Cell]:
        """The row's counts in column order, with percentages of the row's people."""
        total = self.people
        return [
            Cell(self.counts.get(key, 0), round(100 * self.counts.get(key, 0) / total, 1) if total else 0.0)
            for key, _label in COLUMNS
        ]

    @property
    def submitted_percent(self) -> float:
        """Share of the row's people whose plan has at least been submitted."""
        total = self.people
        done = total - sum(self.counts.get(k, 0) for k in NOT_SUBMITTED)
        return round(100 * done / total, 1) if total else 0.0


@dataclass
class Completion:
    """Plan completion of a fiscal year, by division and by personnel group, and in total."""

    year: int
    by_division: list[CompletionRow]
    by_group: list[CompletionRow]
    total: CompletionRow


def _people_with_group(agency: Agency) -> QuerySet[Person]:
    """The department's active people who have a personnel group (those who need a plan)."""
    return Person.objects.filter(agency=agency, is_active=True, group__isnull=False)


def _plan_status_of_person(year: int) -> Subquery:
    """The status of the current version of the person's plan for `year` (NULL when none)."""
    plans = Plan.objects.filter(person=OuterRef("pk"), fiscal_year=year, is_current=True).order_by("-version")
    return Subquery(plans.values("status")[:1])


def plan_completion(agency: Agency, year: int) -> Completion:
    """Counts of people with a group, by where their plan for `year` stands (one query)."""
    rows = (
        _people_with_group(agency)
        .annotate(plan_status=_plan_status_of_person(year))
        .values_list("division_id", "group_id", "plan_status")
        .annotate(n=Count("id"))
        .order_by()
    )
    divisions: dict[int | None, dict[str, int]] = {}
    groups: dict[int | None, dict[str, int]] = {}
    total: dict[str, int] = {}
    for division_id, group_id, status, n in rows:
        column = column_of(status)
        for bucket in (divisions.setdefault(division_id, {}), groups.setdefault(group_id, {}), total):
            bucket[column] = bucket.get(column, 0) + n
    division_names = dict(
        Agency.objects.filter(pk__in=[k for k in divisions if k is not None]).values_list("pk", "name_th")
    )
    group_rows = PersonnelGroup.objects.filter(pk__in=[k for k in groups if k is not None])
    group_names = {g.pk: (g.order, f"{g.code} {g.name_th}") for g in group_rows}
    no_division = pgettext("plan reports", "No division")
    by_division = sorted(
        (
            CompletionRow(k, division_names.get(k, no_division) if k else no_division, c)
            for k, c in divisions.items()
        ),
        key=lambda r: (r.key is None, r.label),
    )
    by_group = sorted(
        (CompletionRow(k, group_names[k][1], c) for k, c in groups.items() if k is not None),
        key=lambda r: group_names[r.key] if r.key is not None else (0, ""),
    )
    return Completion(
        year, by_division, by_group, CompletionRow(None, pgettext("plan reports", "Whole department"), total)
    )


def not_submitted(agency: Agency, year: int, division: Agency | None = None) -> QuerySet[Person]:
    """People with a group whose plan for `year` is missing, a draft or returned; annotated `plan_status`."""
    people = _people_with_group(agency).annotate(plan_status=_plan_status_of_person(year))
    if division is not None:
        people = people.filter(division=division)
    open_statuses = [PlanStatus.DRAFT, PlanStatus.RETURNED, PlanStatus.SUPERSEDED]
    return (
        people.filter(Q(plan_status__isnull=True) | Q(plan_status__in=open_statuses))
        .select_related("division", "group", "supervisor")
        .order_by("division__name_th", "first_name", "last_name", "pk")
    )


def approval_limit_days(agency: Agency) -> int:
    """Days an approval may wait before HR is shown it (the department's setting, or 7)."""
    limit = PlanSettings.objects.filter(agency=agency).values_list("approval_limit_days", flat=True).first()
    return DEFAULT_APPROVAL_LIMIT_DAYS if limit is None else limit


@dataclass
class Waiting:
    """A submitted plan waiting for a supervisor's approval."""

    plan: Plan
    since: dt.datetime
    days: int
    overdue: bool

    @property
    def approver(self) -> Person | None:
        """Who should approve now: the next-level supervisor after the first approval, else the supervisor."""
        if self.plan.awaiting_next_level:
            return self.plan.next_level or (self.plan.supervisor.supervisor if self.plan.supervisor else None)
        return self.plan.supervisor or self.plan.person.supervisor


def waiting_approvals(
    agency: Agency, year: int | None = None, *, now: dt.datetime | None = None
) -> list[Waiting]:
    """Submitted plans (current versions) waiting for approval, longest wait first.

    The wait counts from the supervisor's approval when the next-level supervisor is the one
    now holding the plan, otherwise from the submission.
    """
    now = now or timezone.now()
    limit = approval_limit_days(agency)
    plans = Plan.objects.filter(agency=agency, is_current=True, status=PlanStatus.SUBMITTED).select_related(
        "person",
        "person__division",
        "person__supervisor",
        "supervisor",
        "supervisor__supervisor",
        "next_level",
    )
    if year is not None:
        plans = plans.filter(fiscal_year=year)
    waiting = []
    for plan in plans:
        since = (plan.first_approved_at if plan.awaiting_next_level else plan.submitted_at) or plan.updated_at
        days = max((now - since).days, 0)
        waiting.append(Waiting(plan, since, days, days > limit))
    waiting.sort(key=lambda w: (-w.days, w.plan.pk))
    return waiting


def overdue_approvals_count(agency: Agency) -> int:
    """How many approvals (any year) have waited longer than the department's limit."""
    return sum(1 for w in waiting_approvals(agency) if w.overdue)


@dataclass
class BandHours:
    """Hours planned in one band of 70:20:10, and its share of all hours."""

    band: int
    label: Promise
    hours: Decimal
    activities: int
    percent: float


BAND_LABELS: dict[int, Promise] = {
    Band.EXPERIENCE: _("70: learning by doing"),
    Band.SOCIAL: _("20: learning from others"),
    Band.FORMAL: _("10: formal learning"),
}
"""The three parts of 70:20:10 as the reports and the official form name them."""


def _band_rows(sums: dict[int, tuple[Decimal, int]]) -> list[BandHours]:
    total = sum((h for h, _n in sums.values()), Decimal(0))
    return [
        BandHours(
            band,
            BAND_LABELS[band],
            sums.get(band, (Decimal(0), 0))[0],
            sums.get(band, (Decimal(0), 0))[1],
            round(float(100 * sums.get(band, (Decimal(0), 0))[0] / total), 1) if total else 0.0,
        )
        for band in (Band.EXPERIENCE, Band.SOCIAL, Band.FORMAL)
    ]


def band_balance(agency: Agency, year: int) -> list[BandHours]:
    """Hours by 70:20:10 band over the activities of agreed plans (approved, in progress, completed).

    Cancelled activities are not counted.
    """
    rows = (
        PlanActivity.objects.filter(
            goal__plan__agency=agency,
            goal__plan__fiscal_year=year,
            goal__plan__is_current=True,
            goal__plan__status__in=AGREED_STATUSES,
        )
        .exclude(status=ActivityStatus.CANCELLED)
        .values_list("band")
        .annotate(hours=Sum("hours"), n=Count("id"))
        .order_by()
    )
    return _band_rows({band: (hours or Decimal(0), n) for band, hours, n in rows})


def plan_band_balance(plan: Plan) -> list[BandHours]:
    """Hours by 70:20:10 band over one plan's activities (cancelled ones not counted)."""
    rows = (
        PlanActivity.objects.filter(goal__plan=plan)
        .exclude(status=ActivityStatus.CANCELLED)
        .values_list("band")
        .annotate(hours=Sum("hours"), n=Count("id"))
        .order_by()
    )
    return _band_rows({band: (hours or Decimal(0), n) for band, hours, n in rows})


def plan_years(agency: Agency) -> list[int]:
    """Fiscal years with plans in the department, and the current and next ones, newest first."""
    current = current_fiscal_year()
    years = set(Plan.objects.filter(agency=agency).values_list("fiscal_year", flat=True).distinct())
    years.update({current, current + 1})
    return sorted(years, reverse=True)
