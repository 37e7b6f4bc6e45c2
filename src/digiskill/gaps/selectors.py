"""The agency-wide gap analysis (Org 3.1): who still lacks which required skill, where.

The numbers come from each person's *current* result: the latest agreed round of their
self-assessment (`AssessmentItem.is_current`), counting an item as lacking when the agreed result
says the person does not have it yet (`agreed_has` is false). People who have left (inactive) are
not counted.

A cell is "people lacking / people assessed" for one row (division × group, or division, or group)
and one column (a unit, or an area: people lacking at least one of its units). Sections count under
their division. Items that are not units (knowledge, experience, … written as text) appear in the
table view under their component.

Speed: the whole department is one grouped scan of the items over the covering index
`assessment_item_gap_scan` (agency, is_current, agreed_has, division, group, unit), one grouped
read of the text items, and one grouped query on people for participation; Python assembles the
rest. `bench/bench_gaps.py` holds it to 2 s for 100,000 people.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Subquery
from django.http import Http404

from digiskill.accounts.access import Actor, require_role
from digiskill.accounts.models import Role
from digiskill.agencies.models import Agency, AgencyKind, Announcement, AnnouncementItem
from digiskill.agencies.selectors import agency_framework
from digiskill.assessments.models import Assessment, AssessmentItem, AssessmentStatus
from digiskill.core.glossary import NO_DIVISION
from digiskill.frameworks.models import Area, PersonnelGroup, SkillComponent, Stage, Unit
from digiskill.people.models import Person

ROWS = ("division_group", "division", "group")
COLUMNS = ("unit", "area")
LEVELS = (10, 25, 50, 75)  # upper bounds (percent) of the first colour bands; above 75 is the last
TOP_MIN_ASSESSED = 10  # the top gaps skip items assessed for fewer people (unless all are)


@dataclass(frozen=True)
class GapFilters:
    """What the analysis is narrowed to, and how it is laid out."""

    division: Agency | None = None  # a division (its sections count with it) or a section
    without_division: bool = False  # only people recorded under no division
    group: PersonnelGroup | None = None
    area: Area | None = None
    stage: Stage | None = None  # the target stage of the announcement the people were assessed on
    rows: str = "division_group"
    columns: str = "unit"

    def query(self) -> dict[str, str]:
        """The filters as URL parameters (for links to exports and drill-downs)."""
        params = {"rows": self.rows, "columns": self.columns}
        if self.without_division:
            params["division"] = "none"
        elif self.division is not None:
            params["division"] = str(self.division.pk)
        for name in ("group", "area", "stage"):
            value = getattr(self, name)
            if value is not None:
                params[name] = value.code
        return params


@dataclass
class Cell:
    """People lacking an item (or an area) and people assessed on it."""

    lacking: int = 0
    assessed: int = 0

    def add(self, lacking: int, assessed: int) -> None:
        """Add counts to the cell."""
        self.lacking += lacking
        self.assessed += assessed

    @property
    def share(self) -> float | None:
        """The share lacking, 0-1 (None when nobody was assessed)."""
        return self.lacking / self.assessed if self.assessed else None

    @property
    def percent(self) -> float | None:
        """The share lacking in percent, to one decimal."""
        share = self.share
        return None if share is None else round(share * 100, 1)

    @property
    def level(self) -> int | None:
        """The colour band, 0 (few lack it) to 4 (most do); None when nobody was assessed."""
        percent = self.percent
        if percent is None:
            return None
        return next((n for n, bound in enumerate(LEVELS) if percent <= bound), len(LEVELS))


@dataclass
class Column:
    """A column of the heat map: a unit, or a whole area."""

    code: str
    name_th: str
    area: Area
    unit: Unit | None = None


@dataclass
class AreaSpan:
    """An area heading over its units in the heat map."""

    area: Area
    span: int


@dataclass
class Row:
    """A row of the heat map: a division × group, a division, or a group; cells follow the columns."""

    division: Agency | None
    group: PersonnelGroup | None
    cells: list[Cell]
    show_division: bool = True
    show_group: bool = True

    @property
    def label(self) -> str:
        """ "กองคลัง · A" style label."""
        parts = []
        if self.show_division:
            parts.append(self.division.name_th if self.division else str(NO_DIVISION))
        if self.show_group and self.group is not None:
            parts.append(f"{self.group.code} {self.group.name_th}")
        return " · ".join(parts)

    def query(self) -> dict[str, str]:
        """The URL parameters that narrow a drill-down to this row."""
        params: dict[str, str] = {}
        if self.show_division:
            params["division"] = str(self.division.pk) if self.division else "none"
        if self.show_group and self.group is not None:
            params["group"] = self.group.code
        return params


@dataclass
class ItemLine:
    """One required item over the whole filtered population (the table view)."""

    key: str  # the unit code, or "t<announced item id>" for a text item
    component: SkillComponent | None  # None for a unit (its component is the ability)
    cell: Cell
    unit: Unit | None = None
    text_th: str = ""

    @property
    def label(self) -> str:
        """The unit's code and name, or the text."""
        return f"{self.unit.code} {self.unit.name_th}" if self.unit else self.text_th


