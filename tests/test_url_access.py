"""Every URL name of the project has an access test: anonymous, outsider, wrong role, right role.

`CALLS` says how to request each name (method, arguments, body); `EXPECT` says what each member of
the fixed cast gets: the right roles their page (200, or the documented success: a redirect after a
form, 201/204 in the API, 422 when the rules refuse the step after the gate let the caller in), a
wrong role 403, the outsider (another department's HR administrator and executive) and the system
administrator (no department) 404 for anything of this department, anonymous visitors the login
page (HTML) or 401 (API). `test_every_url_name_has_an_access_test` walks the URL resolver (the
/api/v1 names of django-ninja included) and fails, naming them, when a name is in neither table.

One data set for the module (`tests/url_access_scene.py`, about a second to build); each request
runs in a savepoint that is rolled back, so a write by one role never changes what the next sees.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client, override_settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.url_access_scene import Scene, build_scene

FW = "OCSC-2561"
ROLES = ("staff", "supervisor", "director", "hr", "assessor", "executive", "outsider", "sysadmin")
Builder = Callable[[Scene], dict[str, Any]]


@dataclass(frozen=True)
class Call:
    """How to request one URL name: method, URL arguments, query string and JSON (or file) body."""

    method: str
    kwargs: Builder | None = None
    body: dict[str, Any] | Builder | None = None
    query: dict[str, Any] | Builder | None = None
    upload: bool = False


def _value(value: dict[str, Any] | Builder | None, scene: Scene) -> dict[str, Any] | None:
    return value(scene) if callable(value) else value


def plan(attr: str) -> Builder:
    return lambda s: {"pk": getattr(s, attr).pk}


def goal(attr: str) -> Builder:
    return lambda s: {"pk": getattr(s, attr).goals.order_by("order", "pk").first().pk}


def draft_activity(s: Scene) -> dict[str, Any]:
    return {"pk": s.draft_plan.goals.order_by("order", "pk").first().activities.order_by("pk").first().pk}


CALLS: dict[str, Call] = {
    "accounts:audit": Call("get", None),
    "accounts:login": Call("get", None),
    "accounts:logout": Call("post", None),
    "accounts:password_change": Call("get", None),
    "accounts:password_reset": Call("get", None),
    "accounts:password_reset_complete": Call("get", None),
    "accounts:password_reset_confirm": Call("get", lambda s: {"uidb64": "MQ", "token": "set-password"}),
    "accounts:password_reset_done": Call("get", None),
    "agencies:announcement": Call("get", lambda s: {"pk": s.announcement.pk}),
    "agencies:announcement_new": Call("get", None),
    "agencies:announcements": Call("get", None),
    "agencies:setup": Call("get", None),
    "agencies:skill_set": Call("get", lambda s: {"code": "A"}),
    "agencies:skill_set_start": Call("get", lambda s: {"code": "A"}),
    "agencies:skill_sets": Call("get", None),
    "agencies:structure": Call("get", None),
    "agencies:summary": Call("get", None),
    "agencies:target": Call("get", None),
    "agencies:target_edit": Call("get", None),
    "agencies:target_version": Call("get", lambda s: {"version": 1}),
    "agencies:unit_edit": Call("get", lambda s: {"pk": s.division.pk}),
    "api:activity_create": Call(
        "post", goal("draft_plan"), body={"kind": "on_the_job", "title": "งานมอบหมาย"}
    ),
    "api:activity_create_from_resource": Call(
        "post", goal("draft_plan"), body=lambda s: {"resource_id": s.resource.pk}
    ),
    "api:activity_patch": Call("patch", draft_activity, body={"title": "งานมอบหมายใหม่"}),
    "api:activity_progress_api": Call(
        "post", lambda s: {"pk": s.activity.pk}, body={"status": "in_progress"}
    ),
    "api:activity_remove": Call("delete", draft_activity),
    "api:announcement_current": Call("get", None),
    "api:announcement_detail": Call("get", lambda s: {"pk": s.announcement.pk}),
    "api:announcement_list": Call("get", None),
    "api:answers_save": Call(
        "patch",
        lambda s: {"pk": s.draft.pk},
        body=lambda s: {"answers": [{"item_id": s.evidence_item.pk, "has": True}]},
    ),
    "api:api-root": Call("get", None),
    "api:application_ack": Call("post", lambda s: {"pk": s.application.pk}),
    "api:application_create": Call(
        "post", None, body=lambda s: {"title": "ผลงาน", "applied_on": str(s.yesterday)}
    ),
    "api:application_list": Call("get", None),
    "api:area_list": Call("get", lambda s: {"code": FW}),
    "api:classification_agree_api": Call("post", lambda s: {"pk": s.cast.staff_person.pk}),
    "api:classification_approve_api": Call("post", lambda s: {"pk": s.cast.staff_person.pk}),
    "api:classification_change_api": Call(
        "post", lambda s: {"pk": s.cast.staff_person.pk}, body={"group": "S", "reason": "งานบริการเป็นหลัก"}
    ),
    "api:classification_create": Call("post", lambda s: {"pk": s.cast.staff_person.pk}, body={"group": "A"}),
    "api:classification_list": Call("get", lambda s: {"pk": s.cast.staff_person.pk}),
    "api:detail": Call("get", lambda s: {"pk": s.agreed.pk}),
    "api:evidence_upload": Call("post", lambda s: {"item_id": s.evidence_item.pk}, upload=True),
    "api:feedback": Call("post", plan("live_plan"), body={"comment": "ดีมาก"}),
    "api:framework_detail": Call("get", lambda s: {"code": FW}),
    "api:framework_list": Call("get", None),
    "api:gap_matrix": Call("get", None),
    "api:gap_participation": Call("get", None),
    "api:goal_create": Call("post", plan("draft_plan")),
    "api:goal_evaluation": Call("post", goal("live_plan"), body={"result": "met"}),
    "api:goal_patch": Call("patch", goal("draft_plan"), body={"what": "วิเคราะห์ข้อมูลได้เอง"}),
    "api:goal_remove": Call("delete", goal("draft_plan")),
    "api:goal_suggestions": Call("get", goal("draft_plan")),
    "api:me_skills": Call("get", None),
    "api:mine": Call("get", None),
    "api:my_gaps": Call("get", None),
    "api:openapi-json": Call("get", None),
    "api:openapi-view": Call("get", None),
    "api:person_detail": Call("get", lambda s: {"pk": s.cast.staff_person.pk}),
    "api:person_gaps": Call("get", lambda s: {"person_id": s.cast.staff_person.pk}),
    "api:person_list": Call("get", None),
    "api:person_rounds": Call("get", lambda s: {"person_id": s.cast.staff_person.pk}),
    "api:plan_approve_api": Call("post", plan("submitted_plan")),
    "api:plan_complete_api": Call("post", plan("live_plan")),
    "api:plan_detail": Call("get", plan("draft_plan")),
    "api:plan_list": Call("get", None),
    "api:plan_new": Call("post", None),
    "api:plan_patch": Call("patch", plan("draft_plan"), body={"mission": "พันธกิจใหม่"}),
    "api:plan_return_api": Call("post", plan("submitted_plan")),
    "api:plan_revise_api": Call("post", plan("live_plan")),
    "api:plan_start_api": Call("post", plan("live_plan")),
    "api:plan_submit_api": Call("post", plan("draft_plan")),
    "api:resource_activate_api": Call("post", lambda s: {"pk": s.resource.pk}),
    "api:resource_create_api": Call(
        "post", None, body={"code": "LR-NEW", "title": "หลักสูตรใหม่", "provider": "กองฝึกอบรม", "kind": "course"}
    ),
    "api:resource_deactivate_api": Call("post", lambda s: {"pk": s.resource.pk}),
    "api:resource_detail": Call("get", lambda s: {"pk": s.resource.pk}),
    "api:resource_list": Call("get", None),
    "api:resource_update_api": Call("patch", lambda s: {"pk": s.resource.pk}, body={"title": "ชื่อใหม่"}),
    "api:return_for_changes": Call("post", lambda s: {"pk": s.submitted.pk}, body={"comment": "โปรดแก้ไข"}),
    "api:review": Call("post", lambda s: {"pk": s.submitted.pk}, body={"items": [], "comment": "ดี"}),
    "api:reviews": Call("get", None),
    "api:search": Call("get", None, query={"q": "ข้อมูล"}),
    "api:start": Call("post", None),
    "api:submit": Call("post", lambda s: {"pk": s.draft.pk}),
    "api:suggestions": Call("get", None),
    "api:target_current": Call("get", None),
    "api:unit_detail": Call("get", lambda s: {"code": FW, "unit": s.unit.code}),
    "api:unit_list": Call("get", None),
    "api:waiting": Call("get", None),
    "assessments:compare": Call("get", None, query=lambda s: {"a": s.agreed.pk, "b": s.draft.pk}),
    "assessments:detail": Call("get", lambda s: {"pk": s.agreed.pk}),
    "assessments:evidence": Call("get", lambda s: {"pk": s.evidence_item.pk}),
    "assessments:gaps": Call("get", None),
    "assessments:history": Call("get", None),
    "assessments:item": Call("get", lambda s: {"pk": s.evidence_item.pk}),
    "assessments:item_save": Call("post", lambda s: {"pk": s.evidence_item.pk}),
    "assessments:mine": Call("get", None),
    "assessments:person_gaps": Call("get", lambda s: {"person_pk": s.cast.staff_person.pk}),
    "assessments:person_history": Call("get", lambda s: {"person_pk": s.cast.staff_person.pk}),
    "assessments:return": Call("post", lambda s: {"pk": s.submitted.pk}),
    "assessments:review": Call("get", lambda s: {"pk": s.submitted.pk}),
    "assessments:reviews": Call("get", None),
    "assessments:start": Call("post", None),
    "assessments:step": Call("get", lambda s: {"pk": s.draft.pk, "number": 1}),
    "assessments:submit": Call("post", lambda s: {"pk": s.draft.pk}),
    "core:home": Call("get", None),
    "exchange:export_case": Call("get", lambda s: {"code": FW}),
    "exchange:export_csv": Call("get", lambda s: {"code": FW}),
    "exchange:import_case": Call("get", None),
    "frameworks:area": Call("get", lambda s: {"code": FW, "area": s.unit.area.code}),
    "frameworks:criterion_edit": Call(
        "get", lambda s: {"code": FW, "unit": s.unit.code, "pk": s.criterion.pk}
    ),
    "frameworks:element_edit": Call("get", lambda s: {"code": FW, "unit": s.unit.code, "pk": s.element.pk}),
    "frameworks:framework": Call("get", lambda s: {"code": FW}),
    "frameworks:index": Call("get", None),
    "frameworks:role": Call("get", lambda s: {"code": FW, "role": "A1"}),
    "frameworks:search": Call("get", None),
    "frameworks:skill_set": Call("get", lambda s: {"code": FW, "skill_set": "DCIO"}),
    "frameworks:unit": Call("get", lambda s: {"code": FW, "unit": s.unit.code}),
    "frameworks:unit_edit": Call("get", lambda s: {"code": FW, "unit": s.unit.code}),
    "gaps:analysis": Call("get", None),
    "gaps:export": Call("get", lambda s: {"fmt": "csv"}),
    "gaps:people": Call("get", None, query={"unit": "DG100"}),
    "healthz": Call("get", None),
    "inbox:list": Call("get", None),
    "inbox:open": Call("post", lambda s: {"pk": s.notification.pk}),
    "inbox:read_all": Call("post", None),
    "learning:activate": Call("post", lambda s: {"pk": s.resource.pk}),
    "learning:create": Call("get", None),
    "learning:deactivate": Call("post", lambda s: {"pk": s.resource.pk}),
    "learning:detail": Call("get", lambda s: {"pk": s.resource.pk}),
    "learning:edit": Call("get", lambda s: {"pk": s.resource.pk}),
    "learning:import": Call("get", None),
    "learning:import_template": Call("get", None),
    "learning:index": Call("get", None),
    "learning:shared_create": Call("get", None),
    "learning:shared_import": Call("get", None),
    "people:agree": Call("post", lambda s: {"pk": s.cast.staff_person.pk}),
    "people:approve": Call("post", lambda s: {"pk": s.cast.staff_person.pk}),
    "people:change": Call("post", lambda s: {"pk": s.cast.staff_person.pk}),
    "people:classify_division": Call("get", None),
    "people:detail": Call("get", lambda s: {"pk": s.cast.staff_person.pk}),
    "people:import": Call("get", None),
    "people:import_confirm": Call("post", lambda s: {"pk": s.roster.pk}),
    "people:import_rejected": Call("get", lambda s: {"pk": s.roster.pk}),
    "people:import_result": Call("get", lambda s: {"pk": s.roster.pk}),
    "people:list": Call("get", None),
    "people:my_skills": Call("get", None),
    "people:propose": Call("post", lambda s: {"pk": s.cast.staff_person.pk}),
    "people:roster_export": Call("get", None),
    "people:roster_template": Call("get", None),
    "people:team": Call("get", None),
    "plans:activity_add": Call("post", goal("draft_plan")),
    "plans:activity_delete": Call("post", draft_activity),
    "plans:activity_evidence": Call("get", lambda s: {"pk": s.activity.pk}),
    "plans:activity_from_resource": Call(
        "post", lambda s: {**goal("draft_plan")(s), "resource": s.resource.pk}
    ),
    "plans:application_ack": Call("post", lambda s: {"pk": s.application.pk}),
    "plans:application_evidence": Call("get", lambda s: {"pk": s.application.pk}),
    "plans:applications": Call("get", None),
    "plans:approve": Call("post", plan("submitted_plan")),
    "plans:complete": Call("post", plan("live_plan")),
    "plans:create": Call("post", None),
    "plans:department": Call("get", None),
    "plans:detail": Call("get", plan("draft_plan")),
    "plans:edit": Call("get", plan("draft_plan")),
    "plans:evaluate": Call("post", goal("live_plan")),
    "plans:feedback": Call("post", plan("live_plan")),
    "plans:goal_add": Call("post", plan("draft_plan")),
    "plans:goal_delete": Call("post", goal("draft_plan")),
    "plans:goal_save": Call("post", goal("draft_plan")),
    "plans:index": Call("get", None),
    "plans:mine": Call("get", None),
    "plans:overdue": Call("get", None),
    "plans:progress": Call("post", lambda s: {"pk": s.activity.pk}),
    "plans:return": Call("post", plan("submitted_plan")),
    "plans:review": Call("get", plan("submitted_plan")),
    "plans:revise": Call("post", plan("live_plan")),
    "plans:settings": Call("post", None),
    "plans:start": Call("post", plan("live_plan")),
    "plans:submit": Call("post", plan("draft_plan")),
    "plans:team": Call("get", None),
    "plans:waiting": Call("get", None),
    "reports:plan_pdf": Call("get", plan("draft_plan")),
    "reports:plan_xlsx": Call("get", plan("draft_plan")),
    "reports:plans": Call("get", None),
    "reports:plans_xlsx": Call("get", None),
    "set_language": Call("post", None),
}

# anonymous; then "roles=outcome" groups ("login": sent to log in; 302: a redirect elsewhere).
EXPECT: dict[str, tuple[str, str]] = {
    "accounts:audit": ("login", "chain assessor executive=403; hr outsider=200; sysadmin=404"),
    "accounts:login": ("200", "everyone=302"),
    "accounts:logout": ("login", "everyone=login"),
    "accounts:password_change": ("login", "everyone=200"),
    "accounts:password_reset": ("200", "everyone=200"),
    "accounts:password_reset_complete": ("200", "everyone=200"),
    "accounts:password_reset_confirm": ("200", "everyone=200"),
    "accounts:password_reset_done": ("200", "everyone=200"),
    "agencies:announcement": ("login", "members=200; outsider sysadmin=404"),
    "agencies:announcement_new": ("login", "chain assessor executive=403; hr outsider=200; sysadmin=404"),
    "agencies:announcements": ("login", "members outsider=200; sysadmin=404"),
    "agencies:setup": ("login", "chain assessor executive=403; hr outsider=200; sysadmin=404"),
    "agencies:skill_set": ("login", "chain assessor executive=403; hr=200; outsider sysadmin=404"),
    "agencies:skill_set_start": ("login", "chain assessor executive=403; hr=200; outsider sysadmin=404"),
    "agencies:skill_sets": ("login", "chain assessor executive=403; hr outsider=200; sysadmin=404"),
    "agencies:structure": ("login", "chain assessor executive=403; hr outsider=200; sysadmin=404"),
    "agencies:summary": ("login", "chain assessor=403; hr executive outsider=200; sysadmin=404"),
    "agencies:target": ("login", "members outsider=200; sysadmin=404"),
    "agencies:target_edit": ("login", "chain assessor executive=403; hr outsider=200; sysadmin=404"),
    "agencies:target_version": ("login", "members=200; outsider sysadmin=404"),
    "agencies:unit_edit": ("login", "chain assessor executive=403; hr=200; outsider sysadmin=404"),
    "api:activity_create": (
        "401",
        "staff=201; supervisor director hr assessor=403; executive outsider sysadmin=404",
    ),
    "api:activity_create_from_resource": (
        "401",
        "staff=201; supervisor director hr assessor=403; executive outsider sysadmin=404",
    ),
    "api:activity_patch": (
        "401",
        "staff=200; supervisor director hr assessor=403; executive outsider sysadmin=404",
    ),
    "api:activity_progress_api": (
        "401",
        "staff=200; supervisor director hr assessor=403; executive outsider sysadmin=404",
    ),
    "api:activity_remove": (
        "401",
        "staff=204; supervisor director hr assessor=403; executive outsider sysadmin=404",
    ),
    "api:announcement_current": ("401", "members=200; outsider sysadmin=404"),
    "api:announcement_detail": ("401", "members=200; outsider sysadmin=404"),
    "api:announcement_list": ("401", "members outsider=200; sysadmin=404"),
    "api:answers_save": (
        "401",
        "staff=200; supervisor director hr assessor=403; executive outsider sysadmin=404",
    ),
    "api:api-root": ("404", "everyone=404"),
    "api:application_ack": (
        "401",
        "staff hr assessor=403; supervisor director=200; executive outsider sysadmin=404",
    ),
    "api:application_create": ("401", "chain hr outsider=201; assessor executive sysadmin=404"),
    "api:application_list": ("401", "members outsider=200; sysadmin=404"),
    "api:area_list": ("401", "everyone=200"),
    "api:classification_agree_api": (
        "401",
        "staff director hr assessor=403; supervisor=422; executive outsider sysadmin=404",
    ),
    "api:classification_approve_api": (
        "401",
        "staff supervisor hr assessor=403; director=422; executive outsider sysadmin=404",
    ),
    "api:classification_change_api": (
        "401",
        "staff director hr assessor=403; supervisor=200; executive outsider sysadmin=404",
    ),
    "api:classification_create": (
        "401",
        "staff hr=201; supervisor director assessor=403; executive outsider sysadmin=404",
    ),
    "api:classification_list": ("401", "chain hr=200; assessor=403; executive outsider sysadmin=404"),
    "api:detail": ("401", "chain hr=200; assessor=403; executive outsider sysadmin=404"),
    "api:evidence_upload": (
        "401",
        "staff=200; supervisor director hr assessor=403; executive outsider sysadmin=404",
    ),
    "api:feedback": (
        "401",
        "staff hr assessor=403; supervisor director=201; executive outsider sysadmin=404",
    ),
    "api:framework_detail": ("401", "everyone=200"),
    "api:framework_list": ("401", "everyone=200"),
    "api:gap_matrix": ("401", "chain assessor=403; hr executive outsider=200; sysadmin=404"),
    "api:gap_participation": ("401", "chain assessor=403; hr executive outsider=200; sysadmin=404"),
    "api:goal_create": (
        "401",
        "staff=422; supervisor director hr assessor=403; executive outsider sysadmin=404",
    ),
    "api:goal_evaluation": (
        "401",
        "staff=200; supervisor director hr assessor=403; executive outsider sysadmin=404",
    ),
    "api:goal_patch": (
        "401",
        "staff=200; supervisor director hr assessor=403; executive outsider sysadmin=404",
    ),
    "api:goal_remove": (
        "401",
        "staff=204; supervisor director hr assessor=403; executive outsider sysadmin=404",
    ),
    "api:goal_suggestions": ("401", "chain hr=200; assessor=403; executive outsider sysadmin=404"),
    "api:me_skills": ("401", "chain hr outsider=200; assessor executive sysadmin=404"),
    "api:mine": ("401", "chain hr outsider=200; assessor executive sysadmin=404"),
    "api:my_gaps": ("401", "chain hr outsider=200; assessor executive sysadmin=404"),
    "api:openapi-json": ("200", "everyone=200"),
    "api:openapi-view": ("200", "everyone=200"),
    "api:person_detail": ("401", "chain hr=200; assessor=403; executive outsider sysadmin=404"),
    "api:person_gaps": ("401", "chain hr=200; assessor=403; executive outsider sysadmin=404"),
    "api:person_list": ("401", "chain assessor=403; hr executive outsider=200; sysadmin=404"),
    "api:person_rounds": ("401", "chain hr=200; assessor=403; executive outsider sysadmin=404"),
    "api:plan_approve_api": (
        "401",
        "staff director hr assessor=403; supervisor=200; executive outsider sysadmin=404",
    ),
    "api:plan_complete_api": (
        "401",
        "staff=422; supervisor director hr assessor=403; executive outsider sysadmin=404",
    ),
    "api:plan_detail": ("401", "chain hr=200; assessor=403; executive outsider sysadmin=404"),
    "api:plan_list": ("401", "members outsider=200; sysadmin=404"),
    "api:plan_new": (
        "401",
        "staff=422; supervisor director hr outsider=201; assessor executive sysadmin=404",
    ),
    "api:plan_patch": (
        "401",
        "staff=200; supervisor director hr assessor=403; executive outsider sysadmin=404",
    ),
    "api:plan_return_api": (
        "401",
        "staff director hr assessor=403; supervisor=422; executive outsider sysadmin=404",
    ),
    "api:plan_revise_api": (
        "401",
        "staff=200; supervisor director hr assessor=403; executive outsider sysadmin=404",
    ),
    "api:plan_start_api": (
        "401",
        "staff=422; supervisor director hr assessor=403; executive outsider sysadmin=404",
    ),
    "api:plan_submit_api": (
        "401",
        "staff=200; supervisor director hr assessor=403; executive outsider sysadmin=404",
    ),
    "api:resource_activate_api": ("401", "chain assessor executive=403; hr=200; outsider sysadmin=404"),
    "api:resource_create_api": ("401", "chain assessor executive=403; hr outsider=201; sysadmin=404"),
    "api:resource_deactivate_api": ("401", "chain assessor executive=403; hr=200; outsider sysadmin=404"),
    "api:resource_detail": ("401", "members=200; outsider sysadmin=404"),
    "api:resource_list": ("401", "everyone=200"),
    "api:resource_update_api": ("401", "chain assessor executive=403; hr=200; outsider sysadmin=404"),
    "api:return_for_changes": (
        "401",
        "staff supervisor hr assessor=403; director=200; executive outsider sysadmin=404",
    ),
    "api:review": ("401", "staff supervisor hr assessor=403; director=200; executive outsider sysadmin=404"),
    "api:reviews": ("401", "staff assessor executive=403; supervisor director hr outsider=200; sysadmin=404"),
    "api:search": ("401", "everyone=200"),
    "api:start": ("401", "chain hr outsider=422; assessor executive sysadmin=404"),
    "api:submit": ("401", "staff=200; supervisor director hr assessor=403; executive outsider sysadmin=404"),
    "api:suggestions": ("401", "everyone=200"),
    "api:target_current": ("401", "members=200; outsider sysadmin=404"),
    "api:unit_detail": ("401", "everyone=200"),
    "api:unit_list": ("401", "everyone=200"),
    "api:waiting": ("401", "staff assessor executive=403; supervisor director hr outsider=200; sysadmin=404"),
    "assessments:compare": ("login", "chain hr=200; assessor=403; executive outsider sysadmin=404"),
    "assessments:detail": ("login", "chain hr=200; assessor=403; executive outsider sysadmin=404"),
    "assessments:evidence": ("login", "chain hr=200; assessor=403; executive outsider sysadmin=404"),
    "assessments:gaps": ("login", "chain hr outsider=200; assessor executive sysadmin=404"),
    "assessments:history": ("login", "chain hr outsider=200; assessor executive sysadmin=404"),
    "assessments:item": ("login", "chain hr=200; assessor=403; executive outsider sysadmin=404"),
    "assessments:item_save": (
        "login",
        "staff=302; supervisor director hr assessor=403; executive outsider sysadmin=404",
    ),
    "assessments:mine": ("login", "members outsider=200; sysadmin=404"),
    "assessments:person_gaps": ("login", "chain hr=200; assessor=403; executive outsider sysadmin=404"),
    "assessments:person_history": ("login", "chain hr=200; assessor=403; executive outsider sysadmin=404"),
    "assessments:return": (
        "login",
        "staff supervisor hr assessor=403; director=302; executive outsider sysadmin=404",
    ),
    "assessments:review": (
        "login",
        "staff supervisor hr assessor=403; director=200; executive outsider sysadmin=404",
    ),
    "assessments:reviews": (
        "login",
        "staff assessor executive=403; supervisor director hr outsider=200; sysadmin=404",
    ),
    "assessments:start": ("login", "chain hr outsider=302; assessor executive sysadmin=404"),
    "assessments:step": (
        "login",
        "staff=200; supervisor director hr assessor=403; executive outsider sysadmin=404",
    ),
    "assessments:submit": (
        "login",
        "staff=302; supervisor director hr assessor=403; executive outsider sysadmin=404",
    ),
    "core:home": ("login", "everyone=200"),
    "exchange:export_case": ("login", "everyone=200"),
    "exchange:export_csv": ("login", "everyone=200"),
    "exchange:import_case": ("login", "members outsider=403; sysadmin=200"),
    "frameworks:area": ("login", "everyone=200"),
    "frameworks:criterion_edit": ("login", "members outsider=403; sysadmin=200"),
    "frameworks:element_edit": ("login", "members outsider=403; sysadmin=200"),
    "frameworks:framework": ("login", "everyone=200"),
    "frameworks:index": ("login", "everyone=200"),
    "frameworks:role": ("login", "everyone=200"),
    "frameworks:search": ("login", "everyone=200"),
    "frameworks:skill_set": ("login", "everyone=200"),
    "frameworks:unit": ("login", "everyone=200"),
    "frameworks:unit_edit": ("login", "members outsider=403; sysadmin=200"),
    "gaps:analysis": ("login", "chain assessor=403; hr executive outsider=200; sysadmin=404"),
    "gaps:export": ("login", "chain assessor=403; hr executive outsider=200; sysadmin=404"),
    "gaps:people": ("login", "chain assessor executive=403; hr outsider=200; sysadmin=404"),
    "healthz": ("200", "everyone=200"),
    "inbox:list": ("login", "members outsider=200; sysadmin=404"),
    "inbox:open": ("login", "staff=302; supervisor director hr assessor executive outsider sysadmin=404"),
    "inbox:read_all": ("login", "members outsider=302; sysadmin=404"),
    "learning:activate": ("login", "chain assessor executive=403; hr=302; outsider sysadmin=404"),
    "learning:create": ("login", "chain assessor executive=403; hr outsider=200; sysadmin=404"),
    "learning:deactivate": ("login", "chain assessor executive=403; hr=302; outsider sysadmin=404"),
    "learning:detail": ("login", "members=200; outsider sysadmin=404"),
    "learning:edit": ("login", "chain assessor executive=403; hr=200; outsider sysadmin=404"),
    "learning:import": ("login", "chain assessor executive=403; hr outsider=200; sysadmin=404"),
    "learning:import_template": ("login", "chain assessor executive=403; hr outsider sysadmin=200"),
    "learning:index": ("login", "everyone=200"),
    "learning:shared_create": ("login", "members outsider=403; sysadmin=200"),
    "learning:shared_import": ("login", "members outsider=403; sysadmin=200"),
    "people:agree": (
        "login",
        "staff director hr assessor=403; supervisor=302; executive outsider sysadmin=404",
    ),
    "people:approve": (
        "login",
        "staff supervisor hr assessor=403; director=302; executive outsider sysadmin=404",
    ),
    "people:change": ("login", "chain hr=302; assessor=403; executive outsider sysadmin=404"),
    "people:classify_division": ("login", "chain assessor executive=403; hr outsider=200; sysadmin=404"),
    "people:detail": ("login", "chain hr=200; assessor=403; executive outsider sysadmin=404"),
    "people:import": ("login", "chain assessor executive=403; hr outsider=200; sysadmin=404"),
    "people:import_confirm": ("login", "chain assessor executive=403; hr=302; outsider sysadmin=404"),
    "people:import_rejected": ("login", "chain assessor executive=403; hr=200; outsider sysadmin=404"),
    "people:import_result": ("login", "chain assessor executive=403; hr=200; outsider sysadmin=404"),
    "people:list": ("login", "chain assessor=403; hr executive outsider=200; sysadmin=404"),
    "people:my_skills": ("login", "members outsider=200; sysadmin=404"),
    "people:propose": ("login", "chain hr=302; assessor=403; executive outsider sysadmin=404"),
    "people:roster_export": ("login", "chain assessor executive=403; hr outsider=200; sysadmin=404"),
    "people:roster_template": ("login", "chain assessor executive=403; hr outsider=200; sysadmin=404"),
    "people:team": (
        "login",
        "staff hr assessor executive outsider=403; supervisor director=200; sysadmin=404",
    ),
    "plans:activity_add": (
        "login",
        "staff=200; supervisor director hr assessor=403; executive outsider sysadmin=404",
    ),
    "plans:activity_delete": (
        "login",
        "staff=302; supervisor director hr assessor=403; executive outsider sysadmin=404",
    ),
    "plans:activity_evidence": ("login", "chain hr=200; assessor=403; executive outsider sysadmin=404"),
    "plans:activity_from_resource": (
        "login",
        "staff=302; supervisor director hr assessor=403; executive outsider sysadmin=404",
    ),
    "plans:application_ack": (
        "login",
        "staff hr assessor=403; supervisor director=302; executive outsider sysadmin=404",
    ),
    "plans:application_evidence": ("login", "chain hr=200; assessor=403; executive outsider sysadmin=404"),
    "plans:applications": ("login", "members outsider=200; sysadmin=404"),
    "plans:approve": (
        "login",
        "staff director hr assessor=403; supervisor=302; executive outsider sysadmin=404",
    ),
    "plans:complete": (
        "login",
        "staff=302; supervisor director hr assessor=403; executive outsider sysadmin=404",
    ),
    "plans:create": ("login", "chain hr outsider=302; assessor executive sysadmin=404"),
    "plans:department": ("login", "chain assessor executive=403; hr outsider=200; sysadmin=404"),
    "plans:detail": ("login", "chain hr=200; assessor=403; executive outsider sysadmin=404"),
    "plans:edit": (
        "login",
        "staff=200; supervisor director hr=302; assessor=403; executive outsider sysadmin=404",
    ),
    "plans:evaluate": (
        "login",
        "staff=302; supervisor director hr assessor=403; executive outsider sysadmin=404",
    ),
    "plans:feedback": ("login", "chain hr=302; assessor=403; executive outsider sysadmin=404"),
    "plans:goal_add": (
        "login",
        "staff=200; supervisor director hr assessor=403; executive outsider sysadmin=404",
    ),
    "plans:goal_delete": (
        "login",
        "staff=302; supervisor director hr assessor=403; executive outsider sysadmin=404",
    ),
    "plans:goal_save": (
        "login",
        "staff=200; supervisor director hr assessor=403; executive outsider sysadmin=404",
    ),
    "plans:index": ("302", "everyone=302"),
    "plans:mine": ("login", "members outsider=200; sysadmin=404"),
    "plans:overdue": ("login", "chain assessor executive=403; hr outsider=200; sysadmin=404"),
    "plans:progress": (
        "login",
        "staff=302; supervisor director hr assessor=403; executive outsider sysadmin=404",
    ),
    "plans:return": (
        "login",
        "staff director hr assessor=403; supervisor=302; executive outsider sysadmin=404",
    ),
    "plans:review": (
        "login",
        "staff director hr assessor=403; supervisor=200; executive outsider sysadmin=404",
    ),
    "plans:revise": (
        "login",
        "staff=302; supervisor director hr assessor=403; executive outsider sysadmin=404",
    ),
    "plans:settings": ("login", "chain assessor executive=403; hr outsider=302; sysadmin=404"),
    "plans:start": (
        "login",
        "staff=302; supervisor director hr assessor=403; executive outsider sysadmin=404",
    ),
    "plans:submit": (
        "login",
        "staff=302; supervisor director hr assessor=403; executive outsider sysadmin=404",
    ),
    "plans:team": (
        "login",
        "staff hr assessor executive outsider=403; supervisor director=200; sysadmin=404",
    ),
    "plans:waiting": (
        "login",
        "staff assessor executive=403; supervisor director hr outsider=200; sysadmin=404",
    ),
    "reports:plan_pdf": ("login", "chain hr=200; assessor=403; executive outsider sysadmin=404"),
    "reports:plan_xlsx": ("login", "chain hr=200; assessor=403; executive outsider sysadmin=404"),
    "reports:plans": ("login", "chain assessor=403; hr executive outsider=200; sysadmin=404"),
    "reports:plans_xlsx": ("login", "chain assessor=403; hr executive outsider=200; sysadmin=404"),
    "set_language": ("302", "everyone=302"),
}


def _client(scene: Scene, role: str) -> Client:
    client = Client()
    if role != "anon":
        client.force_login(getattr(scene.cast, role))
    return client


def _url(name: str, call: Call, scene: Scene) -> str:
    return reverse(name, kwargs=call.kwargs(scene) if call.kwargs else None)


def _request(client: Client, name: str, call: Call, scene: Scene) -> Any:
    """Send the call, in a savepoint rolled back afterwards (the next role sees the same data)."""
    url = _url(name, call, scene)
    query = _value(call.query, scene)
    if query:
        url += "?" + "&".join(f"{k}={v}" for k, v in query.items())
    send = getattr(client, call.method)
    sid = transaction.savepoint()
    try:
        if call.upload:
            return send(url, {"file": SimpleUploadedFile("หลักฐาน.pdf", b"%PDF-1.4 evidence")})
        if name.startswith("api:") and call.method != "get":
            return send(url, json.dumps(_value(call.body, scene) or {}), content_type="application/json")
        return send(url)
    finally:
        transaction.savepoint_rollback(sid)


def _outcome(response: Any) -> str:
    """The status code, with "login" for a redirect to the login page."""
    location = response.get("Location", "")
    if response.status_code == 302 and "/accounts/login/" in location:
        return "login"
    return str(response.status_code)


# Names anyone may request without logging in, and what they answer: the login and password-reset
# pages, the language switch, the health check, the API's document and docs page, the
# API root (django-ninja answers 404 there and points to the docs) and /plans/ (a plain redirect to
# the person's own plan page, which then asks for a login).
PUBLIC = {
    "accounts:login",
    "accounts:password_reset",
    "accounts:password_reset_complete",
    "accounts:password_reset_confirm",
    "accounts:password_reset_done",
    "api:api-root",
    "api:openapi-json",
    "api:openapi-view",
    "healthz",
    "plans:index",
    "set_language",
}
MACROS = {
    "everyone": ROLES,
    "members": ("staff", "supervisor", "director", "hr", "assessor", "executive"),
    "chain": ("staff", "supervisor", "director"),
}


def expected(name: str) -> dict[str, str]:
    """What anonymous visitors and each member of the cast get from a URL name."""
    anonymous, spec = EXPECT[name]
    got = {"anon": anonymous}
    for group in spec.split(";"):
        roles, outcome = group.strip().rsplit("=", 1)
        for word in roles.split():
            for role in MACROS.get(word, (word,)):
                assert role in ROLES and role not in got, f"{name}: {role} twice or unknown"
                got[role] = outcome
    assert set(got) == {"anon", *ROLES}, f"{name}: {set(ROLES) - set(got)} not said"
    return got


def url_names() -> set[str]:
    """Every named URL of the project, with its namespaces ("people:list", "api:plan_detail")."""

    def walk(patterns: list[Any], prefix: str) -> Iterator[str]:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                space = f"{prefix}{pattern.namespace}:" if pattern.namespace else prefix
                yield from walk(pattern.url_patterns, space)
            elif isinstance(pattern, URLPattern) and pattern.name:
                yield prefix + pattern.name

    return set(walk(get_resolver().url_patterns, ""))


def test_every_url_name_has_an_access_test() -> None:
    names = url_names()
    assert len(names) > 150  # the walk reached the apps and the API
    assert not sorted(names - set(CALLS)), f"URL names without an access test: {sorted(names - set(CALLS))}"
    assert not sorted(names - set(EXPECT)), f"URL names without expectations: {sorted(names - set(EXPECT))}"
    assert not sorted(set(CALLS) - names), f"no longer URL names: {sorted(set(CALLS) - names)}"
    assert set(CALLS) == set(EXPECT)


def test_only_the_public_names_answer_anonymous_visitors() -> None:
    anonymous = {name for name in EXPECT if EXPECT[name][0] not in ("login", "401")}
    assert anonymous == PUBLIC  # (logging out sends everyone, logged in or not, to the login page)
    assert all(EXPECT[n][0] == "401" for n in EXPECT if n.startswith("api:") and n not in PUBLIC)
    assert all(EXPECT[n][0] == "login" for n in EXPECT if not n.startswith("api:") and n not in PUBLIC)


@pytest.fixture(scope="module")
def scene(django_db_setup: None, django_db_blocker: Any, tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The data set, built once for the module inside a transaction that is rolled back at its end."""
    media = override_settings(MEDIA_ROOT=str(tmp_path_factory.mktemp("media")))
    media.enable()
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield build_scene()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            media.disable()


@pytest.mark.parametrize("name", sorted(CALLS))
def test_access(scene: Scene, db: None, name: str) -> None:
    """Anonymous, every member of the cast, the outsider and the system administrator."""
    call = CALLS[name]
    got = {role: _outcome(_request(_client(scene, role), name, call, scene)) for role in ("anon", *ROLES)}
    assert got == expected(name)
