"""What the agency pages show of the department's people, as the people app registers it.

The agencies app sits below the people app in the layers and does not import it; the set-up
page, the executive summary and their home panels ask here, and the people app fills this in
when it is ready (the same pattern as the home-page panels and the navigation).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ImproperlyConfigured

if TYPE_CHECKING:
    from digiskill.agencies.models import Agency
    from digiskill.frameworks.models import PersonnelGroup


@dataclass(frozen=True)
class PeopleFacts:
    """The two questions the agency pages ask of the people app."""

    classification_progress: Callable[[Agency, list[PersonnelGroup]], Any]
    """Counts by group and classification progress of the department's active people."""
    last_roster_import: Callable[[Agency], Any]
    """The department's last roster import that wrote people, or None."""


_registered: list[PeopleFacts] = []


def register_people_facts(facts: PeopleFacts) -> None:
    """Tell the agency pages how to read the people app; called once, in its AppConfig.ready."""
    _registered[:] = [facts]


def people_facts() -> PeopleFacts:
    """The registered facts; a missing people app is a configuration error, not an empty page."""
    if not _registered:
        raise ImproperlyConfigured("The people app has not registered its facts for the agency pages.")
    return _registered[0]
