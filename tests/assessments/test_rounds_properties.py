"""Properties of the pure helpers: comparing two rounds, ordering the gaps, checking evidence files."""

from __future__ import annotations

import io
import itertools

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from digiskill.assessments.rounds import Change, ItemState, classify, compare_states, gap_sort_key, item_key
from digiskill.lib.evidence import MAX_BYTES, SIGNATURES, check_evidence

keys = st.one_of(
    st.tuples(st.just("unit"), st.integers(1, 30)),
    st.tuples(st.just("text"), st.integers(1, 3), st.sampled_from(["ก", "ข", "ค", "ง"])),
)
states = st.builds(
    ItemState,
    key=keys,
    label=st.text(max_size=5),
    has=st.one_of(st.none(), st.booleans()),
    level=st.one_of(st.none(), st.integers(1, 5)),
)
rounds = st.lists(states, max_size=25, unique_by=lambda s: s.key)

OPPOSITE = {
    Change.CLOSED: Change.NEW_GAP,
    Change.NEW_GAP: Change.CLOSED,
    Change.ADDED: Change.DROPPED,
    Change.DROPPED: Change.ADDED,
    Change.STILL_GAP: Change.STILL_GAP,
    Change.KEPT: Change.KEPT,
    Change.UNKNOWN: Change.UNKNOWN,
}


@given(rounds, rounds)
def test_every_item_of_either_round_appears_once(before: list[ItemState], after: list[ItemState]) -> None:
    rows = compare_states(before, after)
    assert [r.key for r in rows][: len(after)] == [s.key for s in after]
    assert sorted(map(repr, (r.key for r in rows))) == sorted(
        map(repr, {s.key for s in before} | {s.key for s in after})
    )


@given(rounds, rounds)
def test_comparing_backwards_reverses_each_change(before: list[ItemState], after: list[ItemState]) -> None:
    forward = {r.key: r.change for r in compare_states(before, after)}
    backward = {r.key: r.change for r in compare_states(after, before)}
    assert {k: OPPOSITE[c] for k, c in forward.items()} == backward


@given(rounds, rounds)
def test_gaps_closed_and_new_account_for_the_gap_counts(
    before: list[ItemState], after: list[ItemState]
) -> None:
    rows = compare_states(before, after)
    both = [r for r in rows if r.before is not None and r.after is not None]
    known = [r for r in both if r.before.has is not None and r.after.has is not None]  # type: ignore[union-attr]
    gaps_before = sum(1 for r in known if r.before.has is False)  # type: ignore[union-attr]
    gaps_after = sum(1 for r in known if r.after.has is False)  # type: ignore[union-attr]
    closed = sum(1 for r in rows if r.change == Change.CLOSED)
    new = sum(1 for r in rows if r.change == Change.NEW_GAP)
    assert gaps_after == gaps_before - closed + new


@given(states)
def test_a_round_compared_with_itself_changes_nothing(state: ItemState) -> None:
    change = classify(state, state)
    assert change in (Change.KEPT, Change.STILL_GAP, Change.UNKNOWN)
    assert (change == Change.KEPT) == (state.has is True)


@given(st.lists(st.tuples(st.one_of(st.none(), st.integers(1, 99)), st.integers(0, 50)), max_size=30))
def test_gaps_are_ordered_by_priority_then_the_announcements_order(
    rows: list[tuple[int | None, int]],
) -> None:
    items = [(priority, order, pk) for pk, (priority, order) in enumerate(rows)]
    ordered = sorted(items, key=lambda i: gap_sort_key(*i))
    priorities = [p for p, _o, _pk in ordered]
    with_priority = [p for p in priorities if p is not None]
    assert with_priority == sorted(with_priority)
    assert priorities == with_priority + [None] * (len(priorities) - len(with_priority))  # unprioritised last
    for (p1, o1, k1), (p2, o2, k2) in itertools.pairwise(ordered):
        if p1 == p2:
            assert (o1, k1) < (o2, k2)


@given(st.text(alphabet="กขค abcABC", max_size=40), st.integers(1, 5))
def test_text_items_match_whatever_the_spacing_and_case(text: str, component: int) -> None:
    respaced = "  " + text.replace(" ", "   ").upper() + " "
    assert item_key(unit_id=None, component_id=component, text_th=text) == item_key(
        unit_id=None, component_id=component, text_th=respaced
    )
    assert item_key(unit_id=7, component_id=component, text_th=text) == ("unit", 7)


@given(st.text(max_size=30), st.binary(max_size=600))
def test_evidence_check_accepts_only_allowed_real_files(name: str, content: bytes) -> None:
    try:
        ext = check_evidence(name, len(content), io.BytesIO(content))
    except ValidationError as exc:
        assert " / " in exc.messages[0]  # Thai and English
        return
    assert ext in SIGNATURES
    signatures = SIGNATURES[ext]
    if signatures is not None:
        assert content.startswith(signatures)
    else:
        assert b"\x00" not in content


@pytest.mark.parametrize("ext", sorted(SIGNATURES))
def test_every_allowed_type_is_accepted_and_oversize_is_refused(ext: str) -> None:
    signatures = SIGNATURES[ext]
    content = (signatures[0] if signatures else "ข้อความ".encode()) + b"body"
    assert check_evidence(f"หลักฐาน{ext.upper()}", len(content), io.BytesIO(content)) == ext
    with pytest.raises(ValidationError, match="10 MB"):
        check_evidence(f"x{ext}", MAX_BYTES + 1, io.BytesIO(content))
