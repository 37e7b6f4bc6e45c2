"""Reads of the audit log, scoped to the HR administrator's department."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from digiskill.accounts.access import Actor, require_role
from digiskill.accounts.models import AuditEntry, Role


def audit_entries_for_actor(actor: Actor, filters: dict[str, Any]) -> QuerySet[AuditEntry]:
    """The department's audit rows matching `filters`, newest first (HR administrators only)."""
    agency = require_role(actor, Role.HR_ADMIN)
    entries = AuditEntry.objects.filter(agency=agency).select_related("actor")
    if filters.get("q"):
        entries = entries.filter(Q(object_repr__icontains=filters["q"]) | Q(action__icontains=filters["q"]))
    if filters.get("actor"):
        entries = entries.filter(actor_name__iexact=filters["actor"])
    if filters.get("action"):
        entries = entries.filter(action=filters["action"])
    tz = timezone.get_current_timezone()
    if filters.get("date_from"):
        entries = entries.filter(created_at__gte=dt.datetime.combine(filters["date_from"], dt.time.min, tz))
    if filters.get("date_to"):
        entries = entries.filter(
            created_at__lt=dt.datetime.combine(filters["date_to"], dt.time.min, tz) + dt.timedelta(days=1)
        )
    return entries


def audit_actions(actor: Actor) -> list[str]:
    """The distinct actions recorded in the department, for the filter's choices."""
    agency = require_role(actor, Role.HR_ADMIN)
    return list(
        AuditEntry.objects.filter(agency=agency)
        .values_list("action", flat=True)
        .distinct()
        .order_by("action")
    )