@dataclass
class ItemGroup:
    """Items under one heading: an area (units) or a component (text items)."""

    title: str
    code: str
    items: list[ItemLine]


@dataclass
class ParticipationLine:
    """Who has been assessed among the active people of a division and/or group who have a group."""

    division: Agency | None = None
    group: PersonnelGroup | None = None
    people: int = 0
    assessed: int = 0
    submitted: int = 0
    draft: int = 0

    def add(self, other: ParticipationLine) -> None:
        """Add another line's counts."""
        self.people += other.people
        self.assessed += other.assessed
        self.submitted += other.submitted
        self.draft += other.draft

    @property
    def not_yet(self) -> int:
        """People without a current agreed result."""
        return self.people - self.assessed

    @property
    def not_started(self) -> int:
        """People who have not even started (no draft, nothing waiting for the supervisor)."""
        return self.people - self.assessed - self.submitted - self.draft

    @property
    def percent(self) -> float | None:
        """Share assessed in percent."""
        return round(self.assessed * 100 / self.people, 1) if self.people else None


@dataclass
class Participation:
    """Assessed / not yet, per division, per group and in total."""

    total: ParticipationLine
    by_division: list[ParticipationLine]
    by_group: list[ParticipationLine]
    lines: list[ParticipationLine]  # division × group


@dataclass
class GapAnalysis:
    """Everything the page, the exports and the API show."""

    agency: Agency
    filters: GapFilters
    columns: list[Column]
    spans: list[AreaSpan]
    rows: list[Row]
    totals: list[Cell]
    unit_items: list[ItemGroup]
    text_items: list[ItemGroup]
    participation: Participation
    text_rows: dict[tuple[int | None, int | None], dict[str, Cell]] = field(default_factory=dict)

    @property
    def is_empty(self) -> bool:
        """True when nobody has a current result under these filters."""
        return not self.rows and not any(g.items for g in self.text_items)

    def items(self) -> list[ItemLine]:
        """Every item line, units first."""
        return [i for g in [*self.unit_items, *self.text_items] for i in g.items]

    def top_gaps(self, count: int = 5) -> list[ItemLine]:
        """The items most people lack (by share, then by people), units and text alike."""
        items = self.items()
        floor = min(TOP_MIN_ASSESSED, max((i.cell.assessed for i in items), default=0))
        lines = [i for i in items if i.cell.assessed >= floor and i.cell.lacking]
        lines.sort(key=lambda i: (-(i.cell.share or 0), -i.cell.lacking, i.key))
        return lines[:count]

    def row_texts(self, row: Row) -> dict[str, Cell]:
        """The text items' cells of one row, by item key."""
        return self.text_rows.get(_row_key(row), {})


