"""Recording writes in the audit log; services call `audit_record` once per write."""

from __future__ import annotations

import datetime as dt
import decimal
import uuid
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from digiskill.accounts.models import AuditEntry

if TYPE_CHECKING:
    from digiskill.accounts.access import Actor

ACTION_LABELS: dict[str, Promise] = {
    "login": _("Logged in"),
    "user_create": _("Login created"),
    "password_change": _("Password changed"),
    "password_reset": _("Password reset"),
    "membership_create": _("Membership granted"),
    "membership_update": _("Membership roles changed"),
    "agency_create": _("Agency created"),
    "agency_update": _("Agency changed"),
    "person_create": _("Person added"),
    "person_update": _("Person changed"),
    "framework_create": _("Framework loaded"),
    "framework_update": _("Framework updated"),
    "units_import": _("Units imported"),
}


def register_action_labels(labels: Mapping[str, Promise]) -> None:
    """Let an app name its own audit actions (called from its AppConfig.ready)."""
    ACTION_LABELS.update(labels)


def action_label(action: str) -> str:
    """The human label of an audit action, or the action code itself when none is registered."""
    label = ACTION_LABELS.get(action)
    return str(label) if label is not None else action.replace("_", " ")


_client_address: ContextVar[str | None] = ContextVar("digiskill_client_address", default=None)


@contextmanager
def client_address(address: str | None) -> Iterator[None]:
    """Make `address` the client address recorded by audit rows written inside the block."""
    token = _client_address.set(address)
    try:
        yield
    finally:
        _client_address.reset(token)


def _plain(value: Any) -> Any:
    """Turn a field value into something JSON can hold, for before/after in the log."""
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value


def snapshot(obj: models.Model, fields: Iterable[str]) -> dict[str, Any]:
    """Return the current values of `fields` of `obj` (foreign keys as their ids)."""
    result: dict[str, Any] = {}
    for name in fields:
        field = obj._meta.get_field(name)
        attname = getattr(field, "attname", name)
        result[name] = _plain(getattr(obj, attname))
    return result


def diff(before: Mapping[str, Any], after: Mapping[str, Any]) -> dict[str, list[Any]]:
    """Return {field: [before, after]} for the fields whose value changed."""
    return {k: [before.get(k), after[k]] for k in after if before.get(k) != after[k]}


def assign(obj: models.Model, values: Mapping[str, Any]) -> dict[str, list[Any]]:
    """Set `values` on `obj` and return {field: [before, after]} for those that changed."""
    before = snapshot(obj, values.keys())
    for name, value in values.items():
        setattr(obj, name, value)
    return diff(before, snapshot(obj, values.keys()))


def _actor_name(actor: Actor) -> str:
    """The name kept with an audit row: the login's username, or "system" for the system itself."""
    return (actor.user.get_username() if actor.user is not None else "system")[:150]


def audit_record(
    *,
    actor: Actor,
    action: str,
    obj: models.Model | None = None,
    agency_id: int | None = None,
    changes: Mapping[str, Any] | None = None,
    object_repr: str | None = None,
) -> AuditEntry:
    """Write one audit row for a service write; the SYSTEM actor (CLI, loaders) is recorded as "system"."""
    return AuditEntry.objects.create(
        agency_id=agency_id,
        actor=actor.user,
        actor_name=_actor_name(actor),
        action=action,
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None and obj.pk is not None else "",
        object_repr=(object_repr if object_repr is not None else str(obj) if obj is not None else "")[:255],
        changes=_plain(dict(changes or {})),
        ip_address=_client_address.get(),
    )


class AuditBatch:
    """Audit rows of a bulk write (an import), queued and written with bulk_create in batches.

    Use inside the service's transaction; call `flush()` at the end. Rows carry the same actor,
    agency and client address as `audit_record` would give them.
    """

    def __init__(self, *, actor: Actor, agency_id: int | None, batch_size: int = 2000) -> None:
        """Start an empty batch for this actor and agency."""
        self.user, self.agency_id, self.batch_size = actor.user, agency_id, batch_size
        self.actor_name = _actor_name(actor)
        self.ip_address = _client_address.get()
        self.pending: list[AuditEntry] = []
        self.written = 0

    def add(
        self, *, action: str, object_type: str, object_id: Any, object_repr: str, changes: Mapping[str, Any]
    ) -> None:
        """Queue one row; write the batch when it is full."""
        self.pending.append(
            AuditEntry(
                agency_id=self.agency_id,
                actor=self.user,
                actor_name=self.actor_name,
                action=action,
                object_type=object_type,
                object_id=str(object_id),
                object_repr=object_repr[:255],
                changes=_plain(dict(changes)),
                ip_address=self.ip_address,
            )
        )
        if len(self.pending) >= self.batch_size:
            self.flush()

    def flush(self) -> None:
        """Write what is queued."""
        if self.pending:
            AuditEntry.objects.bulk_create(self.pending, batch_size=self.batch_size)
            self.written += len(self.pending)
            self.pending = []
