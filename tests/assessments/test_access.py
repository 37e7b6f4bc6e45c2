"""Every self-assessment page and form: 200 allowed, 403 wrong role or person, 404 outsider, login for
anonymous."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from digiskill.accounts.access import actor_of
from digiskill.assessments.models import Assessment
from digiskill.assessments.services import assessment_item_save, assessment_start, assessment_submit
from tests.assessments.conftest import agree_all, answer_all
from tests.factories import Cast

MEMBERS_WITH_RECORD = ["staff", "supervisor", "director", "hr"]
READERS = ["staff", "supervisor", "director", "hr"]
# An executive outside the person's line (the cast's executive supervises nobody) finds nothing: 404.
NOT_FOUND = ["outsider", "sysadmin", "executive"]
EVERYONE = ["staff", "supervisor", "director", "hr", "assessor", "executive", "outsider", "sysadmin"]


def _draft(c: Cast) -> Assessment:
    return assessment_start(actor=actor_of(c.staff), person=c.staff_person)


def _submitted(c: Cast) -> Assessment:
    assessment = _draft(c)
    answer_all(c, assessment)
    return assessment_submit(actor=actor_of(c.staff), assessment=assessment)


def _agreed(c: Cast) -> Assessment:
    return agree_all(c, _submitted(c))


def _with_file(c: Cast) -> int:
    item = _draft(c).items.order_by("order").first()
    pdf = SimpleUploadedFile("ใบรับรอง.pdf", b"%PDF-1.4 test", content_type="application/pdf")
    assessment_item_save(actor=actor_of(c.staff), item=item, has=True, file=pdf)
    return item.pk


def _two_rounds(c: Cast) -> str:
    first = _agreed(c)
    second = _submitted_again(c)
    return f"{reverse('assessments:compare')}?a={first.pk}&b={second.pk}"


def _submitted_again(c: Cast) -> Assessment:
    assessment = _draft(c)
    answer_all(c, assessment, gaps_every=3)
    return assessment


# (name, url builder, 200, 403, 404)
PAGES = [
    ("mine", lambda c: reverse("assessments:mine"), [*EVERYONE[:7]], [], ["sysadmin"]),
    (
        "history",
        lambda c: reverse("assessments:history"),
        [*MEMBERS_WITH_RECORD, "outsider"],
        [],
        ["assessor", "executive", "sysadmin"],
    ),
    (
        "gaps",
        lambda c: reverse("assessments:gaps"),
        [*MEMBERS_WITH_RECORD, "outsider"],
        [],
        ["assessor", "executive", "sysadmin"],
    ),
    (
        "reviews",
        lambda c: reverse("assessments:reviews"),
        ["supervisor", "director", "hr", "outsider"],
        ["staff", "assessor", "executive"],
        ["sysadmin"],
    ),
    (
        "detail",
        lambda c: reverse("assessments:detail", args=[_agreed(c).pk]),
        READERS,
        ["assessor"],
        NOT_FOUND,
    ),
    (
        "step",
        lambda c: reverse("assessments:step", args=[_draft(c).pk, 1]),
        ["staff"],
        ["supervisor", "director", "hr", "assessor"],
        NOT_FOUND,
    ),
    (
        "review",
        lambda c: reverse("assessments:review", args=[_submitted(c).pk]),
        ["supervisor"],
        ["staff", "director", "hr", "assessor"],
        NOT_FOUND,
    ),
    (
        "item",
        lambda c: reverse("assessments:item", args=[_draft(c).items.first().pk]),
        READERS,
        ["assessor"],
        NOT_FOUND,
    ),
    (
        "evidence",
        lambda c: reverse("assessments:evidence", args=[_with_file(c)]),
        READERS,
        ["assessor"],
        NOT_FOUND,
    ),
    ("compare", _two_rounds, READERS, ["assessor"], NOT_FOUND),
    (
        "person_history",
        lambda c: reverse("assessments:person_history", args=[c.staff_person.pk]),
        READERS,
        ["assessor"],
        NOT_FOUND,
    ),
    (
        "person_gaps",
        lambda c: reverse("assessments:person_gaps", args=[c.staff_person.pk]),
        READERS,
        ["assessor"],
        NOT_FOUND,
    ),
]


def _expected(ok, forbidden, missing) -> dict[str, int]:
    return {**dict.fromkeys(ok, 200), **dict.fromkeys(forbidden, 403), **dict.fromkeys(missing, 404)}


@pytest.mark.parametrize(("name", "url", "ok", "forbidden", "missing"), PAGES, ids=[p[0] for p in PAGES])
def test_page_access(world: Cast, client_for, name, url, ok, forbidden, missing) -> None:
    address = url(world)
    got = {role: client_for(role).get(address).status_code for role in _expected(ok, forbidden, missing)}
    assert got == _expected(ok, forbidden, missing)
    response = Client().get(address)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def _post_expect(world: Cast, client_for, address: str, data: dict, right: str, wrong: list[str]) -> None:
    """Anonymous → login, outsider → 404, the wrong people → 403 (nothing written), the right one → 302."""
    anonymous = Client().post(address, data)
    assert anonymous.status_code == 302 and anonymous["Location"].startswith(reverse("accounts:login"))
    assert client_for("outsider").post(address, data).status_code == 404
    for role in wrong:
        assert client_for(role).post(address, data).status_code == 403, role
    assert client_for(right).post(address, data).status_code == 302


def test_start_form(world: Cast, client_for) -> None:
    address = reverse("assessments:start")
    assert Client().post(address).status_code == 302
    assert client_for("sysadmin").post(address).status_code == 404
    assert client_for("assessor").post(address).status_code == 404  # no person record
    response = client_for("staff").post(address)
    assessment = Assessment.objects.get(person=world.staff_person)
    assert response["Location"] == reverse("assessments:step", args=[assessment.pk, 1])
    refused = client_for("supervisor").post(address, follow=True)  # not classified into a group
    assert "ยังไม่ได้จำแนกกลุ่ม" in refused.content.decode()


def test_item_save_form(world: Cast, client_for) -> None:
    item = _draft(world).items.order_by("order").first()
    data = {f"i{item.pk}-has": "yes", f"i{item.pk}-level": "3"}
    _post_expect(
        world,
        client_for,
        reverse("assessments:item_save", args=[item.pk]),
        data,
        "staff",
        ["supervisor", "director", "hr", "assessor"],
    )
    outside_line = client_for("executive").post(reverse("assessments:item_save", args=[item.pk]), data)
    assert outside_line.status_code == 404
    item.refresh_from_db()
    assert (item.self_has, item.self_level) == (True, 3)


def test_submit_form(world: Cast, client_for) -> None:
    assessment = _draft(world)
    answer_all(world, assessment)
    _post_expect(
        world,
        client_for,
        reverse("assessments:submit", args=[assessment.pk]),
        {},
        "staff",
        ["supervisor", "director", "hr", "assessor"],
    )
    outside_line = client_for("executive").post(reverse("assessments:submit", args=[assessment.pk]))
    assert outside_line.status_code == 404
    assessment.refresh_from_db()
    assert assessment.status == "submitted"


def test_review_form(world: Cast, client_for) -> None:
    assessment = _submitted(world)
    data = {"action": "save", "comment": "ดี"}
    _post_expect(
        world,
        client_for,
        reverse("assessments:review", args=[assessment.pk]),
        data,
        "supervisor",
        ["staff", "director", "hr", "assessor"],
    )
    outside_line = client_for("executive").post(reverse("assessments:review", args=[assessment.pk]), data)
    assert outside_line.status_code == 404
    assessment.refresh_from_db()
    assert assessment.review_comment == "ดี"


def test_return_form(world: Cast, client_for) -> None:
    assessment = _submitted(world)
    _post_expect(
        world,
        client_for,
        reverse("assessments:return", args=[assessment.pk]),
        {"comment": "โปรดแก้ไข"},
        "supervisor",
        ["staff", "director", "hr", "assessor"],
    )
    outside_line = client_for("executive").post(reverse("assessments:return", args=[assessment.pk]))
    assert outside_line.status_code == 404
    assessment.refresh_from_db()
    assert assessment.status == "draft"
