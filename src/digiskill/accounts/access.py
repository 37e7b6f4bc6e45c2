"""Who is acting, in which department, with which roles; and every role rule of the project.

Order of checks: agency first, then role. Something outside the actor's department is the
same 404 as something missing; a known object with the wrong role is 403. Services and selectors
ask the rules here (`is_hr_admin`, `hr_users`, the `require_*` gates); none re-derives them.

Who sees one person's own records (their page, self-assessments, evidence files, plans and the
official plan form, on pages and in the API) is one rule, `require_person_access`: the person
themselves, everyone above them in the chain of supervisors (their line), and HR administrators.
An executive sees the department's aggregates (gap analysis, reports, counts) and, of individuals,
only the people in their own line: to an executive anyone else is missing (404), to other staff
members forbidden (403).

Inactive lose access: an inactive login, an inactive membership or an inactive department gives
no role. Every service takes `actor: Actor`; commands, loaders and jobs pass `SYSTEM`, the system
itself, whose `user` is None and which passes every rule written for users (`is_hr_admin(None, …)`).

The accounts app sits below the people app, so it does not import it: the people app registers
how to find a login's person record (`register_person_resolver`) when it is ready.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest

from digiskill.accounts.models import Membership, Role, User

if TYPE_CHECKING:
    from digiskill.agencies.models import Agency
    from digiskill.people.models import Person

PersonResolver = Callable[[User, int], "Person | None"]
"""Finds the person record of a login in one department (registered by the people app)."""

_person_resolvers: list[PersonResolver] = []


def register_person_resolver(resolver: PersonResolver) -> None:
    """Tell the actor how to find a login's person record; the people app calls this in ready()."""
    if resolver not in _person_resolvers:
        _person_resolvers.append(resolver)


def person_of(user: User, agency_id: int) -> Person | None:
    """The person record of `user` in the department, through the registered resolver."""
    for resolve in _person_resolvers:
        person = resolve(user, agency_id)
        if person is not None:
            return person
    return None


@dataclass
class Actor:
    """The logged-in user acting in one department (or in none); `user=None` is the system itself."""

    user: User | None
    membership: Membership | None
    _roles: frozenset[Role] | None = field(default=None, repr=False)

    @property
    def is_system(self) -> bool:
        """True for the system itself (commands, loaders, jobs), which acts for no user."""
        return self.user is None

    @property
    def agency(self) -> Agency | None:
        """The department the actor acts in, if any."""
        return self.membership.agency if self.membership else None

    @cached_property
    def person(self) -> Person | None:
        """The actor's own person record in their department, if linked."""
        if self.membership is None or self.user is None:
            return None
        return person_of(self.user, self.membership.agency_id)

    @cached_property
    def roles(self) -> frozenset[Role]:
        """Every role the actor holds in their department (plus system administration)."""
        roles: set[Role] = set()
        if self.user is None:
            return frozenset()
        if self.user.is_system_admin:
            roles.add(Role.SYSTEM_ADMIN)
        m = self.membership
        if m is not None:
            roles.add(Role.STAFF)
            if m.is_hr_admin:
                roles.add(Role.HR_ADMIN)
            if m.is_assessor:
                roles.add(Role.ASSESSOR)
            if m.is_executive:
                roles.add(Role.EXECUTIVE)
            if is_supervisor(self.person):
                roles.add(Role.SUPERVISOR)
        return frozenset(roles)

    @property
    def role_labels(self) -> list[str]:
        """Labels of the actor's roles, for display."""
        return role_labels(self.roles)

    def has(self, *roles: Role) -> bool:
        """True when the actor holds at least one of `roles`."""
        return bool(self.roles.intersection(roles))


class ActorRequest(HttpRequest):
    """A request after login: `user` is a real user and `actor` is set by ActorMiddleware."""

    user: User
    actor: Actor
    htmx: Any


def active_memberships() -> QuerySet[Membership]:
    """Memberships that give access: active, of an active login, in an active department."""
    return Membership.objects.filter(is_active=True, user__is_active=True, agency__is_active=True)


def memberships_of(user: User) -> list[Membership]:
    """The user's memberships that give access, oldest first."""
    return list(active_memberships().filter(user=user).select_related("agency").order_by("id"))


