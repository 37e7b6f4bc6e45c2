"""What apps above people show on a person's page, registered by them (people never imports them).

An app adds a source in its AppConfig.ready: a function of (actor, person) giving links (or plain
notes, without a url) for the "Self-assessment and development" section of the person's page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.utils.functional import Promise

from digiskill.accounts.access import Actor
from digiskill.people.models import Person


@dataclass(frozen=True)
class PersonLink:
    """One line of the person's page: a label, the page it leads to (or none), a short note."""

    label: str | Promise
    url: str = ""
    note: str | Promise = ""


PersonLinkSource = Callable[[Actor, Person], Iterable[PersonLink]]
_SOURCES: list[PersonLinkSource] = []


def register_person_links(source: PersonLinkSource) -> PersonLinkSource:
    """Add a source of links to every person's page (apps call this from AppConfig.ready)."""
    if source not in _SOURCES:
        _SOURCES.append(source)
    return source


def person_links(actor: Actor, person: Person) -> list[PersonLink]:
    """The links every registered app gives for this person, in registration order."""
    return [link for source in _SOURCES for link in source(actor, person)]
