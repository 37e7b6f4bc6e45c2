"""Two plans started at the same moment: one is created, the other is told so (409), never a 500.

On every database the race is made deterministic: while a request is between reading the next
version number and inserting its plan, the winning request's plan is inserted (as it would be,
committed, by another process). On PostgreSQL two real threads also race through the API, held at
the same point by a barrier, and the answers are one 201 and one 409.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.test import Client

from digiskill.plans import services
from digiskill.plans.models import Plan
from tests.plans.conftest import World

API = "/api/v1/plans/"


def interrupt(monkeypatch: pytest.MonkeyPatch, other: Callable[[], object]) -> None:
    """Run `other` inside each plan creation, after it read the next version and before its insert."""
    real = services._snapshot

    def interrupted(person):  # type: ignore[no-untyped-def]
        other()
        return real(person)

    monkeypatch.setattr(services, "_snapshot", interrupted)


def winner_inserts(world: World) -> Callable[[], object]:
    """What the winning request writes: version 1 of this year's plan."""
    person = world.cast.staff_person
    return lambda: Plan.objects.create(
        agency_id=person.agency_id, person=person, fiscal_year=world.year, version=1
    )


def test_the_losing_api_creation_is_409(world: World, client_for, monkeypatch: pytest.MonkeyPatch) -> None:
    interrupt(monkeypatch, winner_inserts(world))
    loser = client_for("staff").post(API, {"gap_ids": [world.gaps[0].pk]}, content_type="application/json")
    assert loser.status_code == 409, loser.content
    assert "already exists" in loser.json()["detail"] and set(loser.json()) == {"detail", "errors"}


def test_the_losing_creation_on_the_page_shows_a_message(
    world: World, client_for, monkeypatch: pytest.MonkeyPatch
) -> None:
    interrupt(monkeypatch, winner_inserts(world))
    loser = client_for("staff").post("/plans/new/", {"gaps": [world.gaps[0].pk]})
    assert loser.status_code == 302 and loser.url == "/plans/me/"
    texts = [str(m) for m in get_messages(loser.wsgi_request)]
    assert any("already exists" in t for t in texts), texts


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite's test database locks, not races")
def test_two_threads_creating_at_once_give_201_and_409(world: World, monkeypatch) -> None:
    barrier = threading.Barrier(2, timeout=20)
    interrupt(monkeypatch, barrier.wait)
    answers: list[int] = []

    def create() -> None:
        client = Client()
        client.force_login(world.cast.staff)
        try:
            response = client.post(API, {"gap_ids": [world.gaps[0].pk]}, content_type="application/json")
            answers.append(response.status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=create) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert sorted(answers) == [201, 409]
    assert Plan.objects.filter(person=world.cast.staff_person).count() == 1
