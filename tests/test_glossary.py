"""One word for each thing: no Thai catalog, template or document uses a variant of a glossary term."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.utils import translation

from digiskill.core.glossary import BAND_NAMES, E_LEARNING, GLOSSARY, NO_DIVISION, band_label

SRC = Path(__file__).resolve().parents[1] / "src" / "digiskill"
DESIGN = Path(__file__).resolve().parents[1] / "docs" / "DESIGN.md"
CATALOGS = sorted(SRC.glob("**/locale/th/LC_MESSAGES/django.po"))
ASSESSOR = "ผู้ประเมิน"


def _messages() -> list[tuple[Path, str, str]]:
    """(catalog, msgid, msgstr) of every translated message, plural forms included."""
    found = []
    for path in CATALOGS:
        with path.open("rb") as handle:
            catalog = read_po(handle)
        for message in catalog:
            if not message.id:
                continue
            ids = message.id if isinstance(message.id, tuple) else (message.id,)
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            for text in strings:
                found.append((path, " / ".join(ids), text or ""))
    return found


def test_the_catalogs_are_found() -> None:
    assert len(CATALOGS) >= 9


@pytest.mark.parametrize("term", GLOSSARY, ids=lambda term: term.english)
def test_no_catalog_uses_a_forbidden_variant(term) -> None:
    bad = [
        f"{path.relative_to(SRC)}: {msgid!r} -> {text!r} uses {variant!r} (say {term.thai!r})"
        for path, msgid, text in _messages()
        for variant in term.forbidden
        if variant in text
    ]
    assert not bad, "\n".join(bad)


@pytest.mark.parametrize("term", GLOSSARY, ids=lambda term: term.english)
def test_no_template_hard_codes_a_forbidden_variant(term) -> None:
    bad = [
        f"{path.relative_to(SRC)} uses {variant!r}"
        for path in SRC.glob("**/templates/**/*.html")
        for variant in term.forbidden
        if variant in path.read_text(encoding="utf-8")
    ]
    assert not bad, "\n".join(bad)


def test_the_assessor_word_names_only_the_assessor() -> None:
    """ผู้ประเมิน is the assessor; the staff member (also when assessing themselves) is ผู้รับการประเมิน."""
    bad = [
        f"{path.relative_to(SRC)}: {msgid!r} -> {text!r}"
        for path, msgid, text in _messages()
        if re.search(f"{ASSESSOR}(?!ตนเอง)", text) and "assessor" not in msgid.lower()
    ]
    assert not bad, "\n".join(bad)


def test_the_forbidden_check_catches_a_variant() -> None:
    """The check above is not vacuous: the issue's own example is a forbidden variant."""
    variants = {variant for term in GLOSSARY for variant in term.forbidden}
    assert {"ไม่ระบุสังกัด", "เรียนรู้อย่างเป็นทางการ", "อีเลิร์นนิง", "คำตอบของผู้ประเมิน"} <= variants
    canonical = [term.thai for term in GLOSSARY]
    assert len(canonical) == len(set(canonical))
    assert not any(variant in term.thai for term in GLOSSARY for variant in term.forbidden)


def test_the_glossary_labels_are_translated_to_the_canonical_terms() -> None:
    with translation.override("th"):
        assert str(NO_DIVISION) == "ไม่ระบุกอง"
        assert str(E_LEARNING) == "การเรียนรู้ออนไลน์"
        assert str(band_label(10)) == "10 — เรียนรู้จากการฝึกอบรม"
        assert str(band_label(70, ": ")) == "70: เรียนรู้จากการปฏิบัติงาน"
        assert str(BAND_NAMES[20]) == "เรียนรู้จากผู้อื่น"
    with translation.override("en"):
        assert str(band_label(10)) == "10 — formal learning"