def _row_key(row: Row) -> tuple[int | None, int | None]:
    return (row.division.pk if row.division else None, row.group.pk if row.group else None)


# --- entry points -------------------------------------------------------------------------------


def gap_analysis_for_actor(actor: Actor, filters: GapFilters | None = None) -> GapAnalysis:
    """The analysis of the actor's department, for HR administrators and executives."""
    agency = require_role(actor, Role.HR_ADMIN, Role.EXECUTIVE)
    return gap_analysis(agency, filters or GapFilters())


def participation_for_actor(actor: Actor, filters: GapFilters | None = None) -> Participation:
    """Participation alone (assessed / not yet), for HR administrators and executives."""
    agency = require_role(actor, Role.HR_ADMIN, Role.EXECUTIVE)
    return _participation(_Scope(agency, filters or GapFilters()))


def gap_analysis(agency: Agency, filters: GapFilters | None = None) -> GapAnalysis:
    """The gap analysis of a department (no access check: callers have done it)."""
    filters = filters or GapFilters()
    scope = _Scope(agency, filters)
    units = _unit_counts(scope)
    texts = _text_counts(scope)
    leavers = _leaver_counts(scope)
    for (has, division, group, unit, source), n in leavers.items():
        if unit is not None:
            units[(has, division, group, unit)] -= n
        else:
            texts[(has, division, group, source)] -= n
    area_counts = _area_counts(scope) if filters.columns == "area" else None
    return _assemble(scope, units, texts, area_counts, _participation(scope))


# --- the scope of one analysis ---------------------------------------------------------------


class _Scope:
    """The department, its filters resolved to ids, and the lookups the assembly needs."""

    def __init__(self, agency: Agency, filters: GapFilters) -> None:
        self.agency = agency
        self.filters = filters
        units = list(
            Agency.objects.filter(department=agency)
            .exclude(pk=agency.pk)
            .order_by()
            .values_list("pk", "parent_id", "kind")
        )
        self.division_of: dict[int, int] = {
            pk: (parent if kind == AgencyKind.SECTION and parent else pk) for pk, parent, kind in units
        }
        self.division_ids: list[int] | None = None
        if filters.division is not None:
            wanted = filters.division.pk
            self.division_ids = [pk for pk, parent, _kind in units if pk == wanted or parent == wanted]
            self.division_of[wanted] = wanted  # a section asked for is its own row
        self.announcements: list[int] | None = None  # None: every announcement counts
        if filters.stage is not None:
            pairs = list(Announcement.objects.filter(agency=agency).values_list("pk", "stage_id"))
            matching = [pk for pk, stage in pairs if stage == filters.stage.pk]
            self.announcements = None if len(matching) == len(pairs) else matching
        self.area_units: list[int] | None = None
        if filters.area is not None:
            self.area_units = list(Unit.objects.filter(area=filters.area).values_list("pk", flat=True))

    def items(self) -> QuerySet[AssessmentItem]:
        """The current items of the department under the filters (no ordering, for grouping)."""
        # `is_current__in=[True]` is written `= 1`/`IN (true)`, not a bare column as `is_current=True`
        # is, so SQLite uses both leading columns of the covering index and groups in index order.
        items = AssessmentItem.objects.filter(agency=self.agency, is_current__in=[True])
        f = self.filters
        if f.without_division:
            items = items.filter(division__isnull=True)
        elif self.division_ids is not None:
            items = items.filter(division_id__in=self.division_ids)
        if f.group is not None:
            items = items.filter(group_id=f.group.pk)
        if self.area_units is not None:
            items = items.filter(unit_id__in=self.area_units)
        if self.announcements is not None:
            sources = AnnouncementItem.objects.filter(entry__announcement_id__in=self.announcements)
            items = items.filter(source_id__in=sources.values("pk"))
        return items.order_by()

    def people(self) -> QuerySet[Person]:
        """The active people of the department who have a group, under the division/group filters."""
        people = Person.objects.filter(agency=self.agency, is_active=True, group__isnull=False)
        f = self.filters
        if f.without_division:
            people = people.filter(division__isnull=True)
        elif self.division_ids is not None:
            people = people.filter(division_id__in=self.division_ids)
        if f.group is not None:
            people = people.filter(group_id=f.group.pk)
        return people.order_by()

    def rows_of(self, division: int | None, group: int) -> tuple[int | None, int | None]:
        """The heat-map row a (division or section, group) pair counts under."""
        rolled = self.division_of.get(division, division) if division is not None else None
        mode = self.filters.rows
        return (None if mode == "group" else rolled, None if mode == "division" else group)


