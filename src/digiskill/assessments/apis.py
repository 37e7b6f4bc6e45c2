"""Self-assessments as JSON under /api/v1/assessments/.

The same rules as the pages: the person answers and submits their own draft; the person, their
supervisor chain (an executive only in their own line) and the department's HR administrators
read a round; the direct supervisor (HR when there is none) reviews. Someone else's department is
404, as is a person outside an executive's line; a wrong role or person 403, no session 401; a step
the rules refuse is 422 with the reason.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import TypeVar, cast

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest
from django.urls import reverse
from ninja import Field, File, Router, Schema, Status
from ninja.files import UploadedFile

from digiskill.accounts.access import Actor, ActorRequest, require_agency, require_role
from digiskill.accounts.models import Role
from digiskill.assessments.models import Assessment, AssessmentItem
from digiskill.assessments.selectors import (
    Gap,
    current_assessment,
    draft_of,
    gap_list,
    get_assessment_for_actor,
    get_for_review,
    get_item_for_actor,
    get_own_draft,
    history,
    items_of,
    waiting_reviews,
)
from digiskill.assessments.services import (
    Answer,
    ItemReview,
    assessment_answers_save,
    assessment_item_save,
    assessment_return,
    assessment_review_complete,
    assessment_review_save,
    assessment_start,
    assessment_submit,
)
from digiskill.core.apis import Id, Problem, StrictIn, refused
from digiskill.people.models import Person
from digiskill.people.selectors import get_person_for_actor

router = Router(tags=["assessments"])
TEXT_MAX = 10_000  # a long page of writing
T = TypeVar("T")


class AssessmentItemOut(Schema):
    """One required item of a round: the person's answer, the supervisor's view, the agreed result."""

    id: int
    component: str
    unit_code: str | None
    unit_name_th: str | None
    text_th: str
    order: int
    has: bool | None
    level: int | None
    comment: str
    evidence_link: str
    evidence_name: str
    evidence_url: str | None
    supervisor_agrees: bool | None
    supervisor_comment: str
    agreed_has: bool | None
    priority: int | None


class RoundOut(Schema):
    """One round without its items."""

    id: int
    person_id: int
    person_name: str
    round: int
    status: str
    is_current: bool
    group: str
    announcement_id: int
    started_at: dt.datetime
    updated_at: dt.datetime
    submitted_at: dt.datetime | None
    reviewed_at: dt.datetime | None
    reviewed_by: str | None
    review_comment: str


class AssessmentOut(RoundOut):
    """One round with its items and how far it is answered."""

    answered: int
    total: int
    items: list[AssessmentItemOut]


class MineOut(Schema):
    """The caller's round in progress (draft or submitted) and current agreed result."""

    draft: AssessmentOut | None
    current: AssessmentOut | None


class PersonRoundsOut(Schema):
    """Every round of a person, newest first, and the current one in full."""

    current: AssessmentOut | None
    rounds: list[RoundOut]


class AnswerIn(StrictIn):
    """An answer to one item; fields left out keep their saved value."""

    item_id: Id
    has: bool | None = None
    level: int | None = None
    comment: str = Field("", max_length=TEXT_MAX)
    link: str = Field("", max_length=1000)


class AnswersIn(StrictIn):
    """Answers to several items of the caller's draft."""

    answers: list[AnswerIn] = Field(max_length=1000)


class ReviewItemIn(StrictIn):
    """The reviewer's view of one item."""

    item_id: Id
    agrees: bool | None
    comment: str = Field("", max_length=TEXT_MAX)
    priority: int | None = None


class ReviewIn(StrictIn):
    """The reviewer's views, the overall comment, and whether to complete the review now."""

    items: list[ReviewItemIn] = Field([], max_length=1000)
    comment: str | None = Field(None, max_length=TEXT_MAX)
    complete: bool = False


class ReturnIn(StrictIn):
    """Why the round goes back to the person."""

    comment: str = Field(max_length=TEXT_MAX)


class SuggestedResourceOut(Schema):
    """A learning resource suggested for a gap."""

    id: int
    title: str
    provider: str
    url: str
    hours: Decimal | None


class GapOut(Schema):
    """One item to develop."""

    item_id: int
    priority: int | None
    component: str
    unit_code: str | None
    unit_name_th: str | None
    text_th: str
    unit_url: str
    resources: list[SuggestedResourceOut]


def _actor(request: HttpRequest) -> Actor:
    return cast(ActorRequest, request).actor


