"""Pages of the gap analysis: the heat map / table, the people behind a cell, the exports."""

from __future__ import annotations

from itertools import pairwise
from typing import Any
from urllib.parse import urlencode, urlsplit

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from digiskill.accounts.access import ActorRequest, require_role
from digiskill.accounts.models import Role
from digiskill.agencies.models import Agency
from digiskill.gaps import exports
from digiskill.gaps.forms import CellForm, GapFilterForm
from digiskill.gaps.selectors import (
    LEVELS,
    GapAnalysis,
    filter_choices,
    gap_analysis_for_actor,
    gap_people_for_actor,
    lacking_details,
)

PEOPLE_PER_PAGE = 50


def _filter_form(request: ActorRequest, agency: Agency) -> GapFilterForm:
    """The filters of the request; anything not of the department (or malformed) is 404."""
    form = GapFilterForm(filter_choices(agency), request.GET)
    if not form.is_valid():
        raise Http404
    return form


def _link(name: str, *params: dict[str, str]) -> str:
    merged: dict[str, str] = {}
    for p in params:
        merged.update(p)
    return f"{reverse(name)}?{urlencode(merged)}"


def _grid(analysis: GapAnalysis, drill: bool) -> list[dict[str, Any]]:
    """The heat map's rows with, for each cell, the link to the people behind it (HR only)."""
    base = {k: v for k, v in analysis.filters.query().items() if k in ("division", "group", "stage")}
    column_key = "cell_area" if analysis.filters.columns == "area" else "unit"
    grid = []
    for row in analysis.rows:
        row_params = {**row.query(), **base}  # the page's division filter may be a section
        cells = []
        for column, cell in zip(analysis.columns, row.cells, strict=True):
            url = ""
            if drill and cell.lacking:
                url = _link("gaps:people", row_params, {column_key: column.code})
            cells.append({"cell": cell, "column": column, "url": url})
        grid.append({"row": row, "cells": cells})
    return grid


def _legend() -> list[tuple[int, str]]:
    """The colour bands: "≤ 10%", "10–25%", …, "> 75%"."""
    first, last = LEVELS[0], LEVELS[-1]
    middle = [f"{low}–{high}%" for low, high in pairwise(LEVELS)]
    return list(enumerate([f"≤ {first}%", *middle, f"> {last}%"]))


@require_GET
@login_required
def analysis(request: ActorRequest) -> HttpResponse:
    """The department's gap analysis as a heat map or a table, with participation (HR and executives)."""
    actor = request.actor
    agency = require_role(actor, Role.HR_ADMIN, Role.EXECUTIVE)
    form = _filter_form(request, agency)
    result = gap_analysis_for_actor(actor, form.filters())
    drill = actor.has(Role.HR_ADMIN)
    query = result.filters.query()
    base = {k: v for k, v in query.items() if k in ("division", "group", "stage")}
    context = {
        "form": form,
        "result": result,
        "view": form.chosen_view,
        "grid": _grid(result, drill) if form.chosen_view == "heatmap" else [],
        "drill": drill,
        "legend": _legend(),
        "people_url": reverse("gaps:people"),
        "base_query": urlencode(base),
        "export_query": urlencode(query),
        "table_query": urlencode({**query, "view": "table"}),
        "heatmap_query": urlencode({**query, "view": "heatmap"}),
    }
    template = "gaps/_results.html" if request.htmx else "gaps/analysis.html"
    return render(request, template, context)


def _back(request: ActorRequest) -> str:
    """The analysis page the user came from (its filters and view), when the browser says so."""
    came_from = urlsplit(request.headers.get("referer", ""))
    if came_from.netloc not in ("", request.get_host()) or came_from.path != reverse("gaps:analysis"):
        return ""
    return f"{came_from.path}?{came_from.query}" if came_from.query else came_from.path


@require_GET
@login_required
def people(request: ActorRequest) -> HttpResponse:
    """The people behind one cell: who lacks the unit, area or item (HR administrators only)."""
    actor = request.actor
    agency = require_role(actor, Role.HR_ADMIN, Role.EXECUTIVE)
    form = CellForm(filter_choices(agency), agency, request.GET)
    if not form.is_valid():
        raise Http404
    filters, target = form.filters(), form.target()
    found, cell = gap_people_for_actor(actor, filters, target)
    page = Paginator(found, PEOPLE_PER_PAGE).get_page(request.GET.get("page"))
    lines = lacking_details(agency, filters, target, page.object_list)
    params = {k: v for k, v in request.GET.items() if k != "page"}
    context = {
        "filters": filters,
        "target": target,
        "cell": cell,
        "page": page,
        "lines": lines,
        "query": urlencode(params),
        "back": _back(request) or _link("gaps:analysis", filters.query()),
    }
    return render(request, "gaps/people.html", context)


@require_GET
@login_required
def export(request: ActorRequest, fmt: str) -> HttpResponse:
    """The analysis under the page's filters as XLSX or CSV."""
    actor = request.actor
    agency = require_role(actor, Role.HR_ADMIN, Role.EXECUTIVE)
    if fmt not in ("xlsx", "csv"):
        raise Http404
    result = gap_analysis_for_actor(actor, _filter_form(request, agency).filters())
    content, content_type = exports.export(result, fmt)
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{exports.filename(result, fmt)}"'
    return response
