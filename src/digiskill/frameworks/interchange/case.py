"""CASE 1.1 packages (1EdTech Competencies and Academic Standards Exchange) of a framework.

A framework becomes one ``CFPackage``:

* ``CFDocument``: the framework. ``identifier`` is ``Framework.case_uuid``, ``title`` its Thai name,
  ``creator``/``publisher`` its Thai publisher, ``version`` its version, ``notes`` its source.
* ``CFItems``: every area, unit, element and criterion, with ``identifier`` = its ``case_uuid``,
  ``humanCodingScheme`` = its code, ``fullStatement`` = its Thai name (a criterion's Thai text),
  ``alternativeLabel`` = its English name, ``CFItemType`` one of ``ITEM_TYPES`` (defined in
  ``CFDefinitions.CFItemTypes``) and ``language`` "th". ``notes`` is for people only (a description,
  a unit's standard codes, a criterion's system code); it is never read back when the item has
  DigiSkill extensions.
* ``CFAssociations``: one ``isChildOf`` per item (criterion → element → unit → area → document),
  whose ``sequenceNumber`` is the item's place among its siblings (order + 1) and whose identifier
  is a uuid5 of its two ends, so the same framework always gives the same package.

What CASE has no field for travels in ``extensions.digiskill`` of the object:

* CFDocument: ``code``, ``name_en``, ``publisher_th``, ``publisher_en``, ``source``, ``status``,
  ``extra`` (the framework's further data, without the loader's file digest);
* area and unit: ``description_th``; unit also ``aliases`` (standard codes such as
  CEC-BCTZ-001), ``revision`` and ``details`` (the parsed sections of its unit document);
* criterion: ``system_code`` (the TPQI system code, e.g. 176468) and ``number`` (e.g. 1.1);
* any item without a Thai name: ``name_th: ""`` (``fullStatement`` must not be empty, so it then
  holds the English name or the code).

CASE carries the competency tree only (areas, units, elements, criteria). Goals, skill components,
personnel groups, stages, roles and skill sets are not CASE item types; the framework's YAML data
file (``frameworks/data/<code>/framework.yaml``) remains the full format. Loading that file after
importing a package fills them in, matching rows by code.

URIs are ``urn:uuid:<identifier>``: valid, stable across servers and round trips, and honest about
not being resolvable. Dates (``lastChangeDateTime``) come from the data, not the clock: a unit's is
its ``updated_at``, the document's the latest of the framework's and its units'; an import keeps
them, so export → import → export gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from digiskill.frameworks.models import Area, Criterion, Element, Framework, Unit
from digiskill.lib.text import normalise_code, normalise_text

CASE_VERSION = "1.1"
LANGUAGE = "th"
# Fixed namespace for the uuid5 identifiers that DigiSkill derives (associations, item types).
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:digiskill:case")
EXTENSION = "digiskill"

KINDS = ("area", "unit", "element", "criterion")
ITEM_TYPES = {
    "area": "Competency Area",
    "unit": "Unit of Competency",
    "element": "Element",
    "criterion": "Performance Criterion",
}
ITEM_TYPE_DESCRIPTIONS = {
    "area": "ด้าน / กลุ่มความสามารถ (competency area)",
    "unit": "หน่วยความสามารถ / หน่วยสมรรถนะ (unit of competency)",
    "element": "หน่วยสมรรถนะย่อย (element of competency, EOC)",
    "criterion": "เกณฑ์การปฏิบัติงาน (performance criterion, PC)",
}
PARENT = {"area": "document", "unit": "area", "element": "unit", "criterion": "element"}
CODE_MAX, NAME_MAX = 64, 500
MAX_PROBLEMS = 50


# ---------------------------------------------------------------------------------------------
# Export
# ---------------------------------------------------------------------------------------------


def _uri(identifier: uuid.UUID | str) -> str:
    """The URI of a CASE object: a URN of its identifier."""
    return f"urn:uuid:{identifier}"


def _stamp(moment: dt.datetime) -> str:
    """A CASE date-time: UTC, whole seconds, e.g. 2026-11-21T10:30:19+00:00."""
    return moment.astimezone(dt.UTC).replace(microsecond=0).isoformat()


def _type_identifier(kind: str) -> str:
    """The stable identifier of one of DigiSkill's CFItemTypes."""
    return str(uuid.uuid5(NAMESPACE, f"CFItemType:{ITEM_TYPES[kind]}"))


