"""The API fuzz: schemathesis generates calls to every operation of the COMMITTED OpenAPI document
and runs them in-process against the Django app (WSGI) with a logged-in session.

Every answer must be no server error and must match the document (status, body). Each operation
gets a bounded number of examples, so the whole fuzz stays within a few minutes on two cores;
FUZZ_EXAMPLES raises it for a longer run. It runs as the staff member (their own plan, round and
skills) and as the HR administrator (people, gaps, learning resources).
"""

from __future__ import annotations

import os

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import content_type_conformance, response_schema_conformance

from digiskill.api.document import COMMITTED
from tests.api.conftest import session_of
from tests.plans.conftest import World

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "8"))
CHECKS = [not_a_server_error, response_schema_conformance, content_type_conformance]


def known_values(world: World) -> dict[str, list[object]]:
    """Ids and codes that exist, by path parameter: half the calls use one, so they get past 404."""
    from digiskill.assessments.models import Assessment, AssessmentItem
    from digiskill.frameworks.models import Unit
    from digiskill.learning.models import LearningResource
    from digiskill.people.models import Person
    from digiskill.plans.models import Application, Plan, PlanActivity, PlanGoal

    models = [Plan, PlanGoal, PlanActivity, Application, Person, Assessment, LearningResource]
    pks = sorted({pk for model in models for pk in model.objects.values_list("pk", flat=True)})
    return {
        "pk": pks,
        "person_id": [world.cast.staff_person.pk, world.cast.supervisor_person.pk],
        "item_id": list(AssessmentItem.objects.values_list("pk", flat=True)[:20]),
        "code": ["OCSC-2561"],
        "unit": list(Unit.objects.values_list("code", flat=True)[:5]),
    }


def _fuzz(operation, session, known: dict[str, list[object]]) -> list[str]:
    """Run the examples of one operation; the failures as text (empty when it held)."""

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        derandomize=True,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy(), data=st.data())
    def run(case, data) -> None:
        for name in list(case.path_parameters or {}):
            if known.get(name) and data.draw(st.booleans()):
                case.path_parameters[name] = data.draw(st.sampled_from(known[name]))
        case.call_and_validate(cookies=session.cookies, headers=session.headers, checks=CHECKS)

    try:
        run()
    except Exception as exc:  # each check failure, with the call that reproduces it
        return [f"{operation.label}: {exc}"]
    return []


@pytest.fixture
def connection_kept() -> object:
    """Keep the test's database connection across the in-process WSGI calls, as Django's test client
    does: Django closes a connection in a transaction at each request's start and end, which on
    PostgreSQL would close the test's own (SQLite's in-memory database is never closed)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.mark.parametrize("member", ["staff", "hr"])
@pytest.mark.usefixtures("connection_kept")
def test_the_api_holds_to_its_committed_document(api_world: World, member: str) -> None:
    schema = schemathesis.openapi.from_path(COMMITTED)
    schema.app = get_wsgi_application()
    session = session_of(getattr(api_world.cast, member))
    known = known_values(api_world)
    failures: list[str] = []
    for result in schema.get_all_operations():
        failures += _fuzz(result.ok(), session, known)
    assert not failures, "\n\n".join(failures)
