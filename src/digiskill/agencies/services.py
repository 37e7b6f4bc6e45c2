"""Writes on the agency tree; each one is atomic and leaves one audit row."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from digiskill.accounts.audit import assign, audit_record
from digiskill.accounts.models import User
from digiskill.agencies.models import Agency, AgencyKind
from digiskill.lib.text import normalise_code, normalise_text

_PARENT_KIND = {
    AgencyKind.MINISTRY: None,
    AgencyKind.DEPARTMENT: AgencyKind.MINISTRY,
    AgencyKind.DIVISION: AgencyKind.DEPARTMENT,
    AgencyKind.SECTION: AgencyKind.DIVISION,
}


def _check_parent(kind: AgencyKind, parent: Agency | None) -> None:
    """Refuse a tree shape other than ministry → department → division → section."""
    expected = _PARENT_KIND[kind]
    if expected is None and parent is not None:
        raise ValidationError(_("A ministry has no parent agency."))
    if expected is not None and kind != AgencyKind.DEPARTMENT and (parent is None or parent.kind != expected):
        raise ValidationError(
            _("A %(kind)s must belong to a %(parent)s.") % {"kind": kind.label, "parent": expected.label}
        )
    if kind == AgencyKind.DEPARTMENT and parent is not None and parent.kind != AgencyKind.MINISTRY:
        raise ValidationError(_("A department belongs to a ministry, or stands alone."))


@transaction.atomic
def agency_save(
    *,
    actor: User | None,
    code: str,
    name_th: str,
    kind: AgencyKind,
    parent: Agency | None = None,
    name_en: str = "",
) -> Agency:
    """Create the agency with this code or update it; an unchanged agency writes nothing."""
    code = normalise_code(code)
    _check_parent(kind, parent)
    agency = Agency.objects.filter(code=code).first()
    created = agency is None
    if agency is None:
        agency = Agency(code=code)
    department = parent.department if parent is not None and kind != AgencyKind.DEPARTMENT else None
    values = {
        "name_th": normalise_text(name_th),
        "name_en": normalise_text(name_en),
        "kind": kind,
        "parent": parent,
        "department": department,
        "is_active": True,
    }
    changes = assign(agency, values)
    if not created and not changes:
        return agency
    agency.save()
    if kind == AgencyKind.DEPARTMENT and agency.department_id != agency.pk:
        agency.department = agency
        agency.save(update_fields=["department"])
    audit_record(
        actor=actor,
        action="agency_create" if created else "agency_update",
        obj=agency,
        agency_id=agency.department_id,
        changes=changes,
    )
    return agency