def _link(title: str, identifier: str) -> dict[str, str]:
    """A CASE LinkURI / LinkGenURI: title, identifier, uri."""
    return {"title": title, "identifier": identifier, "uri": _uri(identifier)}


def association_identifier(origin: str, destination: str) -> str:
    """The identifier of the isChildOf association between two objects (the same on every export)."""
    return str(uuid.uuid5(NAMESPACE, f"isChildOf:{origin}:{destination}"))


@dataclass
class _Writer:
    """Collects the items and associations of a package as it walks the tree."""

    items: list[dict[str, Any]] = field(default_factory=list)
    associations: list[dict[str, Any]] = field(default_factory=list)

    def add(
        self,
        kind: str,
        obj: Area | Unit | Element | Criterion,
        parent: dict[str, str],
        stamp: str,
        *,
        name_th: str,
        name_en: str = "",
        notes: str = "",
        ext: dict[str, Any] | None = None,
    ) -> dict[str, str]:
        """Add one item and its isChildOf association; return the link to the item."""
        identifier = str(obj.case_uuid)
        item: dict[str, Any] = {
            "identifier": identifier,
            "uri": _uri(identifier),
            "fullStatement": name_th or name_en or obj.code,
            "humanCodingScheme": obj.code,
            "CFItemType": ITEM_TYPES[kind],
            "CFItemTypeURI": _link(ITEM_TYPES[kind], _type_identifier(kind)),
            "language": LANGUAGE,
            "lastChangeDateTime": stamp,
        }
        if name_en:
            item["alternativeLabel"] = name_en
        if notes:
            item["notes"] = notes
        ext = {**({"name_th": ""} if not name_th else {}), **{k: v for k, v in (ext or {}).items() if v}}
        if ext:
            item["extensions"] = {EXTENSION: ext}
        self.items.append(item)
        link = _link(obj.code, identifier)
        self.associations.append(
            {
                "identifier": association_identifier(identifier, parent["identifier"]),
                "uri": _uri(association_identifier(identifier, parent["identifier"])),
                "associationType": "isChildOf",
                "sequenceNumber": obj.order + 1,
                "originNodeURI": link,
                "destinationNodeURI": parent,
                "lastChangeDateTime": stamp,
            }
        )
        return link


def _unit_notes(unit: Unit) -> str:
    """What people reading the package should see about a unit beyond its name."""
    lines = [unit.description_th] if unit.description_th else []
    if unit.aliases:
        lines.append(f"รหัสมาตรฐาน / standard codes: {', '.join(unit.aliases)}")
    return "\n".join(lines)


def _by_parent(rows: Iterable[Any], attname: str) -> dict[int, list[Any]]:
    """Rows grouped by a foreign-key id, keeping their order."""
    grouped: dict[int, list[Any]] = defaultdict(list)
    for row in rows:
        grouped[getattr(row, attname)].append(row)
    return grouped


def _item_types(stamp: str) -> list[dict[str, Any]]:
    """The CFItemTypes DigiSkill uses, with stable identifiers."""
    return [
        {
            "identifier": _type_identifier(kind),
            "uri": _uri(_type_identifier(kind)),
            "title": ITEM_TYPES[kind],
            "description": ITEM_TYPE_DESCRIPTIONS[kind],
            "hierarchyCode": str(depth),
            "typeCode": kind,
            "lastChangeDateTime": stamp,
        }
        for depth, kind in enumerate(KINDS, start=1)
    ]


def _document(fw: Framework, stamp: str) -> dict[str, Any]:
    """The CFDocument of a framework."""
    extra = {k: v for k, v in (fw.extra or {}).items() if k != "digest"}
    ext = {
        "code": fw.code,
        "name_th": fw.name_th,
        "name_en": fw.name_en,
        "publisher_th": fw.publisher_th,
        "publisher_en": fw.publisher_en,
        "source": fw.source,
        "status": fw.status,
        "extra": extra,
    }
    document: dict[str, Any] = {
        "identifier": str(fw.case_uuid),
        "uri": _uri(fw.case_uuid),
        "creator": fw.publisher_th or fw.publisher_en or fw.code,
        "title": fw.name_th or fw.name_en or fw.code,
        "lastChangeDateTime": stamp,
        "caseVersion": CASE_VERSION,
        "language": LANGUAGE,
    }
    optional = {"publisher": fw.publisher_th or fw.publisher_en, "version": fw.version, "notes": fw.source}
    document.update({k: v for k, v in optional.items() if v})
    document["extensions"] = {EXTENSION: ext}
    return document


