"""/api/v1/gaps/: the page's matrix and participation as JSON, with the page's filters."""

from __future__ import annotations

from tests.gaps.conftest import World


def test_matrix_with_filters_matches_the_count(world: World, client_for) -> None:
    body = client_for("executive").get("/api/v1/gaps/?group=T&rows=division_group").json()
    assert body["filters"] == {"rows": "division_group", "columns": "unit", "group": "T"}
    assert {r["group"] for r in body["rows"]} == {"T"}
    cells = {
        (r["division"], r["group"], c["code"]): (cell["lacking"], cell["assessed"])
        for r in body["rows"]
        for c, cell in zip(body["columns"], r["cells"], strict=True)
        if cell["assessed"]
    }
    codes = {c["code"] for c in body["columns"]}
    assert cells == {k: v for k, v in world.expected(group="T").items() if k[2] in codes}
    texts = {i["key"]: i["label"] for i in body["items"] if i["unit"] is None}
    for row in body["rows"]:
        for key, cell in row["text_items"].items():
            assert world.expected(group="T")[(row["division"], "T", texts[key])] == (
                cell["lacking"],
                cell["assessed"],
            )


def test_participation_endpoint(world: World, client_for) -> None:
    body = client_for("hr").get(f"/api/v1/gaps/participation?division={world.div2.pk}").json()
    assert body["total"]["people"] == 7 and body["total"]["assessed"] == 5
    assert body["total"]["submitted"] == 1 and body["total"]["not_started"] == 1
    assert [line["division"] for line in body["by_division"]] == [world.div2.name_th]
