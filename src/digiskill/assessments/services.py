"""Writes of the self-assessment (Ind 3.1) and the supervisor's review (Ind 3.2).

Only the person answers their own draft; only the reviewer (the direct supervisor, or HR when the
person has none) reviews. Completing a review makes the round the person's current result and
keeps the copies on `AssessmentItem` (agency, person, division, group, is_current) in step.
Every write records one audit row; a refused step raises a `Refusal` (a ValidationError whose
translatable message is shown in Thai and English).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import URLValidator
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from digiskill.accounts.access import Actor
from digiskill.accounts.audit import assign, audit_record
from digiskill.agencies.models import Announcement, AnnouncementItem
from digiskill.agencies.selectors import announcement_in_force
from digiskill.assessments.models import Assessment, AssessmentItem, AssessmentStatus, Proficiency
from digiskill.assessments.rounds import item_key
from digiskill.assessments.selectors import (
    OPEN,
    item_label,
    may_answer,
    may_review,
    reviewer_users,
    unanswered,
)
from digiskill.inbox.services import notify
from digiskill.lib.evidence import check_evidence, discard_after_commit, stored_name
from digiskill.lib.messages import Refusal
from digiskill.lib.text import normalise_text
from digiskill.people.models import Person

MAX_COMMENT = 4000
MAX_PRIORITY = 99
ANSWER_FIELDS = ["self_has", "self_level", "comment", "evidence_link"]
CARRIED = [*ANSWER_FIELDS, "evidence_file", "evidence_name"]
REVIEW_FIELDS = ["supervisor_agrees", "supervisor_comment", "agreed_has", "priority"]


@dataclass(frozen=True)
class Answer:
    """The person's answer to one item."""

    item_id: int
    has: bool | None
    level: int | None = None
    comment: str = ""
    link: str = ""


@dataclass(frozen=True)
class ItemReview:
    """The reviewer's view of one item: agree or not, why, and the priority of a gap."""

    item_id: int
    agrees: bool | None
    comment: str = ""
    priority: int | None = None


def _clean_comment(text: str) -> str:
    """Normalise a free-text comment line by line (line breaks are kept)."""
    lines = [normalise_text(line) for line in (text or "").splitlines()]
    return "\n".join(lines).strip()


def _check_comment(text: str) -> str:
    text = _clean_comment(text)
    if len(text) > MAX_COMMENT:
        raise Refusal(
            _("The comment is longer than %(max)s characters (%(length)s)."),
            max=MAX_COMMENT,
            length=len(text),
        )
    return text


def _check_level(level: int | None, label: str) -> int | None:
    if level is None:
        return None
    if level not in Proficiency.values:
        raise Refusal(
            _("The proficiency of “%(item)s” must be 1 to 5 (got %(value)r)."), item=label, value=level
        )
    return level


def _check_link(link: str, label: str) -> str:
    link = (link or "").strip()
    if not link:
        return ""
    if len(link) > 1000:
        raise Refusal(_("The evidence link of “%(item)s” is too long."), item=label)
    try:
        URLValidator(schemes=["http", "https"])(link)
    except ValidationError:
        raise Refusal(
            _("The evidence link of “%(item)s” is not a valid web address (%(value)r)."),
            item=label,
            value=link,
        ) from None
    return link


def _check_own_draft(actor: Actor, assessment: Assessment) -> None:
    """Only the person answers, and only while the round is a draft."""
    if not may_answer(actor.user, assessment):
        raise PermissionDenied
    if assessment.status != AssessmentStatus.DRAFT:
        raise Refusal(
            _("Round %(round)s has been submitted and can no longer be changed."), round=assessment.round
        )


def _answer_values(item: AssessmentItem, answer: Answer) -> dict[str, Any]:
    """The checked field values of one answer."""
    label = item_label(item)
    return {
        "self_has": answer.has,
        "self_level": _check_level(answer.level, label),
        "comment": _check_comment(answer.comment),
        "evidence_link": _check_link(answer.link, label),
    }