def framework_case_package(fw: Framework) -> dict[str, Any]:
    """The CASE 1.1 CFPackage of a framework's competency tree (see the module docstring)."""
    units = list(Unit.objects.filter(framework=fw).order_by("order", "code"))
    changed = max([fw.updated_at, *(u.updated_at for u in units)])
    doc_stamp = _stamp(changed)
    document = _document(fw, doc_stamp)
    units_of = _by_parent(units, "area_id")
    elements_of = _by_parent(Element.objects.filter(unit__framework=fw).order_by("order", "code"), "unit_id")
    criteria_of = _by_parent(
        Criterion.objects.filter(element__unit__framework=fw).order_by("order", "code"), "element_id"
    )
    writer = _Writer()
    doc_link = _link(document["title"], document["identifier"])
    for area in Area.objects.filter(framework=fw).order_by("order", "code"):
        area_link = writer.add(
            "area",
            area,
            doc_link,
            doc_stamp,
            name_th=area.name_th,
            name_en=area.name_en,
            notes=area.description_th,
            ext={"description_th": area.description_th},
        )
        for unit in units_of.get(area.pk, []):
            stamp = _stamp(unit.updated_at)
            unit_link = writer.add(
                "unit",
                unit,
                area_link,
                stamp,
                name_th=unit.name_th,
                name_en=unit.name_en,
                notes=_unit_notes(unit),
                ext={
                    "description_th": unit.description_th,
                    "aliases": unit.aliases,
                    "revision": unit.revision,
                    "details": unit.details,
                },
            )
            for element in elements_of.get(unit.pk, []):
                element_link = writer.add(
                    "element", element, unit_link, stamp, name_th=element.name_th, name_en=element.name_en
                )
                for crit in criteria_of.get(element.pk, []):
                    notes = f"รหัสในระบบ / system code: {crit.system_code}" if crit.system_code else ""
                    writer.add(
                        "criterion",
                        crit,
                        element_link,
                        stamp,
                        name_th=crit.text_th,
                        notes=notes,
                        ext={"system_code": crit.system_code, "number": crit.number},
                    )
    return {
        "CFDocument": document,
        "CFItems": writer.items,
        "CFAssociations": writer.associations,
        "CFDefinitions": {"CFItemTypes": _item_types(doc_stamp)},
    }


def package_json(package: Mapping[str, Any]) -> str:
    """A package as JSON text: UTF-8 Thai as is, indented, keys in CASE order, ending in a newline."""
    return json.dumps(package, ensure_ascii=False, indent=2) + "\n"


# ---------------------------------------------------------------------------------------------
# Import: read and validate a whole package before anything is written
# ---------------------------------------------------------------------------------------------


class CaseImportError(ValueError):
    """A CASE package cannot be imported; `problems` lists every problem found (Thai / English)."""

    def __init__(self, problems: list[str]) -> None:
        """Keep the problems; the message is all of them, one per line."""
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass
class ItemRow:
    """One validated CFItem, in DigiSkill's terms."""

    kind: str
    identifier: uuid.UUID
    code: str
    name_th: str
    name_en: str
    changed: dt.datetime
    ext: dict[str, Any]
    notes: str
    parent: uuid.UUID | None = None
    order: int = 0

    @property
    def description(self) -> str:
        """The description: from the DigiSkill extension, else (foreign packages) the notes."""
        if self.ext or not self.notes:
            return normalise_text(str(self.ext.get("description_th") or ""))
        return normalise_text(self.notes)


