"""Suggestions for a gap and the catalog filters: own resources first, unknown hours last, on both engines."""

from __future__ import annotations

import pytest

from digiskill.accounts.access import SYSTEM, actor_for
from digiskill.learning.selectors import (
    CatalogFilter,
    catalog,
    key_phrases,
    resources_for_agency,
    resources_for_unit,
    similarity,
    suggest_for,
)
from digiskill.learning.services import resource_deactivate
from tests.factories import Cast
from tests.learning.conftest import make_resource, unit


def codes(rows) -> list[str]:
    return [r.code for r in rows]


def test_linked_resources_come_own_first_then_shortest_with_unknown_hours_last(world: Cast) -> None:
    dts = unit("DTR100")
    make_resource(None, "S-LONG", units=("DTR100",), hours="20")
    make_resource(None, "S-NONE", units=("DTR100",))
    make_resource(None, "S-SHORT", units=("DTR100",), hours="1")
    make_resource(world.dept, "D-NONE", units=("DTR100",))
    make_resource(world.dept, "D-LONG", units=("DTR100",), hours="10")
    make_resource(world.other_dept, "O-SHORT", units=("DTR100",), hours="0.5")
    make_resource(world.dept, "D-OTHER-UNIT", units=("DS500",), hours="1")
    expected = ["D-LONG", "D-NONE", "S-SHORT", "S-LONG", "S-NONE"]
    assert codes(resources_for_unit(world.dept, dts)) == expected
    assert codes(suggest_for(world.dept, unit_id=dts.pk, limit=10)) == expected
    assert codes(suggest_for(world.dept, unit_id=dts.pk)) == expected[:3]
    assert codes(suggest_for(None, unit_id=dts.pk, limit=10)) == ["S-SHORT", "S-LONG", "S-NONE"]
    assert codes(resources_for_unit(world.other_dept, dts, limit=2)) == ["O-SHORT", "S-SHORT"]


def test_deactivated_resources_are_never_suggested(world: Cast) -> None:
    r = make_resource(world.dept, "D-1", units=("DG500",))
    resource_deactivate(actor=SYSTEM, resource=r)
    assert suggest_for(world.dept, unit_id=unit("DG500").pk) == []
    assert not resources_for_agency(world.dept).exists()


def test_knowledge_items_are_matched_by_topics_in_thai_and_english(world: Cast) -> None:
    make_resource(None, "RISK", topics=("การบริหารความเสี่ยงดิจิทัล",), hours="6")
    make_resource(world.dept, "RISK-OWN", topics=("Digital Risk Management",), hours="12")
    make_resource(None, "PM", topics=("การบริหารโครงการ",))
    make_resource(None, "SEC", topics=("ความมั่นคงปลอดภัยไซเบอร์",))
    make_resource(None, "AGILE", title="ทำงานแบบอไจล์ (Agile) ในภาครัฐ")
    make_resource(world.other_dept, "RISK-OTHER", topics=("การจัดการความเสี่ยงดิจิทัล",))
    risk = "ความรู้ด้านการจัดการความเสี่ยงดิจิทัล (Digital Risk Management)"
    assert codes(suggest_for(world.dept, text=risk)) == ["RISK-OWN", "RISK"]
    assert codes(suggest_for(world.dept, text="ความรู้ด้านการจัดการโครงการ (Project Management)")) == ["PM"]
    security = "ความรู้เกี่ยวกับความมั่นคงปลอดภัยด้านเทคโนโลยีสารสนเทศ (Cyber Security)"
    assert codes(suggest_for(world.dept, text=security)) == ["SEC"]
    agile = "ความรู้เกี่ยวกับการทำงานและประยุกต์ใช้งานแบบอไจล์ (Agile)"
    assert codes(suggest_for(world.dept, text=agile)) == ["AGILE"]
    assert suggest_for(world.dept, text="ความรู้พื้นฐานตามหมวด ๒") == []
    assert suggest_for(world.dept, text="   ") == []


def test_a_unit_without_resources_falls_back_to_its_text(world: Cast) -> None:
    make_resource(None, "RISK", topics=("การบริหารความเสี่ยงดิจิทัล",))
    dg500 = unit("DG500")
    assert codes(suggest_for(world.dept, unit_id=dg500.pk, text=dg500.name_th)) == ["RISK"]
    assert suggest_for(world.dept, unit_id=dg500.pk) == []


@pytest.mark.parametrize(
    ("text", "phrases"),
    [
        (
            "ความรู้เกี่ยวกับสถาปัตยกรรมองค์กร (Enterprise Architecture)",
            ["enterprise architecture", "สถาปัตยกรรมองค์กร"],
        ),
        ("เทคนิคการออกแบบการให้บริการ", ["ออกแบบการให้บริการ"]),
        ("ความรู้", []),
    ],
)
def test_key_phrases_drop_the_generic_openings(text: str, phrases: list[str]) -> None:
    assert key_phrases(text) == phrases


def test_similarity_is_symmetric_and_one_for_containment() -> None:
    assert similarity("ความเสี่ยง", "จัดการความเสี่ยงดิจิทัล") == 1.0
    a, b = "ความมั่นคงปลอดภัยไซเบอร์", "ความมั่นคงปลอดภัยด้านเทคโนโลยีสารสนเทศ"
    assert similarity(a, b) == similarity(b, a) > 0.6
    assert similarity("จัดการโครงการ", "กฎหมายดิจิทัล") < 0.2


def test_the_catalog_filters(world: Cast) -> None:
    make_resource(
        None, "A", title="การวิเคราะห์ข้อมูล", kind="e_learning", cost="0", units=("DT600",), provider="ผู้จัด ก"
    )
    make_resource(
        None, "B", title="Data Analytics", kind="course", cost="2500", language="en", units=("DT600", "DS500")
    )
    make_resource(
        world.dept, "C", title="ออกแบบบริการ", kind="classroom", topics=("Service Design",), units=("DS100",)
    )
    make_resource(world.other_dept, "D", title="ของกรมอื่น วิเคราะห์ข้อมูล")
    actor = actor_for(world.staff)

    def found(**f) -> list[str]:
        return sorted(codes(catalog(actor, CatalogFilter(**f))))

    assert found() == ["A", "B", "C"]
    assert found(q="วิเคราะห์") == ["A"]
    assert found(q="DATA analytics") == ["B"]
    assert found(q="service design") == ["C"]
    assert found(q="ds500") == ["B"]
    assert found(kind="course") == ["B"]
    assert found(provider="ผู้จัด ก") == ["A"]
    assert found(language="en") == ["B"]
    assert found(unit="DT600") == ["A", "B"]
    assert found(area="DS") == ["B", "C"]
    assert found(cost="free") == ["A"]
    assert found(cost="paid") == ["B"]
    assert found(inactive=True) == []
    sysadmin = actor_for(world.sysadmin)
    assert sorted(codes(catalog(sysadmin, CatalogFilter()))) == ["A", "B"]
