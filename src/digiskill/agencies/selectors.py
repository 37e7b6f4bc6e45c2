"""Reads of a department's tree, digital target, skill sets and announcements, scoped to the actor."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Prefetch, QuerySet
from django.http import Http404
from django.utils import timezone

from digiskill.accounts.access import Actor, require_agency, require_role
from digiskill.accounts.models import Role
from digiskill.agencies.models import (
    Agency,
    AgencyKind,
    AgencySkillItem,
    AgencySkillSet,
    Announcement,
    AnnouncementGroup,
    AnnouncementItem,
    DigitalTarget,
    TargetGoal,
    WorkingGroupMember,
)
from digiskill.frameworks.models import Framework, PersonnelGroup, SkillComponent, Stage

DEFAULT_FRAMEWORK = "OCSC-2561"


def today() -> dt.date:
    """Today in Bangkok."""
    return timezone.localdate()


def default_framework() -> Framework | None:
    """The framework a department works with until its target names one: OCSC 2561 when loaded."""
    found = Framework.objects.filter(code=DEFAULT_FRAMEWORK).first()
    return found or Framework.objects.exclude(status="illustrative").order_by("code").first()


def current_target(agency: Agency) -> DigitalTarget | None:
    """The latest version of the department's digital target, with its goals and working group."""
    return (
        DigitalTarget.objects.filter(agency=agency)
        .select_related("stage", "framework", "created_by")
        .prefetch_related(
            Prefetch("goals", TargetGoal.objects.select_related("goal")),
            Prefetch("members", WorkingGroupMember.objects.select_related("person")),
        )
        .order_by("-version")
        .first()
    )


def agency_framework(agency: Agency) -> Framework | None:
    """The framework of the department's target, or the default one."""
    target = (
        DigitalTarget.objects.filter(agency=agency).order_by("-version").select_related("framework").first()
    )
    return target.framework if target else default_framework()


def groups_of(framework: Framework | None) -> list[PersonnelGroup]:
    """The personnel groups of a framework, in its order."""
    if framework is None:
        return []
    return list(PersonnelGroup.objects.filter(framework=framework).order_by("order", "code"))


def stages_of(framework: Framework | None) -> list[Stage]:
    """The stages of a framework, in order."""
    if framework is None:
        return []
    return list(Stage.objects.filter(framework=framework).order_by("order", "code"))


def target_versions(agency: Agency) -> QuerySet[DigitalTarget]:
    """Every version of the department's target, newest first."""
    return (
        DigitalTarget.objects.filter(agency=agency).select_related("stage", "created_by").order_by("-version")
    )


def get_target_version_for_actor(actor: Actor, version: int) -> DigitalTarget:
    """One version of the actor's department's target (404 when missing or another department's)."""
    agency = require_agency(actor)
    target = (
        DigitalTarget.objects.filter(agency=agency, version=version)
        .select_related("stage", "framework", "created_by")
        .prefetch_related(
            Prefetch("goals", TargetGoal.objects.select_related("goal")),
            Prefetch("members", WorkingGroupMember.objects.select_related("person")),
        )
        .first()
    )
    if target is None:
        raise Http404
    return target


# --- the tree ---------------------------------------------------------------------------------


@dataclass
class TreeNode:
    """A division with its sections, for the structure page."""

    unit: Agency
    sections: list[Agency] = field(default_factory=list)


def department_tree(agency: Agency) -> list[TreeNode]:
    """The department's divisions, each with its sections (inactive ones too, marked)."""
    units = list(agency.units.exclude(pk=agency.pk).order_by("kind", "name_th"))
    nodes = {u.pk: TreeNode(u) for u in units if u.kind == AgencyKind.DIVISION}
    for unit in units:
        if unit.kind == AgencyKind.SECTION and unit.parent_id in nodes:
            nodes[unit.parent_id].sections.append(unit)
    return sorted(nodes.values(), key=lambda n: (not n.unit.is_active, n.unit.name_th))