@dataclass
class CasePackage:
    """A validated package: the framework's fields and its items, each with its parent and order."""

    identifier: uuid.UUID
    code: str
    changed: dt.datetime
    fields: dict[str, Any]
    items: dict[uuid.UUID, ItemRow]
    ignored_associations: int = 0

    def of_kind(self, kind: str) -> list[ItemRow]:
        """The items of one kind, ordered by parent then order then code."""
        rows = [r for r in self.items.values() if r.kind == kind]
        return sorted(rows, key=lambda r: (str(r.parent), r.order, r.code))


class _Problems:
    """Collects problems, each naming the place, the field and the value."""

    def __init__(self) -> None:
        self.items: list[str] = []
        self.left_out = 0

    def add(self, where: str, thai: str, english: str, value: object = None) -> None:
        """Record one problem (the first MAX_PROBLEMS are kept, the rest only counted)."""
        if len(self.items) >= MAX_PROBLEMS:
            self.left_out += 1
            return
        shown = "" if value is None else f": {_short(value)!r}"
        self.items.append(f"{where}: {thai} / {english}{shown}")

    def all(self) -> list[str]:
        """The problems kept, and how many more were found."""
        more = [f"... และอีก {self.left_out} ปัญหา / and {self.left_out} more"] if self.left_out else []
        return [*self.items, *more]

    def raise_if_any(self) -> None:
        """Raise CaseImportError when something was found."""
        if self.items:
            raise CaseImportError(self.all())


def _short(value: object) -> object:
    """A value cut short for an error message."""
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 80 else text[:77] + "..."


def _uuid(value: object) -> uuid.UUID | None:
    """A UUID from its text form, or None."""
    try:
        return uuid.UUID(str(value)) if isinstance(value, str) else None
    except ValueError:
        return None


def _datetime(value: object) -> dt.datetime | None:
    """A timezone-aware date-time from CASE text (a bare date-time counts as UTC), or None."""
    if not isinstance(value, str):
        return None
    try:
        moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def _text(obj: Mapping[str, Any], key: str) -> str:
    """A text field, normalised ("" when missing or not text)."""
    value = obj.get(key)
    return normalise_text(value) if isinstance(value, str) else ""


def _extension(obj: Mapping[str, Any], where: str, problems: _Problems) -> dict[str, Any]:
    """The DigiSkill extension of an object ({} when it has none)."""
    ext = obj.get("extensions")
    if ext is None:
        return {}
    value = ext.get(EXTENSION) if isinstance(ext, dict) else None
    if not isinstance(ext, dict) or (value is not None and not isinstance(value, dict)):
        problems.add(f"{where}.extensions", "ต้องเป็นออบเจกต์", "must be an object", ext)
        return {}
    return dict(value or {})


def _required(obj: Mapping[str, Any], where: str, keys: Iterable[str], problems: _Problems) -> bool:
    """Check that each key holds non-empty text; report the missing ones."""
    ok = True
    for key in keys:
        value = obj.get(key)
        if not isinstance(value, str) or not value.strip():
            problems.add(f"{where}.{key}", "ต้องมีค่า (ข้อความ)", "required (text)", value)
            ok = False
    return ok


def _read_document(
    doc: object, problems: _Problems
) -> tuple[uuid.UUID, str, dt.datetime, dict[str, Any]] | None:
    """Validate the CFDocument; return (identifier, code, lastChangeDateTime, framework fields)."""
    if not isinstance(doc, dict):
        problems.add("CFDocument", "ไม่พบหรือไม่ใช่ออบเจกต์", "missing or not an object", doc)
        return None
    ok = _required(
        doc, "CFDocument", ("identifier", "uri", "creator", "title", "lastChangeDateTime"), problems
    )
    identifier = _uuid(doc.get("identifier"))
    changed = _datetime(doc.get("lastChangeDateTime"))
    if ok and identifier is None:
        problems.add("CFDocument.identifier", "ไม่ใช่ UUID", "not a UUID", doc.get("identifier"))
    if ok and changed is None:
        problems.add(
            "CFDocument.lastChangeDateTime",
            "ไม่ใช่วันเวลา ISO 8601",
            "not an ISO 8601 date-time",
            doc.get("lastChangeDateTime"),
        )
    ext = _extension(doc, "CFDocument", problems)
    if identifier is None or changed is None:
        return None
    code = normalise_code(str(ext.get("code") or f"CASE-{str(identifier)[:8]}"))
    if len(code) > CODE_MAX:
        problems.add(
            "CFDocument.extensions.digiskill.code",
            f"ยาวเกิน {CODE_MAX} อักขระ",
            f"longer than {CODE_MAX} characters",
            code,
        )
    return identifier, code, changed, _framework_fields(doc, ext)


