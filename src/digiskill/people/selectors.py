"""Reads of people, always scoped to the actor's department first."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Subquery
from django.http import Http404

from digiskill.accounts.access import Actor, require_agency, require_person_access, require_role
from digiskill.accounts.models import Role
from digiskill.agencies.models import Agency, Announcement, AnnouncementGroup
from digiskill.agencies.selectors import (
    ComponentItems,
    announcement_groups,
    announcement_in_force,
    by_component,
    components_of,
)
from digiskill.frameworks.models import PersonnelGroup
from digiskill.frameworks.models import Role as FrameworkRole
from digiskill.people.models import Classification, ClassificationStatus, Person


def people_of_agency(actor: Actor) -> QuerySet[Person]:
    """All people of the actor's department (404 for an outsider); callers check the role."""
    agency = require_agency(actor)
    return Person.objects.filter(agency=agency).select_related("division", "supervisor")


def latest_classification(person: Person) -> Classification | None:
    """The person's most recent classification step."""
    return person.classifications.select_related("group").order_by("-created_at", "-id").first()


def subordinate_ids(person: Person) -> set[int]:
    """Ids of everyone below `person` in the supervisor chain, one query per level."""
    found: set[int] = set()
    frontier = [person.pk]
    while frontier:
        level = set(
            Person.objects.filter(supervisor_id__in=frontier, agency_id=person.agency_id).values_list(
                "pk", flat=True
            )
        )
        frontier = list(level - found - {person.pk})
        found.update(frontier)
    return found


def team_of(actor: Actor) -> QuerySet[Person]:
    """The actor's whole chain of subordinates (empty for someone who supervises nobody)."""
    people = people_of_agency(actor)
    me = actor.person
    if me is None:
        return people.none()
    return people.filter(pk__in=subordinate_ids(me)).order_by("division__code", "first_name")


def get_person_for_actor(actor: Actor, pk: int) -> Person:
    """A person the actor may see (`accounts.access.require_person_access`): themselves, their line, HR."""
    person = people_of_agency(actor).filter(pk=pk).first()
    if person is None:
        raise Http404
    require_person_access(actor, person)
    return person


def people_listed_for(actor: Actor) -> QuerySet[Person]:
    """The people list: everyone for HR administrators, an executive's own line otherwise (403 else)."""
    require_role(actor, Role.HR_ADMIN, Role.EXECUTIVE)
    if actor.has(Role.HR_ADMIN):
        return people_of_agency(actor)
    return team_of(actor)


# --- classification ----------------------------------------------------------------------------


def classification_history(person: Person) -> QuerySet[Classification]:
    """Every classification step of a person, newest first."""
    return person.classifications.select_related("group", "actor").order_by("-created_at", "-id")


def latest_steps(people: Iterable[Person]) -> dict[int, Classification]:
    """The latest classification step of each person given (one query)."""
    ids = [p.pk for p in people]
    latest = (
        Classification.objects.filter(person_id=OuterRef("person_id"))
        .order_by("-created_at", "-id")
        .values("pk")[:1]
    )
    steps = Classification.objects.filter(person_id__in=ids, pk=Subquery(latest)).select_related("group")
    return {s.person_id: s for s in steps}


@dataclass
class ClassificationActions:
    """What the actor may do about one person's classification."""

    propose: bool = False
    decide: bool = False
    approve: bool = False


def classification_actions(
    actor: Actor, person: Person, step: Classification | None
) -> ClassificationActions:
    """Which classification forms to offer the actor on a person's page."""
    me = actor.person
    is_hr = actor.has(Role.HR_ADMIN)
    boss = person.supervisor
    top = boss.supervisor if boss is not None else None
    return ClassificationActions(
        propose=(me is not None and me.pk == person.pk) or is_hr,
        decide=(boss is not None and me is not None and boss.pk == me.pk) or (boss is None and is_hr),
        approve=step is not None
        and step.awaiting_approval
        and ((top is not None and me is not None and top.pk == me.pk) or (top is None and is_hr)),
    )


def awaiting_me(actor: Actor) -> list[tuple[Person, Classification]]:
    """Proposals the actor should agree to (as supervisor) or approve (as next-level supervisor)."""
    me = actor.person
    if me is None:
        return []
    people = list(
        people_of_agency(actor).filter(Q(supervisor=me) | Q(supervisor__supervisor=me), is_active=True)
    )
    steps = latest_steps(people)
    waiting = []
    for person in people:
        step = steps.get(person.pk)
        if step is None:
            continue
        direct = person.supervisor_id == me.pk
        if (direct and step.status == ClassificationStatus.PROPOSED) or (
            not direct and step.awaiting_approval
        ):
            waiting.append((person, step))
    return waiting


@dataclass
class GroupCount:
    """How many active people are in a group."""

    group: PersonnelGroup | None
    people: int


