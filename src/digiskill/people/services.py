"""Writes on people; each one is atomic and leaves one audit row."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from digiskill.accounts.audit import assign, audit_record
from digiskill.accounts.models import AuditEntry, Membership, User
from digiskill.agencies.models import Agency
from digiskill.agencies.selectors import agency_framework, groups_of
from digiskill.frameworks.models import PersonnelGroup
from digiskill.lib.national_id import validate_national_id
from digiskill.lib.tabular import Source
from digiskill.lib.text import normalise_text
from digiskill.people.classification import propose_group, spans_several_groups
from digiskill.people.models import Classification, ClassificationStatus, Person, RosterImport
from digiskill.people.roster import (
    MAX_KEPT_ERRORS,
    PERSON_TEXT_FIELDS,
    ExistingPerson,
    Lookups,
    RosterCheck,
    ValidRow,
    check_roster,
    chunks,
    existing_people,
    rejected_rows_csv,
)
from digiskill.people.signals import divisions_changed

PERSON_FIELDS = (
    "title",
    "first_name",
    "last_name",
    "first_name_en",
    "last_name_en",
    "position",
    "position_type",
    "position_level",
    "email",
)


def _check_links(agency: Agency, division: Agency | None, supervisor: Person | None) -> None:
    """Refuse a division or supervisor from another department."""
    if division is not None and division.department_id != agency.pk:
        raise ValidationError(_("The division belongs to another department."))
    if supervisor is not None and supervisor.agency_id != agency.pk:
        raise ValidationError(_("The supervisor belongs to another department."))


def _check_no_loop(person: Person, supervisor: Person | None) -> None:
    """Refuse a supervisor whose own chain of supervisors leads back to this person."""
    seen: set[int] = set()
    current = supervisor
    while current is not None and current.pk not in seen:
        if person.pk is not None and current.pk == person.pk:
            raise ValidationError(_("This supervisor would make the chain of supervisors loop."))
        seen.add(current.pk)
        current = current.supervisor


@transaction.atomic
def person_save(
    *,
    actor: User | None,
    agency: Agency,
    national_id: str,
    division: Agency | None = None,
    supervisor: Person | None = None,
    user: User | None = None,
    **fields: Any,
) -> Person:
    """Create the person with this national ID in the department, or update them."""
    unknown = set(fields) - set(PERSON_FIELDS)
    if unknown:
        raise TypeError(f"unknown person fields: {sorted(unknown)}")
    national_id = validate_national_id(national_id)
    _check_links(agency, division, supervisor)
    person = Person.objects.filter(agency=agency, national_id=national_id).first()
    created = person is None
    if person is None:
        person = Person(agency=agency, national_id=national_id)
    _check_no_loop(person, supervisor)
    values: dict[str, Any] = {k: normalise_text(str(v)) for k, v in fields.items()}
    values.update({"division": division, "supervisor": supervisor, "is_active": True})
    if user is not None:
        values["user"] = user
    changes = assign(person, values)
    if not created and not changes:
        return person
    person.save()
    if not created and "division" in changes:
        divisions_changed.send(sender=Person, agency_id=agency.pk, person_ids=[person.pk])
    audit_record(
        actor=actor,
        action="person_create" if created else "person_update",
        obj=person,
        agency_id=agency.pk,
        changes=changes,
    )
    return person


@transaction.atomic
def person_set_workload(
    *, actor: User | None, person: Person, workload: dict[str, int], career_path_group: str = ""
) -> Person:
    """Record a person's workload shares by group and career-path group; unchanged values write nothing."""
    framework = agency_framework(person.agency)
    codes = {g.code for g in groups_of(framework)}
    unknown = (set(workload) | ({career_path_group} if career_path_group else set())) - codes
    if unknown or (workload and sum(workload.values()) != 100) or any(v < 0 for v in workload.values()):
        raise ValidationError(_("Shares must be of the framework's groups and add up to 100."))
    changes = assign(person, {"workload": dict(workload), "career_path_group": career_path_group})
    if changes:
        person.save(update_fields=["workload", "career_path_group", "updated_at"])
        audit_record(
            actor=actor, action="person_update", obj=person, agency_id=person.agency_id, changes=changes
        )
    return person


