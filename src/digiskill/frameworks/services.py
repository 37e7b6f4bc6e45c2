"""Writes on the catalog: loading frameworks, importing unit documents, editing units. Atomic, audited."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from digiskill.accounts.access import Actor
from digiskill.accounts.audit import assign, audit_record
from digiskill.frameworks.loading import FrameworkData
from digiskill.frameworks.models import (
    Area,
    Criterion,
    Element,
    Framework,
    FrameworkPart,
    Goal,
    PersonnelGroup,
    Role,
    SkillComponent,
    SkillItem,
    SkillSet,
    Stage,
    Unit,
    UnitRevision,
)
from digiskill.frameworks.parsing import ParsedElement, ParsedUnit
from digiskill.frameworks.search import search_index_rebuild
from digiskill.lib.messages import Refusal
from digiskill.lib.text import code_key, normalise_code, normalise_text

FRAMEWORK_FIELDS = ("version", "name_th", "name_en", "publisher_th", "publisher_en", "source", "status")
PART_FIELDS = ("name_th", "name_en", "description_th")


@dataclass
class LoadReport:
    """What a load or import did, for the command line and the audit row."""

    framework: str
    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    unchanged: bool = False
    warnings: list[str] = field(default_factory=list)

    def count(self, kind: str, created: bool, changed: bool) -> None:
        target = self.created if created else self.updated if changed else None
        if target is not None:
            target[kind] = target.get(kind, 0) + 1


def _text(value: Any) -> str:
    return normalise_text(str(value)) if value not in (None, "") else ""


def _upsert(
    model: type[FrameworkPart],
    fw: Framework,
    row: dict[str, Any],
    order: int,
    report: LoadReport,
    **extra: Any,
) -> Any:
    """Create or update one coded row of the framework; return it."""
    obj = model._default_manager.filter(framework=fw, code=row["code"]).first()
    created = obj is None
    if obj is None:
        obj = model(framework=fw, code=row["code"])
    values: dict[str, Any] = {name: _text(row.get(name)) for name in PART_FIELDS}
    if model is Role:
        values["name_th"] = _text(row.get("title_th"))
        values["name_en"] = _text(row.get("title_en"))
    values.update(order=order, **extra)
    changed = assign(obj, values)
    if created or changed:
        obj.save()
    report.count(model._meta.model_name or "", created, bool(changed))
    return obj


def _load_elements(unit: Unit, elements: list[dict[str, Any]], report: LoadReport) -> None:
    """Make the unit's elements and criteria exactly these, keeping ids of the ones that stay."""
    keep: list[int] = []
    for i, row in enumerate(elements):
        element, created = Element.objects.get_or_create(
            unit=unit, code=normalise_code(row["code"]), defaults={"name_th": _text(row.get("name_th"))}
        )
        changed = assign(
            element, {"name_th": _text(row.get("name_th")), "name_en": _text(row.get("name_en")), "order": i}
        )
        if changed:
            element.save()
        report.count("element", created, bool(changed))
        keep.append(element.pk)
        kept_criteria: list[int] = []
        for j, crit in enumerate(row.get("criteria") or []):
            code = normalise_code(
                crit.get("code") or crit.get("system_code") or f"{element.code}.{j + 1:02d}"
            )
            criterion, c_created = Criterion.objects.get_or_create(
                element=element, code=code, defaults={"text_th": _text(crit.get("text_th"))}
            )
            c_changed = assign(
                criterion,
                {
                    "text_th": _text(crit.get("text_th")),
                    "system_code": normalise_code(str(crit.get("system_code") or "")),
                    "number": _text(crit.get("number")),
                    "order": j,
                },
            )
            if c_changed:
                criterion.save()
            report.count("criterion", c_created, bool(c_changed))
            kept_criteria.append(criterion.pk)
        element.criteria.exclude(pk__in=kept_criteria).delete()
    unit.elements.exclude(pk__in=keep).delete()


def _elements_of(parsed: ParsedUnit) -> list[dict[str, Any]]:
    """Elements and criteria of a parsed document, in the shape of the data file."""

    def element(e: ParsedElement) -> dict[str, Any]:
        return {
            "code": e.code,
            "name_th": e.name_th or e.code,
            "name_en": e.name_en,
            "criteria": [
                {"code": c.code, "system_code": c.system_code, "text_th": c.text, "number": c.number}
                for c in e.criteria
            ],
        }

    return [element(e) for e in parsed.elements]


def _details_of(parsed: ParsedUnit) -> dict[str, Any]:
    """The document sections of a parsed unit, without its elements (those are rows)."""
    details = parsed.to_dict()
    for key in ("elements", "warnings", "source"):
        details.pop(key, None)
    return details


def _revision_label(parsed: ParsedUnit | None) -> str:
    rev = parsed.revision if parsed else None
    if rev is None or rev.number is None:
        return ""
    return f"{rev.number}/{rev.year_be}" if rev.year_be else str(rev.number)


