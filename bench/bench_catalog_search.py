"""How fast is catalog search on a national-size catalog?

Builds a synthetic framework of 5,000 units (3-5 elements each, 3-5 criteria per element, about
80,000 criteria) with Thai text drawn from real OCSC catalog words, some common and some rare,
through the real import service (`framework_import_case`, which also rebuilds the search index),
in a throwaway database (SQLite by default; PostgreSQL when DATABASE_URL points at it).

Then it times `catalog_search` for a fixed set of queries, and in the same run a floor: the
plainest SQL that finds the same candidate rows (every term as LIKE '%term%' on the indexed
`body`). Per query it prints the median time of each and their ratio; then the median over the
queries against the target (50 ms), naming every query that misses it, with its SQL and query
plans. Nothing is tuned to the target.
"""

from __future__ import annotations

import os
import random
import statistics
import time
import uuid
from typing import Any

from bench.support import median_ms, throwaway_database

UNITS = int(os.environ.get("BENCH_UNITS", "5000"))
REPEAT = int(os.environ.get("BENCH_REPEAT", "25"))
TARGET_MS = 50.0
SEED = 2561
STAMP = "2026-01-01T00:00:00+00:00"

AREAS = [
    ("DLit", "ความสามารถด้านความเข้าใจและใช้เทคโนโลยีดิจิทัล", "Digital Literacy"),
    ("DG", "ความสามารถด้านดิจิทัลที่เกี่ยวข้องกับกฎหมายและธรรมาภิบาล", "Digital Governance"),
    ("DT", "ความสามารถด้านเทคโนโลยีดิจิทัล", "Digital Technology"),
    ("DS", "ความสามารถด้านการออกแบบกระบวนการและการให้บริการ", "Digital Service"),
    ("SPM", "ความสามารถด้านการบริหารกลยุทธ์และการจัดการโครงการ", "Strategic and Project Management"),
    ("DL", "ความสามารถด้านการเป็นผู้นำดิจิทัล", "Digital Leadership"),
    ("DTR", "ความสามารถด้านการขับเคลื่อนการเปลี่ยนแปลงสู่รัฐบาลดิจิทัล", "Digital Transformation"),
    ("DA", "ความสามารถด้านการวิเคราะห์ข้อมูล", "Data Analytics"),
    ("CS", "ความสามารถด้านความมั่นคงปลอดภัยไซเบอร์", "Cyber Security"),
    ("AI", "ความสามารถด้านปัญญาประดิษฐ์", "Artificial Intelligence"),
]
# Words of the OCSC catalog, most common first: the draw is Zipf-like (weight 1/rank), so the
# first words are in many thousands of rows and the last ones in a few dozen.
VERBS = [
    "วิเคราะห์",
    "กำหนด",
    "พัฒนา",
    "ออกแบบ",
    "บริหารจัดการ",
    "ประเมิน",
    "ติดตาม",
    "จัดทำ",
    "ระบุ",
    "ประยุกต์ใช้",
    "สื่อสาร",
    "ทบทวน",
    "ปรับปรุง",
    "คาดการณ์",
    "สร้าง",
    "กำกับ",
    "ขับเคลื่อน",
    "เชื่อมโยง",
    "บูรณาการ",
    "ถ่ายทอด",
]
OBJECTS = [
    "ข้อมูล",
    "กระบวนการทำงาน",
    "แผนงาน",
    "บริการดิจิทัล",
    "โครงการดิจิทัล",
    "ทีมงาน",
    "นโยบาย",
    "เทคโนโลยีดิจิทัล",
    "ความเสี่ยงดิจิทัล",
    "สถาปัตยกรรมองค์กร",
    "นวัตกรรมบริการ",
    "ผู้มีส่วนได้ส่วนเสีย",
    "ธรรมาภิบาลข้อมูล",
    "ความมั่นคงปลอดภัยไซเบอร์",
    "ระบบสารสนเทศ",
    "ข้อตกลงระดับการให้บริการ",
    "แพลตฟอร์มกลาง",
    "คลาวด์ภาครัฐ",
    "ปัญญาประดิษฐ์",
    "ข้อมูลเปิดภาครัฐ",
    "ข้อมูลส่วนบุคคล",
    "บล็อกเชน",
    "อินเทอร์เน็ตของสรรพสิ่ง",
    "ควอนตัมคอมพิวติง",
]
QUALIFIERS = [
    "ของหน่วยงาน",
    "อย่างต่อเนื่อง",
    "ตามมาตรฐาน",
    "เพื่อการตัดสินใจ",
    "แบบเชื่อมโยง",
    "ระหว่างหน่วยงาน",
    "ให้สอดคล้องกับนโยบาย",
    "สู่รัฐบาลดิจิทัล",
    "สำหรับผู้บริหาร",
    "ในระดับองค์กร",
    "รายบุคคล",
    "ตามหลักธรรมาภิบาล",
    "อย่างมีประสิทธิภาพ",
    "โดยคำนึงถึงความคุ้มค่า",
]
ENGLISH = [
    "Digital Transformation",
    "Data Analytics",
    "Enterprise Architecture",
    "Service Design",
    "Project Management",
    "Risk Management",
    "Cyber Security",
    "Data Governance",
    "Change Leadership",
    "Open Data",
    "Cloud Computing",
    "Machine Learning",
    "Blockchain",
]


