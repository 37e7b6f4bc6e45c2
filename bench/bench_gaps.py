"""How fast is the agency-wide gap analysis (Org 3.1) of a large department?

Builds synthetic departments of 10,000 and 100,000 people with the real generator
(`digiskill.demo.synth`, the same as `digiskill synth`) in a throwaway database (SQLite by
default; PostgreSQL when DATABASE_URL points at it), then times `gap_analysis` — the selector
the /gaps/ page, the exports and the API use — on the full department with no filters.

In the same run it times a floor: the plainest hand-written SQL (cursor.execute) that computes
the same numbers over the same tables — gaps by division, group and item (units, and text items by
announced item) over the current items of active people, and participation (active people with a
group, with a current result, waiting for the supervisor, in draft) by division and group — and
checks that both give the same totals.

Target: 100,000 people in under 2 s and within 2x the floor, on both engines.

    .venv/bin/python -m bench gaps                  # SQLite
    DATABASE_URL=postgres://... .venv/bin/python -m bench gaps
    BENCH_GAPS_SIZES=2000,20000 .venv/bin/python -m bench gaps   # other sizes
"""

from __future__ import annotations

import os
import resource
import time
from typing import Any

from bench.support import median_ms, throwaway_database

SIZES = [int(n) for n in os.environ.get("BENCH_GAPS_SIZES", "10000,100000").split(",")]
REPEAT = int(os.environ.get("BENCH_REPEAT", "7"))
TARGET_PEOPLE = 100_000
TARGET_MS = 2000.0
TARGET_RATIO = 2.0
SEED = 2569

FLOOR_GAPS = """
SELECT i.division_id, i.group_id, i.unit_id,
       CASE WHEN i.unit_id IS NULL THEN i.source_id END AS text_source,
       SUM(CASE WHEN i.agreed_has = FALSE THEN 1 ELSE 0 END) AS lacking,
       COUNT(*) AS assessed
FROM assessments_assessmentitem i
JOIN people_person p ON p.id = i.person_id
WHERE i.agency_id = %s AND i.is_current = TRUE AND i.agreed_has IS NOT NULL AND p.is_active = TRUE
GROUP BY i.division_id, i.group_id, i.unit_id, CASE WHEN i.unit_id IS NULL THEN i.source_id END
"""
FLOOR_PARTICIPATION = """
SELECT division_id, group_id, has_current, latest, COUNT(*)
FROM (
    SELECT p.division_id, p.group_id,
           EXISTS (SELECT 1 FROM assessments_assessment a
                   WHERE a.person_id = p.id AND a.is_current = TRUE) AS has_current,
           (SELECT a.status FROM assessments_assessment a
            WHERE a.person_id = p.id ORDER BY a.round DESC LIMIT 1) AS latest
    FROM people_person p
    WHERE p.agency_id = %s AND p.is_active = TRUE AND p.group_id IS NOT NULL
) AS people
GROUP BY division_id, group_id, has_current, latest
"""


def _floor(agency_id: int) -> tuple[list[Any], list[Any]]:
    """The plainest SQL for the same numbers: two statements, rows fetched."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(FLOOR_GAPS, [agency_id])
        gaps = cursor.fetchall()
        cursor.execute(FLOOR_PARTICIPATION, [agency_id])
        people = cursor.fetchall()
    return gaps, people


def _check_same(analysis: Any, floor: tuple[list[Any], list[Any]]) -> None:
    """The selector and the floor agree on the totals (lacking, assessed, people, assessed people)."""
    gaps, people = floor
    lacking = sum(int(r[4]) for r in gaps)
    assessed = sum(int(r[5]) for r in gaps)
    items = analysis.items()
    got = (sum(i.cell.lacking for i in items), sum(i.cell.assessed for i in items))
    assert got == (lacking, assessed), (got, lacking, assessed)
    total = analysis.participation.total
    expected = (sum(r[4] for r in people), sum(r[4] for r in people if r[2]))
    assert (total.people, total.assessed) == expected, ((total.people, total.assessed), expected)


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _analyse(vendor: str) -> None:
    """What the statistics collector would have done by the time anyone opens the page."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if vendor == "postgresql" else "ANALYZE")


def _explain(vendor: str, agency_id: int) -> None:
    """The engine's plan for the main grouped scan (to see the covering index at work)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from digiskill.agencies.models import Agency
    from digiskill.gaps.selectors import GapFilters, _Scope, _unit_counts

    scope = _Scope(Agency.objects.get(pk=agency_id), GapFilters())
    with CaptureQueriesContext(connection) as captured:
        _unit_counts(scope)
    sql = captured.captured_queries[-1]["sql"]
    with connection.cursor() as cursor:
        if vendor == "sqlite":
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}")
            plan = [row[-1] for row in cursor.fetchall()]
        else:
            cursor.execute(f"EXPLAIN {sql}")
            plan = [row[0] for row in cursor.fetchall()]
    print("  plan of the main scan:", " | ".join(p.strip() for p in plan))


def main() -> int:
    """Build each size, time the selector and the floor, print medians, ratios and the verdict."""
    results: list[tuple[int, float, float]] = []
    with throwaway_database("digiskill_bench_gaps") as vendor:
        from digiskill.accounts.access import SYSTEM
        from digiskill.demo.synth import synth_department
        from digiskill.gaps.selectors import gap_analysis

        for size in SIZES:
            started = time.perf_counter()
            report = synth_department(actor=SYSTEM, code=f"BENCH-{size}", people=size, seed=SEED)
            built = time.perf_counter() - started
            _analyse(vendor)
            dept = report.agency
            print(
                f"{vendor}: {size:,} people, {report.assessments:,} assessments, {report.items:,} items "
                f"built in {built:.0f} s (peak RSS {_peak_mb():.0f} MB)"
            )
            _check_same(gap_analysis(dept), _floor(dept.pk))
            selector_ms = median_ms(lambda d=dept: gap_analysis(d), repeat=REPEAT)
            floor_ms = median_ms(lambda pk=dept.pk: _floor(pk), repeat=REPEAT)
            ratio = selector_ms / floor_ms if floor_ms else float("inf")
            print(
                f"  gap_analysis median {selector_ms:8.1f} ms   floor (plain SQL) {floor_ms:8.1f} ms   "
                f"ratio {ratio:4.2f}x   ({REPEAT} runs each)"
            )
            _explain(vendor, dept.pk)
            results.append((size, selector_ms, floor_ms))
    for size, selector_ms, floor_ms in results:
        if size != TARGET_PEOPLE:
            continue
        ok = selector_ms < TARGET_MS and selector_ms <= TARGET_RATIO * floor_ms
        print(
            f"\n{vendor}: target {TARGET_PEOPLE:,} people < {TARGET_MS:.0f} ms and "
            f"<= {TARGET_RATIO:.0f}x floor -> {'PASS' if ok else 'FAIL'} "
            f"({selector_ms:.0f} ms, {selector_ms / floor_ms:.2f}x)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