def _save_unit(
    fw: Framework, row: dict[str, Any], order: int, parsed: ParsedUnit | None, report: LoadReport
) -> Unit:
    """Create or update a unit, keeping its earlier state as a revision when its document changes."""
    area = Area.objects.get(framework=fw, code=row["area"])
    unit = Unit.objects.filter(framework=fw, code=row["code"]).first()
    details = _details_of(parsed) if parsed else {}
    extra = {k: row[k] for k in ("document_name_th", "document_revision", "source") if row.get(k)}
    if extra:
        details = {**details, "data": extra}
    replaced = unit is not None and (unit.details != details or unit.name_th != _text(row.get("name_th")))
    if unit is not None and unit.details and details and replaced:
        UnitRevision.objects.create(
            unit=unit,
            revision=unit.revision,
            data={
                "name_th": unit.name_th,
                "details": unit.details,
                "elements": [
                    {
                        "code": e.code,
                        "name_th": e.name_th,
                        "criteria": [
                            {"code": c.code, "system_code": c.system_code, "text_th": c.text_th}
                            for c in e.criteria.all()
                        ],
                    }
                    for e in unit.elements.all()
                ],
            },
        )
    aliases = list(
        dict.fromkeys([*(row.get("aliases") or []), *([parsed.code] if parsed and parsed.code else [])])
    )
    description = row.get("description_th") or (parsed.description if parsed else "")
    saved: Unit = _upsert(
        Unit,
        fw,
        {**row, "description_th": description},
        order,
        report,
        area=area,
        aliases=[normalise_code(a) for a in aliases],
        revision=_revision_label(parsed),
        details=details,
    )
    elements = row.get("elements") or (_elements_of(parsed) if parsed else [])
    if elements or parsed:
        _load_elements(saved, elements, report)
    return saved


def _save_skill_set(fw: Framework, row: dict[str, Any], order: int, report: LoadReport) -> None:
    """Create or update a skill set and make its items exactly those of the data."""
    role = Role.objects.get(framework=fw, code=row["role"]) if row.get("role") else None
    extra = {k: row[k] for k in ("source", "notes_th") if row.get(k)}
    skill_set = _upsert(
        SkillSet, fw, row, order, report, kind=row.get("kind") or "position", role=role, extra=extra
    )
    components = {c.code: c for c in SkillComponent.objects.filter(framework=fw)}
    units = {u.code: u for u in Unit.objects.filter(framework=fw)}
    wanted = [
        (
            components[item["component"]].pk,
            units[item["unit"]].pk if item.get("unit") else None,
            _text(item.get("text_th")),
            _text(item.get("text_en")),
            bool(item.get("within_two_years")),
            bool(item.get("baseline")),
            i,
        )
        for i, item in enumerate(row.get("items") or [])
    ]
    current = list(
        skill_set.items.order_by("order", "id").values_list(
            "component_id", "unit_id", "text_th", "text_en", "within_two_years", "baseline", "order"
        )
    )
    if current == wanted:
        return
    skill_set.items.all().delete()
    SkillItem.objects.bulk_create(
        [
            SkillItem(
                skill_set=skill_set,
                component_id=c,
                unit_id=u,
                text_th=t,
                text_en=te,
                within_two_years=w,
                baseline=b,
                order=o,
            )
            for c, u, t, te, w, b, o in wanted
        ]
    )
    report.count("skill_items", False, True)


@transaction.atomic
def framework_load(*, actor: Actor, source: FrameworkData, force: bool = False) -> LoadReport:
    """Load a validated framework file: create or update every row; unchanged data writes nothing."""
    data = source.data
    report = LoadReport(framework=source.code, warnings=list(source.warnings))
    fw = Framework.objects.filter(code=source.code).first()
    if fw is not None and fw.extra.get("digest") == source.digest and not force:
        report.unchanged = True
        return report
    created = fw is None
    if fw is None:
        fw = Framework(code=source.code)
    skip = {
        *FRAMEWORK_FIELDS,
        "code",
        *(
            (
                "goals",
                "skill_components",
                "groups",
                "stages",
                "roles",
                "areas",
                "units",
                "skill_sets",
                "documents_dir",
            )
        ),
    }
    values: dict[str, Any] = {name: _text(data.get(name)) for name in FRAMEWORK_FIELDS}
    values["extra"] = {"digest": source.digest, **{k: v for k, v in data.items() if k not in skip}}
    changes = assign(fw, values)
    fw.save()
    for model, key in ((Goal, "goals"), (SkillComponent, "skill_components"), (Area, "areas")):
        for i, row in enumerate(data.get(key) or []):
            _upsert(model, fw, row, i, report)
    for i, row in enumerate(data.get("groups") or []):
        _upsert(PersonnelGroup, fw, row, i, report, keywords=row.get("keywords") or [])
    for i, row in enumerate(data.get("stages") or []):
        extra = {k: v for k, v in row.items() if k not in {"code", "order", *PART_FIELDS}}
        _upsert(Stage, fw, row, row.get("order", i), report, extra=extra)
    groups = {g.code: g for g in PersonnelGroup.objects.filter(framework=fw)}
    stages = {s.code: s for s in Stage.objects.filter(framework=fw)}
    for i, row in enumerate(data.get("roles") or []):
        _upsert(Role, fw, row, i, report, group=groups[row["group"]], stage=stages[row["stage"]])
    for i, row in enumerate(data.get("units") or []):
        _save_unit(fw, row, i, source.documents.get(row["code"]), report)
    for i, row in enumerate(data.get("skill_sets") or []):
        _save_skill_set(fw, row, i, report)
    search_index_rebuild(fw)
    audit_record(
        actor=actor,
        action="framework_create" if created else "framework_update",
        obj=fw,
        changes={
            **{k: v for k, v in changes.items() if k != "extra"},
            "created": [None, report.created],
            "updated": [None, report.updated],
        },
    )
    return report


