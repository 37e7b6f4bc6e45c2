"""Reads of the catalog: frameworks and every part of them, and search results ready to show.

The catalog is not tenant data: every logged-in user may read all of it, so these selectors take
no actor. Each page's reads are prefetched here, so a page costs a handful of queries whatever
the size of the framework.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, IntegerField, OuterRef, Prefetch, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from digiskill.frameworks.models import (
    Area,
    Criterion,
    Element,
    Framework,
    Goal,
    PersonnelGroup,
    Role,
    SkillComponent,
    SkillItem,
    SkillSet,
    Stage,
    Unit,
    UnitRevision,
)
from digiskill.frameworks.search import catalog_search

ASSESSMENT_METHODS: dict[str, Promise] = {
    "written_exam": _("Written examination"),
    "interview": _("Interview"),
    "performance_evidence": _("Performance evidence"),
    "assessment_tool": _("Competency assessment tool"),
}
UNIT_STATUS: dict[str, Promise] = {"new": _("New unit"), "revised": _("Revised unit")}
KIND_LABELS: dict[str, Promise] = {
    "unit": _("Unit of competency"),
    "element": _("Element"),
    "criterion": _("Performance criterion"),
    "item": _("Skill item"),
}


def _count_of(queryset: QuerySet[Any], link: str) -> Coalesce:
    """A subquery counting the rows of `queryset` whose `link` is the outer framework."""
    counted = (
        queryset.filter(**{link: OuterRef("pk")}).order_by().values(link).annotate(n=Count("pk")).values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def frameworks_with_counts() -> QuerySet[Framework]:
    """Every framework, with how many areas, units, criteria and skill sets it has."""
    return Framework.objects.annotate(
        area_count=_count_of(Area.objects.all(), "framework"),
        unit_count=_count_of(Unit.objects.all(), "framework"),
        criterion_count=_count_of(Criterion.objects.all(), "element__unit__framework"),
        skill_set_count=_count_of(SkillSet.objects.all(), "framework"),
    ).order_by("code")


def get_framework(code: str) -> Framework:
    """The framework with this code, or 404."""
    return get_object_or_404(Framework, code=code)


@dataclass
class RoleRow:
    """One row of the role matrix: a personnel group and its role at each stage (None where missing)."""

    group: PersonnelGroup
    roles: list[Role | None]


@dataclass
class FrameworkOverview:
    """Everything the framework page shows."""

    framework: Framework
    goals: list[Goal]
    components: list[SkillComponent]
    areas: list[Area]
    groups: list[PersonnelGroup]
    stages: list[Stage]
    matrix: list[RoleRow]
    role_count: int
    skill_sets: list[SkillSet]


def framework_overview(fw: Framework) -> FrameworkOverview:
    """Goals, areas with unit counts, groups, stages, the group × stage role matrix and skill sets."""
    groups = list(PersonnelGroup.objects.filter(framework=fw))
    stages = list(Stage.objects.filter(framework=fw))
    roles = list(Role.objects.filter(framework=fw))
    by_cell = {(r.group_id, r.stage_id): r for r in roles}
    matrix = [RoleRow(g, [by_cell.get((g.pk, s.pk)) for s in stages]) for g in groups]
    return FrameworkOverview(
        framework=fw,
        goals=list(Goal.objects.filter(framework=fw)),
        components=list(SkillComponent.objects.filter(framework=fw)),
        areas=list(Area.objects.filter(framework=fw).annotate(unit_count=Count("units"))),
        groups=groups,
        stages=stages,
        matrix=matrix,
        role_count=len(roles),
        skill_sets=list(
            SkillSet.objects.filter(framework=fw).select_related("role").annotate(item_count=Count("items"))
        ),
    )


def get_area(fw: Framework, code: str) -> Area:
    """The area of `fw` with this code, or 404."""
    return get_object_or_404(Area.objects.select_related("framework"), framework=fw, code=code)


def area_units(area: Area) -> QuerySet[Unit]:
    """The units of an area, with how many elements and criteria each has."""
    return Unit.objects.filter(area=area).annotate(
        element_count=Count("elements", distinct=True), criterion_count=Count("elements__criteria")
    )


def get_unit(fw_code: str, code: str) -> Unit:
    """The unit with this code in the framework with `fw_code`, with its area; 404 when missing."""
    unit = Unit.objects.select_related("framework", "area").filter(framework__code=fw_code, code=code).first()
    if unit is None:
        raise Http404
    return unit


def has_document(unit: Unit) -> bool:
    """True when the unit's full TPQI document has been loaded (not only data-file remarks)."""
    return any(key != "data" for key in unit.details or {})


@dataclass
class UnitPage:
    """Everything the unit page shows, read with a fixed number of queries."""

    unit: Unit
    elements: list[Element]
    has_document: bool
    details: dict[str, Any]
    target_groups: list[PersonnelGroup]
    skill_sets: list[SkillSet]
    revisions: list[UnitRevision]
    assessment_methods: list[Promise] = field(default_factory=list)
    status_label: Promise | None = None

    @property
    def criterion_count(self) -> int:
        """How many performance criteria the unit has."""
        return sum(len(e.criteria.all()) for e in self.elements)


