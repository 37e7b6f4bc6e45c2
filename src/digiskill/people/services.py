"""Writes on people; each one is atomic and leaves one audit row.

The roster import is the one exception to "atomic as a whole": it reads and checks the file
outside any transaction, then writes in one short transaction (see `roster_import`).
"""

from __future__ import annotations

from pathlib import Path
from typing import IO, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from digiskill.accounts.access import Actor, is_hr_admin
from digiskill.accounts.audit import AuditBatch, assign, audit_record
from digiskill.accounts.models import User
from digiskill.agencies.models import Agency
from digiskill.agencies.selectors import agency_framework, groups_of
from digiskill.frameworks.models import PersonnelGroup
from digiskill.lib.messages import Refusal, in_both, text
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
    RosterLimits,
    RosterPlan,
    ValidRow,
    check_roster,
    chunks,
    existing_people,
    reject_bad_supervisors,
    rejected_rows_csv,
    roster_plan,
)
from digiskill.people.selectors import latest_classification
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
        raise Refusal(_("The division belongs to another department."))
    if supervisor is not None and supervisor.agency_id != agency.pk:
        raise Refusal(_("The supervisor belongs to another department."))


def _check_no_loop(person: Person, supervisor: Person | None) -> None:
    """Refuse a supervisor whose own chain of supervisors leads back to this person."""
    seen: set[int] = set()
    current = supervisor
    while current is not None and current.pk not in seen:
        if person.pk is not None and current.pk == person.pk:
            raise Refusal(_("This supervisor would make the chain of supervisors loop."))
        seen.add(current.pk)
        current = current.supervisor


@transaction.atomic
def person_save(
    *,
    actor: Actor,
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
    *, actor: Actor, person: Person, workload: dict[str, int], career_path_group: str = ""
) -> Person:
    """Record a person's workload shares by group and career-path group; unchanged values write nothing."""
    framework = agency_framework(person.agency)
    codes = {g.code for g in groups_of(framework)}
    unknown = (set(workload) | ({career_path_group} if career_path_group else set())) - codes
    if unknown or (workload and sum(workload.values()) != 100) or any(v < 0 for v in workload.values()):
        raise Refusal(_("Shares must be of the framework's groups and add up to 100."))
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
    return is_hr_admin(user, agency_id)


def _is_user(person: Person | None, user: User | None) -> bool:
    """True when `person` is the record of `user`."""
    return person is not None and user is not None and person.user_id == user.pk


def _check_group(person: Person, group: PersonnelGroup) -> None:
    """Refuse a group of a framework other than the department's."""
    framework = agency_framework(person.agency)
    if framework is None or group.framework_id != framework.pk:
        raise Refusal(_("The group is not one of the department's framework."))


def _record_step(
    *,
    actor: Actor,
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
        actor=actor.user,
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
    actor: Actor,
    person: Person,
    group: PersonnelGroup,
    specific_role_th: str = "",
    reason: str = "",
) -> Classification:
    """The person (or HR) proposes a group, and maybe a person-specific role, for the supervisor to agree."""
    if not (_is_user(person, actor.user) or _is_hr(actor.user, person.agency_id)):
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


def _check_decider(actor: Actor, person: Person, boss: Person | None) -> None:
    """Allow the given supervisor, or HR when the person has no such supervisor (and the system itself)."""
    if actor.is_system or (boss is not None and _is_user(boss, actor.user)):
        return
    if boss is None and _is_hr(actor.user, person.agency_id):
        return
    raise PermissionDenied


@transaction.atomic
def classification_agree(*, actor: Actor, person: Person) -> Classification:
    """The supervisor agrees with the proposed group (HR does, for someone with no supervisor)."""
    _check_decider(actor, person, person.supervisor)
    step = latest_classification(person)
    if step is None or step.status != ClassificationStatus.PROPOSED:
        raise Refusal(_("No proposal awaits agreement."))
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
    actor: Actor,
    person: Person,
    group: PersonnelGroup,
    reason: str,
    specific_role_th: str = "",
) -> Classification:
    """The supervisor sets another group (or role) than proposed, and says why."""
    _check_decider(actor, person, person.supervisor)
    _check_group(person, group)
    if not normalise_text(reason):
        raise Refusal(_("Say why the group is changed."))
    return _record_step(
        actor=actor,
        person=person,
        group=group,
        status=ClassificationStatus.CHANGED,
        specific_role_th=specific_role_th,
        reason=reason,
    )


