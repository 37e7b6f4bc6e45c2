"""The inbox: notify writes a row per recipient and e-mails after commit; each person sees only theirs."""

from __future__ import annotations

import pytest
from django.core import mail
from django.db import transaction
from django.test import Client

from digiskill.accounts.models import AuditEntry
from digiskill.inbox.models import Notification
from digiskill.inbox.services import notify
from tests.factories import Cast


def _notify(cast: Cast, *recipients, url: str = "/people/me/skills/") -> list[Notification]:
    return notify(
        agency=cast.dept,
        recipients=list(recipients),
        kind="test",
        title="มีแผนรออนุมัติ",
        body="นายทดสอบ ส่งแผนพัฒนารายบุคคล",
        url=url,
    )


@pytest.mark.django_db(transaction=True)
def test_notify_writes_one_row_per_recipient_and_mails_after_commit(cast: Cast) -> None:
    with transaction.atomic():
        rows = _notify(cast, cast.supervisor, cast.supervisor, None, cast.director)
        assert len(mail.outbox) == 0  # not before the write is committed
    assert [r.recipient for r in rows] == [cast.supervisor, cast.director]
    assert sorted(m.to[0] for m in mail.outbox) == sorted([cast.supervisor.email, cast.director.email])
    assert mail.outbox[0].subject == "[DigiSkill] มีแผนรออนุมัติ"
    assert "/people/me/skills/" in mail.outbox[0].body


@pytest.mark.django_db(transaction=True)
def test_no_mail_when_the_write_rolls_back(cast: Cast) -> None:
    with pytest.raises(RuntimeError), transaction.atomic():
        _notify(cast, cast.supervisor)
        raise RuntimeError
    assert mail.outbox == []
    assert not Notification.objects.exists()


def test_inbox_lists_only_my_notifications_and_the_badge_counts_unread(cast: Cast, client_for) -> None:
    _notify(cast, cast.staff)
    _notify(cast, cast.supervisor)
    page = client_for("staff").get("/inbox/")
    assert page.status_code == 200
    assert page.content.decode().count("มีแผนรออนุมัติ") == 1
    assert '<mark class="badge"' in page.content.decode()


def test_opening_marks_read_and_follows_the_link(cast: Cast, client_for) -> None:
    (note,) = _notify(cast, cast.staff)
    client = client_for("staff")
    response = client.post(f"/inbox/{note.pk}/open/")
    assert response.status_code == 302 and response["Location"] == "/people/me/skills/"
    note.refresh_from_db()
    assert note.read_at is not None
    assert AuditEntry.objects.filter(action="notifications_read", actor=cast.staff).count() == 1
    assert '<mark class="badge"' not in client.get("/inbox/").content.decode()


def test_an_outside_link_is_not_followed(cast: Cast, client_for) -> None:
    (note,) = _notify(cast, cast.staff, url="https://evil.example/")
    response = client_for("staff").post(f"/inbox/{note.pk}/open/")
    assert response["Location"] == "/inbox/"


def test_someone_elses_notification_is_404(cast: Cast, client_for) -> None:
    (note,) = _notify(cast, cast.supervisor)
    assert client_for("staff").post(f"/inbox/{note.pk}/open/").status_code == 404
    assert client_for("outsider").post(f"/inbox/{note.pk}/open/").status_code == 404
    note.refresh_from_db()
    assert note.read_at is None


def test_mark_all_read(cast: Cast, client_for) -> None:
    _notify(cast, cast.staff)
    _notify(cast, cast.staff)
    client_for("staff").post("/inbox/read-all/")
    assert not Notification.objects.filter(recipient=cast.staff, read_at__isnull=True).exists()


@pytest.mark.parametrize(
    ("method", "url"), [("get", "/inbox/"), ("post", "/inbox/1/open/"), ("post", "/inbox/read-all/")]
)
def test_anonymous_goes_to_login_and_sysadmin_without_department_is_404(
    cast: Cast, client_for, method: str, url: str
) -> None:
    response = getattr(Client(), method)(url)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert getattr(client_for("sysadmin"), method)(url).status_code == 404