def _kept_name(existing: Unit | None, document_name: str) -> str:
    """The unit's current name when the document's differs only by the English gloss in brackets."""
    if existing is not None and re.sub(r"\s*\([^()]*\)\s*$", "", existing.name_th) == document_name:
        return existing.name_th
    return document_name


def _area_for(fw: Framework, code: str) -> Area:
    """The area whose code is the longest prefix of a unit code (DTR100 → DTR)."""
    key = code_key(code)
    areas = sorted(Area.objects.filter(framework=fw), key=lambda a: -len(a.code))
    for area in areas:
        if key.startswith(code_key(area.code)):
            return area
    raise Refusal(
        _("No area of framework %(framework)s matches unit code %(code)s."), framework=fw.code, code=code
    )


@transaction.atomic
def units_import(*, actor: Actor, framework: Framework, documents: list[ParsedUnit]) -> LoadReport:
    """Store parsed unit documents in a framework; a unit already there is updated, its old revision kept."""
    report = LoadReport(framework=framework.code)
    rows = []
    for parsed in documents:  # validate all first: nothing is written if one cannot be placed
        code = parsed.framework_code or parsed.code
        if not code or not parsed.name_th:
            raise Refusal(_("%(source)s: the document has no unit code or name."), source=parsed.source)
        rows.append((parsed, code, _area_for(framework, code)))
    order = Unit.objects.filter(framework=framework).count()
    for parsed, code, area in rows:
        existing = Unit.objects.filter(framework=framework, code=code).first()
        row = {
            "code": code,
            "area": area.code,
            "name_th": _kept_name(existing, parsed.name_th or ""),
            "name_en": parsed.name_en,
            "aliases": existing.aliases if existing else [],
        }
        _save_unit(framework, row, existing.order if existing else order, parsed, report)
        order += 1
        report.warnings.extend(f"{parsed.source}: {w}" for w in parsed.warnings)
    search_index_rebuild(framework)
    audit_record(
        actor=actor,
        action="units_import",
        obj=framework,
        changes={
            "units": [None, [p.framework_code or p.code for p in documents]],
            "created": [None, report.created],
            "updated": [None, report.updated],
        },
    )
    return report


def _required(value: str, missing: Promise) -> str:
    """The normalised text, or the refusal `missing` when it is empty."""
    text = normalise_text(value)
    if not text:
        raise Refusal(missing)
    return text


def _save_edit(
    obj: Unit | Element | Criterion,
    values: dict[str, str],
    *,
    actor: Actor,
    action: str,
    framework: Framework,
) -> dict[str, list[Any]]:
    """Set `values` on a catalog row; when something changed, save it, audit it and rebuild search."""
    changes = assign(obj, values)
    if not changes:
        return changes
    fields = [*changes, "updated_at"] if isinstance(obj, Unit) else list(changes)
    obj.save(update_fields=fields)
    audit_record(actor=actor, action=action, obj=obj, changes=changes)
    search_index_rebuild(framework)
    return changes


@transaction.atomic
def unit_update(
    *, actor: Actor, unit: Unit, name_th: str, name_en: str = "", description_th: str = ""
) -> Unit:
    """Change a unit's Thai and English names and its description (one audit row; search follows)."""
    values = {
        "name_th": _required(name_th, _("The Thai name of the unit is required.")),
        "name_en": normalise_text(name_en),
        "description_th": normalise_text(description_th),
    }
    _save_edit(unit, values, actor=actor, action="unit_update", framework=unit.framework)
    return unit


@transaction.atomic
def element_update(*, actor: Actor, element: Element, name_th: str, name_en: str = "") -> Element:
    """Change the name of an element of a unit (one audit row; search follows)."""
    values = {
        "name_th": _required(name_th, _("The Thai name of the element is required.")),
        "name_en": normalise_text(name_en),
    }
    _save_edit(element, values, actor=actor, action="element_update", framework=element.unit.framework)
    return element


@transaction.atomic
def criterion_update(*, actor: Actor, criterion: Criterion, text_th: str) -> Criterion:
    """Change the text of a performance criterion (one audit row; search follows)."""
    values = {"text_th": _required(text_th, _("The text of the criterion is required."))}
    _save_edit(
        criterion, values, actor=actor, action="criterion_update", framework=criterion.element.unit.framework
    )
    return criterion
