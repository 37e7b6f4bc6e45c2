"""The catalog as JSON under /api/v1/frameworks/: frameworks, areas, units with their criteria, search.

The catalog is public to every logged-in member (it is not tenant data), so each endpoint needs
only the session; anonymous callers get 401, unknown codes 404.
"""

from __future__ import annotations

from django.db.models import Count, Prefetch, QuerySet, prefetch_related_objects
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from ninja import Field, Router, Schema
from ninja.pagination import paginate

from digiskill.core.apis import Pages
from digiskill.frameworks.models import Area, Element, Framework, Unit
from digiskill.frameworks.selectors import frameworks_with_counts, get_framework, get_unit, search_results

router = Router(tags=["catalog"])


class FrameworkSummary(Schema):
    """A skills framework, with its size and where to read or download it."""

    code: str
    version: str
    name_th: str
    name_en: str
    publisher_th: str
    publisher_en: str
    status: str
    area_count: int
    unit_count: int
    criterion_count: int
    url: str = Field(description="The framework's page in the catalog.")
    case_url: str = Field(description="Download as a CASE 1.1 package (JSON).")
    csv_url: str = Field(description="Download as a Moodle competency-framework CSV.")

    @staticmethod
    def resolve_url(fw: Framework) -> str:
        """The framework's catalog page."""
        return reverse("frameworks:framework", kwargs={"code": fw.code})

    @staticmethod
    def resolve_case_url(fw: Framework) -> str:
        """The CASE download."""
        return reverse("exchange:export_case", kwargs={"code": fw.code})

    @staticmethod
    def resolve_csv_url(fw: Framework) -> str:
        """The Moodle CSV download."""
        return reverse("exchange:export_csv", kwargs={"code": fw.code})


class AreaSummary(Schema):
    """A competency area of a framework."""

    code: str
    name_th: str
    name_en: str
    description_th: str
    unit_count: int


class UnitSummary(Schema):
    """A unit of competency, without its elements."""

    framework: str
    area: str
    code: str
    name_th: str
    name_en: str
    aliases: list[str] = Field(description="Standard codes of the unit, e.g. CEC-BCTZ-001.")
    url: str = Field(description="The unit's page in the catalog.")
    api_url: str = Field(description="The unit with its elements and criteria in this API.")

    @staticmethod
    def resolve_framework(unit: Unit) -> str:
        """The framework's code."""
        return unit.framework.code

    @staticmethod
    def resolve_area(unit: Unit) -> str:
        """The area's code."""
        return unit.area.code

    @staticmethod
    def resolve_url(unit: Unit) -> str:
        """The unit's catalog page."""
        return reverse("frameworks:unit", kwargs={"code": unit.framework.code, "unit": unit.code})

    @staticmethod
    def resolve_api_url(unit: Unit) -> str:
        """The unit in this API."""
        return _unit_api_url(unit)


class CriterionDetail(Schema):
    """A performance criterion."""

    code: str
    system_code: str = Field(description="The TPQI system code, e.g. 176468.")
    number: str
    text_th: str


class ElementDetail(Schema):
    """An element of a unit, with its performance criteria."""

    code: str
    name_th: str
    name_en: str
    criteria: list[CriterionDetail]


class UnitDetail(UnitSummary):
    """A unit of competency with its elements and their criteria."""

    description_th: str
    revision: str
    elements: list[ElementDetail]


class SearchHit(Schema):
    """One search result; the list is ranked, best first."""

    rank: int
    kind: str = Field(description="unit, element, criterion or item (a skill-set item).")
    code: str
    title: str
    framework: str
    unit: str | None = Field(description="Code of the unit the hit belongs to, if any.")
    system_code: str
    url: str = Field(description="Where the hit is shown in the catalog.")
    api_url: str | None = Field(description="The unit of the hit in this API, if it belongs to one.")


def _unit_api_url(unit: Unit) -> str:
    """The address of a unit in this API."""
    return reverse("api:unit_detail", kwargs={"code": unit.framework.code, "unit": unit.code})


@router.get("/", response=list[FrameworkSummary], url_name="framework_list", summary="List frameworks")
def framework_list(request: HttpRequest) -> QuerySet[Framework]:
    """Every skills framework in the catalog, with its size and download links."""
    return frameworks_with_counts()


@router.get("/units", response=list[UnitSummary], url_name="unit_list", summary="List units")
@paginate(Pages, page_size=50)
def unit_list(request: HttpRequest, framework: str | None = None, area: str | None = None) -> QuerySet[Unit]:
    """Units of competency, optionally of one framework and one area (by code); 50 a page."""
    units = Unit.objects.select_related("framework", "area")
    if framework:
        units = units.filter(framework=get_framework(framework))
    if area:
        units = units.filter(area__code=area)
    return units.order_by("framework__code", "area__order", "area__code", "order", "code")


@router.get("/search", response=list[SearchHit], url_name="search", summary="Search the catalog")
def search(
    request: HttpRequest, q: str = "", framework: str | None = None, limit: int = 20
) -> list[SearchHit]:
    """Units, elements, criteria and skill items matching every word of `q` (Thai substrings too)."""
    fw = get_framework(framework) if framework else None
    results = search_results(q, framework=fw, limit=max(1, min(limit, 100)))
    return [
        SearchHit(
            rank=i,
            kind=r.kind,
            code=r.code,
            title=r.title,
            framework=r.framework_code,
            unit=r.unit.code if r.unit else None,
            system_code=r.system_code,
            url=r.url,
            api_url=_unit_api_url(r.unit) if r.unit else None,
        )
        for i, r in enumerate(results, start=1)
    ]


@router.get("/{code}/areas", response=list[AreaSummary], url_name="area_list", summary="A framework's areas")
def area_list(request: HttpRequest, code: str) -> QuerySet[Area]:
    """The competency areas of one framework, in order, with how many units each has."""
    fw = get_framework(code)
    return Area.objects.filter(framework=fw).annotate(unit_count=Count("units")).order_by("order", "code")


@router.get("/{code}/units/{unit}", response=UnitDetail, url_name="unit_detail", summary="One unit")
def unit_detail(request: HttpRequest, code: str, unit: str) -> Unit:
    """One unit of competency with its elements and their performance criteria."""
    found = get_unit(code, unit)
    prefetch_related_objects(
        [found], Prefetch("elements", queryset=Element.objects.prefetch_related("criteria"))
    )
    return found


@router.get("/{code}", response=FrameworkSummary, url_name="framework_detail", summary="One framework")
def framework_detail(request: HttpRequest, code: str) -> Framework:
    """One skills framework with its size and download links."""
    return get_object_or_404(frameworks_with_counts(), code=code)
