"""Reads of self-assessments, always scoped to the actor's department first.

Who may read a round: the person, everyone above them in the supervisor chain (executives too,
only in their own line), and the department's HR administrators (`require_person_access`). Who
reviews: the direct supervisor; when the person has no active supervisor with a login, the
department's HR administrators.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.urls import reverse

from digiskill.accounts.access import Actor, hr_users, is_hr_admin, require_agency, require_person_access
from digiskill.accounts.models import Role, User
from digiskill.assessments.models import Assessment, AssessmentItem, AssessmentStatus
from digiskill.assessments.rounds import CompareRow, ItemState, compare_states, gap_sort_key, item_key
from digiskill.frameworks.models import Element, SkillComponent, Unit
from digiskill.learning.models import LearningResource
from digiskill.learning.selectors import suggest_for
from digiskill.people.models import Person
from digiskill.people.selectors import get_person_for_actor

OPEN = (AssessmentStatus.DRAFT, AssessmentStatus.SUBMITTED)


# --- who reviews --------------------------------------------------------------------------------


def reviewer_of(person: Person) -> Person | None:
    """The supervisor who reviews this person's assessment; None when HR administrators do."""
    boss = person.supervisor
    if boss is not None and boss.is_active and boss.user_id is not None:
        return boss
    return None


def reviewer_users(person: Person) -> list[User]:
    """Who is told that the person's assessment waits for review."""
    boss = reviewer_of(person)
    if boss is not None and boss.user is not None:
        return [boss.user]
    return hr_users(person.agency_id)


def may_review(user: User | None, assessment: Assessment) -> bool:
    """True when `user` reviews this assessment (None is the system itself, e.g. the demo loader)."""
    if user is None:
        return True
    boss = reviewer_of(assessment.person)
    if boss is not None:
        return boss.user_id == user.pk
    return is_hr_admin(user, assessment.agency_id)


def may_answer(user: User | None, assessment: Assessment) -> bool:
    """True when `user` is the person who answers this assessment (or the system itself)."""
    return user is None or assessment.person.user_id == user.pk


# --- access -------------------------------------------------------------------------------------


_ROUND_RELATED = ("person", "person__supervisor", "person__division", "group", "announcement", "reviewed_by")


def _rounds() -> QuerySet[Assessment]:
    return Assessment.objects.select_related(*_ROUND_RELATED)


def get_assessment_for_actor(actor: Actor, pk: int) -> Assessment:
    """A round the actor may read: 404 outside the department, 403 for someone not allowed."""
    agency = require_agency(actor)
    assessment = _rounds().filter(agency=agency, pk=pk).first()
    if assessment is None:
        raise Http404
    get_person_for_actor(actor, assessment.person_id)
    return assessment


def get_own_draft(actor: Actor, pk: int) -> Assessment:
    """The actor's own round, which only they answer (403 for anyone else who may read it)."""
    assessment = get_assessment_for_actor(actor, pk)
    if actor.person is None or assessment.person_id != actor.person.pk:
        raise PermissionDenied
    return assessment


def get_for_review(actor: Actor, pk: int) -> Assessment:
    """A round the actor reviews (404 outside the department, 403 for anyone but the reviewer)."""
    agency = require_agency(actor)
    assessment = _rounds().filter(agency=agency, pk=pk).first()
    if assessment is None:
        raise Http404
    if not may_review(actor.user, assessment):
        require_person_access(actor, assessment.person)  # an executive outside the line: 404
        raise PermissionDenied
    return assessment


def get_item_for_actor(actor: Actor, pk: int) -> AssessmentItem:
    """An assessed item the actor may read, with its round (404 outside the department, else 403)."""
    agency = require_agency(actor)
    item = (
        AssessmentItem.objects.filter(agency=agency, pk=pk)
        .select_related("assessment", "assessment__person", "component", "unit", "unit__framework")
        .first()
    )
    if item is None:
        raise Http404
    get_person_for_actor(actor, item.person_id)
    return item


# --- rounds of one person -----------------------------------------------------------------------


def current_assessment(person: Person) -> Assessment | None:
    """The person's latest agreed round: the result that counts."""
    return _rounds().filter(person=person, is_current=True).first()


def draft_of(person: Person) -> Assessment | None:
    """The person's round in progress: a draft, or submitted and waiting for the review."""
    return _rounds().filter(person=person, status__in=OPEN).order_by("-round").first()


def items_of(assessment: Assessment) -> list[AssessmentItem]:
    """The items of a round in the announcement's order, with component and unit."""
    return list(
        assessment.items.select_related("component", "unit", "unit__framework", "area").order_by(
            "order", "id"
        )
    )


@dataclass
class Step:
    """One step of the self-assessment: the items of one skill component."""

    number: int
    component: SkillComponent
    items: list[AssessmentItem]

    @property
    def answered(self) -> int:
        """How many items of the step have an answer."""
        return sum(1 for i in self.items if i.self_has is not None)

    @property
    def total(self) -> int:
        """How many items the step has."""
        return len(self.items)

    @property
    def done(self) -> bool:
        """True when every item of the step is answered."""
        return self.answered == self.total


