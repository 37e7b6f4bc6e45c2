"""/api/v1/plans: the same services and access rules as the pages."""

from __future__ import annotations

from django.test import Client
from django.utils import timezone

from digiskill.accounts.access import actor_of
from digiskill.plans.models import Plan
from digiskill.plans.services import plan_approve, plan_submit
from tests.plans.conftest import World, due_in_year, ready_plan

API = "/api/v1/plans"


def post(client: Client, url: str, data: dict | None = None):
    return client.post(url, data or {}, content_type="application/json")


def patch(client: Client, url: str, data: dict):
    return client.patch(url, data, content_type="application/json")


def test_building_and_approving_a_plan_through_the_api(world: World, client_for, resource) -> None:
    staff, supervisor = client_for("staff"), client_for("supervisor")
    response = post(staff, f"{API}/", {"gap_ids": [world.gaps[0].pk]})
    assert response.status_code == 201, response.content
    plan = response.json()
    assert plan["status"] == "draft" and plan["fiscal_year"] == world.year
    assert post(staff, f"{API}/", {}).status_code == 422  # one plan per fiscal year
    goal = plan["goals"][0]
    assert any("ตัวชี้วัด" in w and "measure" in w for w in goal["warnings"])
    assert post(staff, f"{API}/{plan['id']}/submit").status_code == 422
    response = patch(
        staff,
        f"{API}/goals/{goal['id']}",
        {
            "what": "วิเคราะห์ข้อมูลได้",
            "measure": "รายงาน",
            "target": "2",
            "due_date": str(due_in_year(world.year)),
        },
    )
    assert response.status_code == 200 and response.json()["measure"] == "รายงาน"
    suggestions = staff.get(f"{API}/goals/{goal['id']}/suggestions").json()
    assert [s["id"] for s in suggestions] == [resource.pk]
    response = post(staff, f"{API}/goals/{goal['id']}/activities/from-resource", {"resource_id": resource.pk})
    assert response.status_code == 201 and response.json()["kind"] == "e_learning"
    response = post(
        staff, f"{API}/goals/{goal['id']}/activities", {"kind": "coaching", "title": "สอนงาน", "hours": 3}
    )
    assert response.status_code == 201 and response.json()["band"] == 20
    coaching = response.json()["id"]
    assert patch(staff, f"{API}/activities/{coaching}", {"hours": 2}).json()["hours"] == "2.0"
    assert (
        post(staff, f"{API}/goals/{goal['id']}/activities", {"kind": "nap", "title": "x"}).status_code == 422
    )
    free = post(staff, f"{API}/{plan['id']}/goals", {"skill_th": "ทักษะการนำเสนอ"})
    assert free.status_code == 201
    assert staff.delete(f"{API}/goals/{free.json()['id']}").status_code == 204
    assert patch(supervisor, f"{API}/{plan['id']}", {"mission": "x"}).status_code == 403
    assert patch(staff, f"{API}/{plan['id']}", {"mission": "สนับสนุนการลดกระดาษ"}).json()["mission"] == (
        "สนับสนุนการลดกระดาษ"
    )
    response = post(staff, f"{API}/{plan['id']}/submit")
    assert response.status_code == 200 and response.json()["status"] == "submitted"
    waiting = supervisor.get(f"{API}/waiting").json()
    assert [w["plan"]["id"] for w in waiting] == [plan["id"]]
    assert post(client_for("director"), f"{API}/{plan['id']}/approve").status_code == 403
    assert post(supervisor, f"{API}/{plan['id']}/return", {"comment": ""}).status_code == 422
    response = post(supervisor, f"{API}/{plan['id']}/approve", {"comment": "ดี"})
    assert response.status_code == 200 and response.json()["status"] == "approved"
    detail = staff.get(f"{API}/{plan['id']}").json()
    assert [e["kind"] for e in detail["events"]] == ["created", "submitted", "approved"]
    assert detail["balance"]["total"] == "8.0" and not detail["balance"]["far_off"]  # 6 + 2 hours


