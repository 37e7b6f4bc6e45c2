"""Translatable messages for refusals and errors: one msgid, shown in both languages.

A service refuses with `raise Refusal(_("Round %(round)s is not waiting for review."), round=3)`.
The message is an English msgid with named parameters; each app's Thai catalog translates it.
It is rendered when shown, not when raised, so the page, the API and the command line each show
it in the language active there: that language first, then the other (the project's rule that
bad input gets a bilingual error), e.g. "แบบประเมินรอบที่ 3 ไม่ได้รอการพิจารณา / Round 3 is not
waiting for review." A message without a Thai translation is shown once. A msgid kept as a
constant (marked with `gettext_noop`) is translated when rendered, like a lazy one.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.functional import Promise, lazy
from django.utils.translation import get_language, gettext, override

LANGUAGES = ("th", "en")
"""The two languages of the project, Thai first."""

SEPARATOR = " / "


def _in(language: str, message: str | Promise, params: Mapping[str, Any]) -> str:
    """The message translated into `language`, its parameters filled in (they are rendered too).

    The message is a lazy translation (`gettext_lazy`) or a msgid marked with `gettext_noop`.
    """
    with override(language):
        values = {name: str(value) if isinstance(value, Promise) else value for name, value in params.items()}
        text = str(message) if isinstance(message, Promise) else gettext(message)
        return text % values if values else text


def _joined(order: tuple[str, ...] | list[str], message: str | Promise, params: Mapping[str, Any]) -> str:
    """The message in each language of `order`, joined (once when they read the same)."""
    parts: list[str] = []
    for code in order:
        text = _in(code, message, params)
        if text not in parts:
            parts.append(text)
    return SEPARATOR.join(parts)


def render(message: str | Promise, params: Mapping[str, Any] | None = None) -> str:
    """The message in the active language, then in the other one (once when both read the same)."""
    active = (get_language() or LANGUAGES[0]).split("-")[0]
    return _joined(sorted(LANGUAGES, key=lambda code: code != active), message, params or {})


def render_in(language: str, message: str | Promise, params: Mapping[str, Any] | None = None) -> str:
    """The message in one language only (for a document or an e-mail written in that language)."""
    return _in(language, message, params or {})


def in_both(message: str | Promise, **params: Any) -> str:
    """The message in Thai, then in English, fixed: for text stored in a record and shown later."""
    return _joined(LANGUAGES, message, params)


_lazy_render = lazy(render, str)


def text(message: str | Promise, **params: Any) -> str:
    """A lazy bilingual text: rendered each time it is shown, in the language active then."""
    return _lazy_render(message, params)


class Refusal(ValidationError):
    """A service's refusal: a translatable message with named parameters, optionally for one field.

    A ValidationError, so forms, views and the API that already catch ValidationError show it.
    """

    def __init__(self, message: str | Promise, /, *, field: str | None = None, **params: Any) -> None:
        self.refusal = message
        self.refusal_params = params
        shown = text(message, **params)
        if field is None:
            super().__init__(shown)
        else:
            super().__init__({field: [shown]})