def _item_out(item: AssessmentItem) -> AssessmentItemOut:
    return AssessmentItemOut(
        id=item.pk,
        component=item.component.code,
        unit_code=item.unit.code if item.unit else None,
        unit_name_th=item.unit.name_th if item.unit else None,
        text_th=item.text_th,
        order=item.order,
        has=item.self_has,
        level=item.self_level,
        comment=item.comment,
        evidence_link=item.evidence_link,
        evidence_name=item.evidence_name,
        evidence_url=reverse("assessments:evidence", args=[item.pk]) if item.evidence_file else None,
        supervisor_agrees=item.supervisor_agrees,
        supervisor_comment=item.supervisor_comment,
        agreed_has=item.agreed_has,
        priority=item.priority,
    )


def _round(a: Assessment) -> RoundOut:
    return RoundOut(
        id=a.pk,
        person_id=a.person_id,
        person_name=a.person.full_name,
        round=a.round,
        status=a.status,
        is_current=a.is_current,
        group=a.group.code,
        announcement_id=a.announcement_id,
        started_at=a.started_at,
        updated_at=a.updated_at,
        submitted_at=a.submitted_at,
        reviewed_at=a.reviewed_at,
        reviewed_by=a.reviewed_by.full_name if a.reviewed_by else None,
        review_comment=a.review_comment,
    )


def _full(a: Assessment) -> AssessmentOut:
    items = items_of(a)
    return AssessmentOut(
        **_round(a).model_dump(),
        answered=sum(1 for i in items if i.self_has is not None),
        total=len(items),
        items=[_item_out(i) for i in items],
    )


def _out(a: Assessment | None) -> AssessmentOut | None:
    return _full(a) if a is not None else None


def _gap_out(gap: Gap) -> GapOut:
    item = gap.item
    return GapOut(
        item_id=item.pk,
        priority=item.priority,
        component=item.component.code,
        unit_code=item.unit.code if item.unit else None,
        unit_name_th=item.unit.name_th if item.unit else None,
        text_th=item.text_th,
        unit_url=gap.unit_url,
        resources=[
            SuggestedResourceOut(id=r.pk, title=r.title, provider=r.provider, url=r.url, hours=r.hours)
            for r in gap.resources
        ],
    )


def _me(actor: Actor) -> Person:
    require_role(actor, Role.STAFF)
    if actor.person is None:
        raise Http404
    return actor.person


def _refusable(write: Callable[[], T], status: int = 200) -> Status[T | Problem]:
    """Run a service: its result with `status`, or 422 with the reason it was refused."""
    try:
        return Status(status, write())
    except ValidationError as exc:
        return refused(exc)


# --- my own ---------------------------------------------------------------------------------------


@router.get("/me", response=MineOut, summary="My self-assessment")
def mine(request: HttpRequest) -> MineOut:
    """The caller's round in progress and current agreed result (404 without a person record)."""
    person = _me(_actor(request))
    return MineOut(draft=_out(draft_of(person)), current=_out(current_assessment(person)))


@router.post("/me/start", response={201: AssessmentOut, 422: Problem}, summary="Start a round")
def start(request: HttpRequest) -> Status[AssessmentOut | Problem]:
    """Start a round of the caller's self-assessment (a later one starts from the previous result)."""
    actor = _actor(request)
    person = _me(actor)
    return _refusable(lambda: _full(assessment_start(actor=actor, person=person)), 201)


@router.get("/me/gaps", response=list[GapOut], summary="My skill gaps")
def my_gaps(request: HttpRequest) -> list[GapOut]:
    """The caller's agreed gaps, by priority, with catalog links and learning resources."""
    return [_gap_out(g) for g in gap_list(_me(_actor(request)))]


@router.patch("/{pk}/items", response={200: AssessmentOut, 422: Problem}, summary="Save answers")
def answers_save(request: HttpRequest, pk: int, data: AnswersIn) -> Status[AssessmentOut | Problem]:
    """Save answers to items of the caller's own draft; fields left out keep their saved value."""
    actor = _actor(request)
    assessment = get_own_draft(actor, pk)
    saved = {i.pk: i for i in assessment.items.all()}
    answers = []
    for given in data.answers:
        item = saved.get(given.item_id)
        sent = given.model_fields_set
        answers.append(
            Answer(
                given.item_id,
                given.has if "has" in sent or item is None else item.self_has,
                given.level if "level" in sent or item is None else item.self_level,
                given.comment if "comment" in sent or item is None else item.comment,
                given.link if "link" in sent or item is None else item.evidence_link,
            )
        )

    def write() -> AssessmentOut:
        assessment_answers_save(actor=actor, assessment=assessment, answers=answers)
        return _full(assessment)

    return _refusable(write)