@transaction.atomic
def classification_approve(*, actor: Actor, person: Person) -> Classification:
    """The next-level supervisor approves a person-specific role for work spanning several groups."""
    supervisor = person.supervisor
    _check_decider(actor, person, supervisor.supervisor if supervisor is not None else None)
    step = latest_classification(person)
    if step is None or not step.awaiting_approval:
        raise Refusal(_("No classification awaits approval."))
    return _record_step(
        actor=actor,
        person=person,
        group=step.group,
        status=ClassificationStatus.APPROVED,
        specific_role_th=step.specific_role_th,
        reason=step.reason,
    )


@transaction.atomic
def classification_bulk_propose(*, actor: Actor, division: Agency) -> dict[str, int]:
    """HR proposes, by the workload rule, a group for everyone of a division not yet classified."""
    if division.department_id is None or not _is_hr(actor.user, division.department_id):
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
                    reason=gettext("Proposed by the workload rule."),
                    actor=actor.user,
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
MAX_LISTED = 1000  # people named on the deactivation list of an import (the count is always whole)


class RosterBusy(ValidationError):
    """Another change to the department's people collided with this import."""


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


def _audit_person(audit: AuditBatch, action: str, pk: int, name: str, changes: dict[str, Any]) -> None:
    """Queue the audit row of one person written by an import."""
    audit.add(action=action, object_type="people.person", object_id=pk, object_repr=name, changes=changes)


def _apply_creates(plan: RosterPlan, agency: Agency, pk_of: dict[str, int], audit: AuditBatch) -> None:
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
                _audit_person(audit, "person_create", person.pk, _full_name(row.text), changes)


UPDATE_FIELDS = [*PERSON_TEXT_FIELDS, "division", "supervisor", "workload", "career_path_group", "is_active"]


def _apply_updates(plan: RosterPlan, agency: Agency, pk_of: dict[str, int], audit: AuditBatch) -> None:
    """Update the people whose row differs from their record, in bulk."""
    now = timezone.now()
    for batch in chunks(plan.update, 500):
        people = [Person(pk=old.pk, updated_at=now, **_person_values(row, pk_of)) for row, old, _c in batch]
        Person.objects.bulk_update(people, [*UPDATE_FIELDS, "updated_at"])
        for row, old, changes in batch:
            _audit_person(audit, "person_update", old.pk, _full_name(row.text), changes)
        moved = [old.pk for _row, old, changes in batch if "division" in changes]
        if moved:
            divisions_changed.send(sender=Person, agency_id=agency.pk, person_ids=moved)


def _apply_deactivations(plan: RosterPlan, audit: AuditBatch) -> None:
    """Deactivate the people of the department who are not in a confirmed whole roster."""
    now = timezone.now()
    for batch in chunks(plan.deactivate, 1000):
        Person.objects.filter(pk__in=[p.pk for _n, p in batch]).update(is_active=False, updated_at=now)
        for _nid, person in batch:
            _audit_person(
                audit, "person_deactivate", person.pk, _full_name(person.text), {"is_active": [True, False]}
            )


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


def _supervised(check: RosterCheck, plan: RosterPlan, existing: dict[str, ExistingPerson]) -> dict[str, int]:
    """How many people who stay active each person to be deactivated supervises (after the import)."""
    gone = {nid for nid, _p in plan.deactivate}
    boss_of = {
        nid: p.supervisor_nid
        for nid, p in existing.items()
        if p.is_active and nid not in gone and nid not in check.present
    }
    boss_of.update((r.national_id, r.supervisor_nid) for r in check.rows)
    counts: dict[str, int] = {}
    for boss in boss_of.values():
        if boss in gone:
            counts[boss] = counts.get(boss, 0) + 1
    return counts


