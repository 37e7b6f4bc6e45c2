"""The learning resources shown at the foot of a unit's page in the skills catalog."""

from __future__ import annotations

from digiskill.accounts.access import Actor
from digiskill.frameworks.models import Unit
from digiskill.frameworks.unit_sections import UnitSection
from digiskill.learning.selectors import resources_for_unit

SHOWN = 10
"""How many resources the unit page lists (the catalog has the rest)."""


def learning_section(actor: Actor, unit: Unit) -> UnitSection:
    """The active resources the actor's department sees for the unit, its own first."""
    resources = resources_for_unit(actor.agency, unit, limit=SHOWN)
    return UnitSection("learning", "learning/unit_section.html", {"resources": resources})