def _framework_fields(doc: Mapping[str, Any], ext: Mapping[str, Any]) -> dict[str, Any]:
    """The framework's fields: exactly those of the DigiSkill extension, else from CASE's own fields."""
    if ext:  # written by DigiSkill: every field is there, empty ones too
        texts = {
            k: normalise_text(str(ext.get(k) or ""))
            for k in ("name_th", "name_en", "publisher_th", "publisher_en", "source", "status")
        }
    else:
        texts = {
            "name_th": _text(doc, "title"),
            "name_en": "",
            "publisher_th": _text(doc, "publisher") or _text(doc, "creator"),
            "publisher_en": "",
            "source": _text(doc, "notes"),
            "status": "",
        }
    extra = ext.get("extra")
    return {
        **texts,
        "name_th": texts["name_th"] or _text(doc, "title"),
        "version": _text(doc, "version"),
        "extra": dict(extra) if isinstance(extra, dict) else {},
    }


def _kind_of(item: Mapping[str, Any]) -> str | None:
    """The DigiSkill kind of a CFItem from its CFItemType (any case), or None."""
    label = item.get("CFItemType")
    if not isinstance(label, str):
        return None
    wanted = " ".join(label.split()).casefold()
    return next((kind for kind, title in ITEM_TYPES.items() if title.casefold() == wanted), None)


def _read_item(i: int, item: object, problems: _Problems) -> ItemRow | None:
    """Validate one CFItem and turn it into an ItemRow (None when it is wrong)."""
    where = f"CFItems[{i}]"
    if not isinstance(item, dict):
        problems.add(where, "ไม่ใช่ออบเจกต์", "not an object", item)
        return None
    where = f"{where} ({item.get('identifier')}, {item.get('humanCodingScheme')})"
    ok = _required(
        item,
        where,
        ("identifier", "uri", "fullStatement", "lastChangeDateTime", "humanCodingScheme"),
        problems,
    )
    identifier, changed, kind = (
        _uuid(item.get("identifier")),
        _datetime(item.get("lastChangeDateTime")),
        _kind_of(item),
    )
    if ok and identifier is None:
        problems.add(f"{where}.identifier", "ไม่ใช่ UUID", "not a UUID", item.get("identifier"))
    if ok and changed is None:
        problems.add(
            f"{where}.lastChangeDateTime",
            "ไม่ใช่วันเวลา ISO 8601",
            "not an ISO 8601 date-time",
            item.get("lastChangeDateTime"),
        )
    if kind is None:
        problems.add(
            f"{where}.CFItemType",
            "ไม่รู้จักประเภท (ใช้ได้: " + ", ".join(ITEM_TYPES.values()) + ")",
            "unknown item type",
            item.get("CFItemType"),
        )
    ext = _extension(item, where, problems)
    if not ok or identifier is None or changed is None or kind is None:
        return None
    code = normalise_code(item["humanCodingScheme"])
    name_th = normalise_text(str(ext["name_th"])) if "name_th" in ext else _text(item, "fullStatement")
    row = ItemRow(
        kind=kind,
        identifier=identifier,
        code=code,
        name_th=name_th,
        name_en=_text(item, "alternativeLabel"),
        changed=changed,
        ext=ext,
        notes=_text(item, "notes"),
    )
    _check_lengths(row, where, problems)
    _check_extension(row, where, problems)
    return row


EXTENSION_TYPES: dict[str, type | tuple[type, ...]] = {
    "name_th": str,
    "description_th": str,
    "aliases": list,
    "revision": str,
    "details": dict,
    "system_code": str,
    "number": str,
}

EXTENSION_LIMITS = {"revision": 32, "system_code": 32, "number": 16}


