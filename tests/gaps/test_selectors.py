"""The gap analysis counts what the rows say: checked against a plain-Python count of the same rows."""

from __future__ import annotations

from collections import defaultdict

from digiskill.assessments.models import AssessmentItem, AssessmentStatus
from digiskill.frameworks.models import Area, PersonnelGroup, Unit
from digiskill.gaps.selectors import CellTarget, GapAnalysis, GapFilters, gap_analysis, gap_people
from digiskill.people.models import Person
from tests.gaps.conftest import SHARED_TEXT, World, announced, assess, publish


def observed(analysis: GapAnalysis) -> dict:
    """(division name, group code, item key) → (lacking, assessed), as the analysis reports it."""
    texts = {i.key: i.text_th for g in analysis.text_items for i in g.items}
    found = {}
    for row in analysis.rows:
        name = row.division.name_th if row.division else ""
        group = row.group.code if row.group else ""
        for column, cell in zip(analysis.columns, row.cells, strict=True):
            if cell.assessed:
                found[(name, group, column.code)] = (cell.lacking, cell.assessed)
        for key, cell in analysis.row_texts(row).items():
            found[(name, group, texts[key])] = (cell.lacking, cell.assessed)
    return found


def test_cells_equal_a_plain_count_of_the_rows(world: World) -> None:
    analysis = gap_analysis(world.cast.dept)
    assert observed(analysis) == world.expected()
    # The section's people count under its division.
    assert world.section.name_th not in {r.division.name_th for r in analysis.rows if r.division}


def test_totals_and_item_lines_add_up(world: World) -> None:
    analysis = gap_analysis(world.cast.dept)
    expected = world.expected()
    by_item: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for (_d, _g, key), (lacking, assessed) in expected.items():
        by_item[key][0] += lacking
        by_item[key][1] += assessed
    lines = {
        (i.unit.code if i.unit else i.text_th): (i.cell.lacking, i.cell.assessed) for i in analysis.items()
    }
    assert lines == {k: tuple(v) for k, v in by_item.items()}
    for column, total in zip(analysis.columns, analysis.totals, strict=True):
        assert (total.lacking, total.assessed) == tuple(by_item[column.code])
    # The text announced for both groups is one line, assessed by everyone with a result.
    shared = [i for i in analysis.items() if i.text_th == SHARED_TEXT]
    assert len(shared) == 1 and shared[0].cell.assessed == len(world.results)


def test_participation_counts_people_with_a_group(world: World) -> None:
    total = gap_analysis(world.cast.dept).participation.total
    # 11 planned people and the staff member have a group; the other cast members have none.
    assert (total.people, total.assessed, total.submitted, total.draft, total.not_started) == (12, 9, 1, 1, 1)
    assert total.not_yet == 3
    by_division = {
        (p.division.name_th if p.division else ""): (p.people, p.assessed)
        for p in gap_analysis(world.cast.dept).participation.by_division
    }
    # div1: 3 agreed + 1 draft + staff; div2 (with its section): 2 + 3 agreed, 1 submitted, 1 not started.
    assert by_division == {world.div1.name_th: (5, 4), world.div2.name_th: (7, 5)}


def test_people_who_left_and_older_rounds_do_not_count(world: World) -> None:
    leaver = next(p for p in world.people if p.pk in world.results and p.pk != world.cast.staff_person.pk)
    Person.objects.filter(pk=leaver.pk).update(is_active=False)
    again = next(p for p in world.people if p.pk in world.results and p.pk != leaver.pk)
    assess(again, world.announcement, set(), round_no=2)  # a newer agreed round replaces the first
    world.results[again.pk] = set()
    analysis = gap_analysis(world.cast.dept)
    assert observed(analysis) == world.expected()
    assert analysis.participation.total.people == 11


def test_filters_by_division_group_and_area(world: World) -> None:
    dept = world.cast.dept
    by_div = gap_analysis(dept, GapFilters(division=world.div2))
    assert observed(by_div) == world.expected(division=world.div2)
    assert by_div.participation.total.people == 7
    t = PersonnelGroup.objects.get(framework__code="OCSC-2561", code="T")
    by_group = gap_analysis(dept, GapFilters(group=t))
    assert observed(by_group) == world.expected(group="T")
    area = Area.objects.get(framework__code="OCSC-2561", code="DT")
    by_area = gap_analysis(dept, GapFilters(area=area))
    assert {c.code for c in by_area.columns} == {"DT100", "DT200"}
    assert by_area.text_items == []
    assert observed(by_area) == {k: v for k, v in world.expected().items() if k[2] in ("DT100", "DT200")}


def test_a_section_filter_takes_only_the_section(world: World) -> None:
    analysis = gap_analysis(world.cast.dept, GapFilters(division=world.section))
    in_section = Person.objects.filter(division=world.section, pk__in=world.results).count()
    assert {i.cell.assessed for i in analysis.items() if i.text_th == SHARED_TEXT} == {in_section}


