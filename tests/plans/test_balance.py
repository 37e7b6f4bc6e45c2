"""The 70:20:10 balance helper: shares by hours, and "far off" = any band more than 15 points away."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from digiskill.plans.balance import FAR_OFF_POINTS, TARGETS, balance, sum_by_band

hours = st.decimals(min_value=0, max_value=1000, places=1, allow_nan=False, allow_infinity=False)
by_band = st.fixed_dictionaries({70: hours, 20: hours, 10: hours})


@given(by_band)
def test_shares_add_up_to_100_when_there_are_hours(h: dict[int, Decimal]) -> None:
    result = balance(h)
    assert result.total == sum(h.values())
    if result.total > 0:
        assert sum(b.share for b in result.bands) == 100
    else:
        assert result.empty and not result.far_off


@given(by_band)
def test_far_off_means_some_band_strays_more_than_15_points(h: dict[int, Decimal]) -> None:
    result = balance(h)
    total = sum(h.values())
    expected = total > 0 and any(
        abs(Decimal(100) * h[band] - target * total) > FAR_OFF_POINTS * total
        for band, target in TARGETS.items()
    )
    assert result.far_off == expected


@given(by_band, st.integers(min_value=1, max_value=50))
def test_scaling_all_hours_changes_nothing(h: dict[int, Decimal], factor: int) -> None:
    scaled = {band: value * factor for band, value in h.items()}
    assert balance(scaled).far_off == balance(h).far_off
    assert [b.share for b in balance(scaled).bands] == [b.share for b in balance(h).bands]


@given(st.integers(min_value=1, max_value=500))
def test_exactly_70_20_10_is_never_far_off(unit: int) -> None:
    assert not balance({70: 7 * unit, 20: 2 * unit, 10: unit}).far_off


@given(st.sampled_from([70, 20, 10]), hours.filter(lambda x: x > 0))
def test_a_single_band_is_always_far_off(band: int, value: Decimal) -> None:
    assert balance({band: value}).far_off


def test_the_boundary_is_15_points_exactly() -> None:
    assert not balance({70: 55, 20: 35, 10: 10}).far_off  # 15 points off: still fine
    assert balance({70: 54, 20: 36, 10: 10}).far_off  # 16 points off
    assert not balance({70: 60, 20: 15, 10: 25}).far_off  # formal learning exactly 15 over
    assert balance({70: 60, 20: 14, 10: 26}).far_off  # formal learning 16 over
    assert [b.percent for b in balance({70: 60, 20: 15, 10: 25}).bands] == [60, 15, 25]


def test_bad_input_is_refused() -> None:
    with pytest.raises(ValueError):
        balance({70: -1})
    with pytest.raises(ValueError):
        balance({50: 1})


def test_sum_by_band_adds_rows() -> None:
    assert sum_by_band([(70, 1), (70, Decimal("2.5")), (10, 3)]) == {70: Decimal("3.5"), 10: Decimal(3)}
