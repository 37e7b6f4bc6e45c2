"""The demo department's example resources: labelled as examples, linked to OCSC units, idempotent."""

from __future__ import annotations

from digiskill.accounts.models import AuditEntry
from digiskill.demo.learning import DEMO_RESOURCES, demo_resources
from digiskill.frameworks.models import SkillItem
from digiskill.learning.models import LearningResource
from digiskill.learning.selectors import suggest_for
from tests.factories import Cast


def test_demo_resources_are_examples_linked_to_units_and_loaded_once(world: Cast) -> None:
    first = demo_resources(world.dept)
    assert len(first) == len(DEMO_RESOURCES) == 15
    assert all(r.agency == world.dept and "(ตัวอย่าง)" in r.provider and r.url == "" for r in first)
    assert all(r.code.startswith("DEMO-") and "ตัวอย่าง" in r.description for r in first)
    assert all(r.units.exists() for r in first)
    expected = sum(len(d.units) for d in DEMO_RESOURCES)
    assert sum(r.units.count() for r in first) == expected  # every code is a unit of OCSC 2561
    assert {r.kind for r in first} >= {"e_learning", "course", "classroom", "seminar", "book", "community"}
    writes = AuditEntry.objects.filter(action__startswith="learning").count()
    again = demo_resources(world.dept)
    assert [r.pk for r in again] == [r.pk for r in first]
    assert AuditEntry.objects.filter(action__startswith="learning").count() == writes
    assert LearningResource.objects.count() == 15


def test_demo_resources_answer_most_knowledge_items_of_the_dcio_skill_set(world: Cast) -> None:
    demo_resources(world.dept)
    items = SkillItem.objects.filter(skill_set__code="DCIO", component__code="knowledge", baseline=False)
    answered = [i.text_th for i in items if suggest_for(world.dept, text=i.text_th)]
    assert len(answered) >= len(items) * 2 // 3, answered
