"""/api/v1/assessments: the same services, and the same 401/404/403 rules as the pages."""

from __future__ import annotations

from django.test import Client

from digiskill.accounts.access import actor_of
from digiskill.assessments.models import Assessment, AssessmentStatus
from digiskill.assessments.services import assessment_start
from tests.assessments.conftest import agree_all, answer_all
from tests.factories import Cast

API = "/api/v1/assessments"
ROLES = ["staff", "supervisor", "director", "hr", "executive", "assessor", "outsider", "sysadmin"]


def _call(client: Client, method: str, url: str, data: dict | None = None):
    if method == "get":
        return client.get(url)
    payload = data if data is not None else {}
    return getattr(client, method)(url, payload, content_type="application/json")


def statuses(client_for, method: str, url: str, data: dict | None = None, roles=ROLES) -> dict[str, int]:
    return {role: _call(client_for(role), method, url, data).status_code for role in roles}


def test_reading_a_round_follows_the_chain(world: Cast, client_for, agreed: Assessment) -> None:
    readers = {"staff": 200, "supervisor": 200, "director": 200, "hr": 200}
    # the cast's executive supervises nobody: outside their line a person is missing to them
    refused = {"assessor": 403, "executive": 404, "outsider": 404, "sysadmin": 404}
    for url in (
        f"{API}/{agreed.pk}",
        f"{API}/people/{world.staff_person.pk}",
        f"{API}/people/{world.staff_person.pk}/gaps",
    ):
        assert statuses(client_for, "get", url) == {**readers, **refused}, url
        assert Client().get(url).status_code == 401
    body = client_for("hr").get(f"{API}/{agreed.pk}").json()
    assert body["status"] == "agreed" and body["is_current"] and body["answered"] == body["total"]
    assert {"has", "level", "agreed_has", "priority", "evidence_url"} <= set(body["items"][0])
    rounds = client_for("director").get(f"{API}/people/{world.staff_person.pk}").json()
    assert rounds["current"]["id"] == agreed.pk and [r["round"] for r in rounds["rounds"]] == [1]


def test_my_assessment_start_answer_and_submit(world: Cast, client_for) -> None:
    staff = client_for("staff")
    assert staff.get(f"{API}/me").json() == {"draft": None, "current": None}
    assert Client().get(f"{API}/me").status_code == 401
    assert client_for("sysadmin").get(f"{API}/me").status_code == 404
    assert client_for("assessor").get(f"{API}/me").status_code == 404  # no person record
    started = staff.post(f"{API}/me/start", content_type="application/json")
    assert started.status_code == 201
    body = started.json()
    assert body["round"] == 1 and body["status"] == "draft" and body["answered"] == 0
    again = staff.post(f"{API}/me/start", content_type="application/json")
    assert again.status_code == 422 and "already in progress" in again.json()["detail"]
    refused = client_for("supervisor").post(f"{API}/me/start", content_type="application/json")
    assert refused.status_code == 422 and "ยังไม่ได้จำแนกกลุ่ม" in refused.json()["detail"]

    pk = body["id"]
    first, second = body["items"][0]["id"], body["items"][1]["id"]
    url = f"{API}/{pk}/items"
    answers = {"answers": [{"item_id": first, "has": True, "level": 4, "link": "https://example.org/c"}]}
    others = ["supervisor", "director", "hr", "assessor"]
    assert statuses(client_for, "patch", url, answers, roles=others) == dict.fromkeys(others, 403)
    assert statuses(client_for, "patch", url, answers, roles=["executive", "outsider", "sysadmin"]) == {
        "executive": 404,
        "outsider": 404,
        "sysadmin": 404,
    }
    saved = staff.patch(url, answers, content_type="application/json")
    assert saved.status_code == 200 and saved.json()["answered"] == 1
    # a field left out keeps its saved value
    staff.patch(url, {"answers": [{"item_id": first, "comment": "ใช้ทุกวัน"}]}, content_type="application/json")
    item = staff.get(f"{API}/{pk}").json()["items"][0]
    assert (item["has"], item["level"], item["comment"], item["evidence_link"]) == (
        True,
        4,
        "ใช้ทุกวัน",
        "https://example.org/c",
    )
    bad = staff.patch(
        url, {"answers": [{"item_id": second, "has": True, "level": 9}]}, content_type="application/json"
    )
    assert bad.status_code == 422 and "1 to 5" in bad.json()["detail"]

    submit = f"{API}/{pk}/submit"
    assert statuses(client_for, "post", submit, roles=others) == dict.fromkeys(others, 403)
    early = staff.post(submit, content_type="application/json")
    assert early.status_code == 422 and "not answered yet" in early.json()["detail"]
    answer_all(world, Assessment.objects.get(pk=pk))
    done = staff.post(submit, content_type="application/json")
    assert done.status_code == 200 and done.json()["status"] == "submitted"
    assert staff.get(f"{API}/me").json()["draft"]["status"] == "submitted"


