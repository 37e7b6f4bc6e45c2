"""The learning-resource catalog as JSON under /api/v1/learning/.

The same access rules as the pages: every member of a department reads the shared resources and
the department's own (a system administrator without a department, the shared ones); another
department's resource is 404. HR administrators write their department's resources, system
administrators the shared ones (wrong role 403); a write the rules refuse is 422 with the reason.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from typing import Annotated, cast

from django.core.exceptions import ValidationError
from django.db.models import Prefetch, QuerySet, prefetch_related_objects
from django.http import Http404, HttpRequest
from django.urls import reverse
from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate

from digiskill.accounts.access import Actor, ActorRequest, require_role, require_system_admin
from digiskill.accounts.models import Role
from digiskill.agencies.models import Agency
from digiskill.core.apis import Pages, Problem, StrictIn, refused
from digiskill.frameworks.models import Unit
from digiskill.learning.importing import input_of
from digiskill.learning.models import LearningResource, ResourceKind, ResourceLanguage
from digiskill.learning.parsing import CellError, ResourceInput
from digiskill.learning.selectors import (
    CatalogFilter,
    catalog,
    catalog_agency,
    get_resource_for_actor,
    resource_units,
    suggest_for,
)
from digiskill.learning.services import (
    resource_activate,
    resource_create,
    resource_deactivate,
    resource_update,
)
from digiskill.learning.units import UnitLookup

router = Router(tags=["learning"])
TEXT_MAX = 10_000  # a long page of writing


class UnitRef(Schema):
    """A unit of competency a resource develops."""

    id: int
    code: str
    name_th: str
    name_en: str
    framework: str
    area: str
    page: str


class ResourceOut(Schema):
    """One learning resource."""

    id: int
    code: str
    title: str
    provider: str
    kind: str
    url: str
    hours: float | None
    cost: float | None
    language: str
    description: str
    topics: list[str]
    units: list[UnitRef]
    shared: bool
    is_active: bool
    updated_at: dt.datetime
    page: str

    @staticmethod
    def resolve_hours(r: LearningResource) -> float | None:
        """Hours as a number."""
        return float(r.hours) if r.hours is not None else None

    @staticmethod
    def resolve_cost(r: LearningResource) -> float | None:
        """Cost in baht as a number (0: free; null: not stated)."""
        return float(r.cost) if r.cost is not None else None

    @staticmethod
    def resolve_topics(r: LearningResource) -> list[str]:
        """The knowledge topics, one per item."""
        return [t for t in r.topics.splitlines() if t.strip()]

    @staticmethod
    def resolve_units(r: LearningResource) -> list[UnitRef]:
        """The units it develops, in catalog order."""
        return [_unit_ref(u) for u in resource_units(r)]

    @staticmethod
    def resolve_shared(r: LearningResource) -> bool:
        """True for a resource every department sees."""
        return r.agency_id is None

    @staticmethod
    def resolve_page(r: LearningResource) -> str:
        """The address of its page."""
        return reverse("learning:detail", kwargs={"pk": r.pk})


class ResourceIn(StrictIn):
    """A new resource; `units` are unit codes, `kind` and `language` codes or Thai/English names."""

    code: str = Field(max_length=64)
    title: str = Field(max_length=500)
    provider: str = Field(max_length=255)
    kind: str = Field(max_length=64)
    url: str = Field("", max_length=1000)
    hours: Decimal | None = None
    cost: Decimal | None = None
    language: str = Field(ResourceLanguage.THAI, max_length=64)
    description: str = Field("", max_length=TEXT_MAX)
    topics: list[Annotated[str, Field(max_length=500)]] = Field([], max_length=100)
    units: list[Annotated[str, Field(max_length=64)]] = Field([], max_length=200)
    shared: bool = False


class ResourcePatch(StrictIn):
    """The fields to change; those left out keep their value."""

    code: str | None = Field(None, max_length=64)
    title: str | None = Field(None, max_length=500)
    provider: str | None = Field(None, max_length=255)
    kind: str | None = Field(None, max_length=64)
    url: str | None = Field(None, max_length=1000)
    hours: Decimal | None = None
    cost: Decimal | None = None
    language: str | None = Field(None, max_length=64)
    description: str | None = Field(None, max_length=TEXT_MAX)
    topics: list[Annotated[str, Field(max_length=500)]] | None = Field(None, max_length=100)
    units: list[Annotated[str, Field(max_length=64)]] | None = Field(None, max_length=200)


Answer = Status[LearningResource | Problem]


def _actor(request: HttpRequest) -> Actor:
    """The acting member behind the session."""
    return cast(ActorRequest, request).actor


def _unit_ref(unit: Unit) -> UnitRef:
    """A unit with the address of its catalog page."""
    return UnitRef(
        id=unit.pk,
        code=unit.code,
        name_th=unit.name_th,
        name_en=unit.name_en,
        framework=unit.framework.code,
        area=unit.area.code,
        page=reverse("frameworks:unit", kwargs={"code": unit.framework.code, "unit": unit.code}),
    )


UNITS = Prefetch("units", Unit.objects.select_related("framework", "area"))


def _unit_ids(owner: Agency | None, codes: list[str]) -> tuple[int, ...]:
    """The ids of the units named by code, or ValidationError naming the unknown ones."""
    ids, errors = UnitLookup(owner).resolve_all(codes)
    if errors:
        raise ValidationError({"units": [f"{code}: {exc}" for code, exc in errors]})
    return tuple(ids)


@router.get("/", response=list[ResourceOut], summary="Learning resources")
@paginate(Pages, page_size=50)
def resource_list(
    request: HttpRequest,
    q: str = "",
    kind: str = "",
    provider: str = "",
    language: str = "",
    unit: str = "",
    area: str = "",
    cost: str = "",
    inactive: bool = False,
) -> QuerySet[LearningResource]:
    """The resources the caller sees, searched and filtered like the catalog page, by title."""
    f = CatalogFilter(
        q=q.strip(),
        kind=kind if kind in ResourceKind.values else "",
        provider=provider,
        language=language if language in ResourceLanguage.values else "",
        unit=unit,
        area=area,
        cost=cost if cost in ("free", "paid") else "",
        inactive=inactive,
    )
    return catalog(_actor(request), f).prefetch_related(UNITS)


@router.get("/suggestions", response=list[ResourceOut], summary="Suggested resources for a skill")
def suggestions(
    request: HttpRequest, unit: str = "", text: str = "", limit: int = 3
) -> list[LearningResource]:
    """Resources for a unit (by code) or a knowledge item (by its text): the department's own first."""
    agency = catalog_agency(_actor(request))
    unit_id = None
    if unit:
        try:
            unit_id = UnitLookup(agency).resolve(unit)
        except CellError:
            raise Http404 from None
    found = suggest_for(agency, unit_id=unit_id, text=text, limit=max(1, min(limit, 20)))
    prefetch_related_objects(found, UNITS)
    return found


