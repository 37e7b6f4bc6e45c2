"""Who may open each plan page: anonymous → login, outsider → 404, wrong role → 403, right role → 200."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from digiskill.accounts.access import actor_of
from digiskill.plans.models import Application, Plan
from digiskill.plans.services import (
    activity_progress,
    application_record,
    plan_approve,
    plan_submit,
)
from tests.plans.conftest import World, ready_plan

ROLES = ["staff", "supervisor", "director", "hr", "assessor", "executive", "outsider", "sysadmin"]


@pytest.fixture
def scene(world: World, settings, tmp_path):
    """An approved plan of the staff member with an evidence file, and a record of applying a skill."""
    settings.MEDIA_ROOT = tmp_path
    cast = world.cast
    plan = plan_approve(
        actor=actor_of(cast.supervisor), plan=plan_submit(actor=actor_of(cast.staff), plan=ready_plan(world))
    )
    activity = plan.goals.first().activities.first()
    activity_progress(
        actor=actor_of(cast.staff),
        activity=activity,
        status="done",
        evidence_file=SimpleUploadedFile("หลักฐาน.pdf", b"%PDF-1.4 evidence"),
    )
    applied = application_record(
        actor=actor_of(cast.staff),
        person=cast.staff_person,
        title="ระบบติดตามงาน",
        applied_on=timezone.localdate(),
        evidence_file=SimpleUploadedFile("ผลงาน.png", b"\x89PNG\r\n\x1a\n"),
    )
    return plan, activity, applied


def statuses(client_for, method: str, url: str, roles: list[str] = ROLES, **data) -> dict[str, int]:
    got = {}
    for role in roles:
        client = client_for(role)
        response = client.get(url) if method == "get" else client.post(url, data)
        got[role] = response.status_code
    return got


def test_anonymous_visitors_are_sent_to_log_in(scene) -> None:
    plan, activity, applied = scene
    goal = plan.goals.first()
    client = Client()
    gets = [
        reverse("plans:mine"),
        reverse("plans:waiting"),
        reverse("plans:team"),
        reverse("plans:department"),
        reverse("plans:overdue"),
        reverse("plans:applications"),
        reverse("plans:detail", args=[plan.pk]),
        reverse("plans:edit", args=[plan.pk]),
        reverse("plans:review", args=[plan.pk]),
        reverse("plans:activity_evidence", args=[activity.pk]),
        reverse("plans:application_evidence", args=[applied.pk]),
    ]
    posts = [
        reverse("plans:create"),
        reverse("plans:settings"),
        reverse("plans:goal_add", args=[plan.pk]),
        reverse("plans:submit", args=[plan.pk]),
        reverse("plans:approve", args=[plan.pk]),
        reverse("plans:return", args=[plan.pk]),
        reverse("plans:start", args=[plan.pk]),
        reverse("plans:complete", args=[plan.pk]),
        reverse("plans:revise", args=[plan.pk]),
        reverse("plans:feedback", args=[plan.pk]),
        reverse("plans:goal_save", args=[goal.pk]),
        reverse("plans:goal_delete", args=[goal.pk]),
        reverse("plans:activity_add", args=[goal.pk]),
        reverse("plans:activity_from_resource", args=[goal.pk, 1]),
        reverse("plans:evaluate", args=[goal.pk]),
        reverse("plans:activity_delete", args=[activity.pk]),
        reverse("plans:progress", args=[activity.pk]),
        reverse("plans:application_ack", args=[applied.pk]),
    ]
    for url in gets:
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], url
    for url in posts:
        response = client.post(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], url


def test_a_plan_is_read_by_its_person_the_chain_and_hr(scene, client_for) -> None:
    plan, activity, applied = scene
    expected = {
        "staff": 200,
        "supervisor": 200,
        "director": 200,
        "hr": 200,
        "assessor": 403,
        "executive": 404,  # outside the executive's line (the cast's executive supervises nobody)
        "outsider": 404,
        "sysadmin": 404,
    }
    assert statuses(client_for, "get", reverse("plans:detail", args=[plan.pk])) == expected
    assert statuses(client_for, "get", reverse("plans:activity_evidence", args=[activity.pk])) == expected
    assert statuses(client_for, "get", reverse("plans:application_evidence", args=[applied.pk])) == expected
    assert client_for("staff").get(reverse("plans:detail", args=[999999])).status_code == 404


def test_evidence_downloads_keep_the_original_name(scene, client_for) -> None:
    _plan, activity, applied = scene
    response = client_for("supervisor").get(reverse("plans:activity_evidence", args=[activity.pk]))
    assert b"".join(response.streaming_content) == b"%PDF-1.4 evidence"
    assert "attachment" in response["Content-Disposition"]
    assert "%E0%B8%AB" in response["Content-Disposition"]  # หลักฐาน.pdf, encoded
    Application.objects.filter(pk=applied.pk).update(evidence_file="")
    assert (
        client_for("staff").get(reverse("plans:application_evidence", args=[applied.pk])).status_code == 404
    )


def test_pages_by_role(scene, client_for) -> None:
    assert statuses(client_for, "get", reverse("plans:mine")) == {
        **dict.fromkeys(ROLES, 200),
        "sysadmin": 404,
    }
    assert statuses(client_for, "get", reverse("plans:applications")) == {
        **dict.fromkeys(ROLES, 200),
        "sysadmin": 404,
    }
    assert statuses(client_for, "get", reverse("plans:waiting")) == {
        "staff": 403,
        "supervisor": 200,
        "director": 200,
        "hr": 200,
        "assessor": 403,
        "executive": 403,
        "outsider": 200,  # HR of their own department: sees only its plans
        "sysadmin": 404,
    }
    assert statuses(client_for, "get", reverse("plans:team")) == {
        "staff": 403,
        "supervisor": 200,
        "director": 200,
        "hr": 403,
        "assessor": 403,
        "executive": 403,
        "outsider": 403,
        "sysadmin": 404,
    }
    hr_only = {
        "staff": 403,
        "supervisor": 403,
        "director": 403,
        "hr": 200,
        "assessor": 403,
        "executive": 403,
        "outsider": 200,
        "sysadmin": 404,
    }
    assert statuses(client_for, "get", reverse("plans:department")) == hr_only
    assert statuses(client_for, "get", reverse("plans:overdue")) == hr_only
    settings_post = statuses(client_for, "post", reverse("plans:settings"), approval_limit_days="5")
    assert settings_post == {**hr_only, "hr": 302, "outsider": 302}


def test_the_outsider_lists_nothing_of_another_department(scene, client_for) -> None:
    plan, _activity, _applied = scene
    body = client_for("outsider").get(reverse("plans:department")).content.decode()
    assert plan.person.full_name not in body
    body = client_for("hr").get(reverse("plans:department")).content.decode()
    assert plan.person.full_name in body and reverse("plans:detail", args=[plan.pk]) in body


def test_only_the_owner_edits_a_draft(world: World, client_for) -> None:
    plan = ready_plan(world)
    goal = plan.goals.first()
    activity = goal.activities.first()
    edit = reverse("plans:edit", args=[plan.pk])
    assert client_for("staff").get(edit).status_code == 200
    assert client_for("supervisor").get(edit).status_code == 302  # shown the plan instead
    assert client_for("outsider").get(edit).status_code == 404
    assert client_for("assessor").get(edit).status_code == 403
    writes = [
        (edit, {"mission": "x"}),
        (reverse("plans:goal_add", args=[plan.pk]), {"new-skill_th": "ทักษะ"}),
        (reverse("plans:goal_save", args=[goal.pk]), {f"goal-{goal.pk}-skill_th": "ทักษะ"}),
        (reverse("plans:activity_add", args=[goal.pk]), {f"act-{goal.pk}-kind": "coaching"}),
        (reverse("plans:activity_delete", args=[activity.pk]), {}),
        (reverse("plans:goal_delete", args=[goal.pk]), {}),
        (reverse("plans:submit", args=[plan.pk]), {}),
    ]
    for url, data in writes:
        got = statuses(client_for, "post", url, ["supervisor", "hr", "assessor", "outsider"], **data)
        assert got == {"supervisor": 403, "hr": 403, "assessor": 403, "outsider": 404}, url
    assert Plan.objects.get(pk=plan.pk).goals.count() == 2


def test_only_the_approver_reviews(world: World, client_for) -> None:
    plan = plan_submit(actor=actor_of(world.cast.staff), plan=ready_plan(world))
    review = reverse("plans:review", args=[plan.pk])
    assert statuses(client_for, "get", review, ["staff", "supervisor", "director", "hr", "outsider"]) == {
        "staff": 403,
        "supervisor": 200,
        "director": 403,
        "hr": 403,
        "outsider": 404,
    }
    for name in ("approve", "return"):
        url = reverse(f"plans:{name}", args=[plan.pk])
        got = statuses(client_for, "post", url, ["staff", "director", "hr", "outsider"], comment="x")
        assert got == {"staff": 403, "director": 403, "hr": 403, "outsider": 404}, name
    assert Plan.objects.get(pk=plan.pk).status == "submitted"


def test_progress_and_steps_of_the_owner_and_feedback_of_the_chain(scene, client_for) -> None:
    plan, activity, applied = scene
    goal = plan.goals.first()
    owner_steps = [
        (reverse("plans:progress", args=[activity.pk]), {f"p{activity.pk}-status": "done"}),
        (reverse("plans:evaluate", args=[goal.pk]), {f"e{goal.pk}-result": "met"}),
        (reverse("plans:start", args=[plan.pk]), {}),
        (reverse("plans:complete", args=[plan.pk]), {}),
        (reverse("plans:revise", args=[plan.pk]), {}),
    ]
    for url, data in owner_steps:
        got = statuses(client_for, "post", url, ["supervisor", "hr", "assessor", "outsider"], **data)
        assert got == {"supervisor": 403, "hr": 403, "assessor": 403, "outsider": 404}, url
    feedback = reverse("plans:feedback", args=[plan.pk])
    got = statuses(client_for, "post", feedback, ["staff", "hr", "assessor", "outsider"], comment="x")
    assert got == {"staff": 403, "hr": 403, "assessor": 403, "outsider": 404}
    ack = reverse("plans:application_ack", args=[applied.pk])
    got = statuses(client_for, "post", ack, ["staff", "hr", "assessor", "outsider"])
    assert got == {"staff": 403, "hr": 403, "assessor": 403, "outsider": 404}
    assert client_for("director").post(feedback, {"comment": "ดี"}).status_code == 302
    assert client_for("supervisor").post(ack, {"note": "ดี"}).status_code == 302
