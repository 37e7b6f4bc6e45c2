"""People, their classification and their required skills as JSON under /api/v1/people/.

The same access rules as the pages: HR administrators list the department and executives their
own line, a person reads themselves, a supervisor (or executive) their chain of subordinates;
someone else's department is 404, as is a person outside an executive's line; a wrong role 403,
no session 401. Writes go through the same services as the pages; a step
the rules refuse is 422 with the reason.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import cast

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404, HttpRequest
from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate

from digiskill.accounts.access import Actor, ActorRequest, require_agency
from digiskill.agencies.apis import AnnouncedItemOut, AnnouncementSummary, Coded, item_out
from digiskill.agencies.selectors import agency_framework
from digiskill.core.apis import Pages, Problem, StrictIn, refused
from digiskill.frameworks.models import PersonnelGroup
from digiskill.people.models import Classification, Person
from digiskill.people.selectors import (
    classification_history,
    get_person_for_actor,
    my_skills,
    people_listed_for,
)
from digiskill.people.services import (
    classification_agree,
    classification_approve,
    classification_change,
    classification_propose,
)

router = Router(tags=["people"])
TEXT_MAX = 10_000  # a long page of writing


class PersonOut(Schema):
    """A person of the department (the national ID is never sent)."""

    id: int
    full_name: str
    title: str
    first_name: str
    last_name: str
    first_name_en: str
    last_name_en: str
    position: str
    position_type: str
    position_level: str
    division: str | None
    supervisor_id: int | None
    is_active: bool
    group: str | None
    specific_role_th: str
    workload: dict[str, int]
    career_path_group: str

    @staticmethod
    def resolve_division(person: Person) -> str | None:
        """The division's Thai name."""
        return person.division.name_th if person.division else None

    @staticmethod
    def resolve_group(person: Person) -> str | None:
        """The code of the group in effect."""
        return person.group.code if person.group else None


class ClassificationOut(Schema):
    """One classification step."""

    id: int
    group: str
    status: str
    needs_approval: bool
    awaiting_approval: bool
    specific_role_th: str
    reason: str
    by: str | None
    created_at: dt.datetime


def classification_out(step: Classification) -> ClassificationOut:
    """One classification step as JSON (built field by field, so it nests in other answers)."""
    return ClassificationOut(
        id=step.pk,
        group=step.group.code,
        status=step.status,
        needs_approval=step.needs_approval,
        awaiting_approval=step.awaiting_approval,
        specific_role_th=step.specific_role_th,
        reason=step.reason,
        by=step.actor.get_username() if step.actor else None,
        created_at=step.created_at,
    )


class ProposeIn(StrictIn):
    """A proposed group (by its code) and, optionally, a person-specific role."""

    group: str = Field(max_length=64)
    specific_role_th: str = Field("", max_length=TEXT_MAX)
    reason: str = Field("", max_length=TEXT_MAX)


class ChangeIn(StrictIn):
    """Another group set by the supervisor, with the reason."""

    group: str = Field(max_length=64)
    reason: str = Field(max_length=TEXT_MAX)
    specific_role_th: str = Field("", max_length=TEXT_MAX)


class ComponentOut(Schema):
    """The required items under one skill component."""

    code: str
    name_th: str
    name_en: str
    items: list[AnnouncedItemOut]


class MySkillsOut(Schema):
    """A person's group, expected role and required skills under the announcement in force."""

    person_id: int
    group: Coded | None
    role: Coded | None
    specific_role_th: str
    announcement: AnnouncementSummary | None
    components: list[ComponentOut]
    pending: ClassificationOut | None


def _actor(request: HttpRequest) -> Actor:
    """The acting member behind the session."""
    return cast(ActorRequest, request).actor


Answer = Status[ClassificationOut | Problem]


def _step(write: Callable[[], Classification], *, created: bool = False) -> Answer:
    """Run a classification service: the step (201/200), or 422 with the reason it was refused."""
    try:
        return Status(201 if created else 200, classification_out(write()))
    except ValidationError as exc:
        return refused(exc)


def _group(person: Person, code: str) -> PersonnelGroup:
    """A group of the department's framework by its code (422 when unknown)."""
    group = PersonnelGroup.objects.filter(framework=agency_framework(person.agency), code=code).first()
    if group is None:
        raise ValidationError(f"ไม่รู้จักกลุ่ม {code!r} / unknown group {code!r}")
    return group


