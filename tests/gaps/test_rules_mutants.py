"""The gap rules that need no database: a cell's share and colour band, participation counts, the
top gaps and the filters' URL parameters, at the edges the mutation check (`make mutate`) found."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from digiskill.gaps.selectors import (
    LEVELS,
    TOP_MIN_ASSESSED,
    Cell,
    GapAnalysis,
    GapFilters,
    ItemGroup,
    ItemLine,
    ParticipationLine,
    Row,
)


def test_the_colour_bands_and_their_edges() -> None:
    assert LEVELS == (10, 25, 50, 75)
    assert [Cell(lacking, 100).level for lacking in (0, 10, 11, 25, 26, 50, 51, 75, 76, 100)] == [
        0, 0, 1, 1, 2, 2, 3, 3, 4, 4,
    ]  # fmt: skip
    assert Cell(1, 1000).level == 0


def test_share_and_percent_to_one_decimal_and_none_when_nobody_was_assessed() -> None:
    cell = Cell(1, 3)
    assert cell.share == pytest.approx(1 / 3)
    assert cell.percent == 33.3
    assert Cell(2, 3).percent == 66.7
    empty = Cell(0, 0)
    assert (empty.share, empty.percent, empty.level) == (None, None, None)
    assert Cell(0, 5).share == 0 and Cell(0, 5).level == 0


def test_cells_add_up() -> None:
    cell = Cell()
    cell.add(2, 5)
    cell.add(1, 3)
    assert (cell.lacking, cell.assessed) == (3, 8)


def test_participation_counts() -> None:
    line = ParticipationLine(people=10, assessed=4, submitted=3, draft=1)
    assert (line.not_yet, line.not_started, line.percent) == (6, 2, 40.0)
    line.add(ParticipationLine(people=5, assessed=1, submitted=1, draft=2))
    assert (line.people, line.assessed, line.submitted, line.draft) == (15, 5, 4, 3)
    assert ParticipationLine(people=3, assessed=1).percent == 33.3
    assert ParticipationLine().percent is None


def _item(key: str, lacking: int, assessed: int) -> ItemLine:
    return ItemLine(key=key, component=None, cell=Cell(lacking, assessed), text_th=key)


def _analysis(units: list[ItemLine], texts: list[ItemLine] = ()) -> GapAnalysis:  # type: ignore[assignment]
    return GapAnalysis(
        agency=None,  # type: ignore[arg-type]
        filters=GapFilters(),
        columns=[],
        spans=[],
        rows=[],
        totals=[],
        unit_items=[ItemGroup("A", "A", units)],
        text_items=[ItemGroup("T", "T", list(texts))],
        participation=None,  # type: ignore[arg-type]
    )


def test_top_gaps_by_share_then_people_then_code_among_items_assessed_widely() -> None:
    items = [
        _item("DT1", 5, 10),  # 50 %
        _item("DT2", 10, 20),  # 50 %, more people: first
        _item("DT3", 9, 9),  # 100 % but of fewer than TOP_MIN_ASSESSED people: skipped
        _item("DT4", 0, 30),  # nobody lacks it: never a top gap
        _item("DT0", 5, 10),  # ties DT1 on share and people: by code
    ]
    assert TOP_MIN_ASSESSED == 10
    analysis = _analysis(items[:3], items[3:])
    assert [i.key for i in analysis.top_gaps()] == ["DT2", "DT0", "DT1"]
    assert [i.key for i in analysis.top_gaps(count=1)] == ["DT2"]


def test_a_larger_share_of_fewer_people_comes_first_and_five_are_shown() -> None:
    analysis = _analysis([_item("DT1", 10, 40), _item("DT2", 9, 10)])
    assert [i.key for i in analysis.top_gaps()] == ["DT2", "DT1"]
    many = _analysis([_item(f"DT{n}", n, 10) for n in range(1, 8)])
    assert [i.key for i in many.top_gaps()] == ["DT7", "DT6", "DT5", "DT4", "DT3"]


def test_when_no_item_reaches_the_minimum_the_most_assessed_ones_count() -> None:
    # Nobody reached TOP_MIN_ASSESSED: the floor is the most people any item was assessed for (3).
    analysis = _analysis([_item("DT1", 1, 3), _item("DT2", 3, 3), _item("DT3", 2, 2)])
    assert [i.key for i in analysis.top_gaps()] == ["DT2", "DT1"]
    assert _analysis([]).top_gaps() == []


def test_items_list_units_first_and_an_analysis_without_lines_is_empty() -> None:
    analysis = _analysis([_item("DT1", 1, 3)], [_item("t9", 1, 1)])
    assert [i.key for i in analysis.items()] == ["DT1", "t9"]
    assert not analysis.is_empty
    assert _analysis([]).is_empty
    assert not _analysis([], [_item("t9", 0, 1)]).is_empty


def test_filters_as_url_parameters() -> None:
    division = SimpleNamespace(pk=7)
    group, area, stage = (SimpleNamespace(code=c) for c in ("A", "DT", "early"))
    assert GapFilters().query() == {"rows": "division_group", "columns": "unit"}
    full = GapFilters(division=division, group=group, area=area, stage=stage, rows="group", columns="area")
    assert full.query() == {
        "rows": "group",
        "columns": "area",
        "division": "7",
        "group": "A",
        "area": "DT",
        "stage": "early",
    }  # type: ignore[arg-type]
    assert GapFilters(division=division, without_division=True).query()["division"] == "none"  # type: ignore[arg-type]


def test_a_rows_label_and_drill_down_parameters() -> None:
    division = SimpleNamespace(pk=7, name_th="กองคลัง")
    group = SimpleNamespace(pk=3, code="A", name_th="กลุ่มวิชาการ")
    row = Row(division=division, group=group, cells=[])  # type: ignore[arg-type]
    assert row.label == "กองคลัง · A กลุ่มวิชาการ"
    assert row.query() == {"division": "7", "group": "A"}
    only_group = Row(division=division, group=group, cells=[], show_division=False)  # type: ignore[arg-type]
    assert (only_group.label, only_group.query()) == ("A กลุ่มวิชาการ", {"group": "A"})
    only_division = Row(division=division, group=group, cells=[], show_group=False)  # type: ignore[arg-type]
    assert (only_division.label, only_division.query()) == ("กองคลัง", {"division": "7"})
    no_division = Row(division=None, group=None, cells=[], show_group=False)
    assert no_division.query() == {"division": "none"}
    assert no_division.label  # the glossary's "no division" words