# --- the grouped reads ------------------------------------------------------------------------

UnitKey = tuple[bool | None, int | None, int, int | None]  # agreed_has, division, group, unit


def _unit_counts(scope: _Scope) -> defaultdict[UnitKey, int]:
    """Item counts by result, division, group and unit: one scan of the covering index."""
    rows = (
        scope.items()
        .values_list("agreed_has", "division_id", "group_id", "unit_id")
        .annotate(n=Count("*"))
        .order_by()
    )
    counts: defaultdict[UnitKey, int] = defaultdict(int)
    for has, division, group, unit, n in rows:
        counts[(has, division, group, unit)] += n
    return counts


def _text_counts(scope: _Scope) -> defaultdict[UnitKey, int]:
    """Counts of the text items (no unit) by result, division, group and announced item."""
    counts: defaultdict[UnitKey, int] = defaultdict(int)
    if scope.area_units is not None:
        return counts  # an area holds units only
    rows = (
        scope.items()
        .filter(unit__isnull=True)
        .values_list("agreed_has", "division_id", "group_id", "source_id")
        .annotate(n=Count("*"))
        .order_by()
    )
    for has, division, group, source, n in rows:
        counts[(has, division, group, source)] += n
    return counts


def _leavers(scope: _Scope) -> QuerySet[Person]:
    return Person.objects.filter(agency=scope.agency, is_active=False).order_by()


def _leaver_counts(scope: _Scope) -> dict[tuple[bool | None, int | None, int, int | None, int], int]:
    """The counted items of people who have left, to take away (usually none)."""
    rows = (
        scope.items()
        .filter(person_id__in=_leavers(scope).values("pk"))
        .values_list("agreed_has", "division_id", "group_id", "unit_id", "source_id")
        .annotate(n=Count("*"))
        .order_by()
    )
    return {(has, d, g, u, s): n for has, d, g, u, s, n in rows}


def _area_counts(scope: _Scope) -> list[tuple[int | None, int, int, int, int]]:
    """(division, group, area, lacking, assessed) in people: those lacking any unit of the area."""
    rows = (
        scope.items()
        .filter(unit__isnull=False)
        .exclude(person_id__in=_leavers(scope).values("pk"))
        .values_list("division_id", "group_id", "area_id")
        .annotate(
            lacking=Count("person_id", distinct=True, filter=Q(agreed_has=False)),
            assessed=Count("person_id", distinct=True, filter=Q(agreed_has__isnull=False)),
        )
        .order_by()
    )
    return list(rows)


def _participation_rows(scope: _Scope) -> list[tuple[int | None, int, bool, str | None, int]]:
    """(division, group, has a current result, status of the latest round, people): one grouped query."""
    rounds = Assessment.objects.filter(person_id=OuterRef("pk"))
    if scope.announcements is not None:
        rounds = rounds.filter(announcement_id__in=scope.announcements)
    current = rounds.filter(is_current=True)
    latest = rounds.order_by("-round").values("status")[:1]
    rows = (
        scope.people()
        .annotate(has_current=Exists(current), latest=Subquery(latest))
        .values_list("division_id", "group_id", "has_current", "latest")
        .annotate(n=Count("*"))
        .order_by()
    )
    return list(rows)


