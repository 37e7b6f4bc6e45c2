"""Reads of the learning-resource catalog: what a department sees, one resource, and suggestions for a gap.

A member of a department sees the shared resources (no department) and the department's own; a
system administrator without a department sees the shared ones. Deactivated resources are seen
only by those who manage them. Another department's resource is a 404, like a missing one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db.models import Case, F, IntegerField, Prefetch, Q, QuerySet, Value, When
from django.http import Http404

from digiskill.accounts.access import Actor
from digiskill.accounts.models import Role
from digiskill.agencies.models import Agency
from digiskill.agencies.selectors import agency_framework, default_framework
from digiskill.frameworks.models import Area, Unit
from digiskill.learning.models import LearningResource
from digiskill.lib.text import search_key

# --- scope ---------------------------------------------------------------------------------


def resources_for_agency(agency: Agency | None) -> QuerySet[LearningResource]:
    """Active resources a department sees: the shared ones and its own."""
    shared = Q(agency__isnull=True)
    mine = Q(agency=agency) if agency is not None else Q(pk__in=[])
    return LearningResource.objects.filter(shared | mine, is_active=True)


def own_first(rows: QuerySet[LearningResource], agency: Agency | None) -> QuerySet[LearningResource]:
    """The department's own resources first, then the shortest (unknown hours last), then by title.

    NULLS LAST is written out, so SQLite (which puts NULL first) and PostgreSQL (last) agree.
    """
    own = (
        Case(When(agency_id=agency.pk, then=Value(0)), default=Value(1), output_field=IntegerField())
        if agency is not None
        else Value(1, output_field=IntegerField())
    )
    return rows.annotate(own=own).order_by("own", F("hours").asc(nulls_last=True), "title", "pk")


def catalog_agency(actor: Actor) -> Agency | None:
    """The department whose catalog the actor reads; None (the shared catalog) for a system administrator
    without one; 404 for anyone else without a department."""
    if actor.agency is None:
        if actor.has(Role.SYSTEM_ADMIN):
            return None
        raise Http404
    return actor.agency


def can_manage_resource(actor: Actor, resource: LearningResource) -> bool:
    """True when the actor may change the resource: its department's HR, or a system admin for shared ones."""
    if resource.agency_id is None:
        return actor.has(Role.SYSTEM_ADMIN)
    return actor.agency is not None and actor.agency.pk == resource.agency_id and actor.has(Role.HR_ADMIN)


def managed_owners(actor: Actor) -> Q:
    """The resources the actor manages: the department's own (HR) and the shared ones (system admins)."""
    q = Q(pk__in=[])
    if actor.agency is not None and actor.has(Role.HR_ADMIN):
        q |= Q(agency=actor.agency)
    if actor.has(Role.SYSTEM_ADMIN):
        q |= Q(agency__isnull=True)
    return q


def get_resource_for_actor(actor: Actor, pk: int, *, manage: bool = False) -> LearningResource:
    """A resource the actor may read (404 otherwise); with `manage`, one they may change (403 otherwise)."""
    agency = catalog_agency(actor)
    visible = Q(agency__isnull=True) | (Q(agency=agency) if agency is not None else Q(pk__in=[]))
    resource = (
        LearningResource.objects.filter(visible, pk=pk)
        .select_related("agency", "updated_by")
        .prefetch_related(Prefetch("units", Unit.objects.select_related("framework", "area")))
        .first()
    )
    if resource is None:
        raise Http404
    manager = can_manage_resource(actor, resource)
    if not resource.is_active and not manager:
        raise Http404
    if manage and not manager:
        raise PermissionDenied
    return resource


# --- browsing ------------------------------------------------------------------------------


@dataclass(frozen=True)
class CatalogFilter:
    """What the reader asked for; blank means any."""

    q: str = ""
    kind: str = ""
    provider: str = ""
    language: str = ""
    unit: str = ""
    area: str = ""
    cost: str = ""  # "free" (0 baht) or "paid" (more than 0)
    inactive: bool = False  # the deactivated resources the reader manages, instead of the active ones


def catalog(actor: Actor, f: CatalogFilter) -> QuerySet[LearningResource]:
    """The resources the actor sees that match every filter, by title."""
    agency = catalog_agency(actor)
    if f.inactive:
        rows = LearningResource.objects.filter(managed_owners(actor), is_active=False)
    else:
        rows = resources_for_agency(agency)
    for term in search_key(f.q).split():
        rows = rows.filter(search_text__contains=term)
    if f.kind:
        rows = rows.filter(kind=f.kind)
    if f.provider:
        rows = rows.filter(provider=f.provider)
    if f.language:
        rows = rows.filter(language=f.language)
    if f.unit:
        rows = rows.filter(units__code=f.unit)
    if f.area:
        rows = rows.filter(units__area__code=f.area)
    if f.cost == "free":
        rows = rows.filter(cost=0)
    elif f.cost == "paid":
        rows = rows.filter(cost__gt=0)
    if f.unit or f.area:
        rows = LearningResource.objects.filter(pk__in=rows.values("pk"))  # once each, whatever the joins
    return rows.select_related("agency").order_by("title", "pk")


def providers_for(actor: Actor) -> list[str]:
    """The providers of the resources the actor sees, for the filter."""
    rows = resources_for_agency(catalog_agency(actor))
    return sorted(set(rows.values_list("provider", flat=True)))


def filter_units(actor: Actor) -> list[Unit]:
    """The units that some resource the actor sees develops, for the filter."""
    rows = resources_for_agency(catalog_agency(actor))
    return list(
        Unit.objects.filter(learning_resources__in=rows)
        .distinct()
        .select_related("area")
        .order_by("framework__code", "area__order", "order", "code")
    )


