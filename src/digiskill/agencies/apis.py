"""The department's digital target and announcements as JSON under /api/v1/agencies/.

Every member of the department may read them (as in the pages); someone of no department, or
asking for another department's announcement, gets 404; anonymous callers get 401.
"""

from __future__ import annotations

import datetime as dt
from typing import cast

from django.http import Http404, HttpRequest
from ninja import Router, Schema

from digiskill.accounts.access import ActorRequest, require_agency
from digiskill.agencies.models import Announcement, AnnouncementItem
from digiskill.agencies.selectors import (
    announcement_groups,
    announcement_in_force,
    announcements_of,
    current_target,
    get_announcement_for_actor,
)

router = Router(tags=["agencies"])


class Coded(Schema):
    """A coded row of the framework (group, stage, role, goal)."""

    code: str
    name_th: str
    name_en: str = ""
    description_th: str = ""


class AnnouncedItemOut(Schema):
    """A required item: a unit of the catalog (ability) or a text under a component."""

    component: str
    unit_code: str | None
    unit_name_th: str | None
    text_th: str
    text_en: str


class GroupOut(Schema):
    """What an announcement says for one group."""

    group: Coded
    role: Coded | None
    items: list[AnnouncedItemOut]


class AnnouncementSummary(Schema):
    """An announcement without its content."""

    id: int
    version: int
    title: str
    effective_date: dt.date
    stage: Coded
    published_at: dt.datetime


class AnnouncementOut(AnnouncementSummary):
    """An announcement with each group's role and required skills."""

    note: str
    groups: list[GroupOut]


class TargetGoalOut(Schema):
    """A goal of the digital target."""

    horizon: int
    kind: str
    goal: Coded
    text: str


class MemberOut(Schema):
    """A working-group member."""

    person_id: int
    full_name: str
    function: str


class TargetOut(Schema):
    """The current version of the department's digital target."""

    version: int
    vision: str
    stage: Coded
    stage_rationale: str
    goals: list[TargetGoalOut]
    members: list[MemberOut]
    created_at: dt.datetime


def item_out(item: AnnouncementItem) -> AnnouncedItemOut:
    """One announced item as JSON."""
    return AnnouncedItemOut(
        component=item.component.code,
        unit_code=item.unit.code if item.unit else None,
        unit_name_th=item.unit.name_th if item.unit else None,
        text_th=item.text_th,
        text_en=item.text_en,
    )


def _summary(a: Announcement) -> AnnouncementSummary:
    """An announcement's heading."""
    stage = Coded.from_orm(a.stage)
    return AnnouncementSummary(
        id=a.pk,
        version=a.version,
        title=a.title,
        effective_date=a.effective_date,
        stage=stage,
        published_at=a.published_at,
    )


def announcement_out(a: Announcement) -> AnnouncementOut:
    """An announcement with its groups, roles and items."""
    groups = [
        GroupOut(
            group=Coded.from_orm(entry.group),
            role=Coded.from_orm(entry.role) if entry.role else None,
            items=[item_out(i) for i in entry.items.all()],
        )
        for entry in announcement_groups(a)
    ]
    return AnnouncementOut(**_summary(a).dict(), note=a.note, groups=groups)


@router.get("/announcement", response=AnnouncementOut, summary="The announcement in force")
def announcement_current(request: HttpRequest) -> AnnouncementOut:
    """The announcement in force today in the caller's department (404 when there is none)."""
    agency = require_agency(cast(ActorRequest, request).actor)
    found = announcement_in_force(agency)
    if found is None:
        raise Http404
    return announcement_out(found)


@router.get("/announcements", response=list[AnnouncementSummary], summary="Every announcement")
def announcement_list(request: HttpRequest) -> list[AnnouncementSummary]:
    """Every announcement of the caller's department, newest version first."""
    agency = require_agency(cast(ActorRequest, request).actor)
    return [_summary(a) for a in announcements_of(agency)]


@router.get("/announcements/{pk}", response=AnnouncementOut, summary="One announcement")
def announcement_detail(request: HttpRequest, pk: int) -> AnnouncementOut:
    """One announcement of the caller's department, with its content."""
    return announcement_out(get_announcement_for_actor(cast(ActorRequest, request).actor, pk))


@router.get("/target", response=TargetOut, summary="The digital target")
def target_current(request: HttpRequest) -> TargetOut:
    """The current digital target of the caller's department (404 when not set)."""
    target = current_target(require_agency(cast(ActorRequest, request).actor))
    if target is None:
        raise Http404
    return TargetOut(
        version=target.version,
        vision=target.vision,
        stage=Coded.from_orm(target.stage),
        stage_rationale=target.stage_rationale,
        goals=[
            TargetGoalOut(horizon=g.horizon, kind=g.kind, goal=Coded.from_orm(g.goal), text=g.text)
            for g in target.goals.all()
        ],
        members=[
            MemberOut(person_id=m.person_id, full_name=m.person.full_name, function=m.function)
            for m in target.members.all()
        ],
        created_at=target.created_at,
    )
