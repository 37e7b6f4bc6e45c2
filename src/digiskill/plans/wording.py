"""Messages in both languages: refusals name the problem in Thai and in English."""

from __future__ import annotations

from django.utils import translation
from django.utils.translation import gettext


def _render(msgid: str, params: dict[str, object]) -> str:
    """The translated message in the active language, with its parameters filled in."""
    text = gettext(msgid)
    return text % params if params else text


def in_language(language: str, msgid: str, **params: object) -> str:
    """The message in one language."""
    with translation.override(language):
        return _render(msgid, params)


def both(msgid: str, **params: object) -> str:
    """ "ข้อความไทย / English text": the message in Thai and in English (once when they are the same)."""
    thai = in_language("th", msgid, **params)
    english = in_language("en", msgid, **params)
    return thai if thai == english else f"{thai} / {english}"