def filter_areas(actor: Actor) -> list[Area]:
    """The competency areas whose units some resource the actor sees develops."""
    rows = resources_for_agency(catalog_agency(actor))
    return list(
        Area.objects.filter(units__learning_resources__in=rows)
        .distinct()
        .order_by("framework__code", "order")
    )


def unit_choices(agency: Agency | None) -> list[tuple[Area, list[Unit]]]:
    """The units of the owner's framework by area, for the unit picker of the form."""
    framework = agency_framework(agency) if agency is not None else default_framework()
    if framework is None:
        return []
    units = Unit.objects.filter(framework=framework).select_related("area").order_by("area__order", "order")
    grouped: dict[int, tuple[Area, list[Unit]]] = {}
    for unit in units:
        grouped.setdefault(unit.area_id, (unit.area, []))[1].append(unit)
    return list(grouped.values())


def resource_units(resource: LearningResource) -> list[Unit]:
    """The units a resource develops, in catalog order (framework, area, unit)."""
    return sorted(resource.units.all(), key=lambda u: (u.framework.code, u.area.order, u.order, u.code))


# --- suggestions ---------------------------------------------------------------------------


def resources_for_unit(
    agency: Agency | None, unit: Unit, *, limit: int | None = None
) -> list[LearningResource]:
    """The active resources the department sees that develop a unit: its own first, then the shortest."""
    rows = own_first(resources_for_agency(agency).filter(units=unit), agency)
    return list(rows[:limit] if limit is not None else rows)


def suggest_for(
    agency: Agency | None, *, unit_id: int | None = None, text: str = "", limit: int = 3
) -> list[LearningResource]:
    """Resources for one required item: those linked to its unit, else those whose topics match its text.

    The department's own resources come before the shared ones; then the shortest first. A unit
    with no linked resource falls back to its text when one is given.
    """
    if unit_id is not None:
        linked = own_first(resources_for_agency(agency).filter(units__id=unit_id), agency)
        found = list(linked[:limit])
        if found or not text.strip():
            return found
    return _by_topics(agency, text, limit)


# Words that open most knowledge items and say nothing about the subject.
_GENERIC = re.compile(
    r"^(?:(?:ความรู้(?:และทักษะ)?(?:เกี่ยวกับ|ด้าน|ใน|เรื่อง|พื้นฐาน)?|ทักษะ(?:ด้าน|การ)?|เทคนิค|หลักการ|"
    r"knowledge (?:of|about|in)|knowledge|skills? (?:of|in)|techniques? (?:of|for))\s*(?:การ(?=..))?)+"
)
# Words that mean the same in knowledge items ("บริหารโครงการ" is "จัดการโครงการ").
_SAME = (("บริหารจัดการ", "จัดการ"), ("บริหาร", "จัดการ"), ("วีดิทัศน์", "วิดีโอ"))
_PARENTHESES = re.compile(r"\(([^()]*)\)")
MATCH_THRESHOLD = 0.6


def key_phrases(text: str) -> list[str]:
    """The subject phrases of a knowledge item: the Thai text and the English in brackets, without
    generic openings ("ความรู้เกี่ยวกับการจัดการโครงการ (Project Management)" → "การจัดการโครงการ",
    "project management")."""
    key = search_key(text)
    phrases = [*_PARENTHESES.findall(key), _PARENTHESES.sub(" ", key)]
    found: list[str] = []
    for phrase in phrases:
        for part in re.split(r"[,;/|]| และ | หรือ | and | or ", phrase):
            core = _GENERIC.sub("", " ".join(part.split())).strip()
            for word, same in _SAME:
                core = core.replace(word, same)
            if len(core) >= 3 and core not in found:
                found.append(core)
    return found


def _trigrams(text: str) -> set[str]:
    """Character trigrams of a phrase without spaces (Thai is written without them)."""
    squashed = "".join(text.split())
    return {squashed[i : i + 3] for i in range(max(1, len(squashed) - 2))}


def similarity(a: str, b: str) -> float:
    """How alike two phrases are: 1 when one holds the other, else the share of the shorter one's
    trigrams found in the longer one.

    Trigrams stand in for Thai word segmentation (PyThaiNLP is not a dependency); pg_trgm works alike.
    """
    if not a or not b:
        return 0.0
    if a in b or b in a:
        return 1.0
    ta, tb = _trigrams(a), _trigrams(b)
    return len(ta & tb) / min(len(ta), len(tb))


def topic_score(phrases: list[str], topics: str, title: str) -> float:
    """How well a resource's topics (or, failing those, title) match the phrases of a knowledge item."""
    best = 0.0
    for line in [*topics.splitlines(), title]:
        for candidate in key_phrases(line):
            for phrase in phrases:
                best = max(best, similarity(phrase, candidate))
    return best


def _by_topics(agency: Agency | None, text: str, limit: int) -> list[LearningResource]:
    """The resources whose topics best match a knowledge item's text (at least MATCH_THRESHOLD alike)."""
    phrases = key_phrases(text)
    if not phrases:
        return []
    rows = resources_for_agency(agency).values_list("pk", "agency_id", "hours", "title", "topics")
    scored: list[tuple[float, int, Decimal, str, int]] = []
    for pk, agency_id, hours, title, topics in rows:
        score = topic_score(phrases, topics, title)
        if score >= MATCH_THRESHOLD:
            own = 0 if agency is not None and agency_id == agency.pk else 1
            scored.append((-score, own, hours if hours is not None else Decimal("Infinity"), title, pk))
    best = [pk for *_rest, pk in sorted(scored)[:limit]]
    by_pk = LearningResource.objects.in_bulk(best)
    return [by_pk[pk] for pk in best]
