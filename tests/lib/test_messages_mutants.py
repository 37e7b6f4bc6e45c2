"""Edges of bilingual rendering that the mutation check (`make mutate`) found untested."""

from __future__ import annotations

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from digiskill.lib.messages import Refusal, render, render_in

ROUND = _("Round %(round)s is not waiting for review.")  # translated in the assessments catalog
THAI = "แบบประเมินรอบที่ 3 ไม่ได้รอการพิจารณา"
ENGLISH = "Round 3 is not waiting for review."


def test_a_regional_variant_counts_as_its_language() -> None:
    with translation.override("en-gb"):
        assert render(ROUND, {"round": 3}) == f"{ENGLISH} / {THAI}"


def test_with_no_active_language_thai_comes_first() -> None:
    with translation.override(None):
        assert render(ROUND, {"round": 3}) == f"{THAI} / {ENGLISH}"


def test_render_in_gives_exactly_the_language_asked_for() -> None:
    with translation.override("en"):
        assert render_in("th", ROUND, {"round": 3}) == THAI
    with translation.override("th"):
        assert render_in("en", ROUND, {"round": 3}) == ENGLISH


def test_numbers_keep_their_number_formats() -> None:
    assert render_in("en", "%(count)d people, %(share).1f%%", {"count": 3, "share": 12.25}) == (
        "3 people, 12.2%"
    )


def test_a_message_without_parameters_is_not_formatted() -> None:
    # A literal percent sign is only special when there are parameters to fill in.
    assert render_in("en", "Shares must add up to 100%") == "Shares must add up to 100%"


def test_a_refusal_keeps_its_msgid_and_parameters() -> None:
    refusal = Refusal(ROUND, round=3)
    assert refusal.refusal is ROUND
    assert refusal.refusal_params == {"round": 3}
