"""The demo self-assessments: most people agreed with gaps, demo-staff's draft half done, one waiting
for demo-supervisor, two rounds for demo-supervisor; and a second run writes nothing."""

from __future__ import annotations

from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from digiskill.accounts.models import AuditEntry, User
from digiskill.agencies.models import Agency
from digiskill.assessments.models import Assessment, AssessmentItem, AssessmentStatus
from digiskill.demo.assessments import demo_assessments
from digiskill.inbox.models import Notification
from digiskill.people.models import Person


def test_the_demo_department_gets_its_self_assessments(db) -> None:
    call_command("load_demo", quiet_logins=True)
    dept = Agency.objects.get(code="DEMO-DEPT")
    demo_assessments(dept)

    staff = Person.objects.get(user__username="demo-staff")
    draft = Assessment.objects.get(person=staff)
    assert draft.status == AssessmentStatus.DRAFT
    answered = draft.items.filter(self_has__isnull=False).count()
    assert 0 < answered < draft.items.count()

    boss = User.objects.get(username="demo-supervisor")
    waiting = Assessment.objects.get(status=AssessmentStatus.SUBMITTED)
    assert waiting.person.supervisor.user == boss
    assert Notification.objects.filter(recipient=boss, kind="assessment_submitted").count() == 1

    mine = Assessment.objects.filter(person__user=boss).order_by("round")
    assert [(a.round, a.status, a.is_current) for a in mine] == [(1, "agreed", False), (2, "agreed", True)]

    eligible = Person.objects.filter(agency=dept, is_active=True, group__isnull=False).count()
    agreed = Assessment.objects.filter(agency=dept, status=AssessmentStatus.AGREED, is_current=True).count()
    assert agreed > eligible * 0.7
    current = AssessmentItem.objects.filter(agency=dept, is_current=True)
    gaps = current.filter(agreed_has=False).count()
    assert 0.2 < gaps / current.count() < 0.6  # plausible gaps
    assert current.filter(agreed_has=False, priority__isnull=True).count() == 0
    assert current.filter(supervisor_agrees=False).exists()

    client = Client()
    client.force_login(boss)
    assert waiting.person.full_name in client.get(reverse("assessments:reviews")).content.decode()

    written = (AuditEntry.objects.count(), Assessment.objects.count(), Notification.objects.count())
    demo_assessments(dept)
    assert (AuditEntry.objects.count(), Assessment.objects.count(), Notification.objects.count()) == written
