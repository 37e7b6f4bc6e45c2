"""The 70:20:10 balance of a plan's activities, by hours: a pure helper with no database access.

A plan is *far off* the model when any band's share of the hours is more than 15 percentage
points from its target (70, 20 or 10). A plan with no hours yet is not judged.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

TARGETS: dict[int, int] = {70: 70, 20: 20, 10: 10}
"""Each band (keyed by its name, 70, 20 or 10) and its target share in percent."""

FAR_OFF_POINTS = 15
"""How many percentage points a band may stray from its target before the plan is far off."""


@dataclass(frozen=True)
class BandShare:
    """One band: its hours, share of all hours in percent, and the gap to its target."""

    band: int
    target: int
    hours: Decimal
    share: Fraction

    @property
    def percent(self) -> int:
        """The share in whole percent, for display."""
        return round(self.share)

    @property
    def off_by(self) -> Fraction:
        """Percentage points above (positive) or below (negative) the target."""
        return self.share - self.target

    @property
    def far_off(self) -> bool:
        """True when this band is more than FAR_OFF_POINTS from its target."""
        return abs(self.off_by) > FAR_OFF_POINTS


@dataclass(frozen=True)
class Balance:
    """The three bands of a plan and whether the plan is far off 70:20:10."""

    bands: tuple[BandShare, ...]
    total: Decimal

    @property
    def far_off(self) -> bool:
        """True when the plan has hours and any band is more than 15 points from its target."""
        return self.total > 0 and any(b.far_off for b in self.bands)

    @property
    def empty(self) -> bool:
        """True when no hours are planned yet."""
        return self.total == 0


def balance(hours_by_band: Mapping[int, Decimal | int | float | str]) -> Balance:
    """The shares of 70, 20 and 10 from hours keyed by band; bands not given count as zero hours.

    Negative hours are refused (ValueError); unknown bands too.
    """
    unknown = set(hours_by_band) - set(TARGETS)
    if unknown:
        raise ValueError(f"unknown bands: {sorted(unknown)}")
    hours = {band: Decimal(str(hours_by_band.get(band, 0))) for band in TARGETS}
    if any(h < 0 for h in hours.values()):
        raise ValueError("hours cannot be negative")
    total = sum(hours.values(), Decimal(0))
    bands = tuple(
        BandShare(
            band=band,
            target=target,
            hours=hours[band],
            share=Fraction(100) * Fraction(hours[band]) / Fraction(total) if total else Fraction(0),
        )
        for band, target in TARGETS.items()
    )
    return Balance(bands=bands, total=total)


def sum_by_band(rows: Iterable[tuple[int, Decimal | int | float]]) -> dict[int, Decimal]:
    """Add up (band, hours) pairs into hours per band."""
    result: dict[int, Decimal] = {}
    for band, hours in rows:
        result[band] = result.get(band, Decimal(0)) + Decimal(str(hours))
    return result
