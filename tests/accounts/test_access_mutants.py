"""Access rules at the edges the mutation check (`make mutate`) found untested: the line of
supervisors, one person's records, role labels and the person resolvers."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils import translation

from digiskill.accounts import access
from digiskill.accounts.access import actor_for, in_line, person_of, require_person_access, role_labels
from digiskill.accounts.models import Role
from digiskill.people.models import Person
from tests.factories import Cast, make_person


def _set_supervisor(person: Person, supervisor: Person | None) -> None:
    Person.objects.filter(pk=person.pk).update(supervisor=supervisor)
    person.refresh_from_db()


def test_the_line_runs_up_the_chain_of_supervisors(cast: Cast) -> None:
    staff, supervisor, director = cast.staff_person, cast.supervisor_person, cast.director_person
    assert in_line(supervisor, staff)
    assert in_line(director, staff)  # through the supervisor
    assert not in_line(staff, supervisor)  # never downwards
    assert not in_line(staff, staff)  # nobody is in their own line
    assert not in_line(None, staff)
    assert not in_line(director, director)  # the top of the chain has nobody above


def test_the_line_stops_at_the_department_edge_and_at_a_loop(cast: Cast) -> None:
    staff, supervisor, director = cast.staff_person, cast.supervisor_person, cast.director_person
    assert not in_line(cast.outsider_person, staff)
    # A chain that leaves the department (bad data) is not followed outside it.
    _set_supervisor(supervisor, cast.outsider_person)
    _set_supervisor(cast.outsider_person, director)
    assert not in_line(director, staff)
    # A loop in the data ends the walk instead of hanging, whether it runs through the person or above.
    _set_supervisor(supervisor, staff)
    assert not in_line(director, staff)
    _set_supervisor(supervisor, director)
    _set_supervisor(director, supervisor)
    hr_person = Person.objects.get(user=cast.hr)
    assert not in_line(hr_person, staff)


def test_one_persons_records_are_open_to_the_person_their_line_and_hr(cast: Cast) -> None:
    staff = cast.staff_person
    for user in (cast.staff, cast.supervisor, cast.director, cast.hr):
        assert require_person_access(actor_for(user), staff) is None


def test_a_person_named_in_also_is_let_in_and_no_one_else(cast: Cast) -> None:
    assessor_person = make_person(cast.dept, user=cast.assessor)
    staff = cast.staff_person
    with pytest.raises(PermissionDenied):
        require_person_access(actor_for(cast.assessor), staff)
    with pytest.raises(PermissionDenied):
        require_person_access(actor_for(cast.assessor), staff, also=[None, cast.director_person.pk])
    assert require_person_access(actor_for(cast.assessor), staff, also=[None, assessor_person.pk]) is None


def test_others_are_403_executives_outside_their_line_and_outsiders_404(cast: Cast) -> None:
    staff = cast.staff_person
    with pytest.raises(PermissionDenied):
        require_person_access(actor_for(cast.assessor), staff)  # no person record in the department
    with pytest.raises(PermissionDenied):
        require_person_access(actor_for(cast.staff), cast.supervisor_person)  # not upwards
    with pytest.raises(Http404):
        require_person_access(actor_for(cast.executive), staff)
    with pytest.raises(Http404):
        require_person_access(actor_for(cast.outsider), staff)  # HR and executive elsewhere
    with pytest.raises(Http404):
        require_person_access(actor_for(cast.sysadmin), staff)


def test_role_labels_follow_the_order_of_the_roles() -> None:
    with translation.override("en"):
        assert role_labels([Role.EXECUTIVE, Role.STAFF, Role.HR_ADMIN]) == [
            "Staff member",
            "HR administrator",
            "Executive",
        ]
        assert role_labels(iter([Role.SUPERVISOR])) == ["Supervisor"]
        assert role_labels([]) == []


def test_a_resolver_registered_twice_is_asked_once(cast: Cast, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(access, "_person_resolvers", list(access._person_resolvers))
    asked: list[tuple[str, int]] = []

    def resolver(user, agency_id: int) -> None:
        asked.append((user.username, agency_id))

    access.register_person_resolver(resolver)
    access.register_person_resolver(resolver)
    # The assessor has no person record, so the people app's resolver finds none and ours is asked.
    assert person_of(cast.assessor, cast.dept.pk) is None
    assert asked == [(cast.assessor.username, cast.dept.pk)]
