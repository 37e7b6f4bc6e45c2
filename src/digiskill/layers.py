"""The layers of the project, lowest first: an app imports only apps in layers below its own.

This list is the one place the allowed directions are written (`tests/test_layers.py` checks
every module's imports against it; docs/DESIGN.md points here). Apps in the same layer do not
import each other either. It refines the map of DESIGN.md (`core, inbox` and `assessments,
learning` share a step there) where the code has one app of the pair built on the other.

What a lower app must show of a higher one (a home panel, a menu entry, a section of a unit's
page, the actor's person record) the higher one registers in its AppConfig.ready.

Type-only imports (under `if TYPE_CHECKING:`) are allowed in any direction: a lower app's model
may point at a higher one's by name (a membership belongs to a department), and its annotations
may say so, without the lower app running any of the higher one's code.
"""

from __future__ import annotations

LAYERS: tuple[tuple[str, ...], ...] = (
    ("lib",),
    ("accounts",),
    ("core",),
    ("inbox",),  # registers its menu entry with core's navigation
    ("frameworks",),
    ("agencies",),
    ("people",),
    ("learning",),
    ("assessments",),  # suggests learning resources for the gaps a review agrees
    ("gaps", "plans"),
    ("orgplans", "certification"),
    ("reports", "api", "demo"),
)


def layer_of(app: str) -> int | None:
    """The index of the app's layer (0 is the lowest), or None for a name that is not an app."""
    for index, apps in enumerate(LAYERS):
        if app in apps:
            return index
    return None


def may_import(importer: str, imported: str) -> bool:
    """True when `importer` may import `imported`: itself, or an app in a lower layer."""
    if importer == imported:
        return True
    low, high = layer_of(imported), layer_of(importer)
    return low is not None and high is not None and low < high