def test_progress_feedback_completion_and_revision(world: World, client_for) -> None:
    cast = world.cast
    plan = plan_approve(
        actor=actor_of(cast.supervisor),
        plan=plan_submit(actor=actor_of(cast.staff), plan=ready_plan(world, gaps=1)),
    )
    staff, supervisor = client_for("staff"), client_for("supervisor")
    goal = plan.goals.get()
    activity = goal.activities.get()
    response = post(staff, f"{API}/activities/{activity.pk}/progress", {"status": "done", "note": "ครบ"})
    assert response.status_code == 200 and response.json()["status"] == "done"
    assert post(supervisor, f"{API}/activities/{activity.pk}/progress", {"status": "done"}).status_code == 403
    assert Plan.objects.get(pk=plan.pk).status == "in_progress"
    assert post(staff, f"{API}/{plan.pk}/complete").status_code == 422  # not self-evaluated yet
    assert post(staff, f"{API}/goals/{goal.pk}/evaluation", {"result": "met"}).json()["result"] == "met"
    response = post(supervisor, f"{API}/{plan.pk}/feedback", {"comment": "ดีมาก", "goal_id": goal.pk})
    assert response.status_code == 201 and response.json()["kind"] == "feedback"
    assert post(staff, f"{API}/{plan.pk}/feedback", {"comment": "x"}).status_code == 403
    new = post(staff, f"{API}/{plan.pk}/revise", {"comment": "ปรับ"})
    assert new.status_code == 200 and new.json()["version"] == 2 and new.json()["status"] == "draft"
    assert new.json()["versions"] == [new.json()["id"], plan.pk]
    assert staff.get(f"{API}/{plan.pk}").json()["status"] == "superseded"
    mine = staff.get(f"{API}/").json()
    assert [p["id"] for p in mine] == [new.json()["id"]] and mine[0]["person_name"]


def test_applications_through_the_api(world: World, client_for) -> None:
    staff, supervisor = client_for("staff"), client_for("supervisor")
    today = timezone.localdate().isoformat()
    response = post(staff, f"{API}/applications", {"title": "ปรับขั้นตอนงาน", "applied_on": today})
    assert response.status_code == 201
    applied = response.json()["id"]
    assert [a["id"] for a in supervisor.get(f"{API}/applications?scope=team").json()] == [applied]
    assert staff.get(f"{API}/applications?scope=team").status_code == 403
    assert post(staff, f"{API}/applications/{applied}/acknowledge").status_code == 403
    response = post(supervisor, f"{API}/applications/{applied}/acknowledge", {"note": "ดี"})
    assert response.status_code == 200 and response.json()["acknowledgement"] == "ดี"
    assert post(supervisor, f"{API}/applications/{applied}/acknowledge").status_code == 422
    assert post(client_for("outsider"), f"{API}/applications/{applied}/acknowledge").status_code == 404


def test_access_to_the_api(world: World, client_for) -> None:
    plan = plan_submit(actor=actor_of(world.cast.staff), plan=ready_plan(world))
    goal = plan.goals.first()
    url = f"{API}/{plan.pk}"
    got = {
        r: client_for(r).get(url).status_code for r in ["staff", "supervisor", "director", "hr", "assessor"]
    }
    assert got == {"staff": 200, "supervisor": 200, "director": 200, "hr": 200, "assessor": 403}
    assert client_for("outsider").get(url).status_code == 404
    assert client_for("sysadmin").get(url).status_code == 404
    anonymous = Client()
    for method, path in [
        ("get", f"{API}/"),
        ("get", url),
        ("get", f"{API}/waiting"),
        ("get", f"{API}/applications"),
        ("post", f"{url}/submit"),
        ("post", f"{url}/approve"),
        ("patch", f"{API}/goals/{goal.pk}"),
    ]:
        assert getattr(anonymous, method)(path, content_type="application/json").status_code == 401, path
    assert client_for("staff").get(f"{API}/?scope=team").status_code == 403
    assert [p["id"] for p in client_for("supervisor").get(f"{API}/?scope=team").json()] == [plan.pk]
    assert client_for("supervisor").get(f"{API}/?scope=department").status_code == 403
    assert [p["id"] for p in client_for("hr").get(f"{API}/?scope=department").json()] == [plan.pk]
    assert client_for("outsider").get(f"{API}/?scope=department").json() == []
    assert client_for("staff").get(f"{API}/waiting").status_code == 403
    assert post(client_for("outsider"), f"{url}/approve").status_code == 404
    assert patch(client_for("outsider"), f"{API}/goals/{goal.pk}", {"what": "x"}).status_code == 404
    assert patch(client_for("supervisor"), f"{API}/goals/{goal.pk}", {"what": "x"}).status_code == 403
    assert (
        client_for("supervisor").delete(f"{API}/activities/{goal.activities.first().pk}").status_code == 403
    )
