"""`load-demo`: the programme is there, demo-staff's page is full, and a second run writes nothing."""

from __future__ import annotations

from collections import Counter

from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from digiskill.accounts.models import AuditEntry, User
from digiskill.people.models import Person


def test_the_demo_department_has_its_digital_programme(db) -> None:
    call_command("load_demo", quiet_logins=True)
    groups = Counter(Person.objects.exclude(group=None).values_list("group__code", flat=True))
    assert set(groups) == {"E", "M", "A", "S", "T", "O"}
    client = Client()
    client.force_login(User.objects.get(username="demo-staff"))
    body = client.get(reverse("people:my_skills")).content.decode()
    for text in ("A1 ผู้ใช้ข้อมูลดิจิทัลที่ทันสมัย", "DLit100", "ความรู้", "ประสบการณ์", "คุณลักษณะ", "สมรรถนะ"):
        assert text in body
    assert "ไม่มีรายการที่กำหนด" not in body  # every component has items
    supervisor = Client()
    supervisor.force_login(User.objects.get(username="demo-supervisor"))
    assert "การจำแนกกลุ่มที่รอท่านพิจารณา" in supervisor.get(reverse("people:team")).content.decode()
    written = AuditEntry.objects.count()
    call_command("load_demo", quiet_logins=True)
    assert AuditEntry.objects.count() == written