# --- putting it together ---------------------------------------------------------------------


def _participation(scope: _Scope) -> Participation:
    """Participation lines by division × group, by division, by group, and the total."""
    divisions = _divisions(scope.agency)
    groups = {g.pk: g for g in PersonnelGroup.objects.all()}
    cells: dict[tuple[int | None, int], ParticipationLine] = {}
    for division, group, has_current, latest, n in _participation_rows(scope):
        rolled = scope.division_of.get(division, division) if division is not None else None
        line = cells.setdefault(
            (rolled, group), ParticipationLine(divisions.get(rolled) if rolled else None, groups[group])
        )
        line.people += n
        if has_current:
            line.assessed += n
        elif latest == AssessmentStatus.SUBMITTED:
            line.submitted += n
        elif latest == AssessmentStatus.DRAFT:
            line.draft += n
    lines = sorted(cells.values(), key=lambda p: (_division_sort(p.division), _group_sort(p.group)))
    total = ParticipationLine()
    by_division: dict[int | None, ParticipationLine] = {}
    by_group: dict[int, ParticipationLine] = {}
    for line in lines:
        total.add(line)
        key = line.division.pk if line.division else None
        by_division.setdefault(key, ParticipationLine(division=line.division)).add(line)
        assert line.group is not None
        by_group.setdefault(line.group.pk, ParticipationLine(group=line.group)).add(line)
    return Participation(
        total=total,
        by_division=sorted(by_division.values(), key=lambda p: _division_sort(p.division)),
        by_group=sorted(by_group.values(), key=lambda p: _group_sort(p.group)),
        lines=lines,
    )


def _divisions(agency: Agency) -> dict[int, Agency]:
    return {a.pk: a for a in Agency.objects.filter(department=agency)}


def _division_sort(division: Agency | None) -> tuple[int, str]:
    return (1, "") if division is None else (0, division.name_th)


def _group_sort(group: PersonnelGroup | None) -> tuple[int, str]:
    return (1_000_000, "") if group is None else (group.order, group.code)


def _assemble(
    scope: _Scope,
    unit_counts: dict[UnitKey, int],
    text_counts: dict[UnitKey, int],
    area_counts: list[tuple[int | None, int, int, int, int]] | None,
    participation: Participation,
) -> GapAnalysis:
    """Cells by row and column, totals, item lines and text rows, from the grouped counts."""
    filters = scope.filters
    by_row_unit: dict[tuple[int | None, int | None], dict[int, Cell]] = defaultdict(dict)
    by_unit: dict[int, Cell] = {}
    for (has, division, group, unit), n in unit_counts.items():
        if unit is None or has is None or n <= 0:
            continue
        lacking = n if has is False else 0
        by_row_unit[scope.rows_of(division, group)].setdefault(unit, Cell()).add(lacking, n)
        by_unit.setdefault(unit, Cell()).add(lacking, n)
    units = {u.pk: u for u in Unit.objects.filter(pk__in=list(by_unit)).select_related("area")}
    groups = {g.pk: g for g in PersonnelGroup.objects.all()}
    divisions = _divisions(scope.agency)

    if area_counts is None:
        ordered = sorted(units.values(), key=lambda u: (u.area.order, u.area.code, u.order, u.code))
        columns = [Column(u.code, u.name_th, u.area, u) for u in ordered]
        cell_rows = {
            key: [cells.get(column.unit.pk, Cell()) for column in columns if column.unit]
            for key, cells in by_row_unit.items()
        }
    else:
        columns, cell_rows = _area_columns(scope, area_counts)
    spans: list[AreaSpan] = []
    for column in columns:
        if spans and spans[-1].area.pk == column.area.pk:
            spans[-1].span += 1
        else:
            spans.append(AreaSpan(column.area, 1))
    text_groups, text_rows = _text_lines(scope, text_counts)
    show_division, show_group = filters.rows != "group", filters.rows != "division"
    keys = {k for k, cells in cell_rows.items() if any(c.assessed for c in cells)} | set(text_rows)
    rows = [
        Row(
            divisions.get(d) if d else None,
            groups.get(g) if g else None,
            cell_rows.get((d, g)) or [Cell() for _ in columns],
            show_division=show_division,
            show_group=show_group,
        )
        for d, g in keys
    ]
    rows.sort(key=lambda r: (_division_sort(r.division) if show_division else (0, ""), _group_sort(r.group)))
    totals = [Cell() for _ in columns]
    for row in rows:
        for total, cell in zip(totals, row.cells, strict=True):
            total.add(cell.lacking, cell.assessed)
    return GapAnalysis(
        agency=scope.agency,
        filters=filters,
        columns=columns,
        spans=spans,
        rows=rows,
        totals=totals,
        unit_items=_unit_lines(units, by_unit),
        text_items=text_groups,
        participation=participation,
        text_rows=text_rows,
    )