def divisions_of(agency: Agency, *, active_only: bool = True) -> QuerySet[Agency]:
    """The department's divisions and sections."""
    units = Agency.objects.filter(department=agency, kind__in=[AgencyKind.DIVISION, AgencyKind.SECTION])
    return (units.filter(is_active=True) if active_only else units).order_by("kind", "name_th")


def get_unit_for_actor(actor: Actor, pk: int) -> Agency:
    """A division or section of the HR administrator's department (404 otherwise, 403 wrong role)."""
    agency = require_agency(actor)
    unit = divisions_of(agency, active_only=False).filter(pk=pk).first()
    if unit is None:
        raise Http404
    require_role(actor, Role.HR_ADMIN)
    return unit


# --- skill sets --------------------------------------------------------------------------------


def skill_sets_by_group(agency: Agency, stage: Stage | None) -> dict[int, AgencySkillSet]:
    """The department's required skill sets at a stage, keyed by group id, with item counts."""
    if stage is None:
        return {}
    sets = AgencySkillSet.objects.filter(agency=agency, stage=stage).prefetch_related("items")
    return {s.group_id: s for s in sets}


def get_skill_set(agency: Agency, group: PersonnelGroup, stage: Stage) -> AgencySkillSet | None:
    """The department's skill set for a group at a stage, if started."""
    return AgencySkillSet.objects.filter(agency=agency, group=group, stage=stage).first()


def skill_items(skill_set: AgencySkillSet | None) -> QuerySet[AgencySkillItem]:
    """The items of a skill set with their component and unit."""
    if skill_set is None:
        return AgencySkillItem.objects.none()
    return skill_set.items.select_related("component", "unit", "unit__framework").order_by(
        "component__order", "order", "id"
    )


@dataclass
class ComponentItems:
    """The items of one skill component (ability, knowledge, …), for display."""

    component: SkillComponent
    items: list[AgencySkillItem | AnnouncementItem]


def by_component(
    components: list[SkillComponent], items: list[AgencySkillItem] | list[AnnouncementItem]
) -> list[ComponentItems]:
    """Items grouped under each component of the framework, in the framework's order."""
    grouped: list[ComponentItems] = [ComponentItems(c, []) for c in components]
    index = {c.component.pk: c for c in grouped}
    for item in items:
        if item.component_id in index:
            index[item.component_id].items.append(item)
    return grouped


def components_of(framework: Framework | int | None) -> list[SkillComponent]:
    """The skill components of a framework, in order."""
    if framework is None:
        return []
    return list(SkillComponent.objects.filter(framework=framework).order_by("order", "code"))


# --- announcements -----------------------------------------------------------------------------


def announcements_of(agency: Agency) -> QuerySet[Announcement]:
    """Every announcement of the department, newest version first."""
    return (
        Announcement.objects.filter(agency=agency)
        .select_related("stage", "published_by")
        .order_by("-version")
    )


def announcement_in_force(agency: Agency, on: dt.date | None = None) -> Announcement | None:
    """The announcement in force on a day: the latest version already effective."""
    return (
        announcements_of(agency)
        .filter(effective_date__lte=on or today())
        .order_by("-effective_date", "-version")
        .first()
    )


def announcement_groups(announcement: Announcement) -> list[AnnouncementGroup]:
    """The groups of an announcement with their roles and items."""
    return list(
        announcement.groups.select_related("group", "role").prefetch_related(
            Prefetch(
                "items",
                AnnouncementItem.objects.select_related("component", "unit", "unit__framework").order_by(
                    "component__order", "order", "id"
                ),
            )
        )
    )


def get_announcement_for_actor(actor: Actor, pk: int) -> Announcement:
    """An announcement of the actor's department; every member may read it (404 otherwise)."""
    agency = require_agency(actor)
    announcement = announcements_of(agency).filter(pk=pk).first()
    if announcement is None:
        raise Http404
    return announcement