@dataclass
class ClassificationProgress:
    """How far the department is with classifying its people."""

    total: int
    classified: int
    pending: int
    by_group: list[GroupCount] = field(default_factory=list)

    @property
    def not_started(self) -> int:
        """People with neither a group nor a step waiting."""
        return self.total - self.classified - self.pending

    @property
    def percent(self) -> int:
        """Share of people classified, in whole percent."""
        return round(100 * self.classified / self.total) if self.total else 0


def classification_progress(agency: Agency, groups: list[PersonnelGroup]) -> ClassificationProgress:
    """Counts by group and classification progress of the department's active people."""
    people = Person.objects.filter(agency=agency, is_active=True)
    counts = dict(people.values_list("group_id").annotate(n=Count("id")).order_by())
    has_steps = Exists(Classification.objects.filter(person=OuterRef("pk")))
    pending = people.filter(group__isnull=True).filter(has_steps).count()
    total = sum(counts.values())
    by_group = [GroupCount(g, counts.get(g.pk, 0)) for g in groups]
    return ClassificationProgress(total, total - counts.get(None, 0), pending, by_group)


# --- the person's required digital skills (Ind 2) ----------------------------------------------


@dataclass
class MySkills:
    """What a person needs: group, expected role, and the announced skills by component."""

    person: Person
    group: PersonnelGroup | None
    announcement: Announcement | None
    entry: AnnouncementGroup | None
    role: FrameworkRole | None
    components: list[ComponentItems]
    pending: Classification | None


def my_skills(person: Person) -> MySkills:
    """The person's group, expected role and required skills under the announcement in force."""
    announcement = announcement_in_force(person.agency)
    step = person.classifications.select_related("group").order_by("-created_at", "-id").first()
    pending = step if step is not None and not step.is_final else None
    entry = None
    components: list[ComponentItems] = []
    if announcement is not None and person.group_id is not None:
        entry = next((g for g in announcement_groups(announcement) if g.group_id == person.group_id), None)
        if entry is not None:
            framework_id = announcement.target.framework_id
            components = by_component(components_of(framework_id), list(entry.items.all()))
    return MySkills(
        person=person,
        group=person.group,
        announcement=announcement,
        entry=entry,
        role=entry.role if entry else None,
        components=components,
        pending=pending,
    )


# --- classifying a whole department ------------------------------------------------------------

CLASSIFY_STATUSES = ("unclassified", "no_proposal", "proposed", "awaiting_approval", "classified", "all")


def _latest_step(field: str) -> Subquery:
    """A subquery giving one field of each person's latest classification step."""
    return Subquery(
        Classification.objects.filter(person=OuterRef("pk")).order_by("-created_at", "-id").values(field)[:1]
    )


def classification_queue(
    people: QuerySet[Person], *, division: Agency | None = None, group: str = "", status: str = "unclassified"
) -> QuerySet[Person]:
    """Active people filtered by division (with its sections), group ("-" for none) and classification status.

    Filtering, ordering and paging all happen in the database, so a department of any size pages.
    """
    people = people.filter(is_active=True).annotate(
        step_status=_latest_step("status"), step_needs_approval=_latest_step("needs_approval")
    )
    if division is not None:
        people = people.filter(Q(division=division) | Q(division__parent=division))
    if group == "-":
        people = people.filter(group__isnull=True)
    elif group:
        people = people.filter(group__code=group)
    if status == "unclassified":
        people = people.filter(group__isnull=True)
    elif status == "no_proposal":
        people = people.filter(group__isnull=True, step_status__isnull=True)
    elif status == "proposed":
        people = people.filter(step_status=ClassificationStatus.PROPOSED)
    elif status == "awaiting_approval":
        people = people.filter(
            step_needs_approval=True,
            step_status__in=[ClassificationStatus.AGREED, ClassificationStatus.CHANGED],
        )
    elif status == "classified":
        people = people.filter(group__isnull=False)
    return people.select_related("group", "division").order_by("division__code", "first_name", "pk")


@dataclass
class DivisionBacklog:
    """A division (with its sections) and how many of its people a bulk proposal would cover."""

    division: Agency
    without_proposal: int


def division_backlog(agency: Agency, divisions: Iterable[Agency]) -> list[DivisionBacklog]:
    """For each division or section, its active people with neither a group nor a step (one query)."""
    has_steps = Exists(Classification.objects.filter(person=OuterRef("pk")))
    rows = (
        Person.objects.filter(agency=agency, is_active=True, group__isnull=True)
        .exclude(has_steps)
        .values_list("division_id", "division__parent_id")
        .annotate(n=Count("id"))
        .order_by()
    )
    counts: dict[int, int] = {}
    for division_id, parent_id, n in rows:
        for unit in {division_id, parent_id} - {None}:
            counts[unit] = counts.get(unit, 0) + n
    return [DivisionBacklog(d, counts.get(d.pk, 0)) for d in divisions]