@router.post(
    "/items/{item_id}/evidence",
    response={200: AssessmentItemOut, 422: Problem},
    summary="Upload an evidence file",
)
def evidence_upload(
    request: HttpRequest, item_id: int, file: File[UploadedFile]
) -> Status[AssessmentItemOut | Problem]:
    """Attach an evidence file (pdf, png, jpg, docx, xlsx, pptx, txt; at most 10 MB) to an item of
    the caller's own draft."""
    actor = _actor(request)
    item = get_item_for_actor(actor, item_id)
    get_own_draft(actor, item.assessment_id)

    def write() -> AssessmentItemOut:
        saved = assessment_item_save(
            actor=actor,
            item=item,
            has=item.self_has,
            level=item.self_level,
            comment=item.comment,
            link=item.evidence_link,
            file=file,
        )
        return _item_out(saved)

    return _refusable(write)


@router.post("/{pk}/submit", response={200: AssessmentOut, 422: Problem}, summary="Submit for review")
def submit(request: HttpRequest, pk: int) -> Status[AssessmentOut | Problem]:
    """Submit the caller's finished draft to the supervisor (422 naming the unanswered items)."""
    actor = _actor(request)
    assessment = get_own_draft(actor, pk)
    return _refusable(lambda: _full(assessment_submit(actor=actor, assessment=assessment)))


# --- reading ----------------------------------------------------------------------------------------


@router.get("/reviews", response=list[RoundOut], summary="Waiting for my review")
def reviews(request: HttpRequest) -> list[RoundOut]:
    """Submitted rounds the caller reviews (supervisors and HR administrators)."""
    actor = _actor(request)
    require_role(actor, Role.SUPERVISOR, Role.HR_ADMIN)
    return [_round(a) for a in waiting_reviews(actor)]


@router.get("/people/{person_id}", response=PersonRoundsOut, summary="A person's assessments")
def person_rounds(request: HttpRequest, person_id: int) -> PersonRoundsOut:
    """A person's current result in full and every round (self, supervisor chain, HR)."""
    person = get_person_for_actor(_actor(request), person_id)
    return PersonRoundsOut(
        current=_out(current_assessment(person)),
        rounds=[_round(r.assessment) for r in history(person)],
    )


@router.get("/people/{person_id}/gaps", response=list[GapOut], summary="A person's skill gaps")
def person_gaps(request: HttpRequest, person_id: int) -> list[GapOut]:
    """A person's agreed gaps, by priority (self, supervisor chain, HR)."""
    return [_gap_out(g) for g in gap_list(get_person_for_actor(_actor(request), person_id))]


@router.get("/{pk}", response=AssessmentOut, summary="One round")
def detail(request: HttpRequest, pk: int) -> AssessmentOut:
    """One round with every item (self, supervisor chain, HR)."""
    return _full(get_assessment_for_actor(_actor(request), pk))


# --- the review -------------------------------------------------------------------------------------


@router.post("/{pk}/review", response={200: AssessmentOut, 422: Problem}, summary="Review")
def review(request: HttpRequest, pk: int, data: ReviewIn) -> Status[AssessmentOut | Problem]:
    """Save the reviewer's views of items and the overall comment; `complete` makes the result count."""
    actor = _actor(request)
    require_agency(actor)
    assessment = get_for_review(actor, pk)
    found = [ItemReview(r.item_id, r.agrees, r.comment, r.priority) for r in data.items]
    write = assessment_review_complete if data.complete else assessment_review_save

    def run() -> AssessmentOut:
        return _full(write(actor=actor, assessment=assessment, reviews=found, comment=data.comment))

    return _refusable(run)


@router.post("/{pk}/return", response={200: AssessmentOut, 422: Problem}, summary="Return for changes")
def return_for_changes(request: HttpRequest, pk: int, data: ReturnIn) -> Status[AssessmentOut | Problem]:
    """The reviewer returns the round to the person as a draft, with a comment."""
    actor = _actor(request)
    assessment = get_for_review(actor, pk)
    return _refusable(
        lambda: _full(assessment_return(actor=actor, assessment=assessment, comment=data.comment))
    )