def test_pages_and_documents_take_their_labels_from_the_glossary() -> None:
    from digiskill.learning.models import ResourceKind
    from digiskill.plans.models import ActivityKind, Band
    from digiskill.reports.plan_form import KIND_LABELS
    from digiskill.reports.selectors import BAND_LABELS

    with translation.override("th"):
        assert str(Band(10).label) == "10 — เรียนรู้จากการฝึกอบรม"
        assert str(BAND_LABELS[10]) == "10: เรียนรู้จากการฝึกอบรม"
        labels = (ActivityKind.E_LEARNING.label, ResourceKind.E_LEARNING.label, KIND_LABELS["e_learning"])
        assert [str(label) for label in labels] == ["การเรียนรู้ออนไลน์"] * 3


def test_design_doc_shows_the_glossary() -> None:
    text = DESIGN.read_text(encoding="utf-8")
    missing = [term.thai for term in GLOSSARY if term.thai not in text]
    assert not missing


# The glossary itself, and the spellings people may type in an import file (accepted, never shown).
INPUT_SPELLINGS = {"learning/parsing.py", "core/glossary.py"}


@pytest.mark.parametrize("term", GLOSSARY, ids=lambda term: term.english)
def test_no_python_literal_uses_a_forbidden_variant(term) -> None:
    bad = [
        f"{path.relative_to(SRC)} uses {variant!r}"
        for path in SRC.glob("**/*.py")
        if str(path.relative_to(SRC)) not in INPUT_SPELLINGS and "migrations" not in path.parts
        for variant in term.forbidden
        if variant in path.read_text(encoding="utf-8")
    ]
    assert not bad, "\n".join(bad)


# --- audit actions: every code a service writes has a label people read -------------------------


def _string_constants(tree: ast.Module) -> dict[str, str]:
    """Module-level NAME = "text" assignments."""
    found = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant):
            for target in node.targets:
                if isinstance(target, ast.Name) and isinstance(node.value.value, str):
                    found[target.id] = node.value.value
    return found


def _action_parameters(trees: list[ast.Module]) -> dict[str, int]:
    """Functions taking an `action` argument, with its position (audit helpers such as plans' `_audit`)."""
    found = {}
    for tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                names = [a.arg for a in node.args.posonlyargs + node.args.args]
                if "action" in names:
                    found[node.name] = names.index("action")
    return found


def _action_values(node: ast.expr, constants: dict[str, str]) -> list[str]:
    """The codes an expression can give: both sides of `a if x else b`, each as a pattern."""
    if isinstance(node, ast.IfExp):
        return _action_values(node.body, constants) + _action_values(node.orelse, constants)
    value = _action_value(node, constants)
    return [] if value is None else [value]


def _action_value(node: ast.expr, constants: dict[str, str]) -> str | None:
    """A literal action code, an f-string as a pattern, a module constant; None for a variable."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return re.escape(node.value)
    if isinstance(node, ast.JoinedStr):
        return "".join(
            re.escape(part.value) if isinstance(part, ast.Constant) else "[a-z_]+" for part in node.values
        )
    if isinstance(node, ast.Name) and node.id in constants:
        return re.escape(constants[node.id])
    return None


def _audit_action_patterns() -> set[str]:
    """Every audit action code written anywhere in src/ (as a regular expression)."""
    paths = [p for p in SRC.glob("**/*.py") if "migrations" not in p.parts]
    trees = {p: ast.parse(p.read_text(encoding="utf-8")) for p in paths}
    helpers = _action_parameters(list(trees.values()))
    patterns = set()
    for tree in trees.values():
        constants = _string_constants(tree)
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name in {"add_argument", "filter", "exclude", "get"}:
                continue
            values = [k.value for k in node.keywords if k.arg == "action"]
            if name in helpers and len(node.args) > helpers[name]:
                values.append(node.args[helpers[name]])
            for value in values:
                patterns.update(_action_values(value, constants))
    return patterns


def test_every_audit_action_has_a_label() -> None:
    from digiskill.accounts.audit import ACTION_LABELS

    patterns = _audit_action_patterns()
    assert {"plan_submit", "assessment_submit", "login"} <= {p.replace("\\", "") for p in patterns}
    missing = sorted(p for p in patterns if not any(re.fullmatch(p, code) for code in ACTION_LABELS))
    assert not missing, f"audit actions without a label in ACTION_LABELS: {missing}"
