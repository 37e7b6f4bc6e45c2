"""Pages of the self-assessment (Ind 3.1), the supervisor's review (Ind 3.2), history and gaps."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from digiskill.accounts.access import Actor, ActorRequest, require_agency, require_role
from digiskill.accounts.models import Role
from digiskill.assessments.forms import AnswerForm, as_yes_no, parse_reviews
from digiskill.assessments.models import Assessment, AssessmentItem, AssessmentStatus, Proficiency
from digiskill.assessments.selectors import (
    compare,
    current_assessment,
    draft_of,
    gap_list,
    get_assessment_for_actor,
    get_for_review,
    get_item_for_actor,
    get_own_draft,
    history,
    items_of,
    may_review,
    reviewer_of,
    steps_of,
    unit_url,
    units_with_criteria,
    waiting_reviews,
)
from digiskill.assessments.services import (
    assessment_item_save,
    assessment_return,
    assessment_review_complete,
    assessment_review_save,
    assessment_start,
    assessment_submit,
)
from digiskill.learning.selectors import suggest_for
from digiskill.lib.evidence import content_type
from digiskill.people.models import Person
from digiskill.people.selectors import get_person_for_actor, my_skills


def _me(actor: Actor) -> Person:
    """The actor's own person record (404 for someone with none)."""
    require_role(actor, Role.STAFF)
    if actor.person is None:
        raise Http404
    return actor.person


def _refused(request: ActorRequest, error: ValidationError) -> None:
    messages.error(request, " ".join(error.messages))


# --- the person's own self-assessment -----------------------------------------------------------


@require_GET
@login_required
def mine(request: ActorRequest) -> HttpResponse:
    """แบบประเมินตนเอง: start, continue or submit my self-assessment; my current result."""
    actor = request.actor
    require_role(actor, Role.STAFF)
    person = actor.person
    context: dict[str, object] = {"person": person}
    if person is not None:
        draft = draft_of(person)
        current = current_assessment(person)
        steps = steps_of(items_of(draft)) if draft else []
        context.update(
            {
                "skills": my_skills(person),
                "draft": draft,
                "current": current,
                "steps": steps,
                "answered": sum(s.answered for s in steps),
                "total": sum(s.total for s in steps),
                # The first step with unanswered items; none once every item is answered.
                "next_step": next((s for s in steps if not s.done), None),
                "gaps": len(gap_list(person, resources=False)) if current else 0,
                "reviewer": reviewer_of(person),
            }
        )
    return render(request, "assessments/mine.html", context)


@require_POST
@login_required
def start(request: ActorRequest) -> HttpResponse:
    """Start a round (a later one starts from the previous result)."""
    person = _me(request.actor)
    try:
        assessment = assessment_start(actor=request.actor, person=person)
    except ValidationError as exc:
        _refused(request, exc)
        return redirect("assessments:mine")
    if assessment.round > 1:
        messages.success(request, _("A new round has started from your previous result. Check each item."))
    return redirect("assessments:step", pk=assessment.pk, number=1)


def _step_context(assessment: Assessment, number: int) -> dict[str, object]:
    items = items_of(assessment)
    steps = steps_of(items)
    if not 1 <= number <= len(steps):
        raise Http404
    step = steps[number - 1]
    criteria = units_with_criteria(step.items)
    forms = []
    for item in step.items:
        form = AnswerForm(item=item)
        form.elements = criteria.get(item.unit_id or 0, [])
        forms.append(form)
    return {
        "assessment": assessment,
        "steps": steps,
        "step": step,
        "forms": forms,
        "answered": sum(s.answered for s in steps),
        "total": len(items),
        "previous": steps[number - 2] if number > 1 else None,
        "next": steps[number] if number < len(steps) else None,
    }


@require_GET
@login_required
def step(request: ActorRequest, pk: int, number: int) -> HttpResponse:
    """One step of my draft: the items of one skill component, saved as I go."""
    assessment = get_own_draft(request.actor, pk)
    if assessment.status != AssessmentStatus.DRAFT:
        return redirect("assessments:detail", pk=assessment.pk)
    return render(request, "assessments/step.html", _step_context(assessment, number))


def _own_item(actor: Actor, pk: int) -> AssessmentItem:
    """An item of the actor's own round (403 for others who may read it, 404 outside the department)."""
    item = get_item_for_actor(actor, pk)
    if actor.person is None or item.person_id != actor.person.pk:
        raise PermissionDenied
    return item


