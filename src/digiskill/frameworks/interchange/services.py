"""Writes of the exchange: importing a CASE package as a new framework. Atomic, audited."""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from typing import Any

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from digiskill.accounts.access import Actor
from digiskill.accounts.audit import audit_record
from digiskill.frameworks.interchange.case import CaseImportError, CasePackage, ItemRow, read_case_package
from digiskill.frameworks.models import Area, Criterion, Element, Framework, Unit
from digiskill.frameworks.search import search_index_rebuild
from digiskill.lib.messages import in_both
from digiskill.lib.text import normalise_code, normalise_text

BATCH = 2000


def _taken(pkg: CasePackage) -> list[str]:
    """Problems with rows already in the catalog: the framework exists, or some item identifiers do."""
    existing = (
        Framework.objects.filter(code=pkg.code).first()
        or Framework.objects.filter(case_uuid=pkg.identifier).first()
    )
    if existing is not None:
        return [
            in_both(
                _(
                    "CFDocument (%(identifier)s): framework %(code)s already exists; "
                    "an import never replaces a framework"
                ),
                identifier=pkg.identifier,
                code=existing.code,
            )
        ]
    wanted = list(pkg.items)
    found: list[uuid.UUID] = []
    for model in (Area, Unit, Element, Criterion):
        for start in range(0, len(wanted), BATCH):
            found.extend(
                model.objects.filter(case_uuid__in=wanted[start : start + BATCH]).values_list(
                    "case_uuid", flat=True
                )
            )
    problems = [
        in_both(
            _(
                "CFItems (%(identifier)s, %(code)s): "
                "an item with this identifier already exists in another framework"
            ),
            identifier=identifier,
            code=pkg.items[identifier].code,
        )
        for identifier in found[:10]
    ]
    if len(found) > 10:
        problems.append(in_both(_("... and %(count)s more"), count=len(found) - 10))
    return problems


def _unit_fields(row: ItemRow) -> dict[str, Any]:
    """A unit's own fields from its CFItem."""
    ext = row.ext
    return {
        "aliases": [normalise_code(a) for a in ext.get("aliases") or []],
        "revision": normalise_text(str(ext.get("revision") or "")),
        "details": dict(ext.get("details") or {}),
    }


def _create_tree(fw: Framework, pkg: CasePackage) -> dict[str, int]:
    """Create the areas, units, elements and criteria of a validated package; return the counts."""
    areas = Area.objects.bulk_create(
        [
            Area(
                framework=fw,
                case_uuid=r.identifier,
                code=r.code,
                name_th=r.name_th,
                name_en=r.name_en,
                description_th=r.description,
                order=r.order,
            )
            for r in pkg.of_kind("area")
        ]
    )
    area_ids = {a.case_uuid: a.pk for a in areas}
    units = Unit.objects.bulk_create(
        [
            Unit(
                framework=fw,
                case_uuid=r.identifier,
                area_id=area_ids[r.parent],
                code=r.code,
                name_th=r.name_th,
                name_en=r.name_en,
                description_th=r.description,
                order=r.order,
                **_unit_fields(r),
            )
            for r in pkg.of_kind("unit")
            if r.parent is not None
        ],
        batch_size=BATCH,
    )
    unit_ids = {u.case_uuid: u.pk for u in units}
    elements = Element.objects.bulk_create(
        [
            Element(
                unit_id=unit_ids[r.parent],
                case_uuid=r.identifier,
                code=r.code,
                name_th=r.name_th,
                name_en=r.name_en,
                order=r.order,
            )
            for r in pkg.of_kind("element")
            if r.parent is not None
        ],
        batch_size=BATCH,
    )
    element_ids = {e.case_uuid: e.pk for e in elements}
    criteria = Criterion.objects.bulk_create(
        [
            Criterion(
                element_id=element_ids[r.parent],
                case_uuid=r.identifier,
                code=r.code,
                text_th=r.name_th,
                system_code=normalise_code(str(r.ext.get("system_code") or "")),
                number=normalise_text(str(r.ext.get("number") or "")),
                order=r.order,
            )
            for r in pkg.of_kind("criterion")
            if r.parent is not None
        ],
        batch_size=BATCH,
    )
    _keep_dates(fw, pkg)
    return {"area": len(areas), "unit": len(units), "element": len(elements), "criterion": len(criteria)}


def _keep_dates(fw: Framework, pkg: CasePackage) -> None:
    """Keep the package's change dates: the framework's, and each unit's (not the time of import)."""
    by_date: dict[dt.datetime, list[uuid.UUID]] = defaultdict(list)
    for row in pkg.of_kind("unit"):
        by_date[row.changed].append(row.identifier)
    for changed, identifiers in by_date.items():
        for start in range(0, len(identifiers), BATCH):
            Unit.objects.filter(case_uuid__in=identifiers[start : start + BATCH]).update(updated_at=changed)
    Framework.objects.filter(pk=fw.pk).update(updated_at=pkg.changed)


@transaction.atomic
def framework_import_case(*, actor: Actor, package: object) -> Framework:
    """Create a framework from a CASE 1.1 package (parsed JSON), after validating all of it.

    Nothing is written when any problem is found: CaseImportError lists them all. A framework with
    the same code or identifier must not exist yet: an import never replaces one.
    """
    pkg = read_case_package(package)
    problems = _taken(pkg)
    if problems:
        raise CaseImportError(problems)
    fw = Framework.objects.create(code=pkg.code, case_uuid=pkg.identifier, **pkg.fields)
    counts = _create_tree(fw, pkg)
    search_index_rebuild(fw)
    fw.refresh_from_db()
    audit_record(
        actor=actor,
        action="framework_import_case",
        obj=fw,
        changes={"created": [None, counts], "ignored_associations": [None, pkg.ignored_associations]},
    )
    return fw
