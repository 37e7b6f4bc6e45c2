"""Reads for reports: the department's view of plans (Org 4) and the 70:20:10 balance of the form.

Reading one plan, the current plan of a person, the fiscal year, the approvals waiting and the
department's approval limit are the plans app's own reads (`plans.selectors`): reports calls them
and keeps no copy. The views scope everything to the actor's department first, then check the role.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery, Sum
from django.utils.functional import Promise
from django.utils.translation import pgettext, pgettext_lazy

from digiskill.agencies.models import Agency
from digiskill.core.glossary import NO_DIVISION, band_label
from digiskill.frameworks.models import PersonnelGroup
from digiskill.people.models import Person
from digiskill.plans.models import ActivityStatus, Band, Plan, PlanActivity, PlanStatus
from digiskill.plans.selectors import this_fiscal_year

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
    no_division = str(NO_DIVISION)
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


@dataclass
class BandHours:
    """Hours planned in one band of 70:20:10, and its share of all hours."""

    band: int
    label: Promise
    hours: Decimal
    activities: int
    percent: float


BAND_LABELS: dict[int, Promise] = {
    Band.EXPERIENCE: band_label(70, ": "),
    Band.SOCIAL: band_label(20, ": "),
    Band.FORMAL: band_label(10, ": "),
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
    current = this_fiscal_year()
    years = set(Plan.objects.filter(agency=agency).values_list("fiscal_year", flat=True).distinct())
    years.update({current, current + 1})
    return sorted(years, reverse=True)
