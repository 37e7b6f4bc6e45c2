"""Thai national ID (เลขประจำตัวประชาชน) normalisation, validation and generation.

A Thai national ID has 13 digits.  The 13th is a check digit computed from the
first 12 with weights 13, 12, ..., 2 modulo 11.

What the check digit can and cannot catch (verified exhaustively in the tests):

* A change to the check digit itself is always caught.
* A change to the 3rd digit is *never* caught: its weight is 11, which is
  0 modulo 11, so it does not affect the check digit at all.
* A change to any other digit is caught unless it moves the weighted sum
  between residues 0 and 10 modulo 11, both of which map to check digit 1
  (because the final step is ``% 10``).

So a valid check digit does not prove that an ID was typed correctly.
"""

from __future__ import annotations

import random
import re

from digiskill.lib.text import strip_zero_width, thai_to_arabic_digits

__all__ = [
    "NATIONAL_ID_LENGTH",
    "generate_national_id",
    "is_valid_national_id",
    "national_id_check_digit",
    "normalise_national_id",
    "validate_national_id",
]

NATIONAL_ID_LENGTH = 13

# Whitespace of any kind plus the dash-like characters people and word
# processors use as separators ("1-2345-67890-12-1", "1 2345 67890 12 1").
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015\u2212]+")
# Long input is cut in messages so a pasted paragraph does not flood the page/log.
_MAX_QUOTED = 30


def normalise_national_id(s: str) -> str:
    """Strip spaces, dashes and zero-width characters; turn Thai digits into 0-9.

    The result is not validated; use :func:`validate_national_id` for that.
    """
    return _SEPARATORS.sub("", thai_to_arabic_digits(strip_zero_width(s)))


def national_id_check_digit(first12: str) -> int:
    """Compute the check digit for the first 12 digits of a Thai national ID."""
    if len(first12) != NATIONAL_ID_LENGTH - 1 or not _is_ascii_digits(first12):
        raise ValueError(
            f"ต้องเป็นตัวเลข 12 หลัก / Expected exactly 12 digits: {_quote(first12)}",
        )
    total = sum(int(digit) * (NATIONAL_ID_LENGTH - i) for i, digit in enumerate(first12))
    return (11 - total % 11) % 10


def validate_national_id(s: str, *, allow_leading_zero: bool = False) -> str:
    """Return the normalised 13-digit ID, or raise ValueError saying what is wrong.

    IDs starting with 0 are rejected unless ``allow_leading_zero`` is set: the
    Department of Provincial Administration issues them to people without Thai
    nationality or registration status (e.g. stateless persons surveyed under the
    Cabinet resolution of 18 Jan 2005), and they never appear on a Thai national
    ID card, which civil servants must hold.
    """
    value = normalise_national_id(s)
    problem = _find_problem(value, allow_leading_zero=allow_leading_zero)
    if problem is not None:
        thai, english = problem
        raise ValueError(
            f"เลขประจำตัวประชาชนไม่ถูกต้อง ({thai}) / Invalid national ID ({english}): {_quote(s)}",
        )
    return value


def is_valid_national_id(s: str, *, allow_leading_zero: bool = False) -> bool:
    """Tell whether s (after normalisation) is a valid Thai national ID.

    See :func:`validate_national_id` for why a leading 0 is rejected by default.
    """
    problem = _find_problem(normalise_national_id(s), allow_leading_zero=allow_leading_zero)
    return problem is None


def generate_national_id(rng: random.Random) -> str:
    """Generate a random valid national ID for demo or synthetic data.

    The first digit is 1-8 (the person-type digits in real use), so generated
    IDs look realistic; they are random and may coincide with a real person's ID,
    so never present them as real.
    """
    first12 = str(rng.randint(1, 8)) + "".join(str(rng.randint(0, 9)) for _ in range(11))
    return first12 + str(national_id_check_digit(first12))


def _find_problem(value: str, *, allow_leading_zero: bool) -> tuple[str, str] | None:
    """Describe (Thai, English) the first problem with a normalised ID, or None."""
    if not _is_ascii_digits(value) and value:
        return "มีอักขระที่ไม่ใช่ตัวเลข", "contains non-digit characters"
    if len(value) != NATIONAL_ID_LENGTH:
        return (
            f"ต้องมี 13 หลัก แต่มี {len(value)} หลัก",
            f"must have 13 digits, got {len(value)}",
        )
    if value[0] == "0" and not allow_leading_zero:
        return (
            "ขึ้นต้นด้วย 0 ซึ่งเป็นเลขของบุคคลที่ไม่มีสถานะทางทะเบียนหรือไม่มีสัญชาติไทย ไม่ใช่เลขบนบัตรประจำตัวประชาชน",
            "starts with 0, which is issued to people without Thai nationality or"
            " civil-registration status, never to Thai ID card holders",
        )
    if int(value[-1]) != national_id_check_digit(value[:-1]):
        return "เลขตรวจสอบไม่ตรง", "check digit mismatch"
    return None


def _is_ascii_digits(s: str) -> bool:
    """Tell whether s is non-empty and made only of the ASCII digits 0-9."""
    # str.isdigit() alone would also accept other scripts' digits and "²".
    return s.isascii() and s.isdigit()


def _quote(s: str) -> str:
    """Quote a user value for an error message, shortening very long input."""
    if len(s) > _MAX_QUOTED:
        s = s[:_MAX_QUOTED] + "…"
    return repr(s)
