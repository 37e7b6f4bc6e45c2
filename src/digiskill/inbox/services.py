"""Writing notifications: one row per recipient, and an e-mail once the transaction commits."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from functools import partial
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone, translation
from django.utils.functional import Promise

from digiskill.accounts.access import Actor
from digiskill.accounts.audit import audit_record
from digiskill.accounts.models import User
from digiskill.inbox.models import Notification

if TYPE_CHECKING:
    from digiskill.agencies.models import Agency  # a type only: inbox sits below agencies

log = logging.getLogger(__name__)


def _text(value: str | Promise) -> str:
    """A lazily translated text in Thai, the language notifications are written in."""
    with translation.override("th"):
        return str(value)


def notify(
    *,
    agency: Agency,
    recipients: Iterable[User | None],
    kind: str,
    title: str | Promise,
    body: str | Promise = "",
    url: str = "",
) -> list[Notification]:
    """Tell each recipient (None and duplicates are skipped) in the inbox and by e-mail.

    Called by other services inside their own transaction: the rows are part of that write,
    and the e-mails go out only once it commits. The title and body are kept in Thai.
    """
    seen: set[int] = set()
    users = []
    for user in recipients:
        if user is not None and user.pk not in seen and user.is_active:
            seen.add(user.pk)
            users.append(user)
    title_th, body_th = _text(title), _text(body)
    rows = Notification.objects.bulk_create(
        [
            Notification(
                agency=agency,
                recipient=u,
                kind=kind,
                title=title_th[:500],
                body=body_th,
                url=url,
                emailed=bool(u.email),
            )
            for u in users
        ]
    )
    addresses = [u.email for u in users if u.email]
    if addresses:
        transaction.on_commit(partial(_send, title_th, body_th, url, addresses))
    return rows


def _send(title: str, body: str, url: str, addresses: list[str]) -> None:
    """Send one e-mail per recipient; a failing mail server is logged, never raised to the user."""
    base = getattr(settings, "SITE_URL", "").rstrip("/")
    link = f"\n\n{base}{url}" if url else ""
    for address in addresses:
        try:
            send_mail(f"[DigiSkill] {title}", f"{body}{link}".strip(), None, [address])
        except OSError:
            log.exception("could not send the notification e-mail to %s", address)


@transaction.atomic
def notifications_mark_read(*, actor: Actor, ids: Iterable[int] | None = None) -> int:
    """Mark the actor's notifications read (all of them when `ids` is None); return how many."""
    if actor.user is None:
        return 0  # the system itself has no inbox
    rows = Notification.objects.filter(recipient=actor.user, read_at__isnull=True)
    if ids is not None:
        rows = rows.filter(pk__in=list(ids))
    count = rows.update(read_at=timezone.now())
    if count:
        audit_record(
            actor=actor,
            action="notifications_read",
            obj=actor.user,
            agency_id=None,
            changes={"count": [0, count]},
        )
    return count
