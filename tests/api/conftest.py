"""Fixtures of the API contract tests: a department with data behind every endpoint, and the
session cookie and CSRF token of a logged-in member, as a client outside Django would send them."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.middleware.csrf import _get_new_csrf_string
from django.test import Client

from digiskill.learning.models import LearningResource
from tests.plans import conftest as plans
from tests.plans.conftest import World, ready_plan


@dataclass
class Session:
    """What an outside client sends: the session and CSRF cookies, and the token as a header."""

    cookies: dict[str, str]
    headers: dict[str, str]


def session_of(user) -> Session:
    """Log `user` in and return their cookies and the CSRF header for writes."""
    client = Client()
    client.force_login(user)
    token = _get_new_csrf_string()
    return Session(
        cookies={"sessionid": client.cookies["sessionid"].value, "csrftoken": token},
        headers={"X-CSRFToken": token},
    )


world = plans.world  # the plans' fixture, for these tests too


@pytest.fixture
def api_world(world: World) -> World:
    """The plans' world (announcement, staff in group A, an agreed round with gaps), a draft plan
    and a learning resource: enough that the fuzz reaches past the 404s."""
    ready_plan(world)
    LearningResource.objects.create(
        code="FUZZ-01", title="การวิเคราะห์ข้อมูล", provider="สำนักงาน ก.พ.", kind="e_learning"
    )
    return world
