"""Tests for digiskill.lib.national_id."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from digiskill.lib.national_id import (
    generate_national_id,
    is_valid_national_id,
    national_id_check_digit,
    normalise_national_id,
    validate_national_id,
)
from digiskill.lib.text import arabic_to_thai_digits

# A synthetic ID built by hand: 1-2345-67890-12-? .  Weighted sum of the first
# 12 digits (weights 13..2) is 1*13+2*12+3*11+4*10+5*9+6*8+7*7+8*6+9*5+0*4+1*3+2*2
# = 352; 352 % 11 = 0; (11 - 0) % 10 = 1.
KNOWN = "1234567890121"

seeds = st.integers(min_value=0, max_value=2**32 - 1)


def _valid_id(seed: int) -> str:
    """Return a generated valid ID for a hypothesis seed."""
    return generate_national_id(random.Random(seed))


def _weighted_residue(first12: str) -> int:
    """Return the weighted digit sum of the first 12 digits modulo 11."""
    return sum(int(d) * (13 - i) for i, d in enumerate(first12)) % 11


def test_check_digit_of_hand_worked_example() -> None:
    assert national_id_check_digit(KNOWN[:12]) == 1
    assert validate_national_id(KNOWN) == KNOWN


def test_check_digit_rejects_bad_input() -> None:
    with pytest.raises(ValueError, match="12 digits"):
        national_id_check_digit("123")


def test_normalise_strips_separators_zero_width_and_thai_digits() -> None:
    assert normalise_national_id(" 1-2345-67890-12-1 ") == KNOWN
    assert normalise_national_id("1 2345 67890 12 1") == KNOWN
    assert normalise_national_id("1\u200b2345\u201367890\u00a012\u22121") == KNOWN
    assert normalise_national_id(arabic_to_thai_digits(KNOWN)) == KNOWN


@pytest.mark.parametrize(
    ("value", "thai", "english"),
    [
        ("12345", "ต้องมี 13 หลัก แต่มี 5 หลัก", "must have 13 digits, got 5"),
        ("", "ต้องมี 13 หลัก แต่มี 0 หลัก", "must have 13 digits, got 0"),
        ("12345678901x1", "ไม่ใช่ตัวเลข", "non-digit"),
        ("1234567890122", "เลขตรวจสอบไม่ตรง", "check digit mismatch"),
        ("0123456789012", "ขึ้นต้นด้วย 0", "starts with 0"),
    ],
)
def test_validate_explains_the_problem_bilingually(value: str, thai: str, english: str) -> None:
    with pytest.raises(ValueError, match="Invalid national ID") as info:
        validate_national_id(value)
    message = str(info.value)
    assert message.startswith("เลขประจำตัวประชาชนไม่ถูกต้อง")
    assert thai in message.split(" / ")[0]
    assert english in message
    assert repr(value) in message


def test_thai_message_comes_before_english() -> None:
    with pytest.raises(ValueError) as info:
        validate_national_id("1234567890122")
    message = str(info.value)
    assert message.index("เลขตรวจสอบ") < message.index("check digit")


def test_non_ascii_digits_are_not_accepted_as_digits() -> None:
    # "١" is ARABIC-INDIC DIGIT ONE; str.isdigit() alone would let it through.
    assert not is_valid_national_id("١" + KNOWN[1:])


def test_long_values_are_shortened_in_messages() -> None:
    with pytest.raises(ValueError) as info:
        validate_national_id("9" * 200)
    assert "…" in str(info.value)
    assert "9" * 200 not in str(info.value)


def test_leading_zero_can_be_allowed_explicitly() -> None:
    first12 = "012345678901"
    candidate = first12 + str(national_id_check_digit(first12))
    assert not is_valid_national_id(candidate)
    assert is_valid_national_id(candidate, allow_leading_zero=True)
    assert validate_national_id(candidate, allow_leading_zero=True) == candidate


@given(seeds)
def test_generated_ids_are_valid_and_realistic(seed: int) -> None:
    national_id = _valid_id(seed)
    assert len(national_id) == 13
    assert national_id[0] in "12345678"
    assert is_valid_national_id(national_id)
    assert validate_national_id(national_id) == national_id


@given(seeds, st.sampled_from(["{0}-{1}-{2}-{3}-{4}", "{0} {1} {2} {3} {4}", " {0}{1} {2}{3}-{4} "]))
def test_formatting_variants_normalise_to_the_same_id(seed: int, layout: str) -> None:
    national_id = _valid_id(seed)
    parts = (national_id[0], national_id[1:5], national_id[5:10], national_id[10:12], national_id[12])
    formatted = layout.format(*parts)
    assert normalise_national_id(formatted) == national_id
    assert validate_national_id(arabic_to_thai_digits(formatted)) == national_id


@given(seeds, st.integers(min_value=0, max_value=12), st.integers(min_value=1, max_value=9))
def test_single_digit_substitution_detection_matches_the_algorithm(
    seed: int, position: int, shift: int
) -> None:
    """Check which single-digit errors the check digit does and does not catch.

    The check digit does NOT catch every substitution: the 3rd digit has weight
    11 (= 0 mod 11), and sums with residues 0 and 10 share check digit 1.
    """
    national_id = _valid_id(seed)
    new_digit = (int(national_id[position]) + shift) % 10
    if position == 0 and new_digit == 0:
        return  # a leading 0 is rejected for a different reason; covered above
    mutated = national_id[:position] + str(new_digit) + national_id[position + 1 :]
    if position == 12:
        assert not is_valid_national_id(mutated)  # the check digit itself: always caught
    elif position == 2:
        assert is_valid_national_id(mutated)  # weight 11: never caught
    else:
        residues = {_weighted_residue(national_id[:12]), _weighted_residue(mutated[:12])}
        assert is_valid_national_id(mutated) == (residues == {0, 10})


def test_exhaustive_single_substitutions_on_sample_ids() -> None:
    """Count undetected substitutions exactly, so the documented limits stay true."""
    rng = random.Random(2569)
    for _ in range(200):
        national_id = generate_national_id(rng)
        undetected_positions = set()
        for position in range(1, 13):
            for digit in "0123456789":
                if digit == national_id[position]:
                    continue
                mutated = national_id[:position] + digit + national_id[position + 1 :]
                if is_valid_national_id(mutated):
                    undetected_positions.add(position)
        assert 2 in undetected_positions  # always: weight 11
        assert 12 not in undetected_positions  # never: the check digit