def _save_items(items: Iterable[AssessmentItem], fields: list[str]) -> None:
    """Write the given fields of each item (a handful of rows: plain updates beat bulk_update's CASE)."""
    for item in items:
        item.save(update_fields=fields)


def _touch(assessment: Assessment) -> None:
    """Mark the round as saved now (the “last saved” time the person sees)."""
    assessment.updated_at = timezone.now()
    Assessment.objects.filter(pk=assessment.pk).update(updated_at=assessment.updated_at)


# --- starting a round ----------------------------------------------------------------------------


def _required_items(person: Person) -> tuple[Announcement, int, list[AnnouncementItem]]:
    """The announcement in force and the person's required items under it (or a clear refusal)."""
    announcement = announcement_in_force(person.agency)
    if announcement is None:
        raise Refusal(_("The department has not announced the required digital skills yet."))
    group_id = person.group_id
    if group_id is None:
        raise Refusal(_("%(name)s is not classified into a personnel group yet."), name=person.full_name)
    items = list(
        AnnouncementItem.objects.filter(
            entry__announcement=announcement,
            entry__group_id=group_id,
            component__framework_id=announcement.target.framework_id,
        )
        .select_related("unit")
        .order_by("component__order", "component__code", "order", "id")
    )
    if not items:
        raise Refusal(_("The announcement in force requires no skills of your group."))
    return announcement, group_id, items


@transaction.atomic
def assessment_start(*, actor: Actor, person: Person) -> Assessment:
    """Start a round of the person's self-assessment against the skills announced for their group.

    A later round starts from the previous round's result: the agreed have / not yet (else the
    person's own), level, comment and evidence of every item still required; new items are empty.
    """
    if actor.user is not None and person.user_id != actor.user.pk:
        raise PermissionDenied
    Person.objects.select_for_update().filter(pk=person.pk).first()  # one start at a time
    in_progress = Assessment.objects.filter(person=person, status__in=OPEN).order_by("-round").first()
    if in_progress is not None:
        raise Refusal(_("Round %(round)s is already in progress."), round=in_progress.round)
    announcement, group_id, required = _required_items(person)
    previous = Assessment.objects.filter(person=person).order_by("-round").first()
    carried: dict[Any, AssessmentItem] = {}
    if previous is not None:
        for earlier in previous.items.all():
            key = item_key(
                unit_id=earlier.unit_id, component_id=earlier.component_id, text_th=earlier.text_th
            )
            carried[key] = earlier
    assessment = Assessment.objects.create(
        agency_id=person.agency_id,
        person=person,
        round=(previous.round if previous else 0) + 1,
        announcement=announcement,
        group_id=group_id,
        division_id=person.division_id,
    )
    rows = []
    copied = 0
    for order, source in enumerate(required):
        row = AssessmentItem(
            assessment=assessment,
            source=source,
            component_id=source.component_id,
            unit_id=source.unit_id,
            area_id=source.unit.area_id if source.unit is not None else None,
            text_th=source.text_th,
            order=order,
            agency_id=person.agency_id,
            person=person,
            division_id=person.division_id,
            group_id=group_id,
        )
        old = carried.get(
            item_key(unit_id=source.unit_id, component_id=source.component_id, text_th=source.text_th)
        )
        if old is not None:
            for name in CARRIED:
                setattr(row, name, getattr(old, name))
            row.self_has = old.agreed_has if old.agreed_has is not None else old.self_has
            copied += 1
        rows.append(row)
    AssessmentItem.objects.bulk_create(rows)
    audit_record(
        actor=actor,
        action="assessment_start",
        obj=assessment,
        agency_id=person.agency_id,
        changes={
            "round": [None, assessment.round],
            "announcement": [None, announcement.pk],
            "items": [None, len(rows)],
            "copied_from_round": [None, previous.round if previous else None],
            "copied_items": [None, copied],
        },
    )
    return assessment


