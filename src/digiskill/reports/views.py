"""Report pages: the official IDP form (PDF, XLSX) and the department's view of plans (Org 4)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.decorators.http import require_GET

from digiskill.accounts.access import ActorRequest, require_role
from digiskill.accounts.models import Role
from digiskill.agencies.models import Agency
from digiskill.agencies.selectors import divisions_of
from digiskill.plans import selectors as plans
from digiskill.reports import selectors
from digiskill.reports.documents import PDF, XLSX, completion_xlsx, plan_filename, plan_pdf, plan_xlsx
from digiskill.reports.fonts import FontMissing
from digiskill.reports.pdf import PdfUnavailable


def _download(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
@login_required
def plan_form_pdf(request: ActorRequest, pk: int) -> HttpResponse:
    """The official form of a plan version as PDF (the person, their line of supervisors, HR)."""
    plan = plans.get_plan_for_actor(request.actor, pk)
    try:
        content = plan_pdf(plan)
    except (PdfUnavailable, FontMissing) as exc:
        message = _("The PDF cannot be made right now; the XLSX form is available.")
        context = {"message": message, "detail": str(exc), "plan": plan}
        return render(request, "reports/unavailable.html", context, status=503)
    return _download(content, PDF, plan_filename(plan, "pdf"))


@require_GET
@login_required
def plan_form_xlsx(request: ActorRequest, pk: int) -> HttpResponse:
    """The official form of a plan version as XLSX."""
    plan = plans.get_plan_for_actor(request.actor, pk)
    return _download(plan_xlsx(plan), XLSX, plan_filename(plan, "xlsx"))


def _year(request: ActorRequest) -> int:
    """The fiscal year asked for (any four-digit B.E. year), else the current one."""
    text = request.GET.get("year", "")
    if text.isdigit() and 2400 < int(text) < 2700:
        return int(text)
    return plans.this_fiscal_year()


def _division(request: ActorRequest, agency: Agency) -> Agency | None:
    """The division filter of the not-yet-submitted list (only the department's own units)."""
    text = request.GET.get("division", "")
    if not text.isdigit():
        return None
    return divisions_of(agency, active_only=False).filter(pk=int(text)).first()


@require_GET
@login_required
def plans_overview(request: ActorRequest) -> HttpResponse:
    """Org 4: how far the department's plans are for a fiscal year (HR administrators and executives)."""
    actor = request.actor
    agency = require_role(actor, Role.HR_ADMIN, Role.EXECUTIVE)
    years = selectors.plan_years(agency)
    year = _year(request)
    is_hr = actor.has(Role.HR_ADMIN)
    division = _division(request, agency)
    completion = selectors.plan_completion(agency, year)
    context = {
        "year": year,
        "years": sorted({*years, year}, reverse=True),
        "columns": [label for _key, label in selectors.COLUMNS],
        "completion": completion,
        "completion_tables": [
            (pgettext("plan reports", "Division"), completion.by_division, "completion-division"),
            (pgettext("plan reports", "Personnel group"), completion.by_group, "completion-group"),
        ],
        "waiting_count": len(plans.waiting_approvals(agency, year)),
        "waiting": plans.waiting_approvals_named_for(actor, year),
        "overdue": {w.plan.pk for w in plans.overdue_approvals(agency)},
        "limit": plans.approval_limit(agency),
        "balance": selectors.band_balance(agency, year),
        "is_hr": is_hr,
    }
    if is_hr:
        people = selectors.not_submitted(agency, year, division)
        context.update(
            {
                "divisions": divisions_of(agency),
                "division": division,
                "pending": Paginator(people, 50).get_page(request.GET.get("page")),
            }
        )
    if request.htmx and is_hr and request.htmx.target == "pending":
        return render(request, "reports/_pending.html", context)
    return render(request, "reports/plans.html", context)


@require_GET
@login_required
def plans_completion_xlsx(request: ActorRequest) -> HttpResponse:
    """The completion table of a fiscal year as XLSX."""
    agency = require_role(request.actor, Role.HR_ADMIN, Role.EXECUTIVE)
    year = _year(request)
    completion = selectors.plan_completion(agency, year)
    return _download(completion_xlsx(agency, completion), XLSX, f"idp-completion-{agency.code}-{year}.xlsx")