# --- classification into the personnel groups (Org 1.3, Ind 1) ----------------------------------


def _is_hr(user: User | None, agency_id: int) -> bool:
    """True for the system itself (no user) and for the department's HR administrators."""
    if user is None:
        return True
    return Membership.objects.filter(
        user=user, agency_id=agency_id, is_active=True, is_hr_admin=True
    ).exists()


def _is_user(person: Person | None, user: User | None) -> bool:
    """True when `person` is the record of `user`."""
    return person is not None and user is not None and person.user_id == user.pk


def latest_classification(person: Person) -> Classification | None:
    """The person's most recent classification step."""
    return person.classifications.select_related("group").order_by("-created_at", "-id").first()


def _check_group(person: Person, group: PersonnelGroup) -> None:
    """Refuse a group of a framework other than the department's."""
    framework = agency_framework(person.agency)
    if framework is None or group.framework_id != framework.pk:
        raise ValidationError(_("The group is not one of the department's framework."))


def _record_step(
    *,
    actor: User | None,
    person: Person,
    group: PersonnelGroup,
    status: ClassificationStatus,
    specific_role_th: str,
    reason: str,
) -> Classification:
    """Write one classification step, put it in effect when final, and audit it."""
    specific_role_th = normalise_text(specific_role_th)
    step = Classification.objects.create(
        agency_id=person.agency_id,
        person=person,
        group=group,
        status=status,
        specific_role_th=specific_role_th,
        needs_approval=bool(specific_role_th) and spans_several_groups(person.workload or {}),
        workload=person.workload or {},
        reason=normalise_text(reason),
        actor=actor,
    )
    if step.is_final:
        person.group = group
        person.specific_role_th = specific_role_th
        person.save(update_fields=["group", "specific_role_th", "updated_at"])
    audit_record(
        actor=actor,
        action=f"classification_{status.value}",
        obj=person,
        agency_id=person.agency_id,
        changes={"group": [None, group.code], "status": [None, status.value], "reason": [None, step.reason]},
    )
    return step


@transaction.atomic
def classification_propose(
    *,
    actor: User | None,
    person: Person,
    group: PersonnelGroup,
    specific_role_th: str = "",
    reason: str = "",
) -> Classification:
    """The person (or HR) proposes a group, and maybe a person-specific role, for the supervisor to agree."""
    if not (_is_user(person, actor) or _is_hr(actor, person.agency_id)):
        raise PermissionDenied
    _check_group(person, group)
    return _record_step(
        actor=actor,
        person=person,
        group=group,
        status=ClassificationStatus.PROPOSED,
        specific_role_th=specific_role_th,
        reason=reason,
    )


def _check_decider(actor: User | None, person: Person, boss: Person | None) -> None:
    """Allow the given supervisor, or HR when the person has no such supervisor (and the system itself)."""
    if actor is None or (boss is not None and _is_user(boss, actor)):
        return
    if boss is None and _is_hr(actor, person.agency_id):
        return
    raise PermissionDenied


@transaction.atomic
def classification_agree(*, actor: User | None, person: Person) -> Classification:
    """The supervisor agrees with the proposed group (HR does, for someone with no supervisor)."""
    _check_decider(actor, person, person.supervisor)
    step = latest_classification(person)
    if step is None or step.status != ClassificationStatus.PROPOSED:
        raise ValidationError(_("No proposal awaits agreement."))
    return _record_step(
        actor=actor,
        person=person,
        group=step.group,
        status=ClassificationStatus.AGREED,
        specific_role_th=step.specific_role_th,
        reason=step.reason,
    )