def _weighted(rng: random.Random, words: list[str]) -> str:
    """One word, the earlier ones much more likely (weight 1/rank)."""
    return rng.choices(words, weights=[1 / (i + 1) for i in range(len(words))])[0]


def _statement(rng: random.Random) -> str:
    """A criterion-like Thai sentence: verb, object, qualifier (and sometimes a second object)."""
    parts = [_weighted(rng, VERBS), _weighted(rng, OBJECTS)]
    if rng.random() < 0.3:
        parts += ["และ", _weighted(rng, OBJECTS)]
    parts.append(_weighted(rng, QUALIFIERS))
    return "".join(parts[:2]) + " " + " ".join(parts[2:])


class _Package:
    """Builds a CASE package the way DigiSkill's exporter lays it out."""

    def __init__(self) -> None:
        self.document = str(uuid.uuid4())
        self.items: list[dict[str, Any]] = []
        self.associations: list[dict[str, Any]] = []

    def add(
        self, kind: str, code: str, text: str, parent: str, order: int, english: str = "", **ext: Any
    ) -> str:
        """Add one item under its parent; return its identifier."""
        ident = str(uuid.uuid4())
        item: dict[str, Any] = {
            "identifier": ident,
            "uri": f"urn:uuid:{ident}",
            "fullStatement": text,
            "humanCodingScheme": code,
            "CFItemType": kind,
            "lastChangeDateTime": STAMP,
        }
        if english:
            item["alternativeLabel"] = english
        if ext:
            item["extensions"] = {"digiskill": ext}
        self.items.append(item)
        self.associations.append(
            {
                "identifier": str(uuid.uuid4()),
                "uri": "urn:x",
                "associationType": "isChildOf",
                "sequenceNumber": order,
                "lastChangeDateTime": STAMP,
                "originNodeURI": {"title": code, "identifier": ident, "uri": "urn:x"},
                "destinationNodeURI": {"title": "", "identifier": parent, "uri": "urn:x"},
            }
        )
        return ident


