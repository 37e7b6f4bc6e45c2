"""Log in, lock-out, password change and reset, and the audit log."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from digiskill.accounts.access import actor_of
from digiskill.accounts.models import AuditEntry
from tests.factories import PASSWORD, Cast


def _login(client: Client, username: str, password: str):
    return client.post(
        reverse("accounts:login"), {"username": username, "password": password}, REMOTE_ADDR="10.9.8.7"
    )


def test_login_and_logout_are_recorded(cast: Cast) -> None:
    client = Client()
    response = _login(client, "staff", PASSWORD)
    assert response.status_code == 302
    entry = AuditEntry.objects.filter(action="login", actor=cast.staff).get()
    assert entry.agency_id == cast.dept.pk
    assert entry.ip_address == "10.9.8.7"
    assert client.post(reverse("accounts:logout")).status_code == 302
    assert client.get("/").status_code == 302


def test_wrong_password_shows_an_error(cast: Cast) -> None:
    response = _login(Client(), "staff", "wrong")
    assert response.status_code == 200
    assert 'role="alert"' in response.content.decode()


@pytest.mark.django_db
def test_lockout_after_repeated_failures(cast: Cast, settings) -> None:
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _login(client, "staff", "wrong")
    response = _login(client, "staff", PASSWORD)  # even the right password is refused now
    assert response.status_code == 429
    assert "ล็อก" in response.content.decode()
    assert _login(Client(), "supervisor", PASSWORD).status_code == 302  # others are not locked


def test_password_change_is_audited(cast: Cast, client_for) -> None:
    client = client_for("staff")
    response = client.post(
        reverse("accounts:password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": "brand-new-pass-42",
            "new_password2": "brand-new-pass-42",
        },
    )
    assert response.status_code == 302
    cast.staff.refresh_from_db()
    assert cast.staff.check_password("brand-new-pass-42")
    entry = AuditEntry.objects.get(action="password_change")
    assert "brand-new" not in str(entry.changes)


def test_password_reset_by_mail(cast: Cast) -> None:
    client = Client()
    response = client.post(reverse("accounts:password_reset"), {"email": "staff@example.test"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = re.search(r"https?://[^/]+(/\S+)", mail.outbox[0].body).group(1)
    form_url = client.get(link).url  # Django swaps the token for a session one
    response = client.post(form_url, {"new_password1": "reset-pass-7788", "new_password2": "reset-pass-7788"})
    assert response.status_code == 302
    cast.staff.refresh_from_db()
    assert cast.staff.check_password("reset-pass-7788")
    assert AuditEntry.objects.filter(action="password_reset", actor=cast.staff).exists()


def test_audit_log_filters(cast: Cast, client_for) -> None:
    client = client_for("hr")
    body = client.get(reverse("accounts:audit"), {"action": "person_create"}).content.decode()
    assert cast.staff_person.full_name in body
    body = client.get(reverse("accounts:audit"), {"action": "membership_create"}).content.decode()
    assert cast.staff_person.full_name not in body
    partial = client.get(
        reverse("accounts:audit"), {"q": cast.staff_person.last_name}, HTTP_HX_REQUEST="true"
    )
    assert "<html" not in partial.content.decode()
    assert cast.staff_person.full_name in partial.content.decode()


def test_audit_entries_record_before_and_after(cast: Cast) -> None:
    from digiskill.people.services import person_save

    p = cast.staff_person
    person_save(
        actor=actor_of(cast.hr),
        agency=cast.dept,
        national_id=p.national_id,
        division=p.division,
        supervisor=p.supervisor,
        title=p.title,
        first_name=p.first_name,
        last_name=p.last_name,
        position="นักวิชาการคอมพิวเตอร์",
    )
    entry = AuditEntry.objects.filter(action="person_update").get()
    assert entry.changes == {"position": ["นักทรัพยากรบุคคล", "นักวิชาการคอมพิวเตอร์"]}
    assert entry.actor == cast.hr


def test_audit_log_cannot_be_posted_to(cast: Cast, client_for) -> None:
    assert client_for("hr").post(reverse("accounts:audit")).status_code == 405
