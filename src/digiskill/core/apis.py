"""What every app's `apis.py` shares: the error body, strict inputs, bounded ids and pages.

This module has no `router`: it holds no endpoints, only the pieces the JSON API of each app is
built from, so that every app answers errors in one documented shape (`Problem`) and refuses
what it does not understand (unknown fields, NUL characters, page numbers past any real list).
"""

from __future__ import annotations

from typing import Annotated, Any

from django.core.exceptions import ValidationError
from ninja import Field, Schema, Status
from ninja.pagination import PageNumberPagination
from pydantic import ConfigDict, model_validator

# PostgreSQL's `integer`: an id or a number past it names nothing, and is refused as input (422).
MAX_INT = 2**31 - 1
# A page number past this is no real list (a million pages); refused as input (422), never a 500.
MAX_PAGE = 1_000_000

Id = Annotated[int, Field(ge=1, le=MAX_INT)]


class Problem(Schema):
    """Why a call was refused: a bilingual sentence, and the messages by field when there are any."""

    detail: str = Field(description="ภาษาไทย / English: what was wrong, naming the field and value.")
    errors: dict[str, list[str]] = Field(
        default_factory=dict, description="Messages by field (`page`, `title`, `answers.0.item_id`)."
    )


def _nul_field(value: Any, path: str = "") -> str | None:
    """The path of the first string holding a NUL character (which PostgreSQL cannot store)."""
    if isinstance(value, str):
        return path if "\x00" in value else None
    if isinstance(value, dict):
        items: Any = value.items()
    elif isinstance(value, list | tuple):
        items = enumerate(value)
    else:
        return None
    for key, inner in items:
        found = _nul_field(inner, f"{path}.{key}" if path else str(key))
        if found is not None:
            return found
    return None


class StrictIn(Schema):
    """An input body: unknown fields and NUL characters are refused (422 naming the field)."""

    model_config = ConfigDict(extra="forbid")

    @model_validator(mode="before")
    @classmethod
    def _no_nul(cls, data: Any) -> Any:
        found = _nul_field(data)
        if found is not None:
            raise ValueError(f"ช่อง {found} มีอักขระ NUL ซึ่งรับไม่ได้ / field {found} contains a NUL character")
        return data


class PageIn(Schema):
    """Which page of a list (the page size is capped by each list)."""

    page: int = Field(1, ge=1, le=MAX_PAGE)
    page_size: int | None = Field(None, ge=1, le=MAX_PAGE)


class Pages(PageNumberPagination):
    """Numbered pages whose number is bounded: past MAX_PAGE is 422, past the end an empty page."""

    Input = PageIn  # type: ignore[assignment]


def refused(exc: ValidationError) -> Status[Any]:
    """422 with every message of a service's refusal, by field when the service named fields."""
    errors: dict[str, list[str]] = {}
    if hasattr(exc, "error_dict"):
        errors = {k: [str(m) for m in v] for k, v in exc.message_dict.items()}
    return Status(422, Problem(detail=" ".join(exc.messages), errors=errors))
