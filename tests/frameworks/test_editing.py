"""System administrators correct the catalog: units, elements, criteria; audited; search follows."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from digiskill.accounts.access import actor_of
from digiskill.accounts.models import AuditEntry
from digiskill.frameworks.models import Criterion, Element, Framework, Unit
from digiskill.frameworks.search import catalog_search
from digiskill.frameworks.services import criterion_update, element_update, unit_update
from tests.factories import Cast

NOT_ADMINS = ["staff", "supervisor", "director", "hr", "assessor", "executive", "outsider"]
HTMX = {"HX-Request": "true"}


@pytest.fixture
def dtr100(ocsc: Framework) -> Unit:
    return Unit.objects.get(framework=ocsc, code="DTR100")


@pytest.fixture
def criterion(dtr100: Unit) -> Criterion:
    return Criterion.objects.get(element__unit=dtr100, code="DTR101.01")


@pytest.fixture
def element(dtr100: Unit) -> Element:
    return Element.objects.get(unit=dtr100, code="DTR101")


def _edit_urls(unit: Unit, element: Element, criterion: Criterion) -> list[str]:
    kwargs = {"code": "OCSC-2561", "unit": unit.code}
    return [
        reverse("frameworks:unit_edit", kwargs=kwargs),
        reverse("frameworks:element_edit", kwargs={**kwargs, "pk": element.pk}),
        reverse("frameworks:criterion_edit", kwargs={**kwargs, "pk": criterion.pk}),
    ]


def _hits(query: str) -> list[str]:
    return [h.code for h in catalog_search(query)]


# Services -------------------------------------------------------------------------------


def test_unit_update_saves_audits_and_reindexes(cast: Cast, dtr100: Unit) -> None:
    unit_update(
        actor=actor_of(cast.sysadmin),
        unit=dtr100,
        name_th="ขับเคลื่อนรัฐบาลดิจิทัลแบบใหม่",
        name_en="Driving a new digital government",
        description_th="คำอธิบาย\u200bใหม่",
    )
    dtr100.refresh_from_db()
    assert dtr100.name_th == "ขับเคลื่อนรัฐบาลดิจิทัลแบบใหม่" and dtr100.description_th == "คำอธิบายใหม่"
    entry = AuditEntry.objects.get(action="unit_update")
    assert entry.actor == cast.sysadmin and entry.object_id == str(dtr100.pk)
    assert entry.changes["name_en"] == [
        "Digital Government Transformation",
        "Driving a new digital government",
    ]
    assert "DTR100" in _hits("แบบใหม่")


def test_element_update_saves_audits_and_reindexes(cast: Cast, element: Element) -> None:
    old = element.name_th
    element_update(actor=actor_of(cast.sysadmin), element=element, name_th="กำหนดเป้าหมายการเปลี่ยนผ่าน (แก้ไข)")
    entry = AuditEntry.objects.get(action="element_update")
    assert entry.changes["name_th"] == [old, "กำหนดเป้าหมายการเปลี่ยนผ่าน (แก้ไข)"]
    assert entry.changes["name_en"] == ["Improving Digital Experiences in Government", ""]
    assert "DTR101" in _hits("ผ่าน (แก้ไข)")


def test_criterion_update_saves_audits_and_reindexes(cast: Cast, criterion: Criterion) -> None:
    old = criterion.text_th
    assert "DTR101.01" in _hits("คาดการณ์ปัญหา")
    criterion_update(
        actor=actor_of(cast.sysadmin), criterion=criterion, text_th="ประเมินความเสี่ยงของการเปลี่ยนผ่าน"
    )
    criterion.refresh_from_db()
    assert criterion.text_th == "ประเมินความเสี่ยงของการเปลี่ยนผ่าน"
    entry = AuditEntry.objects.get(action="criterion_update")
    assert entry.changes == {"text_th": [old, "ประเมินความเสี่ยงของการเปลี่ยนผ่าน"]}
    assert "DTR101.01" in _hits("ความเสี่ยงของการเปลี่ยนผ่าน")
    assert "DTR101.01" not in _hits("คาดการณ์ปัญหา")
    assert _hits("176468")[0] == "DTR101.01"  # codes still found


def test_an_edit_that_changes_nothing_writes_nothing(cast: Cast, criterion: Criterion) -> None:
    criterion_update(actor=actor_of(cast.sysadmin), criterion=criterion, text_th=f"  {criterion.text_th} ")
    assert not AuditEntry.objects.filter(action="criterion_update").exists()


def test_a_name_cannot_be_emptied(cast: Cast, dtr100: Unit, criterion: Criterion) -> None:
    with pytest.raises(ValidationError, match="is required"):
        unit_update(actor=actor_of(cast.sysadmin), unit=dtr100, name_th="\u200b ")
    with pytest.raises(ValidationError, match="ต้องระบุ"):
        criterion_update(actor=actor_of(cast.sysadmin), criterion=criterion, text_th="")
    assert not AuditEntry.objects.filter(action__in=["unit_update", "criterion_update"]).exists()


# Access ---------------------------------------------------------------------------------


def test_only_system_administrators_may_edit(cast: Cast, client_for, dtr100, element, criterion) -> None:
    for url in _edit_urls(dtr100, element, criterion):
        for role in NOT_ADMINS:
            client = client_for(role)
            assert client.get(url).status_code == 403, (url, role)
            assert client.post(url, {"name_th": "x", "text_th": "x"}).status_code == 403, (url, role)
        assert client_for("sysadmin").get(url).status_code == 200
        response = Client().get(url)
        assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:login"))
    criterion.refresh_from_db()
    assert criterion.text_th.startswith("คาดการณ์ปัญหา")
    assert not AuditEntry.objects.filter(action__endswith="_update").exists()


def test_editing_something_missing_is_404(cast: Cast, client_for, ocsc, element, criterion) -> None:
    admin = client_for("sysadmin")
    assert (
        admin.get(reverse("frameworks:unit_edit", kwargs={"code": "OCSC-2561", "unit": "NOPE"})).status_code
        == 404
    )
    other = {"code": "OCSC-2561", "unit": "DS500"}  # the element and criterion belong to DTR100
    assert (
        admin.get(reverse("frameworks:element_edit", kwargs={**other, "pk": element.pk})).status_code == 404
    )
    assert (
        admin.get(reverse("frameworks:criterion_edit", kwargs={**other, "pk": criterion.pk})).status_code
        == 404
    )


# Pages ----------------------------------------------------------------------------------


def test_admin_sees_edit_buttons_on_the_unit_page(cast: Cast, client_for, dtr100, element, criterion) -> None:
    body = client_for("sysadmin").get(
        reverse("frameworks:unit", kwargs={"code": "OCSC-2561", "unit": "DTR100"})
    )
    for url in _edit_urls(dtr100, element, criterion):
        assert f'hx-get="{url}"' in body.content.decode()


def test_plain_form_edits_a_criterion_and_returns_to_its_anchor(cast: Cast, client_for, criterion) -> None:
    url = reverse(
        "frameworks:criterion_edit", kwargs={"code": "OCSC-2561", "unit": "DTR100", "pk": criterion.pk}
    )
    admin = client_for("sysadmin")
    page = admin.get(url).content.decode()
    assert "<html" in page and "แก้ไขเกณฑ์การปฏิบัติงาน DTR101.01" in page
    response = admin.post(url, {"text_th": "คาดการณ์ปัญหาและความเสี่ยง"})
    assert response.status_code == 302
    assert response["Location"] == "/catalog/OCSC-2561/units/DTR100/#c-DTR101.01"
    criterion.refresh_from_db()
    assert criterion.text_th == "คาดการณ์ปัญหาและความเสี่ยง"
    body = admin.get(response["Location"]).content.decode()
    assert "บันทึกแล้ว" in body and "คาดการณ์ปัญหาและความเสี่ยง" in body


def test_htmx_edits_a_criterion_in_place(cast: Cast, client_for, criterion) -> None:
    url = reverse(
        "frameworks:criterion_edit", kwargs={"code": "OCSC-2561", "unit": "DTR100", "pk": criterion.pk}
    )
    admin = client_for("sysadmin")
    form = admin.get(url, headers=HTMX).content.decode()
    assert form.startswith('<tr id="c-DTR101.01"') and f'hx-post="{url}"' in form
    cancel = admin.get(url, {"cancel": "1"}, headers=HTMX).content.decode()
    assert cancel.startswith('<tr id="c-DTR101.01"') and "<form" not in cancel
    saved = admin.post(url, {"text_th": "ข้อความใหม่ของเกณฑ์"}, headers=HTMX).content.decode()
    assert saved.startswith('<tr id="c-DTR101.01"') and "ข้อความใหม่ของเกณฑ์" in saved and "บันทึกแล้ว" in saved
    assert '">176468</td>' in saved


def test_htmx_refuses_an_empty_criterion_and_keeps_the_form(cast: Cast, client_for, criterion) -> None:
    url = reverse(
        "frameworks:criterion_edit", kwargs={"code": "OCSC-2561", "unit": "DTR100", "pk": criterion.pk}
    )
    body = client_for("sysadmin").post(url, {"text_th": "  "}, headers=HTMX).content.decode()
    assert "<form" in body and 'role="alert"' in body
    criterion.refresh_from_db()
    assert criterion.text_th.startswith("คาดการณ์ปัญหา")


def test_htmx_edits_an_element_name(cast: Cast, client_for, element) -> None:
    url = reverse("frameworks:element_edit", kwargs={"code": "OCSC-2561", "unit": "DTR100", "pk": element.pk})
    body = (
        client_for("sysadmin")
        .post(url, {"name_th": "ชื่อใหม่ของหน่วยย่อย", "name_en": "New name"}, headers=HTMX)
        .content.decode()
    )
    assert body.startswith(f'<header class="element-head" id="eh-{element.pk}"')
    assert "ชื่อใหม่ของหน่วยย่อย" in body and "New name" in body


def test_htmx_edits_a_unit_and_updates_its_title(cast: Cast, client_for, dtr100) -> None:
    url = reverse("frameworks:unit_edit", kwargs={"code": "OCSC-2561", "unit": "DTR100"})
    admin = client_for("sysadmin")
    form = admin.get(url, headers=HTMX).content.decode()
    assert 'id="unit-name_th"' in form and "Digital Government Transformation" in form
    body = admin.post(
        url,
        {"name_th": "ชื่อหน่วยใหม่", "name_en": "New unit name", "description_th": "คำอธิบายใหม่"},
        headers=HTMX,
    ).content.decode()
    assert body.startswith('<section id="unit-details"') and "คำอธิบายใหม่" in body
    assert 'hx-swap-oob="true"' in body and "ชื่อหน่วยใหม่" in body
    assert AuditEntry.objects.filter(action="unit_update", actor=cast.sysadmin).count() == 1