def _check_extension(row: ItemRow, where: str, problems: _Problems) -> None:
    """The DigiSkill extension's fields have the types the catalog stores."""
    for key, wanted in EXTENSION_TYPES.items():
        if key in row.ext and not isinstance(row.ext[key], wanted):
            problems.add(f"{where}.extensions.digiskill.{key}", "ชนิดข้อมูลไม่ถูกต้อง", "wrong type", row.ext[key])
    aliases = row.ext.get("aliases")
    if isinstance(aliases, list) and not all(isinstance(a, str) for a in aliases):
        problems.add(
            f"{where}.extensions.digiskill.aliases", "ต้องเป็นรายการข้อความ", "must be a list of text", aliases
        )
    for key, limit in EXTENSION_LIMITS.items():
        value = row.ext.get(key)
        if isinstance(value, str) and len(value) > limit:
            problems.add(
                f"{where}.extensions.digiskill.{key}",
                f"ยาวเกิน {limit} อักขระ",
                f"longer than {limit} characters",
                value,
            )


def _check_lengths(row: ItemRow, where: str, problems: _Problems) -> None:
    """Codes and names must fit their columns."""
    if len(row.code) > CODE_MAX:
        problems.add(
            f"{where}.humanCodingScheme",
            f"ยาวเกิน {CODE_MAX} อักขระ",
            f"longer than {CODE_MAX} characters",
            row.code,
        )
    if row.kind != "criterion":
        for key, value in (("fullStatement", row.name_th), ("alternativeLabel", row.name_en)):
            if len(value) > NAME_MAX:
                problems.add(
                    f"{where}.{key}", f"ยาวเกิน {NAME_MAX} อักขระ", f"longer than {NAME_MAX} characters", value
                )


def _read_items(raw: object, problems: _Problems) -> dict[uuid.UUID, ItemRow]:
    """Validate every CFItem; identifiers must be unique."""
    if raw is None:
        return {}
    if not isinstance(raw, list):
        problems.add("CFItems", "ต้องเป็นรายการ", "must be a list", raw)
        return {}
    items: dict[uuid.UUID, ItemRow] = {}
    for i, item in enumerate(raw):
        row = _read_item(i, item, problems)
        if row is None:
            continue
        if row.identifier in items:
            problems.add(
                f"CFItems[{i}].identifier", "ซ้ำกับรายการก่อนหน้า", "duplicate identifier", str(row.identifier)
            )
        items[row.identifier] = row
    return items


def _node(assoc: Mapping[str, Any], key: str, where: str, problems: _Problems) -> uuid.UUID | None:
    """The identifier at one end of an association."""
    node = assoc.get(key)
    value = node.get("identifier") if isinstance(node, dict) else None
    found = _uuid(value)
    if found is None:
        problems.add(f"{where}.{key}.identifier", "ไม่พบหรือไม่ใช่ UUID", "missing or not a UUID", value)
    return found


def _link_parent(
    where: str,
    assoc: Mapping[str, Any],
    pkg: CasePackage,
    positions: dict[uuid.UUID, int],
    problems: _Problems,
) -> None:
    """Attach one isChildOf association: its origin item gets its parent and order."""
    origin = _node(assoc, "originNodeURI", where, problems)
    dest = _node(assoc, "destinationNodeURI", where, problems)
    if origin is None or dest is None:
        return
    child = pkg.items.get(origin)
    if child is None:
        problems.add(
            f"{where}.originNodeURI.identifier", "ไม่พบใน CFItems", "not found among CFItems", str(origin)
        )
        return
    parent_kind = (
        "document" if dest == pkg.identifier else pkg.items[dest].kind if dest in pkg.items else None
    )
    if parent_kind is None:
        problems.add(
            f"{where}.destinationNodeURI.identifier",
            "ไม่พบใน CFItems หรือ CFDocument",
            "not found among CFItems or the CFDocument",
            str(dest),
        )
    elif parent_kind != PARENT[child.kind]:
        problems.add(
            f"{where}",
            f"{ITEM_TYPES[child.kind]} {child.code} ต้องเป็นลูกของ {PARENT[child.kind]}",
            f"a {child.kind} must be a child of a {PARENT[child.kind]}, not of a {parent_kind}",
            str(dest),
        )
    elif child.parent is not None:
        problems.add(
            f"{where}", f"{child.code} มีรายการแม่มากกว่าหนึ่ง", "the item has more than one parent", str(origin)
        )
    else:
        child.parent = dest
        sequence = assoc.get("sequenceNumber")
        if sequence is not None and (
            not isinstance(sequence, int) or isinstance(sequence, bool) or sequence < 1
        ):
            problems.add(
                f"{where}.sequenceNumber", "ต้องเป็นจำนวนเต็มตั้งแต่ 1", "must be a whole number from 1", sequence
            )
        child.order = sequence - 1 if isinstance(sequence, int) and sequence >= 1 else positions[origin]


