"""Writes on the learning-resource catalog; each one is atomic and leaves one audit row.

A department's HR administrators write its own resources; system administrators write the shared
ones (no department). The pages, the API, the import and the command line all come here.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from digiskill.accounts.access import Actor, may_manage_resources
from digiskill.accounts.audit import assign, audit_record
from digiskill.agencies.models import Agency
from digiskill.frameworks.models import Unit
from digiskill.learning.importing import ImportCheck, RowError, check_resources
from digiskill.learning.models import LearningResource
from digiskill.learning.parsing import ResourceInput, clean_input
from digiskill.lib.messages import text
from digiskill.lib.tabular import Source
from digiskill.lib.text import code_key, search_key

VALUE_FIELDS = ("code", "title", "provider", "kind", "url", "hours", "cost", "language", "description")


def _require_manager(actor: Actor, agency: Agency | None) -> None:
    """Refuse a writer who may not manage this owner's resources."""
    if not may_manage_resources(actor.user, None if agency is None else agency.pk):
        raise PermissionDenied


def _validated(data: ResourceInput, *, agency: Agency | None, pk: int | None) -> ResourceInput:
    """The normalised input, or ValidationError naming each wrong field and value (Thai / English)."""
    clean, problems = clean_input(data)
    errors: dict[str, list[str]] = {}
    for problem in problems:
        errors.setdefault(problem.field, []).append(str(problem))
    known = set(Unit.objects.filter(pk__in=clean.unit_ids).values_list("pk", flat=True))
    if missing := [str(pk) for pk in clean.unit_ids if pk not in known]:
        errors.setdefault("units", []).append(text(_("No such unit: %(ids)s"), ids=", ".join(missing)))
    if clean.code and _code_taken(clean.code, agency=agency, pk=pk):
        errors.setdefault("code", []).append(
            text(_("Code %(code)r: a learning resource with this code already exists."), code=clean.code)
        )
    if errors:
        raise ValidationError(errors)
    return clean


def _owned_by(agency: Agency | None) -> Any:
    """The resources of one owner: a department's own, or the shared ones."""
    if agency is None:
        return LearningResource.objects.filter(agency__isnull=True)
    return LearningResource.objects.filter(agency=agency)


def _code_taken(code: str, *, agency: Agency | None, pk: int | None) -> bool:
    """True when another resource of the same owner has this code (compared caselessly)."""
    key = code_key(code)
    others = _owned_by(agency).exclude(pk=pk) if pk else _owned_by(agency)
    return any(code_key(c) == key for c in others.values_list("code", flat=True))


def _search_text(resource: LearningResource, unit_codes: list[str]) -> str:
    """The search key of everything a reader may search a resource by."""
    parts = [
        resource.code,
        resource.title,
        resource.provider,
        resource.description,
        resource.topics,
        *unit_codes,
    ]
    return search_key(" ".join(parts))


def _write(
    resource: LearningResource,
    data: ResourceInput,
    *,
    actor: Actor,
    created: bool,
    reactivate: bool = False,
) -> dict[str, list[Any]]:
    """Set the values, units and search text of a resource (and, for an import, reactivate it);
    return {field: [before, after]}."""
    before_units = [] if created else sorted(resource.units.values_list("pk", flat=True))
    values: dict[str, Any] = {name: getattr(data, name) for name in VALUE_FIELDS}
    values["topics"] = "\n".join(data.topics)
    # Stored as the columns hold them, so that "6" and "6.0" are not a change.
    values["hours"] = data.hours.quantize(Decimal("0.1")) if data.hours is not None else None
    values["cost"] = data.cost.quantize(Decimal("0.01")) if data.cost is not None else None
    if reactivate:
        values["is_active"] = True
    changes = assign(resource, values)
    after_units = sorted(data.unit_ids)
    if after_units != before_units:
        codes = dict(Unit.objects.filter(pk__in=[*before_units, *after_units]).values_list("pk", "code"))
        changes["units"] = [sorted(codes[pk] for pk in before_units), sorted(codes[pk] for pk in after_units)]
    if not changes and not created:
        return {}
    resource.updated_by = actor.user
    if created:
        resource.save()
    if "units" in changes:
        resource.units.set(after_units)
    unit_codes = list(resource.units.order_by("code").values_list("code", flat=True))
    resource.search_text = _search_text(resource, unit_codes)
    fields = [name for name in changes if name != "units"]
    resource.save(
        update_fields=["search_text"] if created else [*fields, "search_text", "updated_by", "updated_at"]
    )
    return changes