def _step_number(item: AssessmentItem) -> int:
    """The step an item is on."""
    for step_ in steps_of(items_of(item.assessment)):
        if any(i.pk == item.pk for i in step_.items):
            return step_.number
    return 1


@require_POST
@login_required
def item_save(request: ActorRequest, pk: int) -> HttpResponse:
    """Save one answer: HTMX autosave answers with the saved status; without JS, back to the step."""
    item = _own_item(request.actor, pk)
    form = AnswerForm(request.POST, request.FILES, item=item)
    error = ""
    if form.is_valid():
        try:
            assessment_item_save(actor=request.actor, item=item, **form.values())
        except ValidationError as exc:
            error = " ".join(exc.messages)
    else:
        error = " ".join(str(m) for errors in form.errors.values() for m in errors)
    if request.htmx:
        items = items_of(item.assessment)
        fresh = next(i for i in items if i.pk == item.pk)
        context = {
            "item": fresh,
            "form": AnswerForm(item=fresh),
            "error": error,
            "steps": steps_of(items),
            "answered": sum(1 for i in items if i.self_has is not None),
            "total": len(items),
        }
        return render(request, "assessments/_saved.html", context)
    if error:
        messages.error(request, error)
    else:
        messages.success(request, _("Saved."))
    if request.POST.get("back") == "item":
        return redirect("assessments:item", pk=item.pk)
    url = reverse("assessments:step", kwargs={"pk": item.assessment_id, "number": _step_number(item)})
    return redirect(f"{url}#item-{item.pk}")


@require_GET
@login_required
def item_detail(request: ActorRequest, pk: int) -> HttpResponse:
    """One item: the unit's elements and performance criteria, the answer, the review, learning."""
    actor = request.actor
    item = get_item_for_actor(actor, pk)
    own = actor.person is not None and item.person_id == actor.person.pk
    editable = own and item.assessment.status == AssessmentStatus.DRAFT
    context = {
        "item": item,
        "assessment": item.assessment,
        "form": AnswerForm(item=item) if editable else None,
        "elements": units_with_criteria([item]).get(item.unit_id or 0, []),
        "unit_url": unit_url(item.unit),
        "step_number": _step_number(item),
        "own": own,
        "resources": suggest_for(item.agency, unit_id=item.unit_id, text=item.text_th, limit=3),
    }
    return render(request, "assessments/item.html", context)


@require_GET
@login_required
def evidence(request: ActorRequest, pk: int) -> FileResponse:
    """Download an item's evidence file, for those who may read the item."""
    item = get_item_for_actor(request.actor, pk)
    if not item.evidence_file:
        raise Http404
    try:
        handle = item.evidence_file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    name = item.evidence_name or (item.evidence_file.name or "evidence").rsplit("/", 1)[-1]
    return FileResponse(handle, as_attachment=True, filename=name, content_type=content_type(name))


@require_POST
@login_required
def submit(request: ActorRequest, pk: int) -> HttpResponse:
    """Submit my finished draft for the supervisor's review."""
    assessment = get_own_draft(request.actor, pk)
    try:
        assessment_submit(actor=request.actor, assessment=assessment)
    except ValidationError as exc:
        _refused(request, exc)
    else:
        messages.success(request, _("Submitted. Your supervisor has been told."))
    return redirect("assessments:mine")


# --- reading a round, its history, comparison and gaps ------------------------------------------


@require_GET
@login_required
def detail(request: ActorRequest, pk: int) -> HttpResponse:
    """One round, read-only: every answer, the supervisor's view and the agreed result."""
    actor = request.actor
    assessment = get_assessment_for_actor(actor, pk)
    items = items_of(assessment)
    context = {
        "assessment": assessment,
        "steps": steps_of(items),
        "own": actor.person is not None and assessment.person_id == actor.person.pk,
        "can_review": assessment.status == AssessmentStatus.SUBMITTED and may_review(actor.user, assessment),
        "gaps": sum(1 for i in items if i.agreed_has is False),
    }
    return render(request, "assessments/detail.html", context)


def _person(actor: Actor, person_pk: int | None) -> Person:
    return _me(actor) if person_pk is None else get_person_for_actor(actor, person_pk)