# --- answering -----------------------------------------------------------------------------------


def _discard_evidence(item: AssessmentItem) -> None:
    """Delete the item's current evidence file after commit, unless an earlier round shares it."""
    discard_after_commit(
        item.evidence_file,
        still_used=lambda name: AssessmentItem.objects.filter(evidence_file=name).exists(),
    )


@transaction.atomic
def assessment_item_save(
    *,
    actor: Actor,
    item: AssessmentItem,
    has: bool | None,
    level: int | None = None,
    comment: str = "",
    link: str = "",
    file: UploadedFile[bytes] | None = None,
    clear_file: bool = False,
) -> AssessmentItem:
    """Save the person's answer to one item of their draft (autosave); unchanged answers write nothing."""
    assessment = item.assessment
    _check_own_draft(actor, assessment)
    values = _answer_values(item, Answer(item.pk, has, level, comment, link))
    ext = check_evidence(file.name or "", file.size or 0, file) if file is not None else ""
    changes = assign(item, values)
    before = item.evidence_name
    if file is not None:
        _discard_evidence(item)
        item.evidence_file.save(stored_name(ext), file, save=False)
        item.evidence_name = (file.name or "")[:255]
        changes["evidence_file"] = [before, item.evidence_name]
    elif clear_file and item.evidence_file:
        _discard_evidence(item)
        item.evidence_file = ""
        item.evidence_name = ""
        changes["evidence_file"] = [before, ""]
    if not changes:
        return item
    item.save(update_fields=[*ANSWER_FIELDS, "evidence_file", "evidence_name"])
    _touch(assessment)
    audit_record(
        actor=actor,
        action="assessment_item_save",
        obj=item,
        agency_id=assessment.agency_id,
        changes=changes,
        object_repr=f"{assessment} {item_label(item)}",
    )
    return item


@transaction.atomic
def assessment_answers_save(
    *, actor: Actor, assessment: Assessment, answers: Sequence[Answer]
) -> list[AssessmentItem]:
    """Save several answers of the person's draft at once (one audit row); returns the changed items."""
    _check_own_draft(actor, assessment)
    items = {
        i.pk: i for i in assessment.items.select_related("unit").filter(pk__in=[a.item_id for a in answers])
    }
    unknown = [a.item_id for a in answers if a.item_id not in items]
    if unknown:
        raise Refusal(_("Items %(items)s are not in this assessment."), items=unknown)
    checked = [(items[a.item_id], _answer_values(items[a.item_id], a)) for a in answers]
    changed: list[AssessmentItem] = []
    changes: dict[str, list[Any]] = {}
    for item, values in checked:
        diff = assign(item, values)
        if diff:
            changed.append(item)
            changes.update({f"{item.pk}.{name}": pair for name, pair in diff.items()})
    if not changed:
        return []
    _save_items(changed, ANSWER_FIELDS)
    _touch(assessment)
    audit_record(
        actor=actor,
        action="assessment_answers_save",
        obj=assessment,
        agency_id=assessment.agency_id,
        changes=changes,
    )
    return changed


def _not_answered_error(missing: Sequence[AssessmentItem]) -> Refusal:
    names = "; ".join(item_label(i) for i in missing)
    return Refusal(_("%(count)s items are not answered yet: %(names)s"), count=len(missing), names=names)