def _read_associations(raw: object, pkg: CasePackage, problems: _Problems) -> None:
    """Give every item its parent from the isChildOf associations; other types are counted, not used."""
    if raw is None:
        raw = []
    if not isinstance(raw, list):
        problems.add("CFAssociations", "ต้องเป็นรายการ", "must be a list", raw)
        return
    positions = {ident: i for i, ident in enumerate(pkg.items)}
    for i, assoc in enumerate(raw):
        where = f"CFAssociations[{i}]"
        if not isinstance(assoc, dict):
            problems.add(where, "ไม่ใช่ออบเจกต์", "not an object", assoc)
            continue
        where = f"{where} ({assoc.get('identifier')})"
        if assoc.get("associationType") != "isChildOf":
            pkg.ignored_associations += 1
            continue
        if _required(assoc, where, ("identifier", "uri", "lastChangeDateTime"), problems):
            _link_parent(where, assoc, pkg, positions, problems)
    for row in pkg.items.values():
        if row.parent is None:
            problems.add(
                f"CFItems ({row.identifier}, {row.code})",
                "ไม่มีความสัมพันธ์ isChildOf ไปยังรายการแม่",
                f"no isChildOf association to its parent ({PARENT[row.kind]})",
            )


def _check_codes(pkg: CasePackage, problems: _Problems) -> None:
    """Codes are unique as the catalog needs: areas, units in the framework; others in their parent."""
    seen: dict[tuple[str, Any, str], uuid.UUID] = {}
    for row in pkg.items.values():
        scope = None if row.kind in ("area", "unit") else row.parent
        key = (row.kind, scope, row.code)
        if key in seen:
            problems.add(
                f"CFItems ({row.identifier}).humanCodingScheme",
                f"รหัส{ITEM_TYPES[row.kind]}ซ้ำ",
                f"duplicate {row.kind} code",
                row.code,
            )
        seen[key] = row.identifier


def read_case_package(package: object) -> CasePackage:
    """Validate a whole CFPackage (parsed JSON) and return it in DigiSkill's terms.

    Raises CaseImportError listing every problem found, each naming the object, the field and
    the value, Thai then English.
    """
    problems = _Problems()
    if not isinstance(package, dict):
        raise CaseImportError([f"CFPackage: ไม่ใช่ออบเจกต์ JSON / not a JSON object: {_short(package)!r}"])
    document = _read_document(package.get("CFDocument"), problems)
    items = _read_items(package.get("CFItems"), problems)
    if document is None:  # its problems are recorded
        raise CaseImportError(problems.all())
    identifier, code, changed, fields = document
    pkg = CasePackage(identifier=identifier, code=code, changed=changed, fields=fields, items=items)
    _read_associations(package.get("CFAssociations"), pkg, problems)
    _check_codes(pkg, problems)
    problems.raise_if_any()
    return pkg


def parse_case_json(data: bytes | str, *, source: str = "CFPackage") -> Any:
    """Parse the JSON text of a package; CaseImportError names the file, line and column."""
    try:
        text = data.decode("utf-8-sig") if isinstance(data, bytes) else data
        return json.loads(text)
    except UnicodeDecodeError as exc:
        raise CaseImportError([f"{source}: ไม่ใช่ข้อความ UTF-8 / not UTF-8 text: {exc.reason}"]) from None
    except json.JSONDecodeError as exc:
        raise CaseImportError(
            [
                f"{source}: บรรทัด {exc.lineno} คอลัมน์ {exc.colno}: ไม่ใช่ JSON ที่ถูกต้อง / "
                f"line {exc.lineno} column {exc.colno}: not valid JSON ({exc.msg})"
            ]
        ) from None
