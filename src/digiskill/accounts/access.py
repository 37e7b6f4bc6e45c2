"""Who is acting, in which department, with which roles; and the checks every view uses.

Order of checks: agency first, then role. Something outside the actor's department is the
same 404 as something missing; a known object with the wrong role is 403.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest

from digiskill.accounts.models import Membership, Role, User

if TYPE_CHECKING:
    from digiskill.agencies.models import Agency
    from digiskill.people.models import Person


@dataclass
class Actor:
    """The logged-in user acting in one department (or in none)."""

    user: User
    membership: Membership | None
    _roles: frozenset[Role] | None = field(default=None, repr=False)

    @property
    def agency(self) -> Agency | None:
        """The department the actor acts in, if any."""
        return self.membership.agency if self.membership else None

    @cached_property
    def person(self) -> Person | None:
        """The actor's own person record in their department, if linked."""
        from digiskill.people.models import Person

        if self.membership is None:
            return None
        return Person.objects.filter(user=self.user, agency=self.membership.agency_id).first()

    @cached_property
    def roles(self) -> frozenset[Role]:
        """Every role the actor holds in their department (plus system administration)."""
        roles: set[Role] = set()
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
            if self.person is not None and self.person.subordinates.filter(is_active=True).exists():
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


def memberships_of(user: User) -> list[Membership]:
    """The user's active memberships, oldest first."""
    return list(
        Membership.objects.filter(user=user, is_active=True, agency__is_active=True)
        .select_related("agency")
        .order_by("id")
    )


def actor_for(user: User, agency_id: int | None = None) -> Actor:
    """Build the actor for a user, in the chosen department or their first one."""
    memberships = memberships_of(user)
    chosen = next((m for m in memberships if m.agency_id == agency_id), None)
    return Actor(user=user, membership=chosen or (memberships[0] if memberships else None))


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
    ordered = [r for r in Role if r in set(roles)]
    return [str(r.label) for r in ordered]
