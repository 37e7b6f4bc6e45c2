"""Self-assessment against the required skills, and the supervisor's review (Ind 3.1-3.2).

A person assesses each item of the skill set announced for their group: have / not yet, an
optional proficiency on a five-level scale, evidence and a comment. The supervisor agrees or
disagrees with each item and the two set priorities; the agreed result is what counts. Each
assessment is one *round*; a later round keeps the earlier ones as history.

The rows of `AssessmentItem` carry a few copies (agency, person, division, group, unit, area,
`is_current`) so the agency-wide gap analysis (Org 3.1) is one grouped scan of one table. The
services keep those copies in step (`assessments.services`).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class AssessmentStatus(models.TextChoices):
    """Where one round of a person's assessment stands."""

    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Waiting for the supervisor's review")
    AGREED = "agreed", _("Reviewed and agreed")


class Proficiency(models.IntegerChoices):
    """The optional five-level proficiency of one item, for finer planning."""

    CANNOT_YET = 1, _("Cannot yet")
    WITH_HELP = 2, _("Can with help")
    ON_MY_OWN = 3, _("Can on my own")
    WITH_CONFIDENCE = 4, _("Can with confidence")
    CAN_GUIDE = 5, _("Can guide others")


class Assessment(models.Model):
    """One round of a person's self-assessment and its review."""

    agency = models.ForeignKey(
        "agencies.Agency", verbose_name=_("department"), on_delete=models.PROTECT, related_name="+"
    )
    person = models.ForeignKey(
        "people.Person", verbose_name=_("person"), on_delete=models.CASCADE, related_name="assessments"
    )
    round = models.PositiveIntegerField(_("round"))
    announcement = models.ForeignKey(
        "agencies.Announcement",
        verbose_name=_("announcement"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    group = models.ForeignKey(
        "frameworks.PersonnelGroup", verbose_name=_("group"), on_delete=models.PROTECT, related_name="+"
    )
    division = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("division"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=16, choices=AssessmentStatus.choices, default=AssessmentStatus.DRAFT
    )
    is_current = models.BooleanField(
        _("current result"),
        default=False,
        help_text=_("The person's latest agreed round; the one the gap analysis counts."),
    )
    started_at = models.DateTimeField(_("started"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last saved"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        "people.Person",
        verbose_name=_("reviewed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    review_comment = models.TextField(_("supervisor's comment"), blank=True)

    class Meta:
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")
        ordering = ["person", "-round"]
        constraints = [
            models.UniqueConstraint(fields=["person", "round"], name="assessment_unique_round"),
        ]
        indexes = [
            models.Index(fields=["agency", "is_current"], name="assessment_agency_current"),
            models.Index(fields=["agency", "status"], name="assessment_agency_status"),
        ]

    def __str__(self) -> str:
        return f"{self.person} #{self.round}"


class AssessmentItem(models.Model):
    """One required item in one round: the person's answer, the supervisor's view, the result."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="items")
    source = models.ForeignKey(
        "agencies.AnnouncementItem",
        verbose_name=_("announced item"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    component = models.ForeignKey(
        "frameworks.SkillComponent", verbose_name=_("component"), on_delete=models.PROTECT, related_name="+"
    )
    unit = models.ForeignKey(
        "frameworks.Unit",
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    area = models.ForeignKey(
        "frameworks.Area",
        verbose_name=_("area"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    text_th = models.TextField(_("text (Thai)"), blank=True)
    order = models.PositiveIntegerField(default=0)

    # The person's own answer (Ind 3.1).
    self_has = models.BooleanField(_("I have this"), null=True, blank=True)
    self_level = models.PositiveSmallIntegerField(
        _("proficiency"), choices=Proficiency.choices, null=True, blank=True
    )
    comment = models.TextField(_("comment"), blank=True)
    evidence_link = models.URLField(_("evidence link"), max_length=1000, blank=True)
    evidence_file = models.FileField(_("evidence file"), upload_to="evidence/%Y/%m/", blank=True)
    evidence_name = models.CharField(_("evidence file name"), max_length=255, blank=True)

    # The supervisor's review (Ind 3.2) and the result that counts.
    supervisor_agrees = models.BooleanField(_("supervisor agrees"), null=True, blank=True)
    supervisor_comment = models.TextField(_("supervisor's comment"), blank=True)
    agreed_has = models.BooleanField(_("agreed: has this"), null=True, blank=True)
    priority = models.PositiveSmallIntegerField(
        _("priority"), null=True, blank=True, help_text=_("1 is developed first.")
    )

    # Copies for the agency-wide analysis, kept in step by the services.
    agency = models.ForeignKey(
        "agencies.Agency", verbose_name=_("department"), on_delete=models.PROTECT, related_name="+"
    )
    person = models.ForeignKey(
        "people.Person", verbose_name=_("person"), on_delete=models.CASCADE, related_name="+"
    )
    division = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("division"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    group = models.ForeignKey(
        "frameworks.PersonnelGroup", verbose_name=_("group"), on_delete=models.PROTECT, related_name="+"
    )
    is_current = models.BooleanField(_("current result"), default=False)

    class Meta:
        verbose_name = _("assessed item")
        verbose_name_plural = _("assessed items")
        ordering = ["assessment", "order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "source"], name="assessment_item_unique_source"),
        ]
        indexes = [
            models.Index(
                fields=["agency", "is_current", "agreed_has", "division", "group", "unit"],
                name="assessment_item_gap_scan",
            ),
            models.Index(fields=["person", "is_current"], name="assessment_item_person"),
        ]

    def __str__(self) -> str:
        return self.unit.code if self.unit_id and self.unit else self.text_th[:80]

    @property
    def is_gap(self) -> bool:
        """True when the agreed result says the person does not have this yet."""
        return self.agreed_has is False
