"""Pure helpers of assessment rounds: matching items across announcements, comparing two rounds,
ordering the gaps. No database access, so they are tested with hypothesis."""

from __future__ import annotations

import enum
from collections.abc import Hashable, Sequence
from dataclasses import dataclass

from digiskill.lib.text import search_key

ItemKey = tuple[Hashable, ...]


def item_key(*, unit_id: int | None, component_id: int, text_th: str) -> ItemKey:
    """What makes two required items "the same" across announcements: the unit, else component and text."""
    if unit_id is not None:
        return ("unit", unit_id)
    return ("text", component_id, search_key(text_th))


class Change(enum.StrEnum):
    """How one item changed between two rounds."""

    CLOSED = "closed"  # a gap before, has it now
    NEW_GAP = "new_gap"  # had it before, a gap now
    STILL_GAP = "still_gap"
    KEPT = "kept"  # had it before and now
    ADDED = "added"  # required only in the later round
    DROPPED = "dropped"  # required only in the earlier round
    UNKNOWN = "unknown"  # not answered in one of the rounds


@dataclass(frozen=True)
class ItemState:
    """One item of one round, as the comparison sees it."""

    key: ItemKey
    label: str
    has: bool | None
    level: int | None = None


@dataclass(frozen=True)
class CompareRow:
    """One line of the comparison: the item before and after, and what changed."""

    key: ItemKey
    label: str
    before: ItemState | None
    after: ItemState | None
    change: Change

    @property
    def level_changed(self) -> bool:
        """True when both rounds give a proficiency and it differs."""
        return (
            self.before is not None
            and self.after is not None
            and self.before.level is not None
            and self.after.level is not None
            and self.before.level != self.after.level
        )


def classify(before: ItemState | None, after: ItemState | None) -> Change:
    """The change from one state of an item to the next."""
    if before is None:
        return Change.ADDED
    if after is None:
        return Change.DROPPED
    if before.has is None or after.has is None:
        return Change.UNKNOWN
    if before.has and after.has:
        return Change.KEPT
    if not before.has and not after.has:
        return Change.STILL_GAP
    return Change.CLOSED if after.has else Change.NEW_GAP


def compare_states(before: Sequence[ItemState], after: Sequence[ItemState]) -> list[CompareRow]:
    """Item by item from the earlier round to the later one: the later round's items in its order,
    then those that were dropped, in the earlier round's order. Each key appears once."""
    earlier = {s.key: s for s in before}
    later = {s.key: s for s in after}
    rows: list[CompareRow] = []
    for state in later.values():
        old = earlier.get(state.key)
        rows.append(CompareRow(state.key, state.label, old, state, classify(old, state)))
    for state in earlier.values():
        if state.key not in later:
            rows.append(CompareRow(state.key, state.label, state, None, Change.DROPPED))
    return rows


def gap_sort_key(priority: int | None, order: int, pk: int) -> tuple[bool, int, int, int]:
    """Gaps with an agreed priority first (1 before 2), then the rest; ties in the announcement's order."""
    return (priority is None, priority or 0, order, pk)