def steps_of(items: Iterable[AssessmentItem]) -> list[Step]:
    """The items split into steps, one per component that has items, in the announcement's order."""
    steps: list[Step] = []
    for item in items:
        if not steps or steps[-1].component.pk != item.component_id:
            steps.append(Step(len(steps) + 1, item.component, []))
        steps[-1].items.append(item)
    return steps


def unanswered(items: Iterable[AssessmentItem]) -> list[AssessmentItem]:
    """The items still without an answer."""
    return [i for i in items if i.self_has is None]


def item_label(item: AssessmentItem) -> str:
    """How an item is named in messages: the unit's code and name, or the item's text."""
    if item.unit is not None:
        return f"{item.unit.code} {item.unit.name_th}"
    return item.text_th


def units_with_criteria(items: Iterable[AssessmentItem]) -> dict[int, list[Element]]:
    """The elements (with their performance criteria) of every unit among the items."""
    unit_ids = {i.unit_id for i in items if i.unit_id is not None}
    if not unit_ids:
        return {}
    elements = Element.objects.filter(unit_id__in=unit_ids).prefetch_related("criteria").order_by("order")
    found: dict[int, list[Element]] = {}
    for element in elements:
        found.setdefault(element.unit_id, []).append(element)
    return found


def unit_url(unit: Unit | None) -> str:
    """The catalog page of a unit, or "" for a text item."""
    if unit is None:
        return ""
    return reverse("frameworks:unit", kwargs={"code": unit.framework.code, "unit": unit.code})


@dataclass
class RoundSummary:
    """One round in the history list."""

    assessment: Assessment
    items: int
    answered: int
    gaps: int


def history(person: Person) -> list[RoundSummary]:
    """Every round of the person, newest first, with counts."""
    rounds = (
        _rounds()
        .filter(person=person)
        .annotate(
            n_items=Count("items"),
            n_answered=Count("items", filter=Q(items__self_has__isnull=False)),
            n_gaps=Count("items", filter=Q(items__agreed_has=False)),
        )
        .order_by("-round")
    )
    return [RoundSummary(a, a.n_items, a.n_answered, a.n_gaps) for a in rounds]


def result_of(item: AssessmentItem) -> bool | None:
    """The item's result in its round: the agreed one when reviewed, else the person's own answer."""
    return item.agreed_has if item.agreed_has is not None else item.self_has


def compare(before: Assessment, after: Assessment) -> list[CompareRow]:
    """Item by item from an earlier round to a later one (have/level before → after, gap closed / new)."""

    def states(assessment: Assessment) -> list[ItemState]:
        return [
            ItemState(
                item_key(unit_id=i.unit_id, component_id=i.component_id, text_th=i.text_th),
                item_label(i),
                result_of(i),
                i.self_level,
            )
            for i in items_of(assessment)
        ]

    return compare_states(states(before), states(after))


# --- gaps ---------------------------------------------------------------------------------------


@dataclass
class Gap:
    """One item to develop: the agreed result says the person does not have it yet."""

    item: AssessmentItem
    unit_url: str
    resources: list[LearningResource] = field(default_factory=list)

    @property
    def label(self) -> str:
        """The unit's code and name, or the item's text."""
        return item_label(self.item)


def gap_items(person: Person) -> list[AssessmentItem]:
    """The person's agreed gaps, by agreed priority, then in the announcement's order."""
    items = AssessmentItem.objects.filter(person=person, is_current=True, agreed_has=False).select_related(
        "component", "unit", "unit__framework", "area"
    )
    return sorted(items, key=lambda i: gap_sort_key(i.priority, i.order, i.pk))


def gap_list(person: Person, *, resources: bool = True) -> list[Gap]:
    """The person's gap list: required − agreed “have”, each with its catalog page and learning."""
    gaps = []
    for item in gap_items(person):
        found: list[LearningResource] = []
        if resources:
            found = suggest_for(person.agency, unit_id=item.unit_id, text=item.text_th, limit=3)
        gaps.append(Gap(item, unit_url(item.unit), found))
    return gaps


# --- reviews ------------------------------------------------------------------------------------


def _waiting_rounds(actor: Actor) -> QuerySet[Assessment]:
    """Submitted rounds whose reviewer (`reviewer_of`) is the actor, as one query."""
    agency = require_agency(actor)
    me = actor.person
    mine = Q(person__supervisor=me) if me is not None and me.is_active else Q(pk__in=[])
    if actor.has(Role.HR_ADMIN):
        mine |= (
            Q(person__supervisor__isnull=True)
            | Q(person__supervisor__user__isnull=True)
            | Q(person__supervisor__is_active=False)
        )
    return Assessment.objects.filter(mine, agency=agency, status=AssessmentStatus.SUBMITTED)


def waiting_reviews(actor: Actor) -> list[Assessment]:
    """Submitted rounds the actor reviews: their direct reports', and for HR those with no reviewer."""
    rounds = _waiting_rounds(actor).select_related(*_ROUND_RELATED)
    return list(rounds.order_by("submitted_at", "pk"))


def waiting_reviews_count(actor: Actor) -> int:
    """How many submitted rounds wait for the actor's review (one COUNT query)."""
    return _waiting_rounds(actor).count()
