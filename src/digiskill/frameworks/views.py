"""Catalog pages: frameworks, areas, units, skill sets and roles for everyone logged in; search;
inline edits of units, elements and criteria for system administrators."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from digiskill.accounts.access import ActorRequest, require_system_admin
from digiskill.accounts.models import Role
from digiskill.frameworks import selectors
from digiskill.frameworks.forms import CriterionForm, ElementForm, SearchForm, UnitForm
from digiskill.frameworks.models import Framework, Unit
from digiskill.frameworks.services import criterion_update, element_update, unit_update
from digiskill.frameworks.unit_sections import unit_sections

EXPORTS = (("exchange:export_case", "CASE JSON"), ("exchange:export_csv", "Moodle CSV"))


def _is_admin(request: ActorRequest) -> bool:
    """True when the reader may edit the catalog."""
    return request.actor.has(Role.SYSTEM_ADMIN)


def _export_links(fw: Framework) -> list[tuple[str, str]]:
    """(label, url) of each exchange format whose download page exists (others are left out)."""
    links = []
    for name, label in EXPORTS:
        try:
            links.append((label, reverse(name, kwargs={"code": fw.code})))
        except NoReverseMatch:
            continue
    return links


@require_GET
@login_required
def framework_list(request: ActorRequest) -> HttpResponse:
    """Every framework loaded, with its counts and status, for everyone logged in."""
    return render(
        request, "frameworks/framework_list.html", {"frameworks": selectors.frameworks_with_counts()}
    )


@require_GET
@login_required
def framework_detail(request: ActorRequest, code: str) -> HttpResponse:
    """One framework: goals, areas, groups, stages, the role matrix, skill sets and downloads."""
    fw = selectors.get_framework(code)
    context = {"framework": fw, "o": selectors.framework_overview(fw), "exports": _export_links(fw)}
    return render(request, "frameworks/framework_detail.html", context)


@require_GET
@login_required
def area_detail(request: ActorRequest, code: str, area: str) -> HttpResponse:
    """One competency area and its units."""
    fw = selectors.get_framework(code)
    found = selectors.get_area(fw, area)
    context = {"framework": fw, "area": found, "units": selectors.area_units(found)}
    return render(request, "frameworks/area_detail.html", context)


def _unit_context(request: ActorRequest, unit: Unit) -> dict[str, Any]:
    """What the unit page and its partials need."""
    return {"framework": unit.framework, "unit": unit, "can_edit": _is_admin(request)}


@require_GET
@login_required
def unit_detail(request: ActorRequest, code: str, unit: str) -> HttpResponse:
    """One unit of competency, section by section like the TPQI document."""
    found = selectors.get_unit(code, unit)
    sections = unit_sections(request.actor, found)  # what other apps show here, e.g. learning resources
    context = {**_unit_context(request, found), "page": selectors.unit_page(found), "sections": sections}
    return render(request, "frameworks/unit_detail.html", context)


@require_GET
@login_required
def skill_set_detail(request: ActorRequest, code: str, skill_set: str) -> HttpResponse:
    """One skill set (MCIO, DCIO, CIOA, or a role's set), its items under the five components."""
    fw = selectors.get_framework(code)
    found = selectors.get_skill_set(fw, skill_set)
    context = {"framework": fw, "skill_set": found, "sections": selectors.skill_set_sections(found)}
    return render(request, "frameworks/skill_set_detail.html", context)


@require_GET
@login_required
def role_detail(request: ActorRequest, code: str, role: str) -> HttpResponse:
    """One expected role (group × stage): title, description, and the skill sets made for it."""
    fw = selectors.get_framework(code)
    return render(
        request, "frameworks/role_detail.html", {"framework": fw, "role": selectors.get_role(fw, role)}
    )


@require_GET
@login_required
def search(request: ActorRequest) -> HttpResponse:
    """Search units, elements, criteria and skill items; HTMX asks for the results only."""
    frameworks = list(Framework.objects.order_by("code"))
    form = SearchForm(request.GET or None, framework_codes=[(f.code, f.code) for f in frameworks])
    q, framework, results = "", None, []
    if form.is_valid():
        q = form.cleaned_data["q"]
        framework = next((f for f in frameworks if f.code == form.cleaned_data["framework"]), None)
        results = selectors.search_results(q, framework=framework) if q else []
    context = {"form": form, "q": q, "framework": framework, "results": results}
    partial = request.htmx and not request.htmx.history_restore_request
    response = render(
        request, "frameworks/_search_results.html" if partial else "frameworks/search.html", context
    )
    patch_vary_headers(response, ("HX-Request",))
    return response


def _edit(
    request: ActorRequest,
    form: Any,
    *,
    save: Any,
    show: str,
    edit: str,
    context: dict[str, Any],
    title: str,
    anchor: str = "",
) -> HttpResponse:
    """The shared flow of an inline edit: form, service, then the display partial or a redirect."""
    inline = bool(request.htmx)
    if request.method == "GET" and inline and "cancel" in request.GET:
        return render(request, show, context)
    if request.method == "POST" and form.is_valid():
        try:
            save(form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            if inline:
                return render(request, show, {**context, "saved": True})
            messages.success(request, _("Saved."))
            return redirect(_unit_url(context["unit"]) + anchor)
    context = {
        **context,
        "form": form,
        "inline": inline,
        "edit_title": title,
        "edit_url": request.path,
        "back_url": _unit_url(context["unit"]) + anchor,
    }
    return render(request, edit if inline else "frameworks/edit_page.html", context)


def _unit_url(unit: Unit) -> str:
    """The address of a unit's page."""
    return reverse("frameworks:unit", kwargs={"code": unit.framework.code, "unit": unit.code})


@require_http_methods(["GET", "POST"])
@login_required
def unit_edit(request: ActorRequest, code: str, unit: str) -> HttpResponse:
    """Edit a unit's names and description (system administrators)."""
    require_system_admin(request.actor)
    found = selectors.get_unit(code, unit)
    initial = {"name_th": found.name_th, "name_en": found.name_en, "description_th": found.description_th}
    form = UnitForm(request.POST or None, initial=initial, auto_id="unit-%s")
    return _edit(
        request,
        form,
        save=lambda data: unit_update(actor=request.actor, unit=found, **data),
        show="frameworks/unit/_details.html",
        edit="frameworks/unit/_details_form.html",
        context={**_unit_context(request, found), "page": selectors.unit_page(found)},
        title=_("Edit unit %(code)s") % {"code": found.code},
    )


@require_http_methods(["GET", "POST"])
@login_required
def element_edit(request: ActorRequest, code: str, unit: str, pk: int) -> HttpResponse:
    """Edit an element's names (system administrators)."""
    require_system_admin(request.actor)
    found = selectors.get_unit(code, unit)
    element = selectors.get_element(found, pk)
    initial = {"name_th": element.name_th, "name_en": element.name_en}
    form = ElementForm(request.POST or None, initial=initial, auto_id=f"e{element.pk}-%s")
    return _edit(
        request,
        form,
        save=lambda data: element_update(actor=request.actor, element=element, **data),
        show="frameworks/unit/_element_head.html",
        edit="frameworks/unit/_element_form.html",
        context={**_unit_context(request, found), "element": element},
        title=_("Edit element %(code)s") % {"code": element.code},
        anchor=f"#e-{element.code}",
    )


@require_http_methods(["GET", "POST"])
@login_required
def criterion_edit(request: ActorRequest, code: str, unit: str, pk: int) -> HttpResponse:
    """Edit a performance criterion's text (system administrators)."""
    require_system_admin(request.actor)
    found = selectors.get_unit(code, unit)
    criterion = selectors.get_criterion(found, pk)
    form = CriterionForm(
        request.POST or None, initial={"text_th": criterion.text_th}, auto_id=f"c{criterion.pk}-%s"
    )
    return _edit(
        request,
        form,
        save=lambda data: criterion_update(actor=request.actor, criterion=criterion, **data),
        show="frameworks/unit/_criterion_row.html",
        edit="frameworks/unit/_criterion_form.html",
        context={**_unit_context(request, found), "criterion": criterion},
        title=_("Edit criterion %(code)s") % {"code": criterion.code},
        anchor=f"#c-{criterion.code}",
    )
