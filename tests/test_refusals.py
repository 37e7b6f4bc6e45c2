"""Every service refuses through `lib.messages` (translatable msgids), never with a hard-coded text.

Each `services.py` is parsed (ast, nothing is imported): a `raise` of ValidationError, PermissionDenied,
ValueError, or of a ValidationError subclass defined in that module (or Refusal) fails when its message
is a literal, an f-string, a %-formatted or `.format`ted text, or a string translated eagerly (`_()`
alone gives one language: the rule is a bilingual message). A refusal goes through
`Refusal(_("… %(name)s …"), name=…)`, a lazy `text(...)`, or a list of messages built that way;
bare re-raises and re-raising a caught exception are allowed.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext_lazy, gettext_noop

from digiskill.lib.messages import Refusal, in_both

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "digiskill"
SERVICES = sorted(PACKAGE.glob("*/services.py")) + sorted(PACKAGE.glob("*/*/services.py"))
CHECKED = {"ValidationError", "PermissionDenied", "ValueError", "Refusal"}
TRANSLATE = {"_", "gettext", "gettext_lazy", "gettext_noop", "ngettext", "pgettext"}


def _name(node: ast.expr) -> str:
    """The called name: `ValidationError` for `ValidationError(...)` and `exceptions.ValidationError(...)`."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


def _refusal_classes(tree: ast.Module) -> set[str]:
    """The checked exceptions plus the module's own subclasses of them (PlanConflict, RosterBusy)."""
    names = set(CHECKED)
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and any(_name(base) in names for base in node.bases):
            names.add(node.name)
    return names


def _hard_coded(message: ast.expr, *, refusal: bool) -> str:
    """Why the message argument is hard-coded ("" when it is fine)."""
    if isinstance(message, ast.Constant) and isinstance(message.value, str):
        return "a literal text"
    if isinstance(message, ast.JoinedStr):
        return "an f-string"
    if isinstance(message, ast.BinOp) and isinstance(message.op, ast.Mod | ast.Add):
        return "a formatted text"
    if isinstance(message, ast.Call):
        called = _name(message.func)
        if called == "format":
            return "a .format()ted text"
        if called in TRANSLATE and not refusal:
            return f"{called}() alone (one language; use Refusal or text)"
    if isinstance(message, ast.List | ast.Tuple):
        for element in message.elts:
            why = _hard_coded(element, refusal=refusal)
            if why:
                return why
    return ""


def hard_coded_refusals(path: Path) -> list[str]:
    """`file:line: why` for every raise with a hard-coded message in one module."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    classes = _refusal_classes(tree)
    shown = path.relative_to(PACKAGE.parent) if path.is_relative_to(PACKAGE) else path.name
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Raise) or not isinstance(node.exc, ast.Call):
            continue  # `raise`, `raise exc`, `raise PermissionDenied`
        called = _name(node.exc.func)
        if called not in classes or not node.exc.args:
            continue
        why = _hard_coded(node.exc.args[0], refusal=called == "Refusal")
        if why:
            found.append(f"{shown}:{node.lineno}: {called} with {why}")
    return found


def test_the_scan_covers_every_service_module() -> None:
    names = {str(p.relative_to(PACKAGE)) for p in SERVICES}
    assert {"plans/services.py", "people/services.py", "frameworks/interchange/services.py"} <= names


@pytest.mark.parametrize("path", SERVICES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_services_refuse_through_the_message_helper(path: Path) -> None:
    assert hard_coded_refusals(path) == []


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ('raise ValidationError("ชื่อ / name")', "literal text"),
        ('raise ValidationError(f"row {n}")', "f-string"),
        ('raise PermissionDenied("no %s" % who)', "formatted text"),
        ('raise ValueError("{}".format(x))', ".format()ted text"),
        ('raise ValidationError(_("Say why."))', "_() alone"),
        ('raise ValidationError([f"row {n}", text(_("x"))])', "f-string"),
        ('raise Refusal("Say why.")', "literal text"),
        ("class Busy(ValidationError):\n    pass\nraise Busy('x')", "literal text"),
    ],
)
def test_the_scan_catches_hard_coded_messages(tmp_path: Path, source: str, expected: str) -> None:
    path = tmp_path / "services.py"
    path.write_text(source, encoding="utf-8")
    found = hard_coded_refusals(path)
    assert len(found) == 1 and expected in found[0]


@pytest.mark.parametrize(
    "source",
    [
        "raise",
        "raise exc",
        "raise PermissionDenied",
        "raise PermissionDenied()",
        'raise Refusal(_("Round %(round)s is not waiting."), round=3)',
        'raise Refusal(gettext_noop("Say why."))',
        "raise Refusal(missing)",
        'raise Busy(text(_("Try again.")))',
        "raise ValidationError(problems)",
        "raise ValidationError(errors) from None",
        "raise TypeError(f'unknown fields: {names}')",
    ],
)
def test_the_scan_allows_the_helper_and_re_raises(tmp_path: Path, source: str) -> None:
    path = tmp_path / "services.py"
    path.write_text(source, encoding="utf-8")
    assert hard_coded_refusals(path) == []


MESSAGE = gettext_lazy("The plan is not waiting for approval.")


def test_a_refusal_shows_the_active_language_first() -> None:
    refusal = Refusal(MESSAGE)
    with translation.override("en"):
        assert refusal.messages == ["The plan is not waiting for approval. / แผนนี้ไม่ได้รออนุมัติ"]
    with translation.override("th"):
        assert refusal.messages == ["แผนนี้ไม่ได้รออนุมัติ / The plan is not waiting for approval."]
    assert isinstance(refusal, ValidationError)


def test_a_msgid_kept_as_a_constant_is_translated_when_shown() -> None:
    refusal = Refusal(gettext_noop("Hours must be a number: %(value)s."), value="x")
    with translation.override("en"):
        assert refusal.messages == ["Hours must be a number: x. / จำนวนชั่วโมงต้องเป็นตัวเลข: x"]


def test_text_stored_in_a_record_is_thai_then_english_whatever_the_language() -> None:
    message = gettext_lazy("... and %(count)s more")
    with translation.override("en"):
        assert in_both(message, count=3) == "... และอีก 3 รายการ / ... and 3 more"
