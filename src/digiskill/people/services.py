"""Writes on people; each one is atomic and leaves one audit row."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from digiskill.accounts.audit import assign, audit_record
from digiskill.accounts.models import User
from digiskill.agencies.models import Agency
from digiskill.lib.national_id import validate_national_id
from digiskill.lib.text import normalise_text
from digiskill.people.models import Person

PERSON_FIELDS = (
    "title",
    "first_name",
    "last_name",
    "first_name_en",
    "last_name_en",
    "position",
    "position_type",
    "position_level",
    "email",
)


def _check_links(agency: Agency, division: Agency | None, supervisor: Person | None) -> None:
    """Refuse a division or supervisor from another department."""
    if division is not None and division.department_id != agency.pk:
        raise ValidationError(_("The division belongs to another department."))
    if supervisor is not None and supervisor.agency_id != agency.pk:
        raise ValidationError(_("The supervisor belongs to another department."))


def _check_no_loop(person: Person, supervisor: Person | None) -> None:
    """Refuse a supervisor whose own chain of supervisors leads back to this person."""
    seen: set[int] = set()
    current = supervisor
    while current is not None and current.pk not in seen:
        if person.pk is not None and current.pk == person.pk:
            raise ValidationError(_("This supervisor would make the chain of supervisors loop."))
        seen.add(current.pk)
        current = current.supervisor


@transaction.atomic
def person_save(
    *,
    actor: User | None,
    agency: Agency,
    national_id: str,
    division: Agency | None = None,
    supervisor: Person | None = None,
    user: User | None = None,
    **fields: Any,
) -> Person:
    """Create the person with this national ID in the department, or update them."""
    unknown = set(fields) - set(PERSON_FIELDS)
    if unknown:
        raise TypeError(f"unknown person fields: {sorted(unknown)}")
    national_id = validate_national_id(national_id)
    _check_links(agency, division, supervisor)
    person = Person.objects.filter(agency=agency, national_id=national_id).first()
    created = person is None
    if person is None:
        person = Person(agency=agency, national_id=national_id)
    _check_no_loop(person, supervisor)
    values: dict[str, Any] = {k: normalise_text(str(v)) for k, v in fields.items()}
    values.update({"division": division, "supervisor": supervisor, "is_active": True})
    if user is not None:
        values["user"] = user
    changes = assign(person, values)
    if not created and not changes:
        return person
    person.save()
    audit_record(
        actor=actor,
        action="person_create" if created else "person_update",
        obj=person,
        agency_id=agency.pk,
        changes=changes,
    )
    return person
