"""National ID edges that the mutation check (`make mutate`) found untested: whole messages, a
hand-worked check digit whose residue is not 0, the cut of long input, and what generation draws."""

from __future__ import annotations

import random

import pytest

from digiskill.lib.national_id import generate_national_id, national_id_check_digit, validate_national_id

PREFIX = "เลขประจำตัวประชาชนไม่ถูกต้อง"


def test_check_digit_when_the_residue_is_not_zero() -> None:
    # 1*13 + 1*12 + 0*11 + 1*10 + 7*9 + 0*8 + 0*7 + 2*6 + 3*5 + 0*4 + 7*3 + 0*2 = 146;
    # 146 % 11 = 3; (11 - 3) % 10 = 8.
    assert national_id_check_digit("110170023070") == 8
    assert validate_national_id("1-1017-00230-70-8") == "1101700230708"


@pytest.mark.parametrize(
    ("value", "thai", "english"),
    [
        ("12345678901x1", "มีอักขระที่ไม่ใช่ตัวเลข", "contains non-digit characters"),
        ("1101700230701", "เลขตรวจสอบไม่ตรง", "check digit mismatch"),
        (
            "0123456789012",
            "ขึ้นต้นด้วย 0 ซึ่งเป็นเลขของบุคคลที่ไม่มีสถานะทางทะเบียนหรือไม่มีสัญชาติไทย ไม่ใช่เลขบนบัตรประจำตัวประชาชน",
            "starts with 0, which is issued to people without Thai nationality or"
            " civil-registration status, never to Thai ID card holders",
        ),
    ],
)
def test_the_whole_message_in_both_languages(value: str, thai: str, english: str) -> None:
    with pytest.raises(ValueError) as info:
        validate_national_id(value)
    assert str(info.value) == f"{PREFIX} ({thai}) / Invalid national ID ({english}): {value!r}"


def test_input_of_exactly_30_characters_is_quoted_whole_and_longer_is_cut() -> None:
    with pytest.raises(ValueError) as info:
        validate_national_id("9" * 30)
    assert str(info.value).endswith(f": {'9' * 30!r}")
    with pytest.raises(ValueError) as info:
        validate_national_id("9" * 31)
    assert str(info.value).endswith(f": {'9' * 30 + '…'!r}")


def test_generated_ids_use_every_first_digit_from_1_to_8_and_every_other_digit() -> None:
    rng = random.Random(2569)
    ids = [generate_national_id(rng) for _ in range(400)]
    assert {i[0] for i in ids} == set("12345678")
    assert {d for i in ids for d in i[1:12]} == set("0123456789")