def _area_columns(
    scope: _Scope, area_counts: list[tuple[int | None, int, int, int, int]]
) -> tuple[list[Column], dict[tuple[int | None, int | None], list[Cell]]]:
    """Columns of areas and the rows' cells, from the people counts per area."""
    by_row: dict[tuple[int | None, int | None], dict[int, Cell]] = defaultdict(dict)
    seen: set[int] = set()
    for division, group, area, lacking, assessed in area_counts:
        if area is None or not assessed:
            continue
        by_row[scope.rows_of(division, group)].setdefault(area, Cell()).add(lacking, assessed)
        seen.add(area)
    areas = sorted(Area.objects.filter(pk__in=seen), key=lambda a: (a.order, a.code))
    columns = [Column(a.code, a.name_th, a) for a in areas]
    cells = {key: [found.get(a.pk, Cell()) for a in areas] for key, found in by_row.items()}
    return columns, cells


def _unit_lines(units: dict[int, Unit], by_unit: dict[int, Cell]) -> list[ItemGroup]:
    """The units' totals, under their areas, in the framework's order."""
    groups: dict[int, ItemGroup] = {}
    ordered = sorted(units.values(), key=lambda u: (u.area.order, u.area.code, u.order, u.code))
    for unit in ordered:
        area = unit.area
        group = groups.setdefault(area.pk, ItemGroup(f"{area.code} {area.name_th}", area.code, []))
        group.items.append(ItemLine(unit.code, None, by_unit[unit.pk], unit=unit))
    return list(groups.values())


def _text_lines(
    scope: _Scope, text_counts: dict[UnitKey, int]
) -> tuple[list[ItemGroup], dict[tuple[int | None, int | None], dict[str, Cell]]]:
    """Text items merged by component and text (the same text for several groups is one line)."""
    sources = {key[3] for key, n in text_counts.items() if n > 0 and key[0] is not None}
    announced = {
        a.pk: a for a in AnnouncementItem.objects.filter(pk__in=[s for s in sources if s is not None])
    }
    first_of: dict[tuple[int, str], int] = {}
    for pk in sorted(announced):
        a = announced[pk]
        first_of.setdefault((a.component_id, a.text_th), pk)
    totals: dict[str, Cell] = {}
    rows: dict[tuple[int | None, int | None], dict[str, Cell]] = defaultdict(dict)
    for (has, division, group, source), n in text_counts.items():
        if has is None or n <= 0 or source not in announced:
            continue
        a = announced[source]
        key = f"t{first_of[(a.component_id, a.text_th)]}"
        lacking = n if has is False else 0
        totals.setdefault(key, Cell()).add(lacking, n)
        rows[scope.rows_of(division, group)].setdefault(key, Cell()).add(lacking, n)
    components = {
        c.pk: c for c in SkillComponent.objects.filter(pk__in={a.component_id for a in announced.values()})
    }
    by_component: dict[int, ItemGroup] = {}
    for key in sorted(totals, key=lambda k: (announced[int(k[1:])].order, int(k[1:]))):
        a = announced[int(key[1:])]
        component = components[a.component_id]
        heading = by_component.setdefault(component.pk, ItemGroup(component.name_th, component.code, []))
        heading.items.append(ItemLine(key, component, totals[key], text_th=a.text_th))
    ordered = sorted(by_component.items(), key=lambda kv: (components[kv[0]].order, components[kv[0]].code))
    return [g for _pk, g in ordered], dict(rows)


