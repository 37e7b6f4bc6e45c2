"""The audit log: what changed (assign, diff, snapshot), one row per write, the client address."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.test import Client
from django.urls import reverse

from digiskill.accounts.access import SYSTEM, actor_of
from digiskill.accounts.audit import action_label, assign, audit_record, client_address, diff, snapshot
from digiskill.accounts.models import AuditEntry
from digiskill.people.services import person_save
from tests.factories import PASSWORD, Cast


def test_snapshot_gives_foreign_keys_as_ids_and_dates_as_text(cast: Cast) -> None:
    person = cast.staff_person
    values = snapshot(person, ["first_name", "supervisor", "agency"])
    assert values == {
        "first_name": person.first_name,
        "supervisor": cast.supervisor_person.pk,
        "agency": cast.dept.pk,
    }
    assert snapshot(cast.staff, ["date_joined"])["date_joined"] == cast.staff.date_joined.isoformat()


def test_diff_keeps_only_what_changed() -> None:
    assert diff({"a": 1, "b": "x"}, {"a": 1, "b": "y"}) == {"b": ["x", "y"]}
    assert diff({}, {"a": 1}) == {"a": [None, 1]}
    assert diff({"a": 1}, {"a": 1}) == {}


def test_assign_sets_values_and_returns_before_and_after(cast: Cast) -> None:
    person = cast.staff_person
    old = person.position
    changes = assign(person, {"position": "นักวิชาการคอมพิวเตอร์", "first_name": person.first_name})
    assert changes == {"position": [old, "นักวิชาการคอมพิวเตอร์"]}
    assert person.position == "นักวิชาการคอมพิวเตอร์"
    assert assign(person, {"position": "นักวิชาการคอมพิวเตอร์"}) == {}


def test_audit_record_fields(cast: Cast) -> None:
    entry = audit_record(
        actor=actor_of(cast.hr),
        action="person_update",
        obj=cast.staff_person,
        agency_id=cast.dept.pk,
        changes={"hours": [Decimal("1.5"), Decimal("2")], "on": [None, dt.date(2025, 10, 1)]},
    )
    entry.refresh_from_db()
    assert entry.actor == cast.hr and entry.actor_name == cast.hr.username
    assert entry.agency_id == cast.dept.pk
    assert entry.object_type == "people.person" and entry.object_id == str(cast.staff_person.pk)
    assert entry.object_repr == str(cast.staff_person)
    assert entry.changes == {"hours": ["1.5", "2"], "on": [None, "2025-10-01"]}
    assert entry.ip_address is None  # written outside a request
    # PostgreSQL's jsonb keeps keys in its own order: compare the rows, not their order.
    assert sorted(entry.change_rows(), key=lambda r: r[0]) == [
        ("hours", "1.5", "2"),
        ("on", None, "2025-10-01"),
    ]


def test_the_system_is_named_and_long_texts_are_cut(db: None) -> None:
    entry = audit_record(actor=SYSTEM, action="framework_update", object_repr="ก" * 300)
    assert entry.actor is None and entry.actor_name == "system"
    assert entry.object_type == "" and entry.object_id == "" and len(entry.object_repr) == 255


def test_client_address_is_recorded_inside_the_block_only(db: None) -> None:
    with client_address("203.0.113.7"):
        inside = audit_record(actor=SYSTEM, action="login")
    outside = audit_record(actor=SYSTEM, action="login")
    assert inside.ip_address == "203.0.113.7" and outside.ip_address is None


def test_a_request_records_its_client_address(cast: Cast) -> None:
    client = Client(REMOTE_ADDR="198.51.100.20")
    response = client.post(reverse("accounts:login"), {"username": cast.staff.username, "password": PASSWORD})
    assert response.status_code == 302
    entry = AuditEntry.objects.filter(action="login", actor=cast.staff).get()
    assert entry.ip_address == "198.51.100.20"


def test_an_unchanged_record_writes_nothing(cast: Cast) -> None:
    person = cast.staff_person
    fields = {
        "agency": person.agency,
        "national_id": person.national_id,
        "title": person.title,
        "first_name": person.first_name,
        "last_name": person.last_name,
        "position": person.position,
        "division": person.division,
        "supervisor": person.supervisor,
        "user": person.user,
    }
    before = AuditEntry.objects.count()
    person_save(actor=actor_of(cast.hr), **fields)
    assert AuditEntry.objects.count() == before
    person_save(actor=actor_of(cast.hr), **{**fields, "position": "ผู้เชี่ยวชาญ"})
    entry = AuditEntry.objects.latest("id")
    assert AuditEntry.objects.count() == before + 1
    assert entry.action == "person_update" and entry.changes["position"][1] == "ผู้เชี่ยวชาญ"


def test_action_labels_fall_back_to_the_code() -> None:
    assert action_label("login") != "login"
    assert action_label("no_such_action") == "no such action"