@transaction.atomic
def assessment_submit(*, actor: Actor, assessment: Assessment, quiet: bool = False) -> Assessment:
    """The person submits the finished draft for the supervisor's review; every item must be answered.

    `quiet` writes without telling the reviewer (the demo loader's past rounds).
    """
    _check_own_draft(actor, assessment)
    missing = unanswered(assessment.items.select_related("unit").order_by("order", "id"))
    if missing:
        raise _not_answered_error(missing)
    changes = assign(assessment, {"status": AssessmentStatus.SUBMITTED, "submitted_at": timezone.now()})
    assessment.save(update_fields=["status", "submitted_at", "updated_at"])
    person = assessment.person
    notify(
        agency=assessment.agency,
        recipients=[] if quiet else reviewer_users(person),
        kind="assessment_submitted",
        title=format_lazy(_("{name} has submitted a self-assessment for your review"), name=person.full_name),
        body=format_lazy(
            _("Round {round}. Agree or disagree with each item and set the priorities together."),
            round=assessment.round,
        ),
        url=reverse("assessments:review", args=[assessment.pk]),
    )
    audit_record(
        actor=actor,
        action="assessment_submit",
        obj=assessment,
        agency_id=assessment.agency_id,
        changes=changes,
    )
    return assessment


# --- the review ----------------------------------------------------------------------------------


def _check_reviewer(actor: Actor, assessment: Assessment) -> None:
    if not may_review(actor.user, assessment):
        raise PermissionDenied
    if assessment.status != AssessmentStatus.SUBMITTED:
        raise Refusal(_("Round %(round)s is not waiting for review."), round=assessment.round)


def _apply_reviews(
    assessment: Assessment, items: dict[int, AssessmentItem], reviews: Iterable[ItemReview]
) -> dict[str, list[Any]]:
    """Check and set the reviewer's views on the items; return the changes (nothing written yet)."""
    reviews = list(reviews)
    unknown = [r.item_id for r in reviews if r.item_id not in items]
    if unknown:
        raise Refusal(_("Items %(items)s are not in this assessment."), items=unknown)
    planned = []
    for review in reviews:
        item = items[review.item_id]
        label = item_label(item)
        comment = _check_comment(review.comment)
        if review.agrees is False and not comment:
            raise Refusal(_("Say why you disagree with “%(item)s”."), item=label)
        if review.priority is not None and not 1 <= review.priority <= MAX_PRIORITY:
            raise Refusal(
                _("The priority of “%(item)s” must be 1 to %(max)s (got %(value)r)."),
                item=label,
                max=MAX_PRIORITY,
                value=review.priority,
            )
        agreed = None
        if review.agrees is not None and item.self_has is not None:
            agreed = item.self_has if review.agrees else not item.self_has
        planned.append((item, review, comment, agreed))
    changes: dict[str, list[Any]] = {}
    for item, review, comment, agreed in planned:
        diff = assign(
            item,
            {
                "supervisor_agrees": review.agrees,
                "supervisor_comment": comment,
                "agreed_has": agreed,
                "priority": review.priority if agreed is False else None,
            },
        )
        changes.update({f"{item.pk}.{name}": pair for name, pair in diff.items()})
    return changes


def _items_by_pk(assessment: Assessment) -> dict[int, AssessmentItem]:
    return {i.pk: i for i in assessment.items.select_related("unit").order_by("order", "id")}


@transaction.atomic
def assessment_review_save(
    *,
    actor: Actor,
    assessment: Assessment,
    reviews: Sequence[ItemReview] = (),
    comment: str | None = None,
) -> Assessment:
    """Save the reviewer's views so far (the round stays waiting); unchanged views write nothing."""
    _check_reviewer(actor, assessment)
    items = _items_by_pk(assessment)
    changes = _apply_reviews(assessment, items, reviews)
    changed = {int(key.split(".", 1)[0]) for key in changes}
    if comment is not None:
        overall = _check_comment(comment)
        changes.update(assign(assessment, {"review_comment": overall}))
    if not changes:
        return assessment
    _save_items((items[pk] for pk in sorted(changed)), REVIEW_FIELDS)
    assessment.save(update_fields=["review_comment", "updated_at"])
    audit_record(
        actor=actor,
        action="assessment_review_save",
        obj=assessment,
        agency_id=assessment.agency_id,
        changes=changes,
    )
    return assessment


