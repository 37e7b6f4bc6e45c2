"""Reads of the inbox: only ever the actor's own notifications."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404

from digiskill.accounts.access import Actor, require_agency
from digiskill.inbox.models import Notification


def notifications_of(actor: Actor) -> QuerySet[Notification]:
    """The actor's notifications in their department, newest first (404 for an outsider)."""
    agency = require_agency(actor)
    return Notification.objects.filter(recipient=actor.user, agency=agency)


def unread_count(actor: Actor) -> int:
    """How many of the actor's notifications are unread (0 outside a department)."""
    if actor.agency is None:
        return 0
    unread = Notification.objects.filter(recipient=actor.user, agency=actor.agency, read_at__isnull=True)
    return unread.count()


def get_notification_for_actor(actor: Actor, pk: int) -> Notification:
    """One of the actor's own notifications; anyone else's is 404."""
    found = notifications_of(actor).filter(pk=pk).first()
    if found is None:
        raise Http404
    return found
