"""Who may download a plan's form and open the department's plan reports."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from digiskill.plans.models import Plan
from tests.factories import Cast, make_person, make_user
from tests.reports.conftest import make_plan, pdf_text, xlsx_text

pytestmark = pytest.mark.django_db

# The plan is the staff member's: they, their supervisor and the next level up, and HR read it
# (the rule of `accounts.access.require_person_access`; an executive reads the department's figures,
# and individuals only in their own line: the cast's executive supervises nobody, so 404).
FORM_OK = ["staff", "supervisor", "director", "hr"]
FORM_FORBIDDEN = ["assessor"]
FORM_MISSING = ["outsider", "sysadmin", "executive"]


def _status(client: Client, url: str) -> int:
    return client.get(url).status_code


@pytest.mark.parametrize("name", ["reports:plan_xlsx", "reports:plan_pdf"])
def test_the_form_download_access_matrix(idp: Plan, cast: Cast, client_for, name: str) -> None:
    url = reverse(name, args=[idp.pk])
    expected = {
        **dict.fromkeys(FORM_OK, 200),
        **dict.fromkeys(FORM_FORBIDDEN, 403),
        **dict.fromkeys(FORM_MISSING, 404),
    }
    if name == "reports:plan_pdf":  # every refusal, and two of the (slower) successes
        expected = {k: v for k, v in expected.items() if v != 200 or k in ("staff", "hr")}
    got = {role: _status(client_for(role), url) for role in expected}
    assert got == expected
    anonymous = Client().get(url)
    assert anonymous.status_code == 302 and anonymous["Location"].startswith(reverse("accounts:login"))


def test_a_plan_that_does_not_exist_is_404(cast: Cast, client_for) -> None:
    assert _status(client_for("hr"), reverse("reports:plan_xlsx", args=[999_999])) == 404


def test_the_outsiders_own_plan_is_not_visible_to_us(cast: Cast, ocsc, client_for) -> None:
    other = make_plan(cast.outsider_person)
    assert _status(client_for("hr"), reverse("reports:plan_xlsx", args=[other.pk])) == 404
    assert _status(client_for("outsider"), reverse("reports:plan_xlsx", args=[other.pk])) == 200


def test_a_colleague_in_the_same_division_is_refused(idp: Plan, cast: Cast) -> None:
    user = make_user("colleague", cast.dept)
    make_person(cast.dept, supervisor=cast.supervisor_person, user=user)
    client = Client()
    client.force_login(user)
    assert _status(client, reverse("reports:plan_xlsx", args=[idp.pk])) == 403


def test_the_downloads_are_attachments_with_the_form(idp: Plan, client_for) -> None:
    client = client_for("supervisor")
    pdf = client.get(reverse("reports:plan_pdf", args=[idp.pk]))
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf["Content-Disposition"] == f'attachment; filename="idp-2570-p{idp.person_id}-v1.pdf"'
    assert "ดำเนินการวิเคราะห์ข้อมูล" in pdf_text(pdf.content)
    xlsx = client.get(reverse("reports:plan_xlsx", args=[idp.pk]))
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.spreadsheetml")
    assert xlsx["Content-Disposition"].endswith('.xlsx"')
    assert "ดำเนินการวิเคราะห์ข้อมูล" in xlsx_text(xlsx.content)


def test_without_chromium_the_pdf_page_offers_the_xlsx(idp: Plan, client_for, monkeypatch) -> None:
    from digiskill.reports import pdf

    monkeypatch.setattr(pdf.renderer, "_executable", "/nonexistent/chromium")
    response = client_for("staff").get(reverse("reports:plan_pdf", args=[idp.pk]))
    assert response.status_code == 503
    body = response.content.decode()
    assert reverse("reports:plan_xlsx", args=[idp.pk]) in body
    assert "/nonexistent/chromium" in body


# --- the department's plan reports (Org 4) ----------------------------------------------------

REPORT_OK = ["hr", "executive"]
REPORT_FORBIDDEN = ["staff", "supervisor", "director", "assessor"]


@pytest.mark.parametrize("name", ["reports:plans", "reports:plans_xlsx"])
def test_the_report_access_matrix(cast: Cast, ocsc, client_for, name: str) -> None:
    url = reverse(name)
    expected = {
        **dict.fromkeys(REPORT_OK, 200),
        **dict.fromkeys(REPORT_FORBIDDEN, 403),
        "sysadmin": 404,  # in no department
        "outsider": 200,  # HR of another department: sees their own department only
    }
    assert {role: _status(client_for(role), url) for role in expected} == expected
    anonymous = Client().get(url)
    assert anonymous.status_code == 302 and anonymous["Location"].startswith(reverse("accounts:login"))


def test_the_outsider_sees_only_their_own_department(idp: Plan, cast: Cast, client_for) -> None:
    body = client_for("outsider").get(reverse("reports:plans"), {"year": 2570}).content.decode()
    assert cast.staff_person.full_name not in body
    assert cast.dept.name_th not in body


def test_the_executive_reads_figures_but_not_the_list_of_people(idp: Plan, cast: Cast, client_for) -> None:
    Plan.objects.filter(pk=idp.pk).update(status="submitted")
    body = client_for("executive").get(reverse("reports:plans"), {"year": 2570}).content.decode()
    assert 'id="completion-division"' in body and 'id="waiting-scope"' in body  # how many wait, no names
    assert 'id="waiting"' not in body  # the cast's executive has nobody in their line
    assert 'id="pending-table"' not in body and "ผู้ที่ยังไม่เสนอแผน" not in body
    assert reverse("reports:plan_xlsx", args=[idp.pk]) not in body  # the form is not theirs to open
    hr = client_for("hr").get(reverse("reports:plans"), {"year": 2570}).content.decode()
    assert "ผู้ที่ยังไม่เสนอแผน" in hr


def test_navigation_shows_plan_reports_to_hr_and_executives(cast: Cast, client_for) -> None:
    url = reverse("reports:plans")
    for role, shown in [("hr", True), ("executive", True), ("staff", False), ("supervisor", False)]:
        body = client_for(role).get(reverse("core:home")).content.decode()
        assert (f'href="{url}"' in body) is shown, role
