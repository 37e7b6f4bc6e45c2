"""Benchmark: import a 100,000-person roster (CSV), then import it again unchanged.

Target: each import under 60 s and the process under 500 MB at its peak. The floor, measured
in the same run on the same database, is a plain `csv` parse of the same file plus one
`executemany` INSERT of its rows into a scratch table: no checks, no lookups, no audit.

Runs on a throw-away test database (SQLite file in a temporary folder, or `bench_<name>` on
PostgreSQL when DATABASE_URL points there); never on the working database.

    python -m bench                      # every bench/bench_*.py
    python bench/bench_roster_import.py  # this one; ROSTER_ROWS=20000 for a quicker run
"""

from __future__ import annotations

import contextlib
import csv
import os
import random
import resource
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROWS = int(os.environ.get("ROSTER_ROWS", "100000"))
TARGET_SECONDS = 60.0
TARGET_MB = 500.0
FANOUT = 8
DIVISIONS = 20
WORKLOADS = ["A:30, S:70", "A:50, S:50", "T:100", "O:100", "M:80, A:20", "", "S:60, O:40"]
HEADERS = [
    "เลขประจำตัวประชาชน",
    "คำนำหน้าชื่อ",
    "ชื่อ",
    "นามสกุล",
    "ตำแหน่ง",
    "ประเภทตำแหน่ง",
    "ระดับตำแหน่ง",
    "สังกัด",
    "เลขประจำตัวประชาชนผู้บังคับบัญชา",
    "อีเมล",
    "สัดส่วนงาน",
    "กลุ่มตามเส้นทางความก้าวหน้า",
]


def _django() -> None:
    """Configure Django if nobody has yet (python -m bench may already have)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "digiskill.settings")
    os.environ.setdefault("DIGISKILL_TESTING", "1")
    src = Path(__file__).resolve().parent.parent / "src"
    if str(src) not in sys.path:
        sys.path.insert(0, str(src))
    import django
    from django.apps import apps

    if not apps.ready:
        django.setup()


@contextlib.contextmanager
def _scratch_database(folder: Path) -> Iterator[None]:
    """Create a test database for the run and destroy it afterwards."""
    from django.db import connection

    test = connection.settings_dict.setdefault("TEST", {})
    if connection.vendor == "sqlite":
        test["NAME"] = str(folder / "bench.sqlite3")
    else:
        test["NAME"] = f"bench_{connection.settings_dict['NAME']}"
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    try:
        yield
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


def _write_roster(path: Path, rows: int) -> None:
    """A roster of `rows` people: an 8-ary supervisor tree, shuffled so staff often precede bosses."""
    from digiskill.lib.national_id import generate_national_id

    rng = random.Random(2569)
    ids: list[str] = []
    seen: set[str] = set()
    while len(ids) < rows:
        nid = generate_national_id(rng)
        if nid not in seen:
            seen.add(nid)
            ids.append(nid)
    order = list(range(rows))
    rng.shuffle(order)
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(HEADERS)
        for i in order:
            boss = ids[(i - 1) // FANOUT] if i else ""
            writer.writerow(
                [
                    ids[i],
                    rng.choice(["นาย", "นาง", "นางสาว"]),
                    f"ชื่อ{i}",
                    f"นามสกุล{i % 997}",
                    rng.choice(["นักวิเคราะห์นโยบายและแผน", "นักวิชาการคอมพิวเตอร์", "เจ้าพนักงานธุรการ"]),
                    rng.choice(["วิชาการ", "ทั่วไป"]),
                    rng.choice(["ปฏิบัติการ", "ชำนาญการ", "ชำนาญงาน"]),
                    f"BENCH-DIV{i % DIVISIONS}",
                    boss,
                    f"p{i}@example.test" if i % 3 == 0 else "",
                    WORKLOADS[i % len(WORKLOADS)],
                    rng.choice(["", "A", "S", "T"]),
                ]
            )


def _department() -> Any:
    """The department and its divisions, with the OCSC framework loaded."""
    from digiskill.accounts.access import SYSTEM
    from digiskill.agencies.models import AgencyKind
    from digiskill.agencies.services import agency_save
    from digiskill.frameworks.loading import DATA_DIR, read_framework
    from digiskill.frameworks.services import framework_load

    framework_load(actor=SYSTEM, source=read_framework(DATA_DIR / "ocsc-2561" / "framework.yaml"))
    dept = agency_save(actor=SYSTEM, code="BENCH", name_th="กรมทดสอบสมรรถนะ", kind=AgencyKind.DEPARTMENT)
    for n in range(DIVISIONS):
        agency_save(
            actor=SYSTEM, code=f"BENCH-DIV{n}", name_th=f"กองที่ {n}", kind=AgencyKind.DIVISION, parent=dept
        )
    return dept


def _peak_mb() -> float:
    """The process's peak resident memory so far, in MB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _timed(label: str, work: Callable[[], Any]) -> tuple[float, Any]:
    """Run `work`, print and return its wall time."""
    start = time.perf_counter()
    result = work()
    seconds = time.perf_counter() - start
    print(f"  {label:<34} {seconds:7.2f} s   peak RSS {_peak_mb():6.0f} MB")
    return seconds, result


def _floor(path: Path) -> None:
    """Plain csv parse + one executemany INSERT of the same rows into a scratch table."""
    from django.db import connection, transaction

    columns = ", ".join(f"c{i} TEXT" for i in range(len(HEADERS)))
    marks = ", ".join(["%s"] * len(HEADERS))
    with path.open(encoding="utf-8", newline="") as stream, transaction.atomic():
        reader = csv.reader(stream)
        next(reader)
        with connection.cursor() as cursor:
            cursor.execute(f"CREATE TABLE bench_floor ({columns})")
            cursor.executemany(f"INSERT INTO bench_floor VALUES ({marks})", list(reader))  # noqa: S608


def _import(dept: Any, path: Path) -> Any:
    """The real thing: the same service the page and the command use."""
    from digiskill.accounts.access import SYSTEM
    from digiskill.people.services import roster_import

    return roster_import(actor=SYSTEM, agency=dept, source=path, filename=path.name)


def main() -> None:
    """Generate the file, import it twice, measure the floor, print the verdict."""
    _django()
    from django.db import connection

    with tempfile.TemporaryDirectory() as tmp, _scratch_database(Path(tmp)):
        path = Path(tmp) / "roster.csv"
        _write_roster(path, ROWS)
        dept = _department()
        size_mb = path.stat().st_size / 1e6
        print(f"roster import: {ROWS} rows, {size_mb:.1f} MB CSV, {connection.vendor}")
        first, record = _timed("first import (all created)", lambda: _import(dept, path))
        assert record.written and record.counts["created"] == ROWS, record.counts
        second, record = _timed("re-import (all unchanged)", lambda: _import(dept, path))
        assert record.counts["unchanged"] == ROWS, record.counts
        floor, _none = _timed("floor: csv + executemany", lambda: _floor(path))
        peak = _peak_mb()
        print(f"  ratio first/floor {first / floor:5.1f}x   re-import/floor {second / floor:5.1f}x")
        ok = max(first, second) < TARGET_SECONDS and peak < TARGET_MB
        print(
            f"  target: < {TARGET_SECONDS:.0f} s and < {TARGET_MB:.0f} MB -> "
            f"{'PASS' if ok else 'FAIL'} (slowest {max(first, second):.1f} s, peak {peak:.0f} MB)"
        )


if __name__ == "__main__":
    main()