@transaction.atomic
def classification_change(
    *,
    actor: User | None,
    person: Person,
    group: PersonnelGroup,
    reason: str,
    specific_role_th: str = "",
) -> Classification:
    """The supervisor sets another group (or role) than proposed, and says why."""
    _check_decider(actor, person, person.supervisor)
    _check_group(person, group)
    if not normalise_text(reason):
        raise ValidationError(_("Say why the group is changed."))
    return _record_step(
        actor=actor,
        person=person,
        group=group,
        status=ClassificationStatus.CHANGED,
        specific_role_th=specific_role_th,
        reason=reason,
    )


@transaction.atomic
def classification_approve(*, actor: User | None, person: Person) -> Classification:
    """The next-level supervisor approves a person-specific role for work spanning several groups."""
    supervisor = person.supervisor
    _check_decider(actor, person, supervisor.supervisor if supervisor is not None else None)
    step = latest_classification(person)
    if step is None or not step.awaiting_approval:
        raise ValidationError(_("No classification awaits approval."))
    return _record_step(
        actor=actor,
        person=person,
        group=step.group,
        status=ClassificationStatus.APPROVED,
        specific_role_th=step.specific_role_th,
        reason=step.reason,
    )


@transaction.atomic
def classification_bulk_propose(*, actor: User | None, division: Agency) -> dict[str, int]:
    """HR proposes, by the workload rule, a group for everyone of a division not yet classified."""
    if division.department_id is None or not _is_hr(actor, division.department_id):
        raise PermissionDenied
    framework = agency_framework(division.department) if division.department else None
    groups = {g.code: g for g in PersonnelGroup.objects.filter(framework=framework)}
    pending = Classification.objects.filter(person=OuterRef("pk"))
    people = list(
        Person.objects.filter(
            Q(division=division) | Q(division__parent=division),
            agency_id=division.department_id,
            is_active=True,
            group__isnull=True,
        )
        .annotate(has_steps=Exists(pending))
        .filter(has_steps=False)
    )
    steps = []
    for person in people:
        code = propose_group(person.workload or {}, person.career_path_group or None)
        if code in groups:
            steps.append(
                Classification(
                    agency_id=person.agency_id,
                    person=person,
                    group=groups[code],
                    status=ClassificationStatus.PROPOSED,
                    workload=person.workload or {},
                    reason=_("Proposed by the workload rule."),
                    actor=actor,
                )
            )
    Classification.objects.bulk_create(steps, batch_size=1000)
    counts = {"proposed": len(steps), "undecided": len(people) - len(steps)}
    audit_record(
        actor=actor,
        action="classification_bulk_propose",
        obj=division,
        agency_id=division.department_id,
        changes={k: [None, v] for k, v in counts.items()},
    )
    return counts


# --- roster import (Org 1.3) -------------------------------------------------------------------

BATCH = 2000


@dataclass
class RosterPlan:
    """What an import will do: who is created, updated, left alone, deactivated."""

    create: list[ValidRow] = field(default_factory=list)
    update: list[tuple[ValidRow, ExistingPerson, dict[str, list[Any]]]] = field(default_factory=list)
    unchanged: int = 0
    deactivate: list[tuple[str, ExistingPerson]] = field(default_factory=list)


def _row_changes(row: ValidRow, old: ExistingPerson) -> dict[str, list[Any]]:
    """{field: [before, after]} between a person on record and their row in the file."""
    changes = {
        name: [before, after]
        for name, before, after in zip(PERSON_TEXT_FIELDS, old.text, row.text, strict=True)
        if before != after
    }
    pairs: dict[str, tuple[Any, Any]] = {
        "division": (old.division_id, row.division_id),
        "supervisor": (old.supervisor_nid, row.supervisor_nid),
        "workload": (old.workload, row.workload or {}),
        "career_path_group": (old.career_path_group, row.career_path_group),
        "is_active": (old.is_active, True),
    }
    changes.update({k: [a, b] for k, (a, b) in pairs.items() if a != b})
    return changes