# --- drill-down: the people behind a cell -------------------------------------------------------


@dataclass(frozen=True)
class CellTarget:
    """The column (or table line) of a drill-down: a unit, an area, or a text item."""

    unit: Unit | None = None
    area: Area | None = None
    text: AnnouncementItem | None = None

    @property
    def label(self) -> str:
        """What the people lack, for the heading."""
        if self.unit is not None:
            return f"{self.unit.code} {self.unit.name_th}"
        if self.area is not None:
            return f"{self.area.code} {self.area.name_th}"
        return self.text.text_th if self.text is not None else ""


@dataclass
class LackingPerson:
    """A person behind a cell, with what they lack of it."""

    person: Person
    items: list[str]
    priorities: list[int]


def _target_items(scope: _Scope, target: CellTarget) -> QuerySet[AssessmentItem]:
    """The scope's current items narrowed to the target column."""
    items = scope.items()
    if target.unit is not None:
        return items.filter(unit_id=target.unit.pk)
    if target.area is not None:
        return items.filter(area_id=target.area.pk, unit__isnull=False)
    if target.text is not None:
        same = AnnouncementItem.objects.filter(
            entry__announcement__agency=scope.agency,
            unit__isnull=True,
            component_id=target.text.component_id,
            text_th=target.text.text_th,
        )
        return items.filter(source_id__in=same.values("pk"))
    raise Http404


def gap_people(agency: Agency, filters: GapFilters, target: CellTarget) -> tuple[QuerySet[Person], Cell]:
    """The active people lacking the target under the filters, and the cell's counts."""
    scope = _Scope(agency, filters)
    items = _target_items(scope, target).exclude(person_id__in=_leavers(scope).values("pk"))
    counted = items.aggregate(
        lacking=Count("person_id", distinct=True, filter=Q(agreed_has=False)),
        assessed=Count("person_id", distinct=True, filter=Q(agreed_has__isnull=False)),
    )
    people = (
        Person.objects.filter(
            agency=agency, is_active=True, pk__in=items.filter(agreed_has=False).values("person_id")
        )
        .select_related("division", "group")
        .order_by("division__name_th", "first_name", "last_name", "pk")
    )
    return people, Cell(counted["lacking"] or 0, counted["assessed"] or 0)


def gap_people_for_actor(
    actor: Actor, filters: GapFilters, target: CellTarget
) -> tuple[QuerySet[Person], Cell]:
    """The people behind a cell, for HR administrators only (executives see the figures, not names)."""
    agency = require_role(actor, Role.HR_ADMIN)
    return gap_people(agency, filters, target)


def lacking_details(
    agency: Agency, filters: GapFilters, target: CellTarget, people: Iterable[Person]
) -> list[LackingPerson]:
    """For a page of people: which items of the target each lacks, and the agreed priorities."""
    chosen = list(people)
    scope = _Scope(agency, filters)
    items = (
        _target_items(scope, target)
        .filter(person_id__in=[p.pk for p in chosen], agreed_has=False)
        .select_related("unit")
        .order_by("person_id", "order", "id")
    )
    found: dict[int, LackingPerson] = {p.pk: LackingPerson(p, [], []) for p in chosen}
    for item in items:
        line = found[item.person_id]
        line.items.append(item.unit.code if item.unit else item.text_th)
        if item.priority:
            line.priorities.append(item.priority)
    return [found[p.pk] for p in chosen]