def _deactivation_list(
    check: RosterCheck, plan: RosterPlan, existing: dict[str, ExistingPerson]
) -> list[dict[str, Any]]:
    """Who would be deactivated, by name and division, with how many people each supervises."""
    supervised = _supervised(check, plan, existing)
    listed = sorted(plan.deactivate, key=lambda item: (item[1].division_id or 0, item[1].text[1:3]))
    listed = listed[:MAX_LISTED]
    division_ids = {p.division_id for _n, p in listed if p.division_id}
    names = dict(Agency.objects.filter(pk__in=division_ids).values_list("pk", "name_th"))
    return [
        {
            "pk": p.pk,
            "name": _full_name(p.text),
            "position": p.text[5],
            "division": names.get(p.division_id or 0, ""),
            "supervises": supervised.get(nid, 0),
        }
        for nid, p in listed
    ]


def _plan_warnings(check: RosterCheck, plan: RosterPlan, existing: dict[str, ExistingPerson]) -> list[str]:
    """Warn about supervisors being deactivated and about the HR administrator's own record kept."""
    warnings = []
    supervisors = len(_supervised(check, plan, existing))
    if supervisors:
        warnings.append(
            in_both(
                _(
                    "%(count)s of the people to deactivate supervise people who stay active: "
                    "check before confirming"
                ),
                count=supervisors,
            )
        )
    if plan.kept:
        warnings.append(
            in_both(
                _("Your own record is not in the file; it is kept active (you cannot deactivate yourself)")
            )
        )
    return warnings


def _own_people(actor: Actor, agency: Agency) -> frozenset[int]:
    """The acting user's own person record(s) in the department, which an import never deactivates."""
    if actor.user is None:
        return frozenset()
    return frozenset(Person.objects.filter(agency=agency, user=actor.user).values_list("pk", flat=True))


def _read_upload(source: Source) -> bytes:
    """The bytes of an upload (already checked against the size limit), kept to confirm it later."""
    if isinstance(source, bytes):
        return source
    if isinstance(source, str | Path):
        return Path(source).read_bytes()
    stream: IO[bytes] = source  # type: ignore[assignment]
    stream.seek(0)
    return stream.read()


@transaction.atomic
def _roster_write(
    *,
    actor: Actor,
    agency: Agency,
    check: RosterCheck,
    dry_run: bool,
    skip_invalid: bool,
    deactivate_missing: bool,
    confirm_token: str,
    upload: bytes | None,
) -> tuple[RosterImport, RosterPlan]:
    """Re-read the department under a lock, plan, record the import and (when allowed) write it.

    The department row is locked (select_for_update on PostgreSQL; SQLite's IMMEDIATE transactions
    take the write lock), so two imports of one department run one after the other and the second
    sees what the first wrote.
    """
    Agency.objects.select_for_update().filter(pk=agency.pk).first()
    existing = existing_people(agency)
    reject_bad_supervisors(check, existing)
    plan = roster_plan(
        check, existing, deactivate_missing=deactivate_missing, keep=_own_people(actor, agency)
    )
    token = plan.token
    unconfirmed = bool(plan.deactivate) and confirm_token != token
    write = not dry_run and not unconfirmed and (skip_invalid or not check.errors)
    warnings = [*check.warnings, *_plan_warnings(check, plan, existing)]
    if unconfirmed and confirm_token:
        warnings.insert(
            0,
            "รายชื่อผู้ที่จะถูกปิดสถานะเปลี่ยนไปหลังการตรวจ กรุณาตรวจรายชื่อใหม่แล้วยืนยันอีกครั้ง / "
            "The people to deactivate changed since the check: check the list again and confirm",
        )
    awaiting = not write and upload is not None and (skip_invalid or not check.errors)
    # Only the latest check of a department can be confirmed: anything since may have changed it.
    RosterImport.objects.filter(agency=agency, awaiting_confirmation=True).update(
        awaiting_confirmation=False, upload=b""
    )
    record = RosterImport.objects.create(
        agency=agency,
        actor=actor.user,
        filename=check.filename[:255],
        dry_run=dry_run,
        skip_invalid=skip_invalid,
        deactivate_missing=deactivate_missing,
        written=write,
        counts=_counts(check, plan),
        errors=[str(e) for e in check.errors[:MAX_KEPT_ERRORS]],
        warnings=warnings,
        deactivation=_deactivation_list(check, plan, existing),
        confirm_token=token,
        awaiting_confirmation=awaiting,
        upload=upload if awaiting and upload is not None else b"",
    )
    audit_record(
        actor=actor,
        action="roster_import" if write else "roster_check",
        obj=record,
        agency_id=agency.pk,
        changes={k: [None, v] for k, v in record.counts.items()},
    )
    if write:
        audit = AuditBatch(actor=actor, agency_id=agency.pk, batch_size=BATCH)
        pk_of = {nid: p.pk for nid, p in existing.items()}
        _apply_creates(plan, agency, pk_of, audit)
        _apply_updates(plan, agency, pk_of, audit)
        _apply_deactivations(plan, audit)
        audit.flush()
    return record, plan


