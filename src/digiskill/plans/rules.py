"""Who may act on a plan: its owner, the supervisor and the next-level supervisor, or HR in their place.

Shared by the services (which refuse) and the selectors (which offer the right buttons).
`user=None` (the user of `accounts.access.SYSTEM`) is the system itself (the demo loader, the CLI)
and may do everything. Who is an HR administrator is the rule of `accounts.access`; this module only
adds the plan's own people.
"""

from __future__ import annotations

from digiskill.accounts.access import is_hr_admin
from digiskill.accounts.models import User
from digiskill.people.models import Person
from digiskill.plans.models import Plan, PlanStatus

EDITABLE = (PlanStatus.DRAFT, PlanStatus.RETURNED)
"""Statuses in which goals and activities may be changed."""

UNDER_WAY = (PlanStatus.APPROVED, PlanStatus.IN_PROGRESS)
"""Statuses in which the person records progress."""


def is_owner(user: User | None, person: Person) -> bool:
    """True when `user` is the person's own login (or the system)."""
    return user is None or (person.user_id is not None and person.user_id == user.pk)


def can_act(person: Person | None) -> bool:
    """True when this person can act in the app: active and with a login."""
    return person is not None and person.is_active and person.user_id is not None


def approver_of(plan: Plan) -> Person | None:
    """Whose approval a submitted plan waits for; None when nothing waits or HR acts in their place."""
    if plan.status != PlanStatus.SUBMITTED:
        return None
    who = plan.next_level if plan.awaiting_next_level else plan.supervisor
    return who if can_act(who) else None


def may_approve(user: User | None, plan: Plan) -> bool:
    """True when `user` is the one to approve or return the plan now."""
    if plan.status != PlanStatus.SUBMITTED:
        return False
    if user is None:
        return True
    who = approver_of(plan)
    if who is not None:
        return who.user_id == user.pk
    return is_hr_admin(user, plan.agency_id)


def supervisors_of(person: Person) -> list[Person]:
    """The person's chain of supervisors, nearest first (a loop in the data stops the walk)."""
    chain: list[Person] = []
    seen = {person.pk}
    current = person.supervisor
    while current is not None and current.pk not in seen:
        chain.append(current)
        seen.add(current.pk)
        current = current.supervisor
    return chain


def may_supervise(user: User | None, person: Person) -> bool:
    """True for the person's supervisors up the chain, or HR when the person has no supervisor who can act."""
    if user is None:
        return True
    chain = supervisors_of(person)
    if any(p.user_id == user.pk for p in chain):
        return True
    if not any(can_act(p) for p in chain[:1]):
        return is_hr_admin(user, person.agency_id)
    return False
