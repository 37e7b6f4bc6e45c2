"""Writes on the agency tree; each one is atomic and leaves one audit row."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from digiskill.accounts.access import Actor
from digiskill.accounts.audit import assign, audit_record
from digiskill.agencies.models import (
    Agency,
    AgencyKind,
    AgencySkillItem,
    AgencySkillSet,
    Announcement,
    AnnouncementGroup,
    AnnouncementItem,
    DigitalTarget,
    GoalKind,
    Horizon,
    TargetGoal,
    WorkingGroupFunction,
    WorkingGroupMember,
)
from digiskill.frameworks.models import (
    Goal,
    PersonnelGroup,
    Role,
    SkillComponent,
    SkillItem,
    SkillSet,
    Stage,
    Unit,
)
from digiskill.lib.messages import Refusal
from digiskill.lib.text import normalise_code, normalise_text

if TYPE_CHECKING:
    from digiskill.people.models import Person

_PARENT_KIND = {
    AgencyKind.MINISTRY: None,
    AgencyKind.DEPARTMENT: AgencyKind.MINISTRY,
    AgencyKind.DIVISION: AgencyKind.DEPARTMENT,
    AgencyKind.SECTION: AgencyKind.DIVISION,
}


def _check_parent(kind: AgencyKind, parent: Agency | None) -> None:
    """Refuse a tree shape other than ministry → department → division → section."""
    expected = _PARENT_KIND[kind]
    if expected is None and parent is not None:
        raise Refusal(_("A ministry has no parent agency."))
    if expected is not None and kind != AgencyKind.DEPARTMENT and (parent is None or parent.kind != expected):
        raise Refusal(_("A %(kind)s must belong to a %(parent)s."), kind=kind.label, parent=expected.label)
    if kind == AgencyKind.DEPARTMENT and parent is not None and parent.kind != AgencyKind.MINISTRY:
        raise Refusal(_("A department belongs to a ministry, or stands alone."))


@transaction.atomic
def agency_save(
    *,
    actor: Actor,
    code: str,
    name_th: str,
    kind: AgencyKind,
    parent: Agency | None = None,
    name_en: str = "",
) -> Agency:
    """Create the agency with this code or update it; an unchanged agency writes nothing."""
    code = normalise_code(code)
    _check_parent(kind, parent)
    agency = Agency.objects.filter(code=code).first()
    created = agency is None
    if agency is None:
        agency = Agency(code=code)
    department = parent.department if parent is not None and kind != AgencyKind.DEPARTMENT else None
    if kind == AgencyKind.DEPARTMENT and agency.pk is not None:
        department = agency  # a department is its own tenant; keeping it so stops a needless write
    values = {
        "name_th": normalise_text(name_th),
        "name_en": normalise_text(name_en),
        "kind": kind,
        "parent": parent,
        "department": department,
        "is_active": True,
    }
    changes = assign(agency, values)
    if not created and not changes:
        return agency
    agency.save()
    if kind == AgencyKind.DEPARTMENT and agency.department_id != agency.pk:
        agency.department = agency
        agency.save(update_fields=["department"])
    audit_record(
        actor=actor,
        action="agency_create" if created else "agency_update",
        obj=agency,
        agency_id=agency.department_id,
        changes=changes,
    )
    return agency


# --- divisions and sections, managed by a department's HR administrators ---------------------


def _check_unit_parent(department: Agency, kind: AgencyKind, parent: Agency | None) -> Agency:
    """The parent a new division or section hangs from, checked to be of this department."""
    if kind == AgencyKind.DIVISION:
        return department
    if kind != AgencyKind.SECTION:
        raise Refusal(_("Only divisions and sections can be added here."))
    if parent is None or parent.kind != AgencyKind.DIVISION or parent.department_id != department.pk:
        raise Refusal(_("A section must belong to a division of this department."))
    return parent


def _free_code(department: Agency, code: str) -> str:
    """The code asked for (normalised), or the next free DEPT-n code when none is given."""
    code = normalise_code(code)
    if code:
        if Agency.objects.filter(code=code).exists():
            raise Refusal(_("The code %(code)s is already in use."), code=code)
        return code
    n = department.units.count() + 1
    while Agency.objects.filter(code=f"{department.code}-{n}").exists():
        n += 1
    return f"{department.code}-{n}"


@transaction.atomic
def agency_unit_create(
    *,
    actor: Actor,
    department: Agency,
    kind: AgencyKind,
    name_th: str,
    name_en: str = "",
    code: str = "",
    parent: Agency | None = None,
) -> Agency:
    """Add a division (กอง/สำนัก/ศูนย์) or a section under a division to a department."""
    if department.kind != AgencyKind.DEPARTMENT:
        raise Refusal(_("Divisions belong to a department."))
    parent = _check_unit_parent(department, kind, parent)
    name_th = normalise_text(name_th)
    if not name_th:
        raise Refusal(_("Give the Thai name."))
    unit = Agency.objects.create(
        code=_free_code(department, code),
        name_th=name_th,
        name_en=normalise_text(name_en),
        kind=kind,
        parent=parent,
        department=department,
    )
    audit_record(
        actor=actor,
        action="agency_create",
        obj=unit,
        agency_id=department.pk,
        changes={"name_th": [None, unit.name_th], "kind": [None, kind.value], "parent": [None, parent.pk]},
    )
    return unit


@transaction.atomic
def agency_unit_rename(*, actor: Actor, unit: Agency, name_th: str, name_en: str = "") -> Agency:
    """Rename a division or section; an unchanged name writes nothing."""
    if unit.kind not in (AgencyKind.DIVISION, AgencyKind.SECTION):
        raise Refusal(_("Only divisions and sections can be renamed here."))
    name_th = normalise_text(name_th)
    if not name_th:
        raise Refusal(_("Give the Thai name."))
    changes = assign(unit, {"name_th": name_th, "name_en": normalise_text(name_en)})
    if changes:
        unit.save(update_fields=["name_th", "name_en"])
        audit_record(
            actor=actor, action="agency_rename", obj=unit, agency_id=unit.department_id, changes=changes
        )
    return unit


@transaction.atomic
def agency_unit_set_active(*, actor: Actor, unit: Agency, active: bool) -> Agency:
    """Deactivate (or reactivate) a division or section; one with active people or sections stays."""
    if unit.kind not in (AgencyKind.DIVISION, AgencyKind.SECTION):
        raise Refusal(_("Only divisions and sections can be deactivated here."))
    if unit.is_active == active:
        return unit
    if not active and unit.members.filter(is_active=True).exists():  # the people working in it
        raise Refusal(_("People still work in this unit; move them first."))
    if not active and unit.children.filter(is_active=True).exists():
        raise Refusal(_("This division still has active sections; deactivate them first."))
    if active and unit.parent is not None and not unit.parent.is_active:
        raise Refusal(_("Reactivate the division this section belongs to first."))
    changes = assign(unit, {"is_active": active})
    unit.save(update_fields=["is_active"])
    audit_record(
        actor=actor,
        action="agency_activate" if active else "agency_deactivate",
        obj=unit,
        agency_id=unit.department_id,
        changes=changes,
    )
    return unit


# --- the digital target (Org 1.1–1.2) -----------------------------------------------------------


@dataclass(frozen=True)
class GoalInput:
    """One goal as entered: horizon in years, output or outcome, the digital-government goal, text."""

    horizon: int
    kind: str
    goal: Goal
    text: str


@dataclass(frozen=True)
class MemberInput:
    """A working-group member as entered: the person and the side they bring."""

    person: Person
    function: str


def _target_state(
    stage: Stage, vision: str, rationale: str, goals: Sequence[GoalInput], members: Sequence[MemberInput]
) -> dict[str, Any]:
    """Everything a target version says, in a form that compares and audits well."""
    return {
        "stage": stage.code,
        "vision": vision,
        "stage_rationale": rationale,
        "goals": [[g.horizon, g.kind, g.goal.code, g.text] for g in goals],
        "members": sorted([m.person.pk, m.function] for m in members),
    }


def _state_of(target: DigitalTarget) -> dict[str, Any]:
    """The state of a stored target version, as `_target_state` gives it."""
    goals = [GoalInput(g.horizon, g.kind, g.goal, g.text) for g in target.goals.select_related("goal")]
    members = [MemberInput(m.person, m.function) for m in target.members.select_related("person")]
    return _target_state(target.stage, target.vision, target.stage_rationale, goals, members)


def _check_target(
    agency: Agency, stage: Stage, vision: str, goals: Sequence[GoalInput], members: Sequence[MemberInput]
) -> None:
    """Refuse a target without a vision or goals, or with parts of another framework or department."""
    if not vision:
        raise Refusal(_("Write the department's digital vision."))
    if not goals:
        raise Refusal(_("Give at least one goal."))
    for g in goals:
        if g.horizon not in Horizon.values or g.kind not in GoalKind.values or not g.text:
            raise Refusal(_("Each goal needs a horizon, a kind and its text."))
        if g.goal.framework_id != stage.framework_id:
            raise Refusal(_("A goal is tied to a goal of another framework."))
    for m in members:
        if m.person.agency_id != agency.pk or m.function not in WorkingGroupFunction.values:
            raise Refusal(_("Working-group members must be people of this department."))


@transaction.atomic
def digital_target_save(
    *,
    actor: Actor,
    agency: Agency,
    stage: Stage,
    vision: str,
    stage_rationale: str = "",
    goals: Sequence[GoalInput],
    members: Sequence[MemberInput] = (),
) -> DigitalTarget:
    """Record the department's digital target as a new version; an unchanged target writes nothing."""
    vision, stage_rationale = normalise_text(vision), normalise_text(stage_rationale)
    goals = [GoalInput(g.horizon, g.kind, g.goal, normalise_text(g.text)) for g in goals]
    _check_target(agency, stage, vision, goals, members)
    current = DigitalTarget.objects.filter(agency=agency).order_by("-version").first()
    state = _target_state(stage, vision, stage_rationale, goals, members)
    if current is not None and _state_of(current) == state:
        return current
    target = DigitalTarget.objects.create(
        agency=agency,
        version=(current.version if current else 0) + 1,
        framework_id=stage.framework_id,
        stage=stage,
        vision=vision,
        stage_rationale=stage_rationale,
        created_by=actor.user,
    )
    TargetGoal.objects.bulk_create(
        TargetGoal(target=target, horizon=g.horizon, kind=g.kind, goal=g.goal, text=g.text, order=i)
        for i, g in enumerate(goals)
    )
    WorkingGroupMember.objects.bulk_create(
        WorkingGroupMember(target=target, person=m.person, function=m.function) for m in members
    )
    before = _state_of(current) if current else {}
    audit_record(
        actor=actor,
        action="digital_target_save",
        obj=target,
        agency_id=agency.pk,
        changes={k: [before.get(k), v] for k, v in state.items() if before.get(k) != v},
    )
    return target