def unit_page(unit: Unit) -> UnitPage:
    """The unit with its elements and criteria, target groups, skill sets and earlier revisions."""
    details = dict(unit.details or {})
    codes = [str(c) for c in details.get("target_groups") or []]
    groups = (
        list(PersonnelGroup.objects.filter(framework_id=unit.framework_id, code__in=codes)) if codes else []
    )
    groups.sort(key=lambda g: codes.index(g.code))
    methods = [ASSESSMENT_METHODS.get(m, _("Other")) for m in details.get("assessment_methods") or []]
    return UnitPage(
        unit=unit,
        elements=list(unit.elements.prefetch_related("criteria")),
        has_document=has_document(unit),
        details=details,
        target_groups=groups,
        skill_sets=list(SkillSet.objects.filter(items__unit=unit).distinct().order_by("order", "code")),
        revisions=list(unit.revisions.all()),
        assessment_methods=methods,
        status_label=UNIT_STATUS.get(str(details.get("status") or "")),
    )


def get_element(unit: Unit, pk: int) -> Element:
    """An element of this unit, or 404."""
    return get_object_or_404(Element, unit=unit, pk=pk)


def get_criterion(unit: Unit, pk: int) -> Criterion:
    """A performance criterion of this unit, with its element; 404 when it belongs elsewhere."""
    return get_object_or_404(Criterion.objects.select_related("element"), element__unit=unit, pk=pk)


@dataclass
class ComponentItems:
    """The items of a skill set under one component (ability, knowledge, …)."""

    component: SkillComponent
    items: list[SkillItem]


def get_skill_set(fw: Framework, code: str) -> SkillSet:
    """The skill set of `fw` with this code, with its role; 404 when missing."""
    return get_object_or_404(SkillSet.objects.select_related("role"), framework=fw, code=code)


def skill_set_sections(skill_set: SkillSet) -> list[ComponentItems]:
    """The items of a skill set grouped by the framework's components, in the framework's order."""
    components = list(SkillComponent.objects.filter(framework_id=skill_set.framework_id))
    items = list(skill_set.items.select_related("unit").order_by("order", "id"))
    return [ComponentItems(c, [i for i in items if i.component_id == c.pk]) for c in components]


def get_role(fw: Framework, code: str) -> Role:
    """The expected role of `fw` with this code, with its group and stage; 404 when missing."""
    queryset = Role.objects.select_related("group", "stage").prefetch_related(
        Prefetch("skill_sets", queryset=SkillSet.objects.order_by("order", "code"))
    )
    return get_object_or_404(queryset, framework=fw, code=code)


@dataclass
class SearchResult:
    """One search hit, resolved for display: what it is, where it belongs and where to go."""

    kind: str
    kind_label: Promise
    code: str
    title: str
    url: str
    framework_code: str
    unit: Unit | None = None
    skill_set: SkillSet | None = None
    system_code: str = ""


def search_results(query: str, *, framework: Framework | None = None, limit: int = 50) -> list[SearchResult]:
    """Catalog search hits, best first, each with its unit (or skill set) and a link to its anchor."""
    hits = catalog_search(query, framework_id=framework.pk if framework else None, limit=limit)
    units = Unit.objects.select_related("framework").in_bulk({h.unit_id for h in hits if h.unit_id})
    sets = SkillSet.objects.select_related("framework").in_bulk(
        {h.skill_set_id for h in hits if h.skill_set_id}
    )
    criteria = Criterion.objects.in_bulk([h.object_id for h in hits if h.kind == "criterion"])
    results: list[SearchResult] = []
    for hit in hits:
        unit = units.get(hit.unit_id) if hit.unit_id else None
        skill_set = sets.get(hit.skill_set_id) if hit.skill_set_id else None
        if unit is not None:
            url = reverse("frameworks:unit", kwargs={"code": unit.framework.code, "unit": unit.code})
            anchor = {"element": f"#e-{hit.code}", "criterion": f"#c-{hit.code}"}.get(hit.kind, "")
            url, fw_code = url + anchor, unit.framework.code
        elif skill_set is not None:
            url = reverse(
                "frameworks:skill_set", kwargs={"code": skill_set.framework.code, "skill_set": skill_set.code}
            )
            url, fw_code = f"{url}#i-{hit.object_id}", skill_set.framework.code
        else:
            continue  # the index points at something gone; skip it rather than fail
        criterion = criteria.get(hit.object_id) if hit.kind == "criterion" else None
        results.append(
            SearchResult(
                kind=hit.kind,
                kind_label=KIND_LABELS.get(hit.kind, _("Other")),
                code=hit.code,
                title=hit.title,
                url=url,
                framework_code=fw_code,
                unit=unit,
                skill_set=skill_set,
                system_code=criterion.system_code if criterion else "",
            )
        )
    return results
