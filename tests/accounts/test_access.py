"""The core of tenancy: who the actor is, which roles they hold, and the gates every view uses.

Agency first (an outsider gets 404), then role (403). Inactive lose access: an inactive login,
membership or department gives no role. Supervisor is derived from active subordinates.
"""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from digiskill.accounts.access import (
    SYSTEM,
    actor_for,
    actor_of,
    hr_users,
    is_hr_admin,
    memberships_of,
    person_of,
    require_agency,
    require_role,
    require_system_admin,
)
from digiskill.accounts.models import Membership, Role
from digiskill.people.models import Person
from tests.factories import Cast, make_department, make_person, make_user


def test_actor_in_their_department_with_their_person_record(cast: Cast) -> None:
    actor = actor_for(cast.staff)
    assert actor.agency == cast.dept
    assert actor.person == cast.staff_person
    assert actor.roles == {Role.STAFF}
    assert require_agency(actor) == cast.dept
    assert require_role(actor, Role.STAFF) == cast.dept


def test_outsider_is_404_before_the_role_is_looked_at(cast: Cast) -> None:
    """A user with no department gets 404 from every gate, whatever role is asked for."""
    actor = actor_for(cast.sysadmin)  # in no department
    with pytest.raises(Http404):
        require_agency(actor)
    with pytest.raises(Http404):
        require_role(actor, Role.HR_ADMIN)


def test_wrong_role_is_403(cast: Cast) -> None:
    actor = actor_for(cast.staff)
    with pytest.raises(PermissionDenied):
        require_role(actor, Role.HR_ADMIN, Role.EXECUTIVE)
    assert require_role(actor_for(cast.hr), Role.HR_ADMIN, Role.EXECUTIVE) == cast.dept


def test_the_roles_of_the_cast(cast: Cast) -> None:
    assert actor_for(cast.hr).roles == {Role.STAFF, Role.HR_ADMIN}
    assert actor_for(cast.assessor).roles == {Role.STAFF, Role.ASSESSOR}
    assert actor_for(cast.executive).roles == {Role.STAFF, Role.EXECUTIVE}
    assert actor_for(cast.supervisor).roles == {Role.STAFF, Role.SUPERVISOR}
    assert actor_for(cast.director).roles == {Role.STAFF, Role.SUPERVISOR}
    assert actor_for(cast.sysadmin).roles == {Role.SYSTEM_ADMIN}
    assert actor_for(cast.outsider).agency == cast.other_dept


def test_system_admin_passes_only_the_system_gate(cast: Cast) -> None:
    require_system_admin(actor_for(cast.sysadmin))
    with pytest.raises(PermissionDenied):
        require_system_admin(actor_for(cast.hr))
    assert not is_hr_admin(cast.sysadmin, cast.dept.pk)  # system administration is not HR of a department


def test_supervisor_is_derived_from_active_subordinates_only(cast: Cast) -> None:
    assert actor_for(cast.supervisor).has(Role.SUPERVISOR)
    Person.objects.filter(pk=cast.staff_person.pk).update(is_active=False)
    assert not actor_for(cast.supervisor).has(Role.SUPERVISOR)
    assert actor_for(cast.director).has(Role.SUPERVISOR)  # the supervisor still reports to them


def test_inactive_membership_loses_access(cast: Cast) -> None:
    Membership.objects.filter(user=cast.hr).update(is_active=False)
    actor = actor_for(cast.hr)
    assert actor.agency is None and actor.roles == frozenset()
    with pytest.raises(Http404):
        require_role(actor, Role.HR_ADMIN)
    assert not is_hr_admin(cast.hr, cast.dept.pk)
    assert cast.hr not in hr_users(cast.dept.pk)


def test_inactive_department_loses_access(cast: Cast) -> None:
    type(cast.dept).objects.filter(pk=cast.dept.pk).update(is_active=False)
    assert memberships_of(cast.hr) == []
    with pytest.raises(Http404):
        require_agency(actor_for(cast.hr))
    assert not is_hr_admin(cast.hr, cast.dept.pk)
    assert hr_users(cast.dept.pk) == []


def test_inactive_login_loses_access(cast: Cast) -> None:
    type(cast.hr).objects.filter(pk=cast.hr.pk).update(is_active=False)
    cast.hr.refresh_from_db()
    assert actor_for(cast.hr).agency is None
    assert not is_hr_admin(cast.hr, cast.dept.pk)
    assert hr_users(cast.dept.pk) == []


def test_hr_rule_is_per_department_and_the_system_passes(cast: Cast) -> None:
    assert is_hr_admin(cast.hr, cast.dept.pk)
    assert not is_hr_admin(cast.outsider, cast.dept.pk)  # HR of another department
    assert is_hr_admin(cast.outsider, cast.other_dept.pk)
    assert not is_hr_admin(cast.staff, cast.dept.pk)
    assert not is_hr_admin(cast.hr, None)
    assert is_hr_admin(None, cast.dept.pk)  # the system itself: commands, loaders, jobs


def test_the_system_actor_has_no_user_roles_or_department(cast: Cast) -> None:
    """Commands and jobs act as SYSTEM: no login, no role, no department; the rules let it pass."""
    assert SYSTEM.is_system and SYSTEM.user is None
    assert SYSTEM.roles == frozenset() and SYSTEM.agency is None and SYSTEM.person is None
    assert is_hr_admin(SYSTEM.user, cast.dept.pk)
    with pytest.raises(Http404):
        require_agency(SYSTEM)
    with pytest.raises(PermissionDenied):
        require_system_admin(SYSTEM)


def test_actor_of_a_user_or_of_none(cast: Cast) -> None:
    assert actor_of(None) is SYSTEM
    actor = actor_of(cast.staff)
    assert not actor.is_system and actor.user == cast.staff
    assert actor.agency == cast.dept and actor.person == cast.staff_person


def test_hr_users_oldest_membership_first(cast: Cast) -> None:
    second = make_user("hr-two", cast.dept, is_hr_admin=True)
    assert hr_users(cast.dept.pk) == [cast.hr, second]
    assert hr_users(cast.other_dept.pk) == [cast.outsider]


def test_chosen_department_of_a_member_of_two(cast: Cast) -> None:
    """A user in two departments acts in the chosen one, or in the first when the choice is not theirs."""
    second = make_department("SECOND")
    user = make_user("two-hats", cast.dept)
    Membership.objects.create(user=user, agency=second, is_hr_admin=True)
    person = make_person(second, user=user)
    assert actor_for(user).agency == cast.dept and not actor_for(user).has(Role.HR_ADMIN)
    chosen = actor_for(user, second.pk)
    assert chosen.agency == second and chosen.has(Role.HR_ADMIN) and chosen.person == person
    assert actor_for(user, cast.other_dept.pk).agency == cast.dept  # not a member there
    assert person_of(user, cast.dept.pk) is None  # no person record in the first department