# --- required skill sets per group (Org 2) -------------------------------------------------------

SkillSource = SkillSet | AgencySkillSet


def _source_items(source: SkillSource | None) -> list[SkillItem | AgencySkillItem]:
    """The items of a framework or department skill set, in order."""
    if source is None:
        return []
    items: list[SkillItem | AgencySkillItem] = []
    items.extend(source.items.order_by("order", "id"))
    return items


def _source_label(source: SkillSource | None) -> str:
    """A short note of where a skill set was started from."""
    if source is None:
        return ""
    if isinstance(source, SkillSet):
        return f"{source.code} {source.name_th}"
    return f"{source.group.code} {source.group.name_th}"


@transaction.atomic
def skill_set_start(
    *,
    actor: Actor,
    agency: Agency,
    group: PersonnelGroup,
    stage: Stage,
    source: SkillSource | None = None,
    item_ids: Collection[int] | None = None,
) -> AgencySkillSet:
    """(Re)start a group's required skill set: empty, or a copy of (some items of) another set."""
    if group.framework_id != stage.framework_id:
        raise Refusal(_("The group and the stage belong to different frameworks."))
    if isinstance(source, AgencySkillSet) and source.agency_id != agency.pk:
        raise Refusal(_("That skill set belongs to another department."))
    if isinstance(source, SkillSet) and source.framework_id != group.framework_id:
        raise Refusal(_("That skill set belongs to another framework."))
    skill_set, _created = AgencySkillSet.objects.get_or_create(agency=agency, group=group, stage=stage)
    items = [i for i in _source_items(source) if item_ids is None or i.pk in item_ids]
    skill_set.items.all().delete()
    AgencySkillItem.objects.bulk_create(
        AgencySkillItem(
            skill_set=skill_set,
            component_id=i.component_id,
            unit_id=i.unit_id,
            text_th=i.text_th,
            text_en=i.text_en,
            order=n,
        )
        for n, i in enumerate(items)
    )
    skill_set.started_from = _source_label(source)
    skill_set.updated_by = actor.user
    skill_set.save(update_fields=["started_from", "updated_by", "updated_at"])
    audit_record(
        actor=actor,
        action="skill_set_start",
        obj=skill_set,
        agency_id=agency.pk,
        changes={"started_from": [None, skill_set.started_from], "item_count": [None, len(items)]},
    )
    return skill_set


