"""Reading framework data files (YAML) and validating every reference before anything is written."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from digiskill.frameworks.parsing import ParsedUnit, UnitParseError, parse_unit_file

DATA_DIR = Path(__file__).resolve().parent / "data"
LISTS = ("goals", "skill_components", "groups", "stages", "roles", "areas", "units", "skill_sets")


class FrameworkDataError(ValueError):
    """A framework data file is wrong; the message names the file, the place and the value."""


@dataclass
class FrameworkData:
    """A validated framework file, with its unit documents parsed."""

    path: Path
    data: dict[str, Any]
    documents: dict[str, ParsedUnit] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    digest: str = ""

    @property
    def code(self) -> str:
        return str(self.data["code"])


def _fail(path: Path, where: str, message_th: str, message_en: str, value: object) -> FrameworkDataError:
    return FrameworkDataError(f"{path.name}: {where}: {message_th} / {message_en}: {value!r}")


def _check_unique(path: Path, data: dict[str, Any], name: str) -> set[str]:
    """Every row of list `name` has a code, and no code repeats."""
    seen: set[str] = set()
    for i, row in enumerate(data.get(name) or []):
        code = row.get("code") if isinstance(row, dict) else None
        if not code:
            raise _fail(path, f"{name}[{i}]", "ไม่มีรหัส", "missing code", row)
        if code in seen:
            raise _fail(path, f"{name}[{i}].code", "รหัสซ้ำ", "duplicate code", code)
        seen.add(code)
    return seen


def _check_refs(path: Path, data: dict[str, Any], codes: dict[str, set[str]]) -> None:
    """Roles, units and skill items point only at rows that exist."""
    checks = [("roles", "group", "groups"), ("roles", "stage", "stages"), ("units", "area", "areas")]
    for list_name, key, target in checks:
        for i, row in enumerate(data.get(list_name) or []):
            if row.get(key) not in codes[target]:
                raise _fail(
                    path, f"{list_name}[{i}].{key}", "อ้างถึงรายการที่ไม่มี", "unknown reference", row.get(key)
                )
    for i, skill_set in enumerate(data.get("skill_sets") or []):
        if skill_set.get("role") and skill_set["role"] not in codes["roles"]:
            raise _fail(path, f"skill_sets[{i}].role", "ไม่พบบทบาท", "unknown role", skill_set["role"])
        for j, item in enumerate(skill_set.get("items") or []):
            where = f"skill_sets[{i}].items[{j}]"
            if item.get("component") not in codes["skill_components"]:
                raise _fail(
                    path, f"{where}.component", "ไม่พบองค์ประกอบ", "unknown component", item.get("component")
                )
            if item.get("unit") and item["unit"] not in codes["units"]:
                raise _fail(path, f"{where}.unit", "ไม่พบหน่วยความสามารถ", "unknown unit", item["unit"])
            if not item.get("unit") and not item.get("text_th"):
                raise _fail(path, where, "ไม่มีหน่วยหรือข้อความ", "neither unit nor text", item)


_STATUS_UNKNOWN = "cannot tell whether the unit is new or revised"


def _apply_document_status(path: Path, i: int, unit: dict[str, Any], parsed: ParsedUnit) -> None:
    """Answer the document's "new or revised?" warning with the framework file's `document_status`.

    A document copied as text loses its check boxes; the curator records the status in the framework
    file instead (with a CHANGELOG entry), so that one warning is answered and every other one stays.
    The parsed unit itself is left as the document reads, so importing the same document again
    (`import-units`) still changes nothing.
    """
    status = unit.get("document_status")
    if status is None:
        return
    if status not in ("new", "revised"):
        raise _fail(
            path, f"units[{i}].document_status", "ต้องเป็น new หรือ revised", "must be new or revised", status
        )
    if parsed.status is None:
        parsed.warnings = [w for w in parsed.warnings if _STATUS_UNKNOWN not in w]


def read_framework(path: Path, *, strict: bool = False) -> FrameworkData:
    """Read and validate a framework file and parse the unit documents it names."""
    try:
        raw = path.read_bytes()
        data = yaml.safe_load(raw)
    except (OSError, yaml.YAMLError) as exc:
        raise FrameworkDataError(f"{path}: อ่านไฟล์ไม่ได้ / cannot read: {exc}") from None
    if not isinstance(data, dict) or not data.get("code") or not data.get("name_th"):
        raise _fail(path, "code/name_th", "ไม่มีรหัสหรือชื่อกรอบ", "missing framework code or name", None)
    codes = {name: _check_unique(path, data, name) for name in LISTS}
    _check_refs(path, data, codes)
    result = FrameworkData(path=path, data=data)
    digest = hashlib.sha256(raw)
    docs_dir = path.parent / str(data.get("documents_dir") or "units")
    for i, unit in enumerate(data.get("units") or []):
        if not unit.get("document"):
            continue
        doc_path = docs_dir / unit["document"]
        try:
            parsed = parse_unit_file(doc_path)
        except (UnitParseError, OSError) as exc:
            raise _fail(
                path, f"units[{i}].document", "อ่านเอกสารหน่วยไม่ได้", "cannot parse unit document", str(exc)
            ) from None
        _apply_document_status(path, i, unit, parsed)
        if strict and parsed.warnings:
            raise _fail(
                path,
                f"units[{i}].document",
                "เอกสารหน่วยมีคำเตือน",
                "the unit document has warnings",
                parsed.warnings,
            )
        digest.update(doc_path.read_bytes())
        result.documents[unit["code"]] = parsed
        result.warnings.extend(f"{doc_path.name}: {w}" for w in parsed.warnings)
    result.digest = digest.hexdigest()
    return result


def bundled_framework_files() -> list[Path]:
    """The framework files shipped with DigiSkill that `make run` loads (official ones only)."""
    found = []
    for path in sorted(DATA_DIR.glob("*/framework.yaml")):
        status = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("status")
        if status != "illustrative":
            found.append(path)
    return found
