"""The shell's middleware: Thai first, and no NUL characters in addresses.

Thai first: the language is the one the person chose (cookie), otherwise Thai.

Django's LocaleMiddleware would follow the browser's Accept-Language, which on many
government PCs says English; the programme's forms and words are Thai, so Thai is the default
and English is one click away.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, JsonResponse
from django.middleware.locale import LocaleMiddleware
from django.utils import translation


class ThaiFirstLocaleMiddleware(LocaleMiddleware):
    """Activate the chosen language, or LANGUAGE_CODE (Thai), ignoring Accept-Language."""

    def process_request(self, request: HttpRequest) -> None:
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        language = chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language


NUL_MESSAGE = (
    "คำขอมีอักขระ NUL (%s) ซึ่งรับไม่ได้ กรุณาลบออกแล้วลองอีกครั้ง / "
    "The request contains a NUL character (%s); remove it and try again."
)


def _nul_in(request: HttpRequest) -> str | None:
    """Where the request's address holds a NUL character: the path, or a query parameter's name."""
    if "\x00" in request.path_info:
        return "path"
    for key, values in request.GET.lists():
        if "\x00" in key or any("\x00" in v for v in values):
            return key.replace("\x00", "\\x00")
    return None


class RejectNulMiddleware:
    """Answer 400 to an address holding a NUL character (`?q=%00`), on every page and in the API.

    PostgreSQL cannot store or compare text with NUL in it (a search would fail with a 500), and
    no person types one; the answer names the parameter, as JSON under /api/ and as text elsewhere.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        where = _nul_in(request)
        if where is None:
            return self.get_response(request)
        message = NUL_MESSAGE % (where, where)
        if request.path_info.startswith("/api/"):
            body = {"detail": message, "errors": {where: [message]}}
            return JsonResponse(body, status=400, json_dumps_params={"ensure_ascii": False})
        return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
