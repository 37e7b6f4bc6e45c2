"""Imports point down the layers of `digiskill.layers`: no app imports one above it (or beside it).

Every module of every app is parsed (ast, no import runs); module-level and function-level imports
count alike, relative imports are resolved, type-only imports under `if TYPE_CHECKING:` do not.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from digiskill.layers import LAYERS, layer_of, may_import

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "digiskill"


@dataclass(frozen=True)
class Upward:
    """One import against the layers."""

    path: str
    line: int
    importer: str
    imported: str
    module: str

    def __str__(self) -> str:
        return (
            f"{self.path}:{self.line}: {self.importer} (layer {layer_of(self.importer)}) imports "
            f"{self.module} of {self.imported} (layer {layer_of(self.imported)})"
        )


def _is_type_checking(test: ast.expr) -> bool:
    """True for `if TYPE_CHECKING:` and `if typing.TYPE_CHECKING:`."""
    if isinstance(test, ast.Name):
        return test.id == "TYPE_CHECKING"
    return isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"


def _runtime_nodes(tree: ast.AST) -> Iterator[ast.AST]:
    """Every node of the tree except the bodies of `if TYPE_CHECKING:` blocks (their else runs)."""
    stack = [tree]
    while stack:
        node = stack.pop()
        yield node
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            stack.extend(node.orelse)
            continue
        stack.extend(ast.iter_child_nodes(node))


def _package_of(path: Path, package: Path) -> list[str]:
    """The dotted package a module's relative imports start from, as parts."""
    parts = ["digiskill", *path.relative_to(package).with_suffix("").parts]
    return parts if path.name == "__init__.py" else parts[:-1]


def imported_modules(path: Path, tree: ast.AST, package: Path) -> Iterator[tuple[int, str]]:
    """(line, absolute module name) of every import that runs, relative ones resolved."""
    for node in _runtime_nodes(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = _package_of(path, package)
                base = parts[: len(parts) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            yield node.lineno, module
            if module == "digiskill":  # `from digiskill import people`
                for alias in node.names:
                    yield node.lineno, f"digiskill.{alias.name}"


def app_of_module(module: str) -> str | None:
    """The app a `digiskill.<app>...` module belongs to; None outside the project's apps."""
    parts = module.split(".")
    if len(parts) < 2 or parts[0] != "digiskill":
        return None
    return parts[1] if layer_of(parts[1]) is not None else None


def upward_imports(package: Path = PACKAGE) -> list[Upward]:
    """Every import in the package's apps that points at an app in the same or a higher layer."""
    found: list[Upward] = []
    for path in sorted(package.rglob("*.py")):
        relative = path.relative_to(package)
        if len(relative.parts) < 2 or layer_of(relative.parts[0]) is None:
            continue  # settings, urls, cli: the project itself, above every app
        importer = relative.parts[0]
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for line, module in imported_modules(path, tree, package):
            imported = app_of_module(module)
            if imported is not None and not may_import(importer, imported):
                found.append(Upward(f"src/digiskill/{relative}", line, importer, imported, module))
    return sorted(found, key=lambda u: (u.path, u.line, u.module))


def test_no_app_imports_an_app_above_it() -> None:
    """The layers hold: each upward import is named with its file, line and the two apps."""
    upward = upward_imports()
    assert not upward, "Imports against the layers of digiskill/layers.py:\n" + "\n".join(map(str, upward))


def test_every_app_and_lib_has_a_layer() -> None:
    """A new app cannot escape the check by being missing from the list."""
    packages = {p.parent.name for p in PACKAGE.glob("*/__init__.py")} - {"templates", "static", "locale"}
    assert packages - {a for layer in LAYERS for a in layer} == set()


def test_each_app_is_in_one_layer() -> None:
    """No app is listed twice."""
    apps = [a for layer in LAYERS for a in layer]
    assert len(apps) == len(set(apps))


@pytest.fixture
def fake_package(tmp_path: Path) -> Path:
    """A tiny project: frameworks importing learning three ways, one of them type-only."""
    root = tmp_path / "digiskill"
    for app in ("frameworks", "learning", "lib"):
        (root / app).mkdir(parents=True)
        (root / app / "__init__.py").write_text("")
    (root / "frameworks" / "views.py").write_text(
        "from typing import TYPE_CHECKING\n"
        "from digiskill.lib import text\n"
        "if TYPE_CHECKING:\n"
        "    from digiskill.learning.models import LearningResource\n"
        "def page():\n"
        "    from digiskill.learning.selectors import resources_for_unit\n"
        "    import digiskill.learning.models\n"
        "    from ..learning import apps\n"
    )
    (root / "learning" / "views.py").write_text("from digiskill.frameworks.models import Unit\n")
    return root


def test_the_check_names_file_line_and_both_apps(fake_package: Path) -> None:
    """Function-level, plain and relative upward imports are caught; downward and type-only are not."""
    found = upward_imports(fake_package)
    assert [(u.path, u.line, u.importer, u.imported) for u in found] == [
        ("src/digiskill/frameworks/views.py", 6, "frameworks", "learning"),
        ("src/digiskill/frameworks/views.py", 7, "frameworks", "learning"),
        ("src/digiskill/frameworks/views.py", 8, "frameworks", "learning"),
    ]
    assert "frameworks/views.py:6: frameworks (layer 4) imports digiskill.learning.selectors" in str(found[0])
    assert "of learning (layer 7)" in str(found[0])


def test_apps_of_one_layer_do_not_import_each_other() -> None:
    """Same layer is not below: gaps and plans stay apart; a lower layer may be imported."""
    assert not may_import("gaps", "plans")
    assert not may_import("plans", "gaps")
    assert may_import("assessments", "learning")
    assert may_import("learning", "frameworks")
    assert not may_import("frameworks", "learning")
    assert may_import("people", "people")
