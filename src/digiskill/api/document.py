"""The OpenAPI document of /api/v1 as committed text: `openapi.json` beside this module.

The committed file is the contract: clients and the API fuzz (`tests/api/test_fuzz.py`) read it,
and `tests/api/test_openapi.py` fails when the code no longer produces it. After changing an
endpoint or a schema on purpose, write it again with `digiskill export-openapi`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

COMMITTED = Path(__file__).resolve().parent / "openapi.json"


def live_document() -> dict[str, Any]:
    """The document the code produces now (as served at /api/v1/openapi.json)."""
    from digiskill.api.api import api

    document: dict[str, Any] = json.loads(json.dumps(api.get_openapi_schema()))
    return document


def render(document: dict[str, Any]) -> str:
    """The document as stable, readable text (Thai kept as is, two-space indent, final newline)."""
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
