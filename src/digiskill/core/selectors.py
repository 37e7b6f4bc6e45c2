"""What each role's home page shows: real figures and the next step, never a blank page."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from digiskill.accounts.access import Actor


@dataclass
class Panel:
    """One block of the home page."""

    key: str
    title: str | Promise
    template: str
    context: dict[str, Any] = field(default_factory=dict)


PanelBuilder = Callable[[Actor], Panel | None]
PANEL_BUILDERS: list[PanelBuilder] = []


def panel(builder: PanelBuilder, *, after: PanelBuilder | None = None) -> PanelBuilder:
    """Register a home-page panel builder (once); apps add theirs in AppConfig.ready.

    `after` places it right after a builder already registered (else it goes last).
    """
    if builder in PANEL_BUILDERS:
        return builder
    if after is not None and after in PANEL_BUILDERS:
        PANEL_BUILDERS.insert(PANEL_BUILDERS.index(after) + 1, builder)
    else:
        PANEL_BUILDERS.append(builder)
    return builder


def home_panels(actor: Actor) -> list[Panel]:
    """The panels this actor's roles call for, in registration order."""
    return [p for p in (build(actor) for build in PANEL_BUILDERS) if p is not None]


@panel
def me_panel(actor: Actor) -> Panel | None:
    """The actor's own record, or the news that they are in no department yet."""
    if actor.agency is None:
        return Panel("no_agency", _("You are not in a department yet"), "core/panels/no_agency.html")
    return Panel("me", _("My record"), "core/panels/me.html", {"person": actor.person})
