"""The roster's fast text normalisation agrees with lib.text.normalise_text on any input."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from digiskill.lib.text import normalise_text
from digiskill.people.roster import clean_text

THAIISH = st.text(
    alphabet=st.sampled_from(
        list("กขคนมยรลวสหอะาำิีึืุูเแโใไ่้๊๋็์ํ๐๑๒๓๔๕๖๗๘๙ abcXYZ-.,/()\t\n\u00a0\u200b\u202f\u2007\u200d\ufeff")
    ),
    max_size=40,
)


@given(THAIISH)
@example("น้ำ")
@example("นํ้า")
@example("นำ้")
@example("  สมชาย   ใจดี ")
@example("e\u0301")
def test_clean_text_is_normalise_text(value: str) -> None:
    assert clean_text(value) == normalise_text(value)


@given(st.text(max_size=30))
def test_clean_text_on_any_unicode(value: str) -> None:
    assert clean_text(value) == normalise_text(value)