def roster_import(
    *,
    actor: Actor,
    agency: Agency,
    source: Source,
    filename: str,
    dry_run: bool = False,
    skip_invalid: bool = False,
    deactivate_missing: bool = False,
    confirm_token: str = "",
    keep_upload: bool = True,
    limits: RosterLimits | None = None,
) -> RosterImport:
    """Check a roster file and, when every row is valid (or invalid rows are skipped), write it in bulk.

    People are matched by national ID: new ones are created and changed ones updated. Nobody is
    deactivated unless `deactivate_missing` (the file is the whole roster) *and* `confirm_token`
    is the token of exactly the people the check listed (`RosterImport.confirm_token`); otherwise
    the import is recorded as a check awaiting that confirmation, with the named list, and (with
    `keep_upload`) the file, so it can be confirmed without uploading it again.

    Not atomic as a whole, on purpose: the file is read and checked outside any transaction
    (limits refuse an oversized file first), then one short transaction re-reads the department
    under a lock and writes (`_roster_write`). One summary audit row, plus one per person
    created, updated or deactivated (bulk-written).
    """
    limits = limits or RosterLimits.from_settings()
    existing = existing_people(agency)
    lookups = Lookups(agency, groups_of(agency_framework(agency)))
    check = check_roster(source, filename=filename, lookups=lookups, existing_ids=existing, limits=limits)
    upload = _read_upload(source) if keep_upload and (dry_run or deactivate_missing) else None
    try:
        record, _plan = _roster_write(
            actor=actor,
            agency=agency,
            check=check,
            dry_run=dry_run,
            skip_invalid=skip_invalid,
            deactivate_missing=deactivate_missing,
            confirm_token=confirm_token,
            upload=upload,
        )
    except IntegrityError as exc:  # a person added at the same moment by another way than an import
        raise RosterBusy(
            text(_("The people of the department changed while this file was imported; import it again."))
        ) from exc
    if check.rejected:
        csv_text, whole = rejected_rows_csv(source, filename=filename, rejected=check.rejected, limits=limits)
        record.rejected_csv = csv_text
        update = ["rejected_csv"]
        if not whole:
            record.warnings.append(
                in_both(
                    _("The rejected-rows file holds only the first rejected rows: it reached the size limit")
                )
            )
            update.append("warnings")
        record.save(update_fields=update)
    return record


def roster_import_confirm(*, actor: Actor, record: RosterImport, confirm_token: str) -> RosterImport:
    """Import the file a check kept, as checked; deactivations only if the token still matches.

    The check's kept file is released whatever the outcome (a new check keeps it again when the
    list of people to deactivate changed meanwhile), so one check is confirmed at most once.
    """
    upload = bytes(record.upload)
    claimed = RosterImport.objects.filter(pk=record.pk, awaiting_confirmation=True).update(
        awaiting_confirmation=False, upload=b""
    )
    if not claimed or not upload:
        raise Refusal(_("This check has already been used or cannot be imported; check the file again."))
    return roster_import(
        actor=actor,
        agency=record.agency,
        source=upload,
        filename=record.filename,
        skip_invalid=record.skip_invalid,
        deactivate_missing=record.deactivate_missing,
        confirm_token=confirm_token,
    )
