"""Replaced or removed evidence files leave storage after the commit, never before, never on rollback.

A file another row still refers to stays: a later self-assessment round and a revised plan version
copy their predecessor's evidence.
"""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from digiskill.accounts.access import actor_of
from digiskill.assessments.models import AssessmentItem
from digiskill.assessments.services import (
    assessment_item_save,
    assessment_start,
    assessment_submit,
)
from digiskill.plans.models import PlanActivity
from digiskill.plans.services import activity_delete, activity_progress, goal_delete, plan_revise
from tests.url_access_scene import Scene, agree_all, answer_all, build_scene

pytestmark = pytest.mark.django_db


class Boom(Exception):
    """Raised to roll a transaction back after the service has run."""


@pytest.fixture
def scene(settings, tmp_path) -> Scene:
    settings.MEDIA_ROOT = tmp_path
    return build_scene()


def _pdf(name: str = "ใหม่.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, b"%PDF-1.4 new", content_type="application/pdf")


def _exists(field) -> bool:
    return bool(field.name) and field.storage.exists(field.name)


def test_a_replaced_item_file_is_deleted_after_the_commit(
    scene: Scene, django_capture_on_commit_callbacks
) -> None:
    item = AssessmentItem.objects.get(pk=scene.evidence_item.pk)
    old = item.evidence_file.name
    storage = item.evidence_file.storage
    assert storage.exists(old)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        assessment_item_save(actor=actor_of(scene.cast.staff), item=item, has=True, file=_pdf())
    assert storage.exists(old)  # not before the commit
    for callback in callbacks:
        callback()
    assert not storage.exists(old)
    item.refresh_from_db()
    assert item.evidence_file.name != old and _exists(item.evidence_file)


def test_a_removed_item_file_is_deleted_after_the_commit(
    scene: Scene, django_capture_on_commit_callbacks
) -> None:
    item = AssessmentItem.objects.get(pk=scene.evidence_item.pk)
    old = item.evidence_file.name
    storage = item.evidence_file.storage
    with django_capture_on_commit_callbacks(execute=True):
        assessment_item_save(actor=actor_of(scene.cast.staff), item=item, has=True, clear_file=True)
    assert not storage.exists(old)
    item.refresh_from_db()
    assert item.evidence_file.name == "" and item.evidence_name == ""


def test_nothing_is_deleted_when_the_transaction_rolls_back(
    scene: Scene, django_capture_on_commit_callbacks
) -> None:
    item = AssessmentItem.objects.get(pk=scene.evidence_item.pk)
    old = item.evidence_file.name
    storage = item.evidence_file.storage
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(Boom),
        transaction.atomic(),
    ):
        assessment_item_save(actor=actor_of(scene.cast.staff), item=item, has=True, file=_pdf())
        raise Boom
    assert callbacks == []
    assert storage.exists(old)
    assert AssessmentItem.objects.get(pk=item.pk).evidence_file.name == old


def test_a_file_an_earlier_round_shares_stays(scene: Scene, django_capture_on_commit_callbacks) -> None:
    cast = scene.cast
    draft = scene.draft
    answer_all(cast.staff, draft)
    agree_all(cast.supervisor, assessment_submit(actor=actor_of(cast.staff), assessment=draft))
    third = assessment_start(actor=actor_of(cast.staff), person=cast.staff_person)
    copied = third.items.get(evidence_file=scene.evidence_item.evidence_file.name)  # carried forward
    shared = copied.evidence_file.name
    with django_capture_on_commit_callbacks(execute=True):
        assessment_item_save(actor=actor_of(cast.staff), item=copied, has=True, file=_pdf())
    assert copied.evidence_file.storage.exists(shared)  # round 2 still shows it


def test_a_replaced_activity_file_is_deleted_after_the_commit(
    scene: Scene, django_capture_on_commit_callbacks
) -> None:
    activity = PlanActivity.objects.get(pk=scene.activity.pk)
    old = activity.evidence_file.name
    storage = activity.evidence_file.storage
    assert storage.exists(old)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        activity_progress(
            actor=actor_of(scene.cast.staff),
            activity=activity,
            status="done",
            done_on=activity.done_on,
            evidence_file=_pdf("หลักฐานใหม่.pdf"),
        )
    assert storage.exists(old)
    for callback in callbacks:
        callback()
    assert not storage.exists(old)
    activity.refresh_from_db()
    assert _exists(activity.evidence_file) and activity.evidence_name == "หลักฐานใหม่.pdf"


def test_a_revised_plan_keeps_the_evidence_of_the_version_before(
    scene: Scene, django_capture_on_commit_callbacks
) -> None:
    cast = scene.cast
    new = plan_revise(actor=actor_of(cast.staff), plan=scene.live_plan)
    copies = PlanActivity.objects.filter(goal__plan=new).exclude(evidence_file="")
    [copy] = copies
    shared = copy.evidence_file.name
    with django_capture_on_commit_callbacks(execute=True):
        activity_delete(actor=actor_of(cast.staff), activity=copy)
        goal_delete(actor=actor_of(cast.staff), goal=new.goals.order_by("order").first())
    assert copy.evidence_file.storage.exists(shared)  # the approved version still shows it
    assert PlanActivity.objects.get(pk=scene.activity.pk).evidence_file.name == shared
