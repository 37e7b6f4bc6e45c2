"""Refusals: one English msgid, shown in the active language first and then the other."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from digiskill.lib.messages import Refusal, render_in, text

ROUND = _("Round %(round)s is not waiting for review.")  # translated in the assessments catalog


def test_refusal_is_a_validation_error_shown_in_both_languages_active_first() -> None:
    refusal = Refusal(ROUND, round=3)
    assert isinstance(refusal, ValidationError)
    with translation.override("th"):
        assert refusal.messages == ["แบบประเมินรอบที่ 3 ไม่ได้รอการพิจารณา / Round 3 is not waiting for review."]
    with translation.override("en"):
        assert refusal.messages == ["Round 3 is not waiting for review. / แบบประเมินรอบที่ 3 ไม่ได้รอการพิจารณา"]


def test_rendered_when_shown_not_when_raised() -> None:
    with translation.override("en"):
        shown = text(ROUND, round=2)
    with translation.override("th"):
        assert str(shown).startswith("แบบประเมินรอบที่ 2")


def test_untranslated_message_is_shown_once_and_lazy_parameters_are_translated() -> None:
    with translation.override("th"):
        assert str(text("No Thai for %(what)s", what=_("Self-assessment"))) == (
            "No Thai for การประเมินตนเอง / No Thai for Self-assessment"
        )
        assert str(text("Plain")) == "Plain"


def test_refusal_for_one_field() -> None:
    refusal = Refusal(ROUND, field="round", round=1)
    assert list(refusal.message_dict) == ["round"]
    assert render_in("en", ROUND, {"round": 1}) == "Round 1 is not waiting for review."