@router.get("/{pk}", response=ResourceOut, summary="One learning resource")
def resource_detail(request: HttpRequest, pk: int) -> LearningResource:
    """A resource the caller sees."""
    return get_resource_for_actor(_actor(request), pk)


@router.post("/", response={201: ResourceOut, 422: Problem}, summary="Add a learning resource")
def resource_create_api(request: HttpRequest, data: ResourceIn) -> Answer:
    """HR administrators add one to their department; system administrators, with `shared`, a shared one."""
    actor = _actor(request)
    owner: Agency | None
    if data.shared:
        require_system_admin(actor)
        owner = None
    else:
        owner = require_role(actor, Role.HR_ADMIN)
    try:
        resource = resource_create(
            actor=actor,
            agency=owner,
            data=ResourceInput(
                code=data.code,
                title=data.title,
                provider=data.provider,
                kind=data.kind,
                url=data.url,
                hours=data.hours,
                cost=data.cost,
                language=data.language,
                description=data.description,
                topics=tuple(data.topics),
                unit_ids=_unit_ids(owner, data.units),
            ),
        )
    except ValidationError as exc:
        return refused(exc)
    return Status(201, get_resource_for_actor(actor, resource.pk))


@router.patch("/{pk}", response={200: ResourceOut, 422: Problem}, summary="Change a learning resource")
def resource_update_api(request: HttpRequest, pk: int, data: ResourcePatch) -> Answer:
    """Change the fields given (its department's HR, or a system administrator for a shared one)."""
    actor = _actor(request)
    resource = get_resource_for_actor(actor, pk, manage=True)
    given = data.dict(exclude_unset=True)
    try:
        if "units" in given:
            given["unit_ids"] = _unit_ids(resource.agency, given.pop("units") or [])
        if "topics" in given:
            given["topics"] = tuple(given["topics"] or ())
        for name in ("code", "title", "provider", "kind", "url", "language", "description"):
            if name in given and given[name] is None:
                given[name] = ""
        changed = dataclasses.replace(input_of(resource), **given)
        resource_update(actor=actor, resource=resource, data=changed)
    except ValidationError as exc:
        return refused(exc)
    return Status(200, get_resource_for_actor(actor, pk))


@router.post("/{pk}/deactivate", response=ResourceOut, summary="Deactivate a learning resource")
def resource_deactivate_api(request: HttpRequest, pk: int) -> LearningResource:
    """Take a resource out of the catalog and the suggestions."""
    actor = _actor(request)
    resource_deactivate(actor=actor, resource=get_resource_for_actor(actor, pk, manage=True))
    return get_resource_for_actor(actor, pk)


@router.post("/{pk}/activate", response=ResourceOut, summary="Reactivate a learning resource")
def resource_activate_api(request: HttpRequest, pk: int) -> LearningResource:
    """Put a deactivated resource back in the catalog."""
    actor = _actor(request)
    resource_activate(actor=actor, resource=get_resource_for_actor(actor, pk, manage=True))
    return get_resource_for_actor(actor, pk)
