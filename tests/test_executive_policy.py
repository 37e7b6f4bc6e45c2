"""Who sees what, for executives: the department's aggregates, and individuals only in their own line.

An executive above the staff member in the chain of supervisors (the "chief", whom the director
reports to) opens the staff member's record, self-assessments, evidence files, plans and plan forms,
on pages and in the API. An executive outside that line, with or without a person record, finds
none of them (404, as if missing). Both read the aggregates; neither opens the gap drill-down.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from digiskill.accounts.access import actor_for, in_line
from digiskill.accounts.models import User
from digiskill.people.models import Person
from tests.factories import make_person, make_user
from tests.url_access_scene import Scene, build_scene

pytestmark = pytest.mark.django_db

# One person's own records: (label, URL builder).
INDIVIDUAL: list[tuple[str, Callable[[Scene], str]]] = [
    ("person page", lambda s: reverse("people:detail", args=[s.cast.staff_person.pk])),
    ("person API", lambda s: f"/api/v1/people/{s.cast.staff_person.pk}"),
    ("classifications API", lambda s: f"/api/v1/people/{s.cast.staff_person.pk}/classifications"),
    ("round", lambda s: reverse("assessments:detail", args=[s.agreed.pk])),
    ("item", lambda s: reverse("assessments:item", args=[s.evidence_item.pk])),
    ("evidence file", lambda s: reverse("assessments:evidence", args=[s.evidence_item.pk])),
    ("history", lambda s: reverse("assessments:person_history", args=[s.cast.staff_person.pk])),
    ("gaps", lambda s: reverse("assessments:person_gaps", args=[s.cast.staff_person.pk])),
    ("compare", lambda s: f"{reverse('assessments:compare')}?a={s.agreed.pk}&b={s.draft.pk}"),
    ("round API", lambda s: f"/api/v1/assessments/{s.agreed.pk}"),
    ("rounds API", lambda s: f"/api/v1/assessments/people/{s.cast.staff_person.pk}"),
    ("gaps API", lambda s: f"/api/v1/assessments/people/{s.cast.staff_person.pk}/gaps"),
    ("plan", lambda s: reverse("plans:detail", args=[s.live_plan.pk])),
    ("plan API", lambda s: f"/api/v1/plans/{s.live_plan.pk}"),
    ("activity evidence", lambda s: reverse("plans:activity_evidence", args=[s.activity.pk])),
    ("applied evidence", lambda s: reverse("plans:application_evidence", args=[s.application.pk])),
    ("plan form XLSX", lambda s: reverse("reports:plan_xlsx", args=[s.live_plan.pk])),
]
AGGREGATES = ["gaps:analysis", "reports:plans", "reports:plans_xlsx", "agencies:summary"]


@pytest.fixture
def scene(settings, tmp_path) -> Scene:
    settings.MEDIA_ROOT = tmp_path
    return build_scene()


def _executive(scene: Scene, username: str, *, above_director: bool) -> tuple[User, Person]:
    """An executive with a person record: above the director (so the whole chain is their line), or apart."""
    user = make_user(username, scene.cast.dept, is_executive=True)
    person = make_person(scene.cast.dept, user=user, position="รองอธิบดี")
    if above_director:
        Person.objects.filter(pk=scene.cast.director_person.pk).update(supervisor=person)
    return user, person


def _client(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_line_is_everyone_below_in_the_chain(scene: Scene) -> None:
    chief, chief_person = _executive(scene, "chief", above_director=True)
    _peer, peer_person = _executive(scene, "peer", above_director=False)
    cast = scene.cast
    staff = Person.objects.get(pk=cast.staff_person.pk)
    assert in_line(chief_person, staff)  # through the director and the supervisor
    assert in_line(cast.director_person, staff) and in_line(cast.supervisor_person, staff)
    assert not in_line(peer_person, staff)
    assert not in_line(staff, cast.supervisor_person)  # the line goes down, not up
    assert not in_line(staff, staff)
    assert not in_line(chief_person, cast.outsider_person)  # another department
    assert actor_for(chief).person == chief_person


def test_an_executive_reads_individuals_only_in_their_line(scene: Scene) -> None:
    chief, _ = _executive(scene, "chief", above_director=True)
    peer, _ = _executive(scene, "peer", above_director=False)
    inside, apart, no_record = _client(chief), _client(peer), _client(scene.cast.executive)
    for label, url in INDIVIDUAL:
        address = url(scene)
        assert inside.get(address).status_code == 200, label
        assert apart.get(address).status_code == 404, label
        assert no_record.get(address).status_code == 404, label
    download = inside.get(reverse("assessments:evidence", args=[scene.evidence_item.pk]))
    assert b"".join(download.streaming_content) == b"%PDF-1.4 test"


def test_the_pdf_form_is_refused_outside_the_line(scene: Scene) -> None:
    peer, _ = _executive(scene, "peer", above_director=False)
    url = reverse("reports:plan_pdf", args=[scene.live_plan.pk])
    assert _client(peer).get(url).status_code == 404
    assert _client(scene.cast.executive).get(url).status_code == 404


def test_an_executive_outside_the_line_cannot_act_on_a_round_either(scene: Scene) -> None:
    peer, _ = _executive(scene, "peer", above_director=False)
    client = _client(peer)
    assert client.get(reverse("assessments:review", args=[scene.submitted.pk])).status_code == 404
    assert client.post(reverse("assessments:return", args=[scene.submitted.pk])).status_code == 404
    assert client.post(reverse("people:agree", args=[scene.cast.staff_person.pk])).status_code == 404


def test_both_read_the_aggregates_and_neither_the_drill_down(scene: Scene) -> None:
    chief, _ = _executive(scene, "chief", above_director=True)
    peer, _ = _executive(scene, "peer", above_director=False)
    for user in (chief, peer, scene.cast.executive):
        client = _client(user)
        for name in AGGREGATES:
            assert client.get(reverse(name)).status_code == 200, (user, name)
        assert client.get(reverse("gaps:people"), {"unit": "DG100"}).status_code == 403
        assert client.get("/api/v1/gaps/").status_code == 200


def test_the_people_list_of_an_executive_is_their_line(scene: Scene) -> None:
    chief, _ = _executive(scene, "chief", above_director=True)
    peer, _ = _executive(scene, "peer", above_director=False)
    staff_name = scene.cast.staff_person.last_name
    hr_name = Person.objects.get(user=scene.cast.hr).last_name
    page = _client(chief).get(reverse("people:list")).content.decode()
    assert staff_name in page and hr_name not in page
    assert staff_name not in _client(peer).get(reverse("people:list")).content.decode()
    listed = [p["id"] for p in _client(chief).get("/api/v1/people/").json()["items"]]
    assert scene.cast.staff_person.pk in listed and len(listed) == 3  # director, supervisor, staff
    assert _client(peer).get("/api/v1/people/").json()["count"] == 0
    everyone = _client(scene.cast.hr).get("/api/v1/people/").json()["count"]
    assert everyone == Person.objects.filter(agency=scene.cast.dept, is_active=True).count()