def _reviewer_person(actor: Actor, assessment: Assessment) -> Person | None:
    """The reviewer's own person record (the supervisor when the system itself completes a review)."""
    if actor.user is None:
        return assessment.person.supervisor
    return Person.objects.filter(agency_id=assessment.agency_id, user=actor.user).first()


@transaction.atomic
def assessment_review_complete(
    *,
    actor: Actor,
    assessment: Assessment,
    reviews: Sequence[ItemReview] = (),
    comment: str | None = None,
    quiet: bool = False,
) -> Assessment:
    """Complete the review: the agreed result becomes the person's current one, and they are told
    (unless `quiet`: the demo loader's past rounds)."""
    _check_reviewer(actor, assessment)
    items = _items_by_pk(assessment)
    changes = _apply_reviews(assessment, items, reviews)
    undecided = [i for i in items.values() if i.supervisor_agrees is None]
    if undecided:
        names = "; ".join(item_label(i) for i in undecided)
        raise Refusal(
            _("%(count)s items have no agree or disagree yet: %(names)s"), count=len(undecided), names=names
        )
    person = assessment.person
    values: dict[str, Any] = {
        "status": AssessmentStatus.AGREED,
        "reviewed_at": timezone.now(),
        "reviewed_by": _reviewer_person(actor, assessment),
        "is_current": True,
        "division_id": person.division_id,
    }
    if comment is not None:
        values["review_comment"] = _check_comment(comment)
    changes.update(assign(assessment, values))
    Assessment.objects.filter(person=person, is_current=True).exclude(pk=assessment.pk).update(
        is_current=False
    )
    AssessmentItem.objects.filter(person=person, is_current=True).exclude(assessment=assessment).update(
        is_current=False
    )
    for item in items.values():
        item.is_current = True
        item.agency_id = assessment.agency_id
        item.person_id = person.pk
        item.division_id = person.division_id
        item.group_id = assessment.group_id
    _save_items(items.values(), [*REVIEW_FIELDS, "is_current", "agency", "person", "division", "group"])
    assessment.save(
        update_fields=[
            "status",
            "reviewed_at",
            "reviewed_by",
            "is_current",
            "division",
            "review_comment",
            "updated_at",
        ]
    )
    gaps = sum(1 for i in items.values() if i.agreed_has is False)
    notify(
        agency=assessment.agency,
        recipients=[] if quiet else [person.user],
        kind="assessment_reviewed",
        title=_("Your supervisor has reviewed your self-assessment"),
        body=format_lazy(
            _("Round {round} is agreed. Skills to develop: {gaps}."), round=assessment.round, gaps=gaps
        ),
        url=reverse("assessments:gaps"),
    )
    changes["gaps"] = [None, gaps]
    audit_record(
        actor=actor,
        action="assessment_review_complete",
        obj=assessment,
        agency_id=assessment.agency_id,
        changes=changes,
    )
    return assessment


@transaction.atomic
def assessment_return(*, actor: Actor, assessment: Assessment, comment: str) -> Assessment:
    """The reviewer returns the round to the person as a draft, saying what to change."""
    _check_reviewer(actor, assessment)
    comment = _check_comment(comment)
    if not comment:
        raise Refusal(_("Say why the assessment is returned for changes."))
    changes = assign(
        assessment, {"status": AssessmentStatus.DRAFT, "submitted_at": None, "review_comment": comment}
    )
    assessment.save(update_fields=["status", "submitted_at", "review_comment", "updated_at"])
    notify(
        agency=assessment.agency,
        recipients=[assessment.person.user],
        kind="assessment_returned",
        title=_("Your supervisor has returned your self-assessment for changes"),
        body=comment,
        url=reverse("assessments:mine"),
    )
    audit_record(
        actor=actor,
        action="assessment_return",
        obj=assessment,
        agency_id=assessment.agency_id,
        changes=changes,
    )
    return assessment
