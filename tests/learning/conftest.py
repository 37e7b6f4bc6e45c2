"""Fixtures of the learning tests: the OCSC framework, CSV files, and resources of each owner."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

import pytest

from digiskill.accounts.access import SYSTEM
from digiskill.frameworks.models import Framework, Unit
from digiskill.learning.models import LearningResource
from digiskill.learning.parsing import ResourceInput
from digiskill.learning.services import resource_create
from tests.factories import Cast

HEADERS_TH = [
    "รหัส",
    "ชื่อ",
    "ผู้จัด",
    "ประเภท",
    "ลิงก์",
    "จำนวนชั่วโมง",
    "ค่าใช้จ่าย",
    "ภาษา",
    "หน่วยสมรรถนะ",
    "หัวข้อความรู้",
    "รายละเอียด",
]
HEADERS_EN = [
    "code",
    "title",
    "provider",
    "kind",
    "url",
    "hours",
    "cost",
    "language",
    "units",
    "topics",
    "description",
]
GOOD_ROWS = [
    [
        "LR-001",
        "การเปลี่ยนผ่านสู่รัฐบาลดิจิทัล",
        "กองพัฒนาบุคลากร",
        "อีเลิร์นนิง",
        "https://learn.example.test/dtr",
        "3",
        "ฟรี",
        "ไทย",
        "DTR100, DLit100",
        "การเปลี่ยนผ่านสู่ดิจิทัล | รัฐบาลดิจิทัล",
        "เรียนด้วยตนเอง",
    ],
    [
        "LR-002",
        "บริหารความเสี่ยงดิจิทัล",
        "ศูนย์ไอซีที",
        "course",
        "",
        "12",
        "3,500",
        "th-en",
        "DG500",
        "การจัดการความเสี่ยงดิจิทัล (Digital Risk Management)",
        "",
    ],
    [
        "LR-003",
        "คู่มือออกแบบบริการ",
        "กองพัฒนาบุคลากร",
        "หนังสือ/บทความ",
        "www.example.test/book",
        "",
        "",
        "English",
        "DS100;DS300",
        "",
        "",
    ],
]


def csv_bytes(
    rows: list[list[str]], *, headers: list[str] = HEADERS_TH, encoding: str = "utf-8-sig"
) -> bytes:
    """A CSV file of resources in the given encoding."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(headers)
    writer.writerows(rows)
    return buffer.getvalue().encode(encoding)


def unit(code: str) -> Unit:
    """A unit of the OCSC framework by code."""
    return Unit.objects.get(framework__code="OCSC-2561", code=code)


def make_resource(
    agency,
    code: str,
    *,
    title: str = "",
    units: tuple[str, ...] = (),
    hours: str | None = None,
    topics: tuple[str, ...] = (),
    kind: str = "course",
    cost: str | None = None,
    provider: str = "ผู้จัดทดสอบ",
    language: str = "th",
) -> LearningResource:
    """A resource of a department (or shared, for agency=None), written by the system."""
    return resource_create(
        actor=SYSTEM,
        agency=agency,
        data=ResourceInput(
            code=code,
            title=title or f"แหล่งเรียนรู้ {code}",
            provider=provider,
            kind=kind,
            hours=Decimal(hours) if hours is not None else None,
            cost=Decimal(cost) if cost is not None else None,
            language=language,
            topics=topics,
            unit_ids=tuple(unit(c).pk for c in units),
        ),
    )


@pytest.fixture
def world(cast: Cast, ocsc: Framework) -> Cast:
    """The cast with the framework loaded."""
    return cast