def roster_plan(check: RosterCheck, existing: dict[str, ExistingPerson], *, partial: bool) -> RosterPlan:
    """Compare the valid rows with the department's people."""
    plan = RosterPlan()
    for row in check.rows:
        old = existing.get(row.national_id)
        if old is None:
            plan.create.append(row)
            continue
        changes = _row_changes(row, old)
        if changes:
            plan.update.append((row, old, changes))
        else:
            plan.unchanged += 1
    if not partial:
        plan.deactivate = [
            (nid, p) for nid, p in existing.items() if p.is_active and nid not in check.present
        ]
    return plan


def _full_name(text: tuple[str, ...]) -> str:
    """Title and names, as Person.full_name gives them."""
    return f"{text[0]}{text[1]} {text[2]}".strip()[:255]


def _creation_levels(rows: list[ValidRow]) -> list[list[ValidRow]]:
    """New people ordered so that each one's supervisor is created before them."""
    creating = {r.national_id: r for r in rows}
    depth: dict[str, int] = {}
    for row in rows:
        chain: list[str] = []
        nid = row.national_id
        while nid in creating and nid not in depth:
            chain.append(nid)
            nid = creating[nid].supervisor_nid
        level = depth.get(nid, -1)
        for member in reversed(chain):
            level += 1
            depth[member] = level
    levels: list[list[ValidRow]] = [[] for _ in range(max(depth.values(), default=-1) + 1)]
    for row in rows:
        levels[depth[row.national_id]].append(row)
    return levels


class _Audit:
    """Per-person audit rows of an import, written in bulk batches."""

    def __init__(self, actor: User | None, agency: Agency, ip: str | None) -> None:
        self.actor, self.agency, self.ip = actor, agency, ip
        self.pending: list[AuditEntry] = []

    def add(self, action: str, pk: int, name: str, changes: dict[str, Any]) -> None:
        """Queue one row; write the batch when it is full."""
        self.pending.append(
            AuditEntry(
                agency=self.agency,
                actor=self.actor,
                actor_name=(self.actor.get_username() if self.actor else "system")[:150],
                action=action,
                object_type="people.person",
                object_id=str(pk),
                object_repr=name,
                changes=changes,
                ip_address=self.ip,
            )
        )
        if len(self.pending) >= BATCH:
            self.flush()

    def flush(self) -> None:
        """Write what is queued."""
        AuditEntry.objects.bulk_create(self.pending, batch_size=BATCH)
        self.pending = []


def _person_values(row: ValidRow, pk_of: dict[str, int]) -> dict[str, Any]:
    """The fields of a Person for a row."""
    values: dict[str, Any] = dict(zip(PERSON_TEXT_FIELDS, row.text, strict=True))
    values.update(
        division_id=row.division_id,
        supervisor_id=pk_of.get(row.supervisor_nid) if row.supervisor_nid else None,
        workload=row.workload or {},
        career_path_group=row.career_path_group,
        is_active=True,
    )
    return values


def _apply_creates(plan: RosterPlan, agency: Agency, pk_of: dict[str, int], audit: _Audit) -> None:
    """Create the new people level by level, in bulk, so supervisors exist before their staff."""
    for level in _creation_levels(plan.create):
        for batch in chunks(level, BATCH):
            people = [
                Person(agency=agency, national_id=r.national_id, **_person_values(r, pk_of)) for r in batch
            ]
            Person.objects.bulk_create(people)
            for row, person in zip(batch, people, strict=True):
                pk_of[row.national_id] = person.pk
                changes = {k: [None, v] for k, v in zip(PERSON_TEXT_FIELDS, row.text, strict=True) if v}
                audit.add("person_create", person.pk, _full_name(row.text), changes)


UPDATE_FIELDS = [*PERSON_TEXT_FIELDS, "division", "supervisor", "workload", "career_path_group", "is_active"]


