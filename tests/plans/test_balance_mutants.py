"""Edges of the 70:20:10 balance that the mutation check (`make mutate`) found untested."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from digiskill.plans.balance import balance


def test_each_band_carries_its_name_target_and_hours() -> None:
    bands = balance({70: 7, 20: "2.5", 10: 0.5}).bands
    assert [(b.band, b.target, b.hours) for b in bands] == [
        (70, 70, Decimal(7)),
        (20, 20, Decimal("2.5")),
        (10, 10, Decimal("0.5")),
    ]
    assert [b.share for b in bands] == [Fraction(70), Fraction(25), Fraction(5)]


def test_a_plan_without_hours_has_zero_shares_and_is_not_judged() -> None:
    empty = balance({})
    assert empty.empty and not empty.far_off
    assert empty.total == Decimal(0)
    assert [(b.share, b.percent) for b in empty.bands] == [(0, 0), (0, 0), (0, 0)]


def test_refusals_say_what_is_wrong() -> None:
    with pytest.raises(ValueError, match=r"^hours cannot be negative$"):
        balance({70: 5, 20: "-0.5"})
    with pytest.raises(ValueError, match=r"^unknown bands: \[5, 50\]$"):
        balance({50: 1, 70: 1, 5: 1})
