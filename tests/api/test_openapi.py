"""The committed OpenAPI document is the contract: the code must produce exactly it."""

from __future__ import annotations

import importlib
import json

from django.apps import apps
from django.core.management import call_command
from ninja import Schema

from digiskill.api.document import COMMITTED, live_document, render


def test_the_code_produces_the_committed_document() -> None:
    committed = json.loads(COMMITTED.read_text(encoding="utf-8"))
    assert committed == live_document(), (
        "The API differs from src/digiskill/api/openapi.json: if the change is meant, run "
        "`digiskill export-openapi` and commit the file."
    )


def test_the_served_document_is_the_committed_one(client) -> None:
    assert client.get("/api/v1/openapi.json").json() == json.loads(COMMITTED.read_text(encoding="utf-8"))


def test_export_writes_the_document(tmp_path) -> None:
    target = tmp_path / "openapi.json"
    call_command("export_openapi", "-o", str(target))
    assert target.read_text(encoding="utf-8") == render(live_document())


def test_every_schema_has_its_own_name() -> None:
    """Two schema classes of one name would replace each other in the document."""
    seen: dict[str, str] = {}
    for config in apps.get_app_configs():
        if not config.name.startswith("digiskill."):
            continue
        try:
            module = importlib.import_module(f"{config.name}.apis")
        except ModuleNotFoundError:
            continue
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, Schema) and value.__module__ == module.__name__:
                where = f"{value.__module__}.{value.__qualname__}"
                assert seen.setdefault(value.__name__, where) == where, f"{where} and {seen[value.__name__]}"
    assert {"PlanGoalOut", "TargetGoalOut", "AnnouncedItemOut", "GapItemOut", "ResourceOut"} <= set(seen)


def test_each_schema_in_the_document_is_the_class_of_its_name() -> None:
    schemas = live_document()["components"]["schemas"]
    assert set(schemas["PlanGoalOut"]["properties"]) >= {"what", "measure", "activities"}
    assert set(schemas["TargetGoalOut"]["properties"]) == {"horizon", "kind", "goal", "text"}
    assert "errors" in schemas["Problem"]["properties"]
    assert schemas["Problem"]["properties"]["detail"]["type"] == "string"


def test_every_operation_documents_its_errors_and_inputs_forbid_unknown_fields() -> None:
    document = live_document()
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            answers = set(operation["responses"])
            assert {"400", "401", "403", "404", "422"} <= answers, (method, path)
            if method in {"post", "patch", "put", "delete"}:
                assert "409" in answers, (method, path)
    for name, schema in document["components"]["schemas"].items():
        if name.endswith("In") and name not in {"PageIn", "FiltersIn"}:
            assert schema.get("additionalProperties") is False, name


def test_workflow_endpoints_are_written_out_by_name() -> None:
    from digiskill.plans import apis

    for step in ("submit", "approve", "return", "start", "complete", "revise"):
        assert callable(getattr(apis, f"plan_{step}_api")), step