@transaction.atomic
def skill_item_add(
    *,
    actor: Actor,
    skill_set: AgencySkillSet,
    component: SkillComponent,
    unit: Unit | None = None,
    text_th: str = "",
    text_en: str = "",
) -> AgencySkillItem:
    """Add a unit (ability) or a knowledge, experience, attribute or competency text to a skill set."""
    text_th, text_en = normalise_text(text_th), normalise_text(text_en)
    framework_id = skill_set.group.framework_id
    if component.framework_id != framework_id or (unit is not None and unit.framework_id != framework_id):
        raise Refusal(_("The item belongs to another framework."))
    if unit is None and not text_th:
        raise Refusal(_("Choose a unit or write the item."))
    if unit is not None and skill_set.items.filter(unit=unit).exists():
        raise Refusal(_("The unit %(code)s is already in this skill set."), code=unit.code)
    last = skill_set.items.order_by("-order").values_list("order", flat=True).first()
    item = AgencySkillItem.objects.create(
        skill_set=skill_set,
        component=component,
        unit=unit,
        text_th=text_th,
        text_en=text_en,
        order=(last or 0) + 1,
    )
    skill_set.updated_by = actor.user
    skill_set.save(update_fields=["updated_by", "updated_at"])
    audit_record(
        actor=actor,
        action="skill_item_add",
        obj=skill_set,
        agency_id=skill_set.agency_id,
        changes={"item": [None, str(item)], "component": [None, component.code]},
    )
    return item


