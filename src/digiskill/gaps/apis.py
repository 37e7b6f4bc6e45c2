"""The gap analysis as JSON under /api/v1/gaps/: the same matrix and participation as the page.

HR administrators and executives of the department only: no session 401, no department 404, another
role 403. Filters are the page's: `division` (id, or "none"), `group`, `area` and `stage` (codes),
`rows` (division_group, division, group) and `columns` (unit, area). A division, group, area or
stage the department does not have is 404; a layout that does not exist is 422.
"""

from __future__ import annotations

from typing import Any, cast

from django.http import Http404, HttpRequest
from ninja import Query, Router, Schema, Status

from digiskill.accounts.access import ActorRequest, require_role
from digiskill.accounts.models import Role
from digiskill.core.apis import Problem
from digiskill.gaps.forms import GapFilterForm
from digiskill.gaps.selectors import (
    GapFilters,
    as_dict,
    filter_choices,
    gap_analysis_for_actor,
    participation_dict,
    participation_for_actor,
)

router = Router(tags=["gaps"])

LAYOUT_FIELDS = {"rows", "columns", "view"}


class FiltersIn(Schema):
    """The filters of the analysis, as on the page."""

    division: str = ""
    group: str = ""
    area: str = ""
    stage: str = ""
    rows: str = ""
    columns: str = ""


class CellOut(Schema):
    """People lacking / people assessed, and the share lacking in percent (null when nobody)."""

    lacking: int
    assessed: int
    percent: float | None


class ColumnOut(Schema):
    """A column of the matrix: a unit (is_unit) or an area."""

    code: str
    name_th: str
    area: str
    is_unit: bool


class RowOut(Schema):
    """A row of the matrix; `cells` follow `columns`; `text_items` are the text items by key."""

    division: str | None
    division_id: int | None
    group: str | None
    label: str
    cells: list[CellOut]
    text_items: dict[str, CellOut]


class GapItemOut(Schema):
    """One required item over the whole filtered population."""

    key: str
    component: str | None
    unit: str | None
    area: str | None
    label: str
    lacking: int
    assessed: int
    percent: float | None


class ParticipationLineOut(Schema):
    """Active people with a group, and how far their assessment has gone."""

    division: str | None
    division_id: int | None
    group: str | None
    people: int
    assessed: int
    not_yet: int
    submitted: int
    draft: int
    not_started: int
    percent: float | None


class ParticipationOut(Schema):
    """Participation in total, by division, by group and by division × group."""

    total: ParticipationLineOut
    by_division: list[ParticipationLineOut]
    by_group: list[ParticipationLineOut]
    lines: list[ParticipationLineOut]


class AgencyOut(Schema):
    code: str
    name_th: str


class GapAnalysisOut(Schema):
    """The matrix (rows × columns), item totals and participation."""

    agency: AgencyOut
    filters: dict[str, str]
    columns: list[ColumnOut]
    rows: list[RowOut]
    totals: list[CellOut]
    items: list[GapItemOut]
    participation: ParticipationOut


def _filters(request: HttpRequest, given: FiltersIn) -> GapFilters:
    """Check the role, then parse the filters against the actor's department."""
    actor = cast(ActorRequest, request).actor
    agency = require_role(actor, Role.HR_ADMIN, Role.EXECUTIVE)
    data = {k: v for k, v in given.dict().items() if v}
    form = GapFilterForm(filter_choices(agency), data)
    if form.is_valid():
        return form.filters()
    if set(form.errors) <= LAYOUT_FIELDS:
        raise _Unprocessable(" ".join(f"{k}: {v[0]}" for k, v in form.errors.items()))
    raise Http404


class _Unprocessable(Exception):
    pass


@router.get("/", response={200: GapAnalysisOut, 422: Problem})
def gap_matrix(request: HttpRequest, filters: Query[FiltersIn]) -> Any:
    """The gap matrix of the department: rows × units (or areas), item totals and participation."""
    try:
        parsed = _filters(request, filters)
        return Status(200, as_dict(gap_analysis_for_actor(cast(ActorRequest, request).actor, parsed)))
    except _Unprocessable as exc:
        return Status(422, Problem(detail=str(exc)))


@router.get("/participation", response={200: ParticipationOut, 422: Problem})
def gap_participation(request: HttpRequest, filters: Query[FiltersIn]) -> Any:
    """Who has been assessed: people with a group, assessed, waiting, in draft; by division and group."""
    try:
        parsed = _filters(request, filters)
        return Status(
            200, participation_dict(participation_for_actor(cast(ActorRequest, request).actor, parsed))
        )
    except _Unprocessable as exc:
        return Status(422, Problem(detail=str(exc)))