def is_supervisor(person: Person | None) -> bool:
    """True when the person has at least one active subordinate (supervisor is derived, never stored)."""
    return person is not None and person.is_active and person.subordinates.filter(is_active=True).exists()


def in_line(boss: Person | None, person: Person) -> bool:
    """True when `boss` is above `person` in the chain of supervisors (directly or through others).

    Walks up from the person, one small query per level, and stops at a loop in the chain.
    """
    if boss is None or boss.agency_id != person.agency_id:
        return False
    manager = type(person)._default_manager
    seen = {person.pk}
    current = person.supervisor_id
    while current is not None and current not in seen:
        if current == boss.pk:
            return True
        seen.add(current)
        current = (
            manager.filter(pk=current, agency_id=person.agency_id)
            .values_list("supervisor_id", flat=True)
            .first()
        )
    return False


def require_person_access(actor: Actor, person: Person, *, also: Iterable[int | None] = ()) -> None:
    """Allow one person's own records to the person, their line of supervisors and HR administrators.

    `also` names further people allowed (the supervisors recorded on a plan). Outside the actor's
    department 404; an executive outside their line 404 too (they see individuals only in their
    line, the department through aggregates); any other member of the department 403.
    """
    agency = require_agency(actor)
    if person.agency_id != agency.pk:
        raise Http404
    if actor.has(Role.HR_ADMIN):
        return
    me = actor.person
    if me is not None and (me.pk == person.pk or me.pk in set(also) or in_line(me, person)):
        return
    if actor.has(Role.EXECUTIVE):
        raise Http404
    raise PermissionDenied


def is_hr_admin(user: User | None, agency_id: int | None) -> bool:
    """True for the system itself (None) and for an HR administrator of the department with access."""
    if user is None:
        return True
    if agency_id is None or not user.is_active:
        return False
    return active_memberships().filter(user=user, agency_id=agency_id, is_hr_admin=True).exists()


def may_manage_resources(user: User | None, agency_id: int | None) -> bool:
    """True when `user` may write the learning resources of the department (None: the shared ones).

    The system itself (no user) may; the shared resources are the system administrators', a
    department's own are its HR administrators'.
    """
    if user is None:
        return True  # the system itself: loaders and the command line
    if agency_id is None:
        return bool(user.is_active and user.is_system_admin)
    return is_hr_admin(user, agency_id)


def hr_users(agency_id: int) -> list[User]:
    """The department's HR administrators who have access (whom HR work is sent to), oldest first."""
    memberships = active_memberships().filter(agency_id=agency_id, is_hr_admin=True)
    return [m.user for m in memberships.select_related("user").order_by("id")]


def actor_for(user: User, agency_id: int | None = None) -> Actor:
    """Build the actor for a user, in the chosen department or their first one."""
    memberships = memberships_of(user)
    chosen = next((m for m in memberships if m.agency_id == agency_id), None)
    return Actor(user=user, membership=chosen or (memberships[0] if memberships else None))


SYSTEM = Actor(user=None, membership=None)
"""The system itself as an actor: commands, loaders, jobs. No roles, no department, no person;
services let it do everything their rules allow the system (`is_hr_admin(None, …)` is True)."""


def actor_of(user: User | None) -> Actor:
    """The actor for code that holds only a user (tests, signals): None is SYSTEM."""
    return SYSTEM if user is None else actor_for(user)


def require_agency(actor: Actor) -> Agency:
    """Return the actor's department, or 404 for someone with none (an outsider)."""
    if actor.agency is None:
        raise Http404
    return actor.agency


def require_role(actor: Actor, *roles: Role) -> Agency:
    """Return the actor's department when they hold one of `roles`; 404 outsider, 403 wrong role."""
    agency = require_agency(actor)
    if not actor.has(*roles):
        raise PermissionDenied
    return agency


def require_system_admin(actor: Actor) -> None:
    """Allow system administrators only (403 for everyone else)."""
    if not actor.has(Role.SYSTEM_ADMIN):
        raise PermissionDenied


def role_labels(roles: Iterable[Role]) -> list[str]:
    """Human labels of roles, in the order of the Role enum."""
    wanted = set(roles)  # once: an iterator would be used up by the first test
    return [str(r.label) for r in Role if r in wanted]
