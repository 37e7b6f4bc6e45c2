"""Boundaries of the six-group rule that the mutation check (`make mutate`) found untested."""

from __future__ import annotations

import pytest

from digiskill.people.classification import WorkloadError, format_workload, parse_workload, propose_group

GROUPS = ["E", "M", "A", "S", "T", "O"]


def test_an_error_reads_thai_then_english() -> None:
    error = WorkloadError("กลุ่ม A ซ้ำ", "group A appears twice")
    assert str(error) == "กลุ่ม A ซ้ำ / group A appears twice"


def test_without_known_codes_any_code_is_taken_as_written() -> None:
    assert parse_workload("A:30, s:70") == {"A": 30, "s": 70}


def test_a_share_above_100_is_refused_as_such_in_both_languages() -> None:
    with pytest.raises(WorkloadError) as caught:
        parse_workload("A:101", GROUPS)
    assert caught.value.english == "the share of group A is more than 100"
    assert caught.value.thai == "สัดส่วนของกลุ่ม A เกิน 100"


def test_a_share_of_exactly_100_is_accepted() -> None:
    assert parse_workload("S:100", GROUPS) == {"S": 100}


def test_format_follows_the_given_order_then_the_rest() -> None:
    assert format_workload({"S": 70, "X": 0, "A": 30}, order=GROUPS) == "A:30, S:70, X:0"


def test_groups_with_a_zero_share_are_no_work() -> None:
    # Only zero shares is the same as no workload: the career path decides, never a zero group.
    assert propose_group({"A": 0, "S": 0}, "T") == "T"
    assert propose_group({"A": 0, "S": 0}) is None


def test_a_share_of_one_percent_is_work() -> None:
    assert propose_group({"A": 1}, "T") == "A"