# --- choices for the filters -----------------------------------------------------------------


@dataclass
class FilterChoices:
    """What the filter form offers for a department."""

    divisions: list[Agency]
    groups: list[PersonnelGroup]
    areas: list[Area]
    stages: list[Stage]


def filter_choices(agency: Agency) -> FilterChoices:
    """Divisions (and sections) of the department and the framework's groups, areas and stages."""
    framework = agency_framework(agency)
    units = list(
        Agency.objects.filter(
            department=agency, kind__in=[AgencyKind.DIVISION, AgencyKind.SECTION]
        ).select_related("parent")
    )
    divisions = sorted((u for u in units if u.kind == AgencyKind.DIVISION), key=lambda a: a.name_th)
    sections: dict[int, list[Agency]] = defaultdict(list)
    for unit in units:
        if unit.kind == AgencyKind.SECTION and unit.parent_id:
            sections[unit.parent_id].append(unit)
    ordered: list[Agency] = []
    for division in divisions:
        ordered.append(division)
        ordered.extend(sorted(sections.get(division.pk, []), key=lambda a: a.name_th))
    if framework is None:
        return FilterChoices(ordered, [], [], [])
    return FilterChoices(
        divisions=ordered,
        groups=list(PersonnelGroup.objects.filter(framework=framework).order_by("order", "code")),
        areas=list(Area.objects.filter(framework=framework).order_by("order", "code")),
        stages=list(Stage.objects.filter(framework=framework).order_by("order", "code")),
    )


def _cell_dict(c: Cell) -> dict[str, Any]:
    return {"lacking": c.lacking, "assessed": c.assessed, "percent": c.percent}


def _line_dict(p: ParticipationLine) -> dict[str, Any]:
    return {
        "division": p.division.name_th if p.division else None,
        "division_id": p.division.pk if p.division else None,
        "group": p.group.code if p.group else None,
        "people": p.people,
        "assessed": p.assessed,
        "not_yet": p.not_yet,
        "submitted": p.submitted,
        "draft": p.draft,
        "not_started": p.not_started,
        "percent": p.percent,
    }


def participation_dict(participation: Participation) -> dict[str, Any]:
    """Participation as plain data (JSON export, API)."""
    return {
        "total": _line_dict(participation.total),
        "by_division": [_line_dict(p) for p in participation.by_division],
        "by_group": [_line_dict(p) for p in participation.by_group],
        "lines": [_line_dict(p) for p in participation.lines],
    }


def _item_dict(i: ItemLine) -> dict[str, Any]:
    return {
        "key": i.key,
        "component": i.component.code if i.component else None,
        "unit": i.unit.code if i.unit else None,
        "area": i.unit.area.code if i.unit else None,
        "label": i.label,
        **_cell_dict(i.cell),
    }


def as_dict(analysis: GapAnalysis) -> dict[str, Any]:
    """The analysis as plain data (JSON export, API)."""
    return {
        "agency": {"code": analysis.agency.code, "name_th": analysis.agency.name_th},
        "filters": analysis.filters.query(),
        "columns": [
            {"code": c.code, "name_th": c.name_th, "area": c.area.code, "is_unit": c.unit is not None}
            for c in analysis.columns
        ],
        "rows": [
            {
                "division": r.division.name_th if r.division else None,
                "division_id": r.division.pk if r.division else None,
                "group": r.group.code if r.group else None,
                "label": r.label,
                "cells": [_cell_dict(c) for c in r.cells],
                "text_items": {k: _cell_dict(c) for k, c in analysis.row_texts(r).items()},
            }
            for r in analysis.rows
        ],
        "totals": [_cell_dict(c) for c in analysis.totals],
        "items": [_item_dict(i) for i in analysis.items()],
        "participation": participation_dict(analysis.participation),
    }