@router.get("/", response=list[PersonOut], summary="People of the department")
@paginate(Pages, page_size=100)
def person_list(request: HttpRequest, q: str = "", group: str = "") -> list[Person]:
    """Active people: the department for HR administrators, an executive's line; `group=-` unclassified."""
    actor = _actor(request)
    people = people_listed_for(actor).filter(is_active=True).select_related("group")
    if q:
        people = people.filter(
            Q(first_name__icontains=q) | Q(last_name__icontains=q) | Q(position__icontains=q)
        )
    if group == "-":
        people = people.filter(group__isnull=True)
    elif group:
        people = people.filter(group__code=group)
    return list(people.order_by("division__code", "first_name", "pk"))


@router.get("/me/skills", response=MySkillsOut, summary="My digital skills")
def me_skills(request: HttpRequest) -> MySkillsOut:
    """The caller's group, expected role and required skills (404 without a person record)."""
    actor = _actor(request)
    require_agency(actor)
    if actor.person is None:
        raise Http404
    skills = my_skills(actor.person)
    a = skills.announcement
    return MySkillsOut(
        person_id=skills.person.pk,
        group=Coded.from_orm(skills.group) if skills.group else None,
        role=Coded.from_orm(skills.role) if skills.role else None,
        specific_role_th=skills.person.specific_role_th,
        announcement=AnnouncementSummary(
            id=a.pk,
            version=a.version,
            title=a.title,
            effective_date=a.effective_date,
            stage=Coded.from_orm(a.stage),
            published_at=a.published_at,
        )
        if a
        else None,
        components=[
            ComponentOut(
                code=c.component.code,
                name_th=c.component.name_th,
                name_en=c.component.name_en,
                items=[item_out(i) for i in c.items],  # type: ignore[arg-type]
            )
            for c in skills.components
        ],
        pending=classification_out(skills.pending) if skills.pending else None,
    )


@router.get("/{pk}", response=PersonOut, summary="One person")
def person_detail(request: HttpRequest, pk: int) -> Person:
    """A person the caller may see: themselves, someone in their line, or anyone for HR."""
    return get_person_for_actor(_actor(request), pk)


@router.get("/{pk}/classifications", response=list[ClassificationOut], summary="Classification history")
def classification_list(request: HttpRequest, pk: int) -> list[ClassificationOut]:
    """Every classification step of a person, newest first."""
    steps = classification_history(get_person_for_actor(_actor(request), pk))
    return [classification_out(step) for step in steps]


@router.post(
    "/{pk}/classifications", response={201: ClassificationOut, 422: Problem}, summary="Propose a group"
)
def classification_create(request: HttpRequest, pk: int, data: ProposeIn) -> Answer:
    """The person (or HR) proposes a group for the supervisor to agree."""
    person = get_person_for_actor(_actor(request), pk)
    return _step(
        lambda: classification_propose(
            actor=_actor(request),
            person=person,
            group=_group(person, data.group),
            specific_role_th=data.specific_role_th,
            reason=data.reason,
        ),
        created=True,
    )


@router.post("/{pk}/classifications/agree", response={200: ClassificationOut, 422: Problem}, summary="Agree")
def classification_agree_api(request: HttpRequest, pk: int) -> Answer:
    """The supervisor agrees with the proposed group."""
    person = get_person_for_actor(_actor(request), pk)
    return _step(lambda: classification_agree(actor=_actor(request), person=person))


@router.post(
    "/{pk}/classifications/change",
    response={200: ClassificationOut, 422: Problem},
    summary="Change the group",
)
def classification_change_api(request: HttpRequest, pk: int, data: ChangeIn) -> Answer:
    """The supervisor sets another group, with the reason."""
    person = get_person_for_actor(_actor(request), pk)
    return _step(
        lambda: classification_change(
            actor=_actor(request),
            person=person,
            group=_group(person, data.group),
            reason=data.reason,
            specific_role_th=data.specific_role_th,
        )
    )


@router.post(
    "/{pk}/classifications/approve", response={200: ClassificationOut, 422: Problem}, summary="Approve"
)
def classification_approve_api(request: HttpRequest, pk: int) -> Answer:
    """The next-level supervisor approves a person-specific role."""
    person = get_person_for_actor(_actor(request), pk)
    return _step(lambda: classification_approve(actor=_actor(request), person=person))
