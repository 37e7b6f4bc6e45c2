"""/api/v1: one NinjaAPI assembled from each app's `apis.py` (a `router` named after the app).

Authentication is the logged-in session (CSRF-protected for writes); the same services and
access helpers as the HTML views sit behind every endpoint. Every error is a `Problem`
(`digiskill.core.apis`): a bilingual `detail` and, for bad input, the messages by field. The
document served at /api/v1/openapi.json is committed as `openapi.json` beside this module
(`digiskill export-openapi` writes it; a test fails when the two differ).
"""

from __future__ import annotations

import importlib
from typing import Any

from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError, ValidationErrorContext
from ninja.openapi.schema import OpenAPISchema
from ninja.security import SessionAuth

from digiskill.core.apis import Problem

# What any operation may answer besides its own successes (all in the `Problem` shape).
ERRORS = {
    400: "คำขอผิดรูปแบบ / Malformed request (unreadable body, NUL character)",
    401: "ยังไม่ได้เข้าสู่ระบบ / Not logged in",
    403: "ไม่มีสิทธิ์ / Forbidden (wrong role, or missing CSRF token on a write)",
    404: "ไม่พบ / Not found (or not in your department)",
    422: "ข้อมูลไม่ถูกต้อง หรือขั้นตอนนี้ทำไม่ได้ / Invalid input, or a step the rules refuse",
}
CONFLICT = {409: "ขัดกับการบันทึกอื่นที่เกิดขึ้นพร้อมกัน / Conflicts with a write made at the same time"}
WRITES = {"post", "put", "patch", "delete"}
PROBLEM_REF = {"$ref": "#/components/schemas/Problem"}


class DigiSkillAPI(NinjaAPI):
    """NinjaAPI whose document names every error answer, and whose 422 names field and value."""

    def get_openapi_schema(
        self, *, path_prefix: str | None = None, path_params: dict[str, Any] | None = None
    ) -> OpenAPISchema:
        """The generated document, with the `Problem` answers every operation may give."""
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        schema["components"].setdefault("schemas", {})["Problem"] = Problem.model_json_schema(
            ref_template="#/components/schemas/{model}", mode="serialization"
        )
        for operations in schema["paths"].values():
            for method, operation in operations.items():
                answers = operation.setdefault("responses", {})
                errors = {**ERRORS, **CONFLICT} if method in WRITES else ERRORS
                for status, description in errors.items():
                    answers.setdefault(
                        status,
                        {
                            "description": description,
                            "content": {"application/json": {"schema": PROBLEM_REF}},
                        },
                    )
        return schema

    def validation_error_from_error_contexts(
        self, error_contexts: list[ValidationErrorContext[Any]]
    ) -> ValidationError:
        """Ninja's errors, each with a short rendering of the value that was refused."""
        errors: list[dict[str, Any]] = []
        for context in error_contexts:
            model = context.model
            for error in context.pydantic_validation_error.errors(include_url=False, include_context=False):
                loc = model.__ninja_flatten_map_reverse__.get(error["loc"], error["loc"])
                value = error.get("input")
                shown = "" if isinstance(value, dict) or value is None else repr(value)[:80]
                errors.append(
                    {"loc": [model.__ninja_param_source__, *loc], "msg": error["msg"], "value": shown}
                )
        return ValidationError(errors)


api = DigiSkillAPI(
    title="DigiSkill API",
    version="1",
    urls_namespace="api",
    auth=SessionAuth(),
    description="อินเทอร์เฟซโปรแกรมของ DigiSkill / The DigiSkill programming interface. "
    "Log in first; the session cookie authenticates every call, and writes carry the CSRF token "
    "(header X-CSRFToken). Every error is a Problem: `detail` in Thai and English, and for bad "
    "input `errors` by field.",
)


def _problem(
    request: HttpRequest, status: int, detail: str, errors: dict[str, list[str]] | None = None
) -> HttpResponse:
    return api.create_response(
        request, Problem(detail=detail, errors=errors or {}).model_dump(), status=status
    )


def _field(loc: list[Any]) -> str:
    """`query.page` → `page`; `body.data.title` → `title` (the source and the body's name dropped)."""
    source, *rest = loc
    if source == "body" and len(rest) > 1:
        rest = rest[1:]
    return ".".join(str(part) for part in rest) or str(source)


@api.exception_handler(ValidationError)
def _invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    errors: dict[str, list[str]] = {}
    said: list[str] = []
    for error in exc.errors:
        if not isinstance(error, dict) or "loc" not in error:
            continue
        field = _field(list(error["loc"]))
        errors.setdefault(field, []).append(str(error["msg"]))
        value = error.get("value", "")
        said.append(f"{field}: {error['msg']}" + (f" ({value})" if value else ""))
    detail = "ข้อมูลไม่ถูกต้อง / Invalid input — " + "; ".join(said)
    return _problem(request, 422, detail, errors)


@api.exception_handler(AuthenticationError)
def _unauthenticated(request: HttpRequest, exc: Exception) -> HttpResponse:
    return _problem(request, 401, "กรุณาเข้าสู่ระบบ / Please log in")


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    return _problem(request, exc.status_code, str(exc))


@api.exception_handler(Http404)
def _not_found(request: HttpRequest, exc: Exception) -> HttpResponse:
    return _problem(request, 404, "ไม่พบ / Not found")


@api.exception_handler(PermissionDenied)
def _forbidden(request: HttpRequest, exc: Exception) -> HttpResponse:
    return _problem(request, 403, "ไม่มีสิทธิ์ / Forbidden")


@api.exception_handler(IntegrityError)
def _conflict(request: HttpRequest, exc: Exception) -> HttpResponse:
    # A unique rule broken by two writes at the same moment: the loser is told to reload and retry.
    return _problem(
        request,
        409,
        "มีการบันทึกอื่นเกิดขึ้นพร้อมกัน กรุณาโหลดใหม่แล้วลองอีกครั้ง / "
        "Another change was saved at the same time; reload and try again",
    )


def _discover() -> None:
    """Mount the `router` of every DigiSkill app that has one in its `apis` module, under its label."""
    for config in apps.get_app_configs():
        if not config.name.startswith("digiskill.") or config.name == "digiskill.api":
            continue
        try:
            module = importlib.import_module(f"{config.name}.apis")
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.apis":
                raise
            continue
        if hasattr(module, "router"):  # core.apis holds shared pieces, no endpoints
            api.add_router(f"/{config.label}/", module.router)


_discover()
