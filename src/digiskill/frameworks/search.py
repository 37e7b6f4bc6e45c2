"""Thai-aware catalog search on both engines.

Every searchable piece (unit, element, criterion, skill item) has a `SearchEntry` whose `body`
is the search key (NFC, Arabic digits, case-folded) of all its text. Thai has no spaces between
words, so matching is by substring: on SQLite through an FTS5 table with the trigram tokenizer,
on PostgreSQL through a pg_trgm GIN index; "บุคคล" thus finds "รายบุคคล". Exact codes
(DTR101.01) and system codes (176468) are looked up by an indexed equality first, and rank first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db import connection

from digiskill.lib.text import code_key, search_key

if TYPE_CHECKING:
    from digiskill.frameworks.models import Framework, SearchEntry

FTS_TABLE = "frameworks_search_fts"
KIND_WEIGHT = {"unit": 4, "element": 3, "criterion": 2, "item": 1}
CANDIDATES = 400
CODE_SHAPE = re.compile(r"[0-9a-z][0-9a-z./-]*")


def _entries(fw: Framework) -> list[SearchEntry]:
    """One search entry per unit, element, criterion and skill item of the framework."""
    from digiskill.frameworks.models import Criterion, Element, SearchEntry, SkillItem, Unit

    entries: list[SearchEntry] = []

    def add(
        kind: str,
        obj_id: int,
        unit_id: int | None,
        codes: list[str],
        title: str,
        *texts: str,
        skill_set_id: int | None = None,
    ) -> None:
        keys = [code_key(c) for c in codes if c]
        body = search_key(" ".join([*codes, title, *texts]))
        entries.append(
            SearchEntry(
                framework=fw,
                unit_id=unit_id,
                skill_set_id=skill_set_id,
                kind=kind,
                object_id=obj_id,
                code=codes[0] if codes else "",
                codes=f" {' '.join(keys)} ",
                title=title,
                body=body,
            )
        )

    for u in Unit.objects.filter(framework=fw).select_related("area"):
        d = u.details or {}
        knowledge = " ".join(
            str(x)
            for key in ("required_knowledge", "required_skills", "regulations")
            for x in d.get(key) or []
        )
        add("unit", u.pk, u.pk, [u.code, *u.aliases], u.name_th, u.name_en, u.description_th, knowledge)
    for e in Element.objects.filter(unit__framework=fw):
        add("element", e.pk, e.unit_id, [e.code], e.name_th, e.name_en)
    for c in Criterion.objects.filter(element__unit__framework=fw).select_related("element"):
        add("criterion", c.pk, c.element.unit_id, [c.code, c.system_code], c.text_th)
    for i in SkillItem.objects.filter(skill_set__framework=fw, unit__isnull=True):
        add("item", i.pk, None, [], i.text_th, i.text_en, skill_set_id=i.skill_set_id)
    return entries


def search_index_rebuild(fw: Framework) -> None:
    """Rebuild the search entries of one framework (called by the services after a write)."""
    from digiskill.frameworks.models import SearchEntry

    SearchEntry.objects.filter(framework=fw).delete()
    SearchEntry.objects.bulk_create(_entries(fw), batch_size=2000)
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")  # noqa: S608 - constant


@dataclass(frozen=True)
class Hit:
    """One search result."""

    kind: str
    object_id: int
    unit_id: int | None
    skill_set_id: int | None
    code: str
    title: str
    score: float


def _terms(query: str) -> list[str]:
    """The search-key terms of a query, without LIKE wildcards."""
    return [t for t in search_key(query).replace("%", " ").replace("_", " ").split() if t]


def _fts_ids(column: str, patterns: list[str], framework_id: int | None, limit: int) -> list[int]:
    """SQLite: ids whose `column` holds every pattern (trigram table); unsorted, so it stops early."""
    clauses = " AND ".join([f"f.{column} LIKE %s"] * len(patterns))
    params: list[str | int] = list(patterns)
    join = ""
    if framework_id is not None:
        join = " JOIN frameworks_searchentry e ON e.id = f.rowid"
        clauses += " AND e.framework_id = %s"
        params.append(framework_id)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT f.rowid FROM {FTS_TABLE} f{join} WHERE {clauses} LIMIT {int(limit)}",  # noqa: S608 - fixed names
            params,
        )
        return [row[0] for row in cursor.fetchall()]


def _orm_ids(lookup: str, values: list[str], framework_id: int | None, limit: int) -> list[int]:
    """PostgreSQL: the same, through the pg_trgm GIN indexes."""
    from digiskill.frameworks.models import SearchEntry

    queryset = SearchEntry.objects.all()
    if framework_id is not None:
        queryset = queryset.filter(framework_id=framework_id)
    for value in values:
        queryset = queryset.filter(**{lookup: value})
    return list(queryset.values_list("id", flat=True)[:limit])


def _matching_ids(column: str, terms: list[str], framework_id: int | None, limit: int) -> list[int]:
    """Ids of entries whose `column` (title, body or codes) contains every term, at most `limit`."""
    if limit <= 0:
        return []
    if connection.vendor == "sqlite":
        return _fts_ids(column, [f"%{t}%" for t in terms], framework_id, limit)
    lookup = "title__icontains" if column == "title" else f"{column}__contains"
    return _orm_ids(lookup, terms, framework_id, limit)


def _candidate_ids(terms: list[str], framework_id: int | None) -> list[int]:
    """Title matches first, then body matches, CANDIDATES at most; `_score` ranks them.

    Two bounded queries instead of one sorted one: sorting every match of a common Thai word
    (tens of thousands of rows) is what made search slow; a LIMIT without ORDER BY stops early.
    """
    ids = _matching_ids("title", terms, framework_id, CANDIDATES)
    seen = set(ids)
    more = _matching_ids("body", terms, framework_id, CANDIDATES)
    ids.extend(i for i in more if i not in seen)
    return ids[:CANDIDATES]


def _exact_code_ids(query: str, framework_id: int | None) -> list[int]:
    """Entries carrying `query` as one of their codes; only for queries shaped like a code."""
    key = code_key(query)
    if not CODE_SHAPE.fullmatch(key):
        return []
    return _matching_ids("codes", [f" {key} "], framework_id, 50)


def _score(entry: SearchEntry, key: str, terms: list[str]) -> float:
    """Exact code first, then code prefix, then title matches, then body; units before criteria."""
    score = float(KIND_WEIGHT.get(entry.kind, 0))
    if f" {key} " in entry.codes:
        score += 1000
    elif any(c.startswith(key) for c in entry.codes.split()):
        score += 400
    title = search_key(entry.title)
    if key in title:
        score += 200 + (50 if title.startswith(key) else 0)
    score += 20 * sum(1 for t in terms if t in title)
    return score - len(entry.title) / 1000


def catalog_search(query: str, *, framework_id: int | None = None, limit: int = 50) -> list[Hit]:
    """Entries matching every word of `query`, best match first."""
    from digiskill.frameworks.models import SearchEntry

    terms = _terms(query)
    if not terms:
        return []
    key = " ".join(terms)
    ids = set(_exact_code_ids(query, framework_id)) | set(_candidate_ids(terms, framework_id))
    rows = SearchEntry.objects.filter(id__in=ids)
    hits = [
        Hit(e.kind, e.object_id, e.unit_id, e.skill_set_id, e.code, e.title, _score(e, key, terms))
        for e in rows
    ]
    hits.sort(key=lambda h: (-h.score, h.code))
    return hits[:limit]
