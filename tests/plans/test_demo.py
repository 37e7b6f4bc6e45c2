"""`demo_plans`: plans of demo-supervisor's team in different states, none without an agreed
assessment, nothing written twice."""

from __future__ import annotations

from collections import Counter

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from digiskill.accounts.models import AuditEntry, User
from digiskill.agencies.models import Agency
from digiskill.assessments.models import Assessment
from digiskill.demo.plans import demo_plans
from digiskill.people.models import Person
from digiskill.plans.models import Plan, PlanEventKind
from tests.plans.conftest import agreed_assessment


@pytest.fixture
def demo(db) -> Agency:
    call_command("load_demo", quiet_logins=True)
    # load_demo runs demo_plans itself; start these tests from a department with no plans and no
    # agreed assessments, so each test decides which assessments exist.
    Plan.objects.all().delete()
    Assessment.objects.all().delete()
    return Agency.objects.get(code="DEMO-DEPT")


def test_without_agreed_assessments_nothing_is_written(demo: Agency) -> None:
    before = AuditEntry.objects.count()
    assert demo_plans(demo) == 0
    assert AuditEntry.objects.count() == before and not Plan.objects.exists()


def test_demo_plans_in_several_states(demo: Agency) -> None:
    supervisor = Person.objects.get(user__username="demo-supervisor")
    team = list(
        Person.objects.filter(supervisor=supervisor, group__isnull=False).exclude(
            user__username="demo-staff"
        )[:5]
    )
    for person in team:
        agreed_assessment(person)
    assert demo_plans(demo) == 4
    states = Counter(Plan.objects.filter(agency=demo).values_list("status", flat=True))
    assert states == {"submitted": 1, "in_progress": 1, "returned": 1, "draft": 1}
    assert not Plan.objects.filter(person__user__username="demo-staff").exists()
    going = Plan.objects.get(status="in_progress")
    assert going.events.filter(kind=PlanEventKind.FEEDBACK).exists()
    assert {a.band for g in going.goals.all() for a in g.activities.all()} == {70, 20, 10}
    client = Client()
    client.force_login(User.objects.get(username="demo-supervisor"))
    waiting = client.get(reverse("plans:waiting")).content.decode()
    assert Plan.objects.get(status="submitted").person.full_name in waiting
    written = AuditEntry.objects.count()
    assert demo_plans(demo) == 0
    assert AuditEntry.objects.count() == written
