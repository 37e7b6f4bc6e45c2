"""Thai first: the language is the one the person chose (cookie), otherwise Thai.

Django's LocaleMiddleware would follow the browser's Accept-Language, which on many
government PCs says English; the programme's forms and words are Thai, so Thai is the default
and English is one click away.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django.middleware.locale import LocaleMiddleware
from django.utils import translation


class ThaiFirstLocaleMiddleware(LocaleMiddleware):
    """Activate the chosen language, or LANGUAGE_CODE (Thai), ignoring Accept-Language."""

    def process_request(self, request: HttpRequest) -> None:
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        language = chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
