"""The six-group rule: largest workload share; a tie goes to the career-path group."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from digiskill.people.classification import (
    WorkloadError,
    format_workload,
    parse_workload,
    propose_group,
    spans_several_groups,
)

GROUPS = ["E", "M", "A", "S", "T", "O"]


@st.composite
def workloads(draw: st.DrawFn) -> dict[str, int]:
    """Shares of some of the six groups adding up to 100."""
    codes = draw(st.lists(st.sampled_from(GROUPS), min_size=1, max_size=6, unique=True))
    cuts = sorted(draw(st.lists(st.integers(0, 100), min_size=len(codes) - 1, max_size=len(codes) - 1)))
    bounds = [0, *cuts, 100]
    return {code: bounds[i + 1] - bounds[i] for i, code in enumerate(codes)}


def test_the_guides_examples() -> None:
    assert propose_group({"A": 30, "S": 70}) == "S"
    assert propose_group({"A": 50, "S": 50}, "A") == "A"


def test_a_tie_outside_the_career_path_is_left_to_the_supervisor() -> None:
    assert propose_group({"A": 50, "S": 50}, "T") is None
    assert propose_group({"A": 50, "S": 50}) is None


def test_no_workload_falls_back_to_the_career_path() -> None:
    assert propose_group({}, "T") == "T"
    assert propose_group({}) is None


@given(workloads(), st.one_of(st.none(), st.sampled_from(GROUPS)))
def test_the_proposal_always_has_the_largest_share(shares: dict[str, int], career: str | None) -> None:
    proposed = propose_group(shares, career)
    top = max(shares.values())
    leaders = {c for c, s in shares.items() if s == top and s > 0}
    if len(leaders) == 1:
        assert proposed == next(iter(leaders))
    elif career in leaders:
        assert proposed == career
    else:
        assert proposed is None


@given(workloads(), st.one_of(st.none(), st.sampled_from(GROUPS)), st.randoms())
def test_the_order_of_the_shares_does_not_matter(shares, career, rnd) -> None:
    items = list(shares.items())
    rnd.shuffle(items)
    assert propose_group(dict(items), career) == propose_group(shares, career)


@given(workloads())
def test_workload_text_round_trips(shares: dict[str, int]) -> None:
    assert parse_workload(format_workload(shares), GROUPS) == shares


@given(workloads())
def test_spanning_means_two_groups_with_work(shares: dict[str, int]) -> None:
    assert spans_several_groups(shares) == (sum(1 for s in shares.values() if s) > 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A:30, S:70", {"A": 30, "S": 70}),
        ("a=30; s=70%", {"A": 30, "S": 70}),
        ("T:๑๐๐", {"T": 100}),
        ("", {}),
    ],
)
def test_workload_spellings(text: str, expected: dict[str, int]) -> None:
    assert parse_workload(text, GROUPS) == expected


@pytest.mark.parametrize(
    ("text", "english"),
    [
        ("A:30, S:60", "add up to 90"),
        ("A:30, X:70", "unknown group code 'X'"),
        ("A 30, S 70", "cannot read"),
        ("A:30.5, S:69.5", "whole number"),
        ("A:50, A:50", "appears twice"),
    ],
)
def test_bad_workloads_say_why_in_both_languages(text: str, english: str) -> None:
    with pytest.raises(WorkloadError) as caught:
        parse_workload(text, GROUPS)
    assert english in caught.value.english
    assert caught.value.thai
