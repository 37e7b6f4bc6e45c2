"""Sections that apps above the catalog add to a unit's page (e.g. its learning resources).

The frameworks app sits low in the layers and does not import the apps built on it; an app that
has something to show about a unit registers a section builder here in its AppConfig.ready, the
same pattern as the home-page panels of `core.selectors`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from digiskill.accounts.access import Actor
    from digiskill.frameworks.models import Unit


@dataclass
class UnitSection:
    """One block at the foot of a unit's page: a template and what it shows."""

    key: str
    template: str
    context: dict[str, Any] = field(default_factory=dict)


UnitSectionBuilder = Callable[["Actor", "Unit"], UnitSection | None]
SECTION_BUILDERS: list[UnitSectionBuilder] = []


def register_unit_section(builder: UnitSectionBuilder) -> UnitSectionBuilder:
    """Add a section builder (once); apps call this in AppConfig.ready."""
    if builder not in SECTION_BUILDERS:
        SECTION_BUILDERS.append(builder)
    return builder


def unit_sections(actor: Actor, unit: Unit) -> list[UnitSection]:
    """The sections the registered apps show on this unit's page for this actor, in order."""
    return [s for s in (build(actor, unit) for build in SECTION_BUILDERS) if s is not None]