def test_stage_filter_keeps_the_assessments_of_announcements_at_that_stage(world: World, other_stage) -> None:
    dept = world.cast.dept
    early = world.announcement.stage
    assert observed(gap_analysis(dept, GapFilters(stage=early))) == world.expected()
    assert gap_analysis(dept, GapFilters(stage=other_stage)).is_empty
    # A new announcement at the developing stage; one person is assessed on it.
    later = publish(dept, stage_code="developing")
    person = world.people[0]
    assess(person, later, {"DG100"}, round_no=2)
    developing = gap_analysis(dept, GapFilters(stage=other_stage))
    assert [(i.key, i.cell.lacking, i.cell.assessed) for i in developing.unit_items[0].items][:1] == [
        ("DG100", 1, 1)
    ]
    assert developing.participation.total.assessed == 1
    before = gap_analysis(dept, GapFilters(stage=early)).participation.total.assessed
    assert before == 8  # the person's current result is now on the developing announcement


def test_rows_by_division_or_group_only(world: World) -> None:
    dept = world.cast.dept
    expected = world.expected()
    by_division = gap_analysis(dept, GapFilters(rows="division"))
    assert [r.group for r in by_division.rows] == [None, None]
    sums: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for (division, _g, key), (lacking, assessed) in expected.items():
        sums[(division, key)][0] += lacking
        sums[(division, key)][1] += assessed
    got = {(d, key): v for (d, _g, key), v in observed(by_division).items()}
    assert got == {k: tuple(v) for k, v in sums.items()}
    by_group = gap_analysis(dept, GapFilters(rows="group"))
    assert sorted(r.group.code for r in by_group.rows) == ["A", "T"]
    assert all(r.division is None for r in by_group.rows)


def test_area_columns_count_people_lacking_any_unit_of_the_area(world: World) -> None:
    analysis = gap_analysis(world.cast.dept, GapFilters(columns="area"))
    assert [c.code for c in analysis.columns] == sorted(
        {c.code for c in analysis.columns}, key=["DLit", "DG", "DT", "DS", "SPM", "DL", "DTR"].index
    )
    units_of = {u.code: u.area.code for u in Unit.objects.filter(framework__code="OCSC-2561")}
    expected: dict[tuple[str, str, str], list[int]] = defaultdict(lambda: [0, 0])
    for person in Person.objects.filter(pk__in=world.results).select_related("division__parent", "group"):
        top = person.division.parent if person.division.kind == "section" else person.division
        areas = {units_of[k] for k in (key_of_unit for key_of_unit in _unit_keys(world, person.group.code))}
        for area in areas:
            cell = expected[(top.name_th, person.group.code, area)]
            cell[1] += 1
            cell[0] += any(units_of.get(k) == area for k in world.results[person.pk])
    got = {k: v for k, v in observed(analysis).items() if k[2] in units_of.values()}
    assert got == {k: tuple(v) for k, v in expected.items()}


def _unit_keys(world: World, group: str) -> list[str]:
    return [i.unit.code for i in announced(world.announcement, group) if i.unit]


def test_drafts_and_submitted_rounds_are_not_gaps(world: World) -> None:
    assert not AssessmentItem.objects.filter(
        is_current=True, assessment__status=AssessmentStatus.DRAFT
    ).exists()
    analysis = gap_analysis(world.cast.dept)
    assessed = {i.cell.assessed for i in analysis.items() if i.text_th == SHARED_TEXT}
    assert assessed == {len(world.results)}


def test_drill_down_lists_exactly_the_people_lacking(world: World) -> None:
    dept = world.cast.dept
    unit = Unit.objects.get(framework__code="OCSC-2561", code="DG100")
    people, cell = gap_people(dept, GapFilters(), CellTarget(unit=unit))
    expected = {pk for pk, lacking in world.results.items() if "DG100" in lacking}
    assert {p.pk for p in people} == expected
    assert (cell.lacking, cell.assessed) == (len(expected), len(world.results))
    # Narrowed to a division and a group (a cell of the heat map).
    a = PersonnelGroup.objects.get(framework__code="OCSC-2561", code="A")
    people, _cell = gap_people(dept, GapFilters(division=world.div2, group=a), CellTarget(unit=unit))
    in_cell = {
        p.pk
        for p in Person.objects.filter(pk__in=expected, group=a)
        if p.division_id in (world.div2.pk, world.section.pk)
    }
    assert {p.pk for p in people} == in_cell
    # A text item, and an area.
    text = next(i for i in announced(world.announcement, "T") if i.text_th == SHARED_TEXT)
    people, _cell = gap_people(dept, GapFilters(), CellTarget(text=text))
    assert {p.pk for p in people} == {pk for pk, lacking in world.results.items() if SHARED_TEXT in lacking}
    area = Area.objects.get(framework__code="OCSC-2561", code="DT")
    people, _cell = gap_people(dept, GapFilters(), CellTarget(area=area))
    assert {p.pk for p in people} == {
        pk for pk, lacking in world.results.items() if lacking & {"DT100", "DT200"}
    }


def test_top_gaps_are_the_largest_shares_among_items_assessed_widely(world: World) -> None:
    analysis = gap_analysis(world.cast.dept)
    top = analysis.top_gaps(3)
    items = analysis.items()
    widest = max(i.cell.assessed for i in items)  # under 10 here: items assessed by everyone
    shares = sorted(
        (i.cell.share for i in items if i.cell.lacking and i.cell.assessed >= widest), reverse=True
    )
    assert [i.cell.share for i in top] == shares[:3]
    assert all(i.cell.assessed == widest for i in top)


def test_an_empty_department_gives_an_empty_analysis(cast) -> None:
    analysis = gap_analysis(cast.dept)
    assert analysis.is_empty and analysis.participation.total.people == 0 and analysis.top_gaps() == []