@require_GET
@login_required
def rounds(request: ActorRequest, person_pk: int | None = None) -> HttpResponse:
    """ประวัติการประเมิน: every round of a person, and a form to compare two of them."""
    actor = request.actor
    person = _person(actor, person_pk)
    found = history(person)
    context = {
        "person": person,
        "rounds": found,
        "own": actor.person is not None and actor.person.pk == person.pk,
        "earlier": found[1].assessment.pk if len(found) > 1 else None,
        "later": found[0].assessment.pk if found else None,
    }
    return render(request, "assessments/history.html", context)


@require_GET
@login_required
def compare_rounds(request: ActorRequest) -> HttpResponse:
    """Two rounds of one person item by item: have / level before → after, gap closed or new."""
    actor = request.actor
    require_agency(actor)
    try:
        a, b = int(request.GET.get("a", "")), int(request.GET.get("b", ""))
    except ValueError:
        raise Http404 from None
    first, second = get_assessment_for_actor(actor, a), get_assessment_for_actor(actor, b)
    if first.person_id != second.person_id:
        raise Http404
    before, after = sorted([first, second], key=lambda r: r.round)
    rows = compare(before, after)
    counts = {change: sum(1 for r in rows if r.change == change) for change in {r.change for r in rows}}
    context = {"person": before.person, "before": before, "after": after, "rows": rows, "counts": counts}
    return render(request, "assessments/compare.html", context)


@require_GET
@login_required
def gaps(request: ActorRequest, person_pk: int | None = None) -> HttpResponse:
    """ช่องว่างทักษะ: what the person still has to develop, by agreed priority, with learning."""
    actor = request.actor
    person = _person(actor, person_pk)
    context = {
        "person": person,
        "current": current_assessment(person),
        "gaps": gap_list(person),
        "own": actor.person is not None and actor.person.pk == person.pk,
    }
    return render(request, "assessments/gaps.html", context)


# --- the supervisor's review --------------------------------------------------------------------


@require_GET
@login_required
def reviews(request: ActorRequest) -> HttpResponse:
    """Assessments waiting for my review."""
    actor = request.actor
    require_role(actor, Role.SUPERVISOR, Role.HR_ADMIN)
    return render(request, "assessments/reviews.html", {"waiting": waiting_reviews(actor)})


def _review_rows(items: list[AssessmentItem]) -> list[dict[str, object]]:
    return [{"item": i, "agrees": as_yes_no(i.supervisor_agrees)} for i in items]


@require_http_methods(["GET", "POST"])
@login_required
def review(request: ActorRequest, pk: int) -> HttpResponse:
    """Review one submitted round: agree or disagree per item, priorities of the gaps, complete."""
    actor = request.actor
    assessment = get_for_review(actor, pk)
    if assessment.status != AssessmentStatus.SUBMITTED:
        messages.info(request, _("This assessment is not waiting for review."))
        return redirect("assessments:detail", pk=assessment.pk)
    items = items_of(assessment)
    if request.method == "POST":
        found, errors = parse_reviews(request.POST, items)
        complete = request.POST.get("action") == "complete"
        if errors:
            messages.error(request, " ".join(errors))
            return redirect("assessments:review", pk=assessment.pk)
        write = assessment_review_complete if complete else assessment_review_save
        try:
            write(
                actor=request.actor,
                assessment=assessment,
                reviews=found,
                comment=request.POST.get("comment", ""),
            )
        except ValidationError as exc:
            _refused(request, exc)
            return redirect("assessments:review", pk=assessment.pk)
        if complete:
            messages.success(request, _("The review is complete; the agreed result now counts."))
            return redirect("assessments:detail", pk=assessment.pk)
        messages.success(request, _("Saved."))
        return redirect("assessments:review", pk=assessment.pk)
    steps = steps_of(items)
    context = {
        "assessment": assessment,
        "blocks": [(s, _review_rows(s.items)) for s in steps],
        "levels": dict(Proficiency.choices),
        "total": len(items),
    }
    return render(request, "assessments/review.html", context)


@require_POST
@login_required
def review_return(request: ActorRequest, pk: int) -> HttpResponse:
    """Return the round to the person as a draft, with a comment."""
    assessment = get_for_review(request.actor, pk)
    try:
        assessment_return(actor=request.actor, assessment=assessment, comment=request.POST.get("comment", ""))
    except ValidationError as exc:
        _refused(request, exc)
        return redirect("assessments:review", pk=assessment.pk)
    messages.success(request, _("Returned to the person for changes."))
    return redirect("assessments:reviews")