def standard_code(n: int) -> str:
    """The standard code (alias) of the n-th unit, e.g. CEC-BAAC-018."""
    letters = "ABCDEFGHJKLMNPQRSTUVWXYZ"
    word = "".join(letters[(n // len(letters) ** i) % len(letters)] for i in range(4))
    return f"CEC-{word}-{n % 997 + 1:03d}"


def build_package(units: int, seed: int = SEED) -> dict[str, Any]:
    """A framework of `units` units spread over the areas, as a CASE package."""
    rng = random.Random(seed)
    pkg = _Package()
    area_ids = [
        pkg.add("Competency Area", code, name, pkg.document, i + 1) for i, (code, name, _) in enumerate(AREAS)
    ]
    system_code = 100000
    for n in range(units):
        area_index = n % len(AREAS)
        number = n // len(AREAS) + 1
        code = f"{AREAS[area_index][0]}{number * 10}"
        english = _weighted(rng, ENGLISH) if rng.random() < 0.6 else ""
        unit = pkg.add(
            "Unit of Competency",
            code,
            _statement(rng),
            area_ids[area_index],
            number,
            english=english,
            aliases=[standard_code(n)],
            description_th=" ".join(_statement(rng) for _ in range(3)),
        )
        for e in range(1, rng.randint(3, 5) + 1):
            element_code = f"{code[:-1]}{e}"
            element = pkg.add("Element", element_code, _statement(rng), unit, e)
            for c in range(1, rng.randint(3, 5) + 1):
                system_code += 1
                pkg.add(
                    "Performance Criterion",
                    f"{element_code}.{c:02d}",
                    _statement(rng),
                    element,
                    c,
                    system_code=str(system_code),
                    number=f"{e}.{c}",
                )
    document = {
        "identifier": pkg.document,
        "uri": f"urn:uuid:{pkg.document}",
        "creator": "DigiSkill bench",
        "title": "กรอบทดสอบความเร็วการค้นหา",
        "lastChangeDateTime": STAMP,
        "extensions": {"digiskill": {"code": "BENCH"}},
    }
    return {"CFDocument": document, "CFItems": pkg.items, "CFAssociations": pkg.associations}


# (label, query): Thai substrings common to rare, codes, English words, two-word queries.
QUERIES = [
    ("Thai, common", "ข้อมูล"),
    ("Thai, in many rows", "วิเคราะห์"),
    ("Thai, middling", "สถาปัตยกรรมองค์กร"),
    ("Thai, inside a word", "บุคคล"),
    ("Thai, rare", "ควอนตัม"),
    ("Thai, absent", "ดาวเทียม"),
    ("unit code", "DT2500"),
    ("criterion code", "DS1232.03"),
    ("system code", "142357"),
    ("standard code", standard_code(1234)),
    ("English word", "analytics"),
    ("English, rare", "blockchain"),
    ("two Thai words", "วิเคราะห์ ความเสี่ยง"),
    ("Thai + English", "ข้อมูล governance"),
]


def _floor_sql(vendor: str, terms: list[str]) -> tuple[str, list[str]]:
    """The plainest SQL that finds the rows containing every term."""
    where = " AND ".join(["body LIKE %s"] * len(terms))  # placeholders only; the terms are parameters
    table = "rowid FROM frameworks_search_fts" if vendor == "sqlite" else "id FROM frameworks_searchentry"
    return f"SELECT {table} WHERE {where}", [f"%{t}%" for t in terms]


def _explain(vendor: str, sql: str, params: Any) -> list[str]:
    """The engine's plan for one statement."""
    from django.db import connection

    with connection.cursor() as cursor:
        if vendor == "sqlite":
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
            return [f"    {row[-1]}" for row in cursor.fetchall()]
        cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}", params)
        return [f"    {row[0]}" for row in cursor.fetchall()]


def _why(vendor: str, query: str) -> None:
    """Print each statement catalog_search runs for `query`, with its time and the engine's plan."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from digiskill.frameworks.search import catalog_search

    with CaptureQueriesContext(connection) as captured:
        catalog_search(query, limit=50)
    for entry in captured.captured_queries:
        print(f"  {float(entry['time']) * 1000:7.1f} ms  {entry['sql'][:400]}")
        print("\n".join(_explain(vendor, entry["sql"], None)))


def _measure(vendor: str, fw_id: int) -> list[tuple[str, str, int, float, float]]:
    """(label, query, hits, search ms, floor ms) for every query."""
    from django.db import connection

    from digiskill.frameworks.search import catalog_search
    from digiskill.lib.text import search_key

    rows = []
    for label, query in QUERIES:
        terms = search_key(query).split()
        sql, params = _floor_sql(vendor, terms)

        def floor(sql: str = sql, params: list[str] = params) -> int:
            with connection.cursor() as cursor:
                cursor.execute(sql, params)
                return len(cursor.fetchall())

        search_ms = median_ms(lambda q=query: catalog_search(q, limit=50), repeat=REPEAT)
        floor_ms = median_ms(floor, repeat=REPEAT)
        rows.append((label, query, floor(), search_ms, floor_ms))
    return rows


def _report(vendor: str, rows: list[tuple[str, str, int, float, float]]) -> list[str]:
    """Print the table and the verdict; return the queries that miss the target."""
    print(f"\n{'query':<22} {'text':<24} {'rows':>7} {'search ms':>10} {'floor ms':>9} {'ratio':>7}")
    misses = []
    for label, query, count, search_ms, floor_ms in rows:
        ratio = search_ms / floor_ms if floor_ms > 0 else float("inf")
        flag = "" if search_ms < TARGET_MS else "  <-- misses target"
        if flag:
            misses.append(query)
        print(f"{label:<22} {query:<24} {count:>7} {search_ms:>10.2f} {floor_ms:>9.2f} {ratio:>7.1f}{flag}")
    overall = statistics.median(r[3] for r in rows)
    verdict = "meets" if overall < TARGET_MS else "MISSES"
    floor = statistics.median(r[4] for r in rows)
    print(
        f"\n{vendor}: median of catalog_search over {len(rows)} queries = {overall:.2f} ms "
        f"({verdict} the target of < {TARGET_MS:.0f} ms); median floor = {floor:.2f} ms"
    )
    if misses:
        print(f"queries over {TARGET_MS:.0f} ms: {', '.join(misses)}")
    return misses


def main() -> int:
    """Build the catalog, time the queries, print the figures (exit code 0 even when the target is missed)."""
    with throwaway_database("digiskill_bench") as vendor:
        from django.db import connection

        from digiskill.accounts.access import SYSTEM
        from digiskill.frameworks.interchange.services import framework_import_case
        from digiskill.frameworks.models import Criterion, Element, SearchEntry, Unit

        started = time.perf_counter()
        package = build_package(UNITS)
        fw = framework_import_case(actor=SYSTEM, package=package)
        del package
        if vendor == "postgresql":  # what autovacuum would have done by the time anyone searches
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        print(
            f"{vendor}: built {Unit.objects.count()} units, {Element.objects.count()} elements, "
            f"{Criterion.objects.count()} criteria, {SearchEntry.objects.count()} search entries "
            f"in {time.perf_counter() - started:.0f} s; each query run {REPEAT} times"
        )
        rows = _measure(vendor, fw.pk)
        misses = _report(vendor, rows)
        for query in misses:
            print(f"\nwhy {query!r} is slow:")
            _why(vendor, query)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