@transaction.atomic
def resource_create(*, actor: Actor, agency: Agency | None, data: ResourceInput) -> LearningResource:
    """Add a resource to a department's catalog (or, with agency=None, to the shared one)."""
    _require_manager(actor, agency)
    return _create(actor, agency, _validated(data, agency=agency, pk=None))


@transaction.atomic
def resource_update(*, actor: Actor, resource: LearningResource, data: ResourceInput) -> LearningResource:
    """Change a resource; unchanged values write nothing."""
    _require_manager(actor, resource.agency)
    return _update(actor, resource, _validated(data, agency=resource.agency, pk=resource.pk))


def _create(actor: Actor, agency: Agency | None, clean: ResourceInput) -> LearningResource:
    """Write a new resource from a validated input, with its audit row."""
    resource = LearningResource(agency=agency)
    changes = _write(resource, clean, actor=actor, created=True)
    audit_record(
        actor=actor,
        action="learning_resource_create",
        obj=resource,
        agency_id=agency.pk if agency else None,
        changes=changes,
    )
    return resource


def _update(
    actor: Actor, resource: LearningResource, clean: ResourceInput, *, reactivate: bool = False
) -> LearningResource:
    """Write a validated input over a resource, with an audit row when anything changed."""
    changes = _write(resource, clean, actor=actor, created=False, reactivate=reactivate)
    if changes:
        audit_record(
            actor=actor,
            action="learning_resource_update",
            obj=resource,
            agency_id=resource.agency_id,
            changes=changes,
        )
    return resource


def _set_active(actor: Actor, resource: LearningResource, active: bool) -> LearningResource:
    """Deactivate or reactivate a resource (nothing when it already is)."""
    _require_manager(actor, resource.agency)
    changes = assign(resource, {"is_active": active})
    if changes:
        resource.updated_by = actor.user
        resource.save(update_fields=["is_active", "updated_by", "updated_at"])
        audit_record(
            actor=actor,
            action="learning_resource_activate" if active else "learning_resource_deactivate",
            obj=resource,
            agency_id=resource.agency_id,
            changes=changes,
        )
    return resource


@transaction.atomic
def resource_deactivate(*, actor: Actor, resource: LearningResource) -> LearningResource:
    """Take a resource out of the catalog and the suggestions; it is kept for plans that name it."""
    return _set_active(actor, resource, False)


@transaction.atomic
def resource_activate(*, actor: Actor, resource: LearningResource) -> LearningResource:
    """Put a deactivated resource back in the catalog."""
    return _set_active(actor, resource, True)


@dataclass
class ImportResult:
    """What an import did (or, for a check or a file with errors, would do)."""

    filename: str
    dry_run: bool
    written: bool
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[RowError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, int]:
        """The figures, for the audit log and the API."""
        return {
            "rows": self.rows,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "errors": len(self.errors),
        }


@transaction.atomic
def resources_import(
    *, actor: Actor, agency: Agency | None, source: Source, filename: str, dry_run: bool = False
) -> ImportResult:
    """Check a file of resources and, when every row is valid, upsert them all by code at once.

    Nothing is written when any row is wrong, or for a dry run. Resources are matched by code
    within the owner (the department, or the shared catalog for agency=None); those missing from
    the file are left as they are; a deactivated one listed again is reactivated. One audit row per
    resource created or updated, and one for the import. Raises TableError for an unreadable file.
    """
    _require_manager(actor, agency)
    check = check_resources(source, filename=filename, agency=agency)
    result = _result(check, dry_run=dry_run)
    if result.errors or dry_run:
        return result
    existing = {r.pk: r for r in _owned_by(agency).filter(pk__in=[p.existing_pk for p in check.rows])}
    for planned in check.rows:
        if planned.existing_pk is None:
            _create(actor, agency, planned.data)
        elif planned.change == "update":
            resource = existing[planned.existing_pk]
            _update(actor, resource, dataclasses.replace(planned.data, code=resource.code), reactivate=True)
    audit_record(
        actor=actor,
        action="learning_resources_import",
        agency_id=agency.pk if agency else None,
        changes={k: [None, v] for k, v in result.counts.items()},
        object_repr=check.filename[:255],
    )
    result.written = True
    return result


def _result(check: ImportCheck, *, dry_run: bool) -> ImportResult:
    """The figures of a checked file."""
    return ImportResult(
        filename=check.filename,
        dry_run=dry_run,
        written=False,
        rows=check.total_rows,
        created=check.count("create"),
        updated=check.count("update"),
        unchanged=check.count("unchanged"),
        errors=check.errors,
        warnings=check.warnings,
    )