def test_evidence_upload_through_the_api(
    world: Cast, client_for, draft: Assessment, settings, tmp_path
) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.MEDIA_ROOT = tmp_path
    item = draft.items.order_by("order").first()
    url = f"{API}/items/{item.pk}/evidence"
    good = SimpleUploadedFile("report.pdf", b"%PDF-1.5 content", content_type="application/pdf")
    assert client_for("supervisor").post(url, {"file": good}).status_code == 403
    assert client_for("outsider").post(url, {"file": good}).status_code == 404
    bad = client_for("staff").post(url, {"file": SimpleUploadedFile("run.sh", b"#!/bin/sh")})
    assert bad.status_code == 422 and "run.sh" in bad.json()["detail"]
    good.seek(0)
    ok = client_for("staff").post(url, {"file": good})
    assert ok.status_code == 200
    assert ok.json()["evidence_name"] == "report.pdf" and ok.json()["evidence_url"].endswith("/evidence/")


def test_review_through_the_api(world: Cast, client_for, submitted: Assessment) -> None:
    items = list(submitted.items.order_by("order", "id"))
    url = f"{API}/{submitted.pk}/review"
    others = ["staff", "director", "hr", "assessor"]
    save = {"items": [{"item_id": items[0].pk, "agrees": True}], "comment": "ok"}
    assert statuses(client_for, "post", url, save, roles=others) == dict.fromkeys(others, 403)
    assert statuses(client_for, "post", url, save, roles=["executive", "outsider", "sysadmin"]) == {
        "executive": 404,  # outside the executive's line
        "outsider": 404,
        "sysadmin": 404,
    }
    assert Client().post(url, save, content_type="application/json").status_code == 401
    supervisor = client_for("supervisor")
    waiting = supervisor.get(f"{API}/reviews").json()
    assert [w["id"] for w in waiting] == [submitted.pk]
    assert client_for("staff").get(f"{API}/reviews").status_code == 403
    assert supervisor.post(url, save, content_type="application/json").status_code == 200
    early = supervisor.post(url, {"complete": True}, content_type="application/json")
    assert early.status_code == 422 and "have no agree or disagree yet" in early.json()["detail"]
    gap = next(i for i in items if i.self_has is False)
    views = [{"item_id": i.pk, "agrees": True, "priority": 1 if i.pk == gap.pk else None} for i in items]
    done = supervisor.post(url, {"items": views, "complete": True}, content_type="application/json")
    assert done.status_code == 200 and done.json()["status"] == "agreed"
    gaps = client_for("staff").get(f"{API}/me/gaps").json()
    assert gaps[0]["item_id"] == gap.pk and gaps[0]["priority"] == 1
    assert len(gaps) == sum(1 for i in items if i.self_has is False)
    assert client_for("staff").get(f"{API}/me").json()["current"]["id"] == submitted.pk


def test_return_through_the_api(world: Cast, client_for, submitted: Assessment) -> None:
    url = f"{API}/{submitted.pk}/return"
    assert (
        client_for("director").post(url, {"comment": "x"}, content_type="application/json").status_code == 403
    )
    empty = client_for("supervisor").post(url, {"comment": ""}, content_type="application/json")
    assert empty.status_code == 422
    back = client_for("supervisor").post(url, {"comment": "แนบหลักฐาน"}, content_type="application/json")
    assert back.status_code == 200 and back.json()["status"] == AssessmentStatus.DRAFT


def test_the_api_reads_the_gap_list_of_a_later_round(world: Cast, client_for, agreed: Assessment) -> None:
    second = assessment_start(actor=actor_of(world.staff), person=world.staff_person)
    answer_all(world, second, gaps_every=3)
    from digiskill.assessments.services import assessment_submit

    assessment_submit(actor=actor_of(world.staff), assessment=second)
    agree_all(world, second)
    rounds = client_for("staff").get(f"{API}/people/{world.staff_person.pk}").json()
    assert [r["round"] for r in rounds["rounds"]] == [2, 1]
    assert [r["is_current"] for r in rounds["rounds"]] == [True, False]


def test_the_endpoints_are_in_the_openapi_document(world: Cast, client_for) -> None:
    paths = client_for("staff").get("/api/v1/openapi.json").json()["paths"]
    for path in (
        "/me",
        "/me/start",
        "/me/gaps",
        "/{pk}",
        "/{pk}/items",
        "/{pk}/submit",
        "/{pk}/review",
        "/{pk}/return",
        "/items/{item_id}/evidence",
        "/reviews",
        "/people/{person_id}",
        "/people/{person_id}/gaps",
    ):
        assert f"{API}{path}" in paths, path