@transaction.atomic
def skill_items_remove(*, actor: Actor, skill_set: AgencySkillSet, item_ids: Collection[int]) -> int:
    """Remove these items from a skill set (to keep a subset of units or drop one); return how many."""
    items = skill_set.items.filter(pk__in=item_ids)
    removed = [str(i) for i in items.select_related("unit")]
    if not removed:
        return 0
    items.delete()
    skill_set.updated_by = actor.user
    skill_set.save(update_fields=["updated_by", "updated_at"])
    audit_record(
        actor=actor,
        action="skill_item_remove",
        obj=skill_set,
        agency_id=skill_set.agency_id,
        changes={"removed": [removed, None]},
    )
    return len(removed)


# --- announcements (Org 1.5 and Org 2) -----------------------------------------------------------


def _announced_groups(agency: Agency, target: DigitalTarget) -> list[tuple[PersonnelGroup, Role | None]]:
    """Every group of the target's framework with its expected role at the target stage."""
    groups = PersonnelGroup.objects.filter(framework=target.framework_id).order_by("order", "code")
    roles = {r.group_id: r for r in Role.objects.filter(framework=target.framework_id, stage=target.stage)}
    return [(g, roles.get(g.pk)) for g in groups]


@transaction.atomic
def announcement_publish(
    *, actor: Actor, agency: Agency, title: str, effective_date: date, note: str = ""
) -> Announcement:
    """Publish the roles and required skills of every group at the current target stage, as a new version."""
    target = DigitalTarget.objects.filter(agency=agency).order_by("-version").first()
    if target is None:
        raise Refusal(_("Set the department's digital target first."))
    title = normalise_text(title)
    if not title:
        raise Refusal(_("Give the announcement a title."))
    last = Announcement.objects.filter(agency=agency).order_by("-version").first()
    announcement = Announcement.objects.create(
        agency=agency,
        version=(last.version if last else 0) + 1,
        title=title,
        effective_date=effective_date,
        target=target,
        stage=target.stage,
        note=normalise_text(note),
        published_by=actor.user,
    )
    sets = {s.group_id: s for s in AgencySkillSet.objects.filter(agency=agency, stage=target.stage)}
    items: list[AnnouncementItem] = []
    for order, (group, role) in enumerate(_announced_groups(agency, target)):
        entry = AnnouncementGroup.objects.create(
            announcement=announcement, group=group, role=role, order=order
        )
        source = sets.get(group.pk)
        items.extend(
            AnnouncementItem(
                entry=entry,
                component_id=i.component_id,
                unit_id=i.unit_id,
                text_th=i.text_th,
                text_en=i.text_en,
                order=i.order,
            )
            for i in (source.items.all() if source else [])
        )
    AnnouncementItem.objects.bulk_create(items)
    audit_record(
        actor=actor,
        action="announcement_publish",
        obj=announcement,
        agency_id=agency.pk,
        changes={
            "version": [None, announcement.version],
            "effective_date": [None, effective_date],
            "stage": [None, target.stage.code],
            "item_count": [None, len(items)],
        },
    )
    return announcement
