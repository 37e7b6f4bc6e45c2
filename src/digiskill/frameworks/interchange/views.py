"""Downloads of a framework (CASE JSON, Moodle CSV) for members; CASE import for system administrators."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from digiskill.accounts.access import ActorRequest, require_system_admin
from digiskill.frameworks.interchange.case import CaseImportError, framework_case_package, package_json
from digiskill.frameworks.interchange.forms import CaseUploadForm
from digiskill.frameworks.interchange.moodle import framework_csv_chunks
from digiskill.frameworks.interchange.services import framework_import_case
from digiskill.frameworks.models import Framework


def _attachment(filename: str) -> str:
    """A Content-Disposition value that downloads under `filename`."""
    return f'attachment; filename="{filename}"'


@require_GET
@login_required
def export_case(request: ActorRequest, code: str) -> HttpResponse:
    """The framework as a CASE 1.1 package (JSON), for every member: the catalog is public to them."""
    fw = get_object_or_404(Framework, code=code)
    response = HttpResponse(
        package_json(framework_case_package(fw)), content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = _attachment(f"{fw.code}-case.json")
    return response


@require_GET
@login_required
def export_csv(request: ActorRequest, code: str) -> StreamingHttpResponse:
    """The framework as Moodle's competency-framework CSV, for every member."""
    fw = get_object_or_404(Framework, code=code)
    response = StreamingHttpResponse(framework_csv_chunks(fw), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = _attachment(f"{fw.code}-moodle.csv")
    return response


@require_http_methods(["GET", "POST"])
@login_required
def import_case(request: ActorRequest) -> HttpResponse:
    """Upload a CASE package and create its framework (system administrators only)."""
    require_system_admin(request.actor)
    form = CaseUploadForm(request.POST or None, request.FILES or None)
    problems: list[str] = []
    if request.method == "POST" and form.is_valid():
        try:
            fw = framework_import_case(actor=request.actor, package=form.cleaned_data["package"])
        except CaseImportError as exc:
            problems = exc.problems
        else:
            messages.success(request, _("Imported framework %(code)s.") % {"code": fw.code})
            return redirect("frameworks:framework", code=fw.code)
    status = 400 if request.method == "POST" else 200
    return render(request, "exchange/import.html", {"form": form, "problems": problems}, status=status)
