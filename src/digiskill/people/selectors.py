"""Reads of people, always scoped to the actor's department first."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from digiskill.accounts.access import Actor, require_agency
from digiskill.accounts.models import Role
from digiskill.people.models import Person


def people_of_agency(actor: Actor) -> QuerySet[Person]:
    """All people of the actor's department (404 for an outsider); callers check the role."""
    agency = require_agency(actor)
    return Person.objects.filter(agency=agency).select_related("division", "supervisor")


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
    """A person the actor may see: themselves, their subordinates, or anyone for HR and executives."""
    person = people_of_agency(actor).filter(pk=pk).first()
    if person is None:
        raise Http404
    me = actor.person
    if actor.has(Role.HR_ADMIN, Role.EXECUTIVE) or (me is not None and me.pk == person.pk):
        return person
    if me is not None and person.pk in subordinate_ids(me):
        return person
    raise PermissionDenied
