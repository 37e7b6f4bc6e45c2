"""Pages about people: the department list, a supervisor's team, one person."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from digiskill.accounts.access import ActorRequest, require_role
from digiskill.accounts.models import Role
from digiskill.people.selectors import get_person_for_actor, people_of_agency, team_of


@require_GET
@login_required
def person_list(request: ActorRequest) -> HttpResponse:
    """Everyone in the department, searchable (HR administrators and executives)."""
    actor = request.actor
    require_role(actor, Role.HR_ADMIN, Role.EXECUTIVE)
    people = people_of_agency(actor).filter(is_active=True)
    q = request.GET.get("q", "").strip()
    if q:
        people = people.filter(
            Q(first_name__icontains=q)
            | Q(last_name__icontains=q)
            | Q(position__icontains=q)
            | Q(national_id=q)
        )
    page = Paginator(people.order_by("division__code", "first_name"), 50).get_page(request.GET.get("page"))
    template = "people/list_rows.html" if request.htmx else "people/list.html"
    return render(request, template, {"page": page, "q": q})


@require_GET
@login_required
def team(request: ActorRequest) -> HttpResponse:
    """The supervisor's whole chain of subordinates."""
    actor = request.actor
    require_role(actor, Role.STAFF)
    if not actor.has(Role.SUPERVISOR):
        raise PermissionDenied
    return render(request, "people/team.html", {"people": team_of(actor)})


@require_GET
@login_required
def person_detail(request: ActorRequest, pk: int) -> HttpResponse:
    """One person's record, for themselves, their supervisors, HR and executives."""
    person = get_person_for_actor(request.actor, pk)
    return render(request, "people/detail.html", {"person": person})