def _apply_updates(plan: RosterPlan, pk_of: dict[str, int], audit: _Audit) -> None:
    """Update the people whose row differs from their record, in bulk."""
    now = timezone.now()
    for batch in chunks(plan.update, 500):
        people = [Person(pk=old.pk, updated_at=now, **_person_values(row, pk_of)) for row, old, _c in batch]
        Person.objects.bulk_update(people, [*UPDATE_FIELDS, "updated_at"])
        for row, old, changes in batch:
            audit.add("person_update", old.pk, _full_name(row.text), changes)
        moved = [old.pk for _row, old, changes in batch if "division" in changes]
        if moved:
            divisions_changed.send(sender=Person, agency_id=audit.agency.pk, person_ids=moved)


def _apply_deactivations(plan: RosterPlan, audit: _Audit) -> None:
    """Deactivate the people of the department who are not in a full roster."""
    now = timezone.now()
    for batch in chunks(plan.deactivate, 1000):
        Person.objects.filter(pk__in=[p.pk for _n, p in batch]).update(is_active=False, updated_at=now)
        for _nid, person in batch:
            audit.add("person_deactivate", person.pk, _full_name(person.text), {"is_active": [True, False]})


def _counts(check: RosterCheck, plan: RosterPlan) -> dict[str, int]:
    """The figures of the import report."""
    return {
        "rows": check.total_rows,
        "valid": len(check.rows),
        "rejected": len(check.rejected),
        "errors": len(check.errors),
        "created": len(plan.create),
        "updated": len(plan.update),
        "unchanged": plan.unchanged,
        "deactivated": len(plan.deactivate),
    }


def _orphan_warnings(check: RosterCheck, plan: RosterPlan) -> list[str]:
    """Warn when rows name a supervisor who is not in a full roster and is therefore deactivated."""
    gone = {nid for nid, _person in plan.deactivate}
    n = sum(1 for row in check.rows if row.supervisor_nid in gone)
    if not n:
        return []
    return [
        f"{n} แถวระบุผู้บังคับบัญชาที่ไม่มีในไฟล์ ซึ่งจะถูกปิดสถานะ / "
        f"{n} rows name a supervisor who is not in the file and is deactivated"
    ]


@transaction.atomic
def roster_import(
    *,
    actor: User | None,
    agency: Agency,
    source: Source,
    filename: str,
    dry_run: bool = False,
    skip_invalid: bool = False,
    partial: bool = False,
) -> RosterImport:
    """Check a roster file and, when every row is valid (or invalid rows are skipped), write it in bulk.

    People are matched by national ID: new ones are created, changed ones updated, and (unless
    `partial`) active people of the department missing from the file are deactivated. One
    summary audit row, plus one per person created, updated or deactivated (bulk-written).
    """
    existing = existing_people(agency)
    lookups = Lookups(agency, groups_of(agency_framework(agency)))
    check = check_roster(source, filename=filename, lookups=lookups, existing_ids=existing)
    plan = roster_plan(check, existing, partial=partial)
    check.warnings.extend(_orphan_warnings(check, plan))
    write = not dry_run and (skip_invalid or not check.errors)
    record = RosterImport.objects.create(
        agency=agency,
        actor=actor,
        filename=check.filename[:255],
        dry_run=dry_run,
        skip_invalid=skip_invalid,
        partial=partial,
        written=write,
        counts=_counts(check, plan),
        errors=[str(e) for e in check.errors[:MAX_KEPT_ERRORS]],
        warnings=check.warnings,
        rejected_csv=rejected_rows_csv(source, filename=filename, rejected=check.rejected)
        if check.rejected
        else "",
    )
    summary = audit_record(
        actor=actor,
        action="roster_import" if write else "roster_check",
        obj=record,
        agency_id=agency.pk,
        changes={k: [None, v] for k, v in record.counts.items()},
    )
    if write:
        audit = _Audit(actor, agency, summary.ip_address)
        pk_of = {nid: p.pk for nid, p in existing.items()}
        _apply_creates(plan, agency, pk_of, audit)
        _apply_updates(plan, pk_of, audit)
        _apply_deactivations(plan, audit)
        audit.flush()
    return record
