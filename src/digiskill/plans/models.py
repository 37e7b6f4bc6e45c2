"""Individual development plans (IDP): goals from agreed gaps, 70:20:10 activities, approval,
progress and feedback (Ind 3.3-4), and applying the skills at work (Ind 5).

A plan belongs to one person for one Thai fiscal year (Buddhist era). Revising an approved plan
writes a new version (a copy) that goes through approval again; earlier versions stay readable.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from digiskill.core.glossary import E_LEARNING, band_label


class PlanStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("plan status", "Draft")
    SUBMITTED = "submitted", pgettext_lazy("plan status", "Waiting for approval")
    RETURNED = "returned", pgettext_lazy("plan status", "Returned for changes")
    APPROVED = "approved", pgettext_lazy("plan status", "Approved")
    IN_PROGRESS = "in_progress", pgettext_lazy("plan status", "In progress")
    COMPLETED = "completed", pgettext_lazy("plan status", "Completed")
    SUPERSEDED = "superseded", pgettext_lazy("plan status", "Replaced by a later version")


class Band(models.IntegerChoices):
    """The three parts of the 70:20:10 model."""

    EXPERIENCE = 70, band_label(70)
    SOCIAL = 20, band_label(20)
    FORMAL = 10, band_label(10)


class ActivityKind(models.TextChoices):
    """Kinds of development activity, each in one band of 70:20:10."""

    ON_THE_JOB = "on_the_job", pgettext_lazy("70:20:10", "On-the-job assignment")
    PROJECT = "project", pgettext_lazy("70:20:10", "Challenging project")
    ROTATION = "rotation", pgettext_lazy("70:20:10", "Job rotation")
    SELF_STUDY = "self_study", pgettext_lazy("70:20:10", "Self-study")
    E_LEARNING = "e_learning", E_LEARNING
    COACHING = "coaching", pgettext_lazy("70:20:10", "Coaching")
    MENTORING = "mentoring", pgettext_lazy("70:20:10", "Mentoring")
    FEEDBACK = "feedback", pgettext_lazy("70:20:10", "Feedback")
    COMMUNITY = "community", pgettext_lazy("70:20:10", "Community of practice")
    TRAINING = "training", pgettext_lazy("70:20:10", "Training course")
    CLASSROOM = "classroom", pgettext_lazy("70:20:10", "Classroom")
    SEMINAR = "seminar", pgettext_lazy("70:20:10", "Seminar")


BAND_OF_KIND: dict[str, int] = {
    ActivityKind.ON_THE_JOB: Band.EXPERIENCE,
    ActivityKind.PROJECT: Band.EXPERIENCE,
    ActivityKind.ROTATION: Band.EXPERIENCE,
    ActivityKind.SELF_STUDY: Band.EXPERIENCE,
    ActivityKind.E_LEARNING: Band.EXPERIENCE,
    ActivityKind.COACHING: Band.SOCIAL,
    ActivityKind.MENTORING: Band.SOCIAL,
    ActivityKind.FEEDBACK: Band.SOCIAL,
    ActivityKind.COMMUNITY: Band.SOCIAL,
    ActivityKind.TRAINING: Band.FORMAL,
    ActivityKind.CLASSROOM: Band.FORMAL,
    ActivityKind.SEMINAR: Band.FORMAL,
}


class ActivityStatus(models.TextChoices):
    NOT_STARTED = "not_started", pgettext_lazy("activity status", "Not started")
    IN_PROGRESS = "in_progress", pgettext_lazy("activity status", "In progress")
    DONE = "done", pgettext_lazy("activity status", "Done")
    CANCELLED = "cancelled", pgettext_lazy("activity status", "Cancelled")


class GoalResult(models.TextChoices):
    """The person's self-evaluation of one goal."""

    MET = "met", pgettext_lazy("self-evaluation", "Met")
    PARTLY = "partly", pgettext_lazy("self-evaluation", "Partly met")
    NOT_MET = "not_met", pgettext_lazy("self-evaluation", "Not met")


class PlanSettings(models.Model):
    """A department's settings for plans."""

    agency = models.OneToOneField(
        "agencies.Agency",
        verbose_name=_("department"),
        on_delete=models.CASCADE,
        related_name="plan_settings",
    )
    approval_limit_days = models.PositiveSmallIntegerField(
        _("approval limit (days)"),
        default=7,
        help_text=_("Approvals waiting longer than this are shown to HR."),
    )

    class Meta:
        verbose_name = _("plan settings")
        verbose_name_plural = _("plan settings")

    def __str__(self) -> str:
        return str(self.agency)


class Plan(models.Model):
    """One version of a person's development plan for a fiscal year."""

    agency = models.ForeignKey(
        "agencies.Agency", verbose_name=_("department"), on_delete=models.PROTECT, related_name="+"
    )
    person = models.ForeignKey(
        "people.Person", verbose_name=_("person"), on_delete=models.CASCADE, related_name="plans"
    )
    fiscal_year = models.PositiveSmallIntegerField(_("fiscal year (B.E.)"))
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    is_current = models.BooleanField(_("current version"), default=True)
    status = models.CharField(
        _("status"), max_length=16, choices=PlanStatus.choices, default=PlanStatus.DRAFT
    )
    assessment = models.ForeignKey(
        "assessments.Assessment",
        verbose_name=_("agreed assessment"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
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
        "frameworks.PersonnelGroup",
        verbose_name=_("group"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    role = models.ForeignKey(
        "frameworks.Role",
        verbose_name=_("expected role"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    specific_role_th = models.TextField(_("person-specific expected role"), blank=True)
    mission = models.TextField(
        _("link to the department's mission"),
        blank=True,
        help_text=_("How developing these skills serves the department's digital target."),
    )
    needs_next_level = models.BooleanField(
        _("needs the next-level supervisor"),
        default=False,
        help_text=_("Set when the person has a person-specific role."),
    )
    supervisor = models.ForeignKey(
        "people.Person",
        verbose_name=_("supervisor"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    next_level = models.ForeignKey(
        "people.Person",
        verbose_name=_("next-level supervisor"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    first_approved_at = models.DateTimeField(_("approved by the supervisor"), null=True, blank=True)
    approved_at = models.DateTimeField(_("approved"), null=True, blank=True)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)
    previous = models.ForeignKey(
        "self",
        verbose_name=_("previous version"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("development plan")
        verbose_name_plural = _("development plans")
        ordering = ["person", "-fiscal_year", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["person", "fiscal_year", "version"], name="plan_unique_version"),
            # One current version per person and year, whatever two simultaneous requests do.
            models.UniqueConstraint(
                fields=["person", "fiscal_year"],
                condition=Q(is_current=True),
                name="plan_one_current_per_year",
            ),
        ]
        indexes = [
            models.Index(fields=["agency", "fiscal_year", "is_current", "status"], name="plan_agency_year"),
        ]

    def __str__(self) -> str:
        return f"{self.person} {self.fiscal_year} v{self.version}"

    @property
    def awaiting_next_level(self) -> bool:
        """True when the supervisor has approved and the next-level supervisor has not yet."""
        return (
            self.status == PlanStatus.SUBMITTED
            and self.needs_next_level
            and self.first_approved_at is not None
        )


class PlanGoal(models.Model):
    """A development goal for one agreed gap, written the S.M.A.R.T. way."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="goals")
    gap = models.ForeignKey(
        "assessments.AssessmentItem",
        verbose_name=_("gap"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    component = models.ForeignKey(
        "frameworks.SkillComponent",
        verbose_name=_("component"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    unit = models.ForeignKey(
        "frameworks.Unit",
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    skill_th = models.TextField(_("skill to develop"))
    what = models.TextField(_("goal: what will I be able to do"))
    measure = models.TextField(_("measure: how will we know"), blank=True)
    target = models.CharField(_("target"), max_length=255, blank=True)
    due_date = models.DateField(_("by when"), null=True, blank=True)
    start_date = models.DateField(_("from"), null=True, blank=True)
    how_to_apply = models.TextField(_("how I will use it at work"), blank=True)
    order = models.PositiveIntegerField(default=0)
    result = models.CharField(_("self-evaluation"), max_length=16, choices=GoalResult.choices, blank=True)
    result_note = models.TextField(_("self-evaluation note"), blank=True)
    evaluated_at = models.DateTimeField(_("evaluated"), null=True, blank=True)

    class Meta:
        verbose_name = _("development goal")
        verbose_name_plural = _("development goals")
        ordering = ["plan", "order", "id"]

    def __str__(self) -> str:
        return self.what[:80]


class PlanActivity(models.Model):
    """One development activity of a goal, typed by the 70:20:10 model."""

    goal = models.ForeignKey(PlanGoal, on_delete=models.CASCADE, related_name="activities")
    kind = models.CharField(_("kind"), max_length=16, choices=ActivityKind.choices)
    band = models.PositiveSmallIntegerField(_("70:20:10"), choices=Band.choices)
    title = models.CharField(_("activity"), max_length=500)
    resource = models.ForeignKey(
        "learning.LearningResource",
        verbose_name=_("learning resource"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hours = models.DecimalField(_("hours"), max_digits=6, decimal_places=1, default=0)
    start_date = models.DateField(_("from"), null=True, blank=True)
    end_date = models.DateField(_("to"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=ActivityStatus.choices, default=ActivityStatus.NOT_STARTED
    )
    done_on = models.DateField(_("done on"), null=True, blank=True)
    progress_note = models.TextField(_("progress note"), blank=True)
    evidence_link = models.URLField(_("evidence link"), max_length=1000, blank=True)
    evidence_file = models.FileField(_("evidence file"), upload_to="plan-evidence/%Y/%m/", blank=True)
    evidence_name = models.CharField(_("evidence file name"), max_length=255, blank=True)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("development activity")
        verbose_name_plural = _("development activities")
        ordering = ["goal", "order", "id"]

    def __str__(self) -> str:
        return self.title


class PlanEventKind(models.TextChoices):
    CREATED = "created", pgettext_lazy("plan event", "Created")
    SUBMITTED = "submitted", pgettext_lazy("plan event", "Submitted")
    RETURNED = "returned", pgettext_lazy("plan event", "Returned with comments")
    FIRST_APPROVED = "first_approved", pgettext_lazy("plan event", "Approved by the supervisor")
    APPROVED = "approved", pgettext_lazy("plan event", "Approved")
    STARTED = "started", pgettext_lazy("plan event", "Started")
    COMPLETED = "completed", pgettext_lazy("plan event", "Completed")
    REVISED = "revised", pgettext_lazy("plan event", "New version started")
    FEEDBACK = "feedback", pgettext_lazy("plan event", "Feedback")


class PlanEvent(models.Model):
    """A step of a plan's workflow, or the supervisor's dated feedback."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="events")
    goal = models.ForeignKey(PlanGoal, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    kind = models.CharField(_("what"), max_length=16, choices=PlanEventKind.choices)
    comment = models.TextField(_("comment"), blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    actor_name = models.CharField(_("by (name)"), max_length=255, blank=True)
    created_at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        verbose_name = _("plan event")
        verbose_name_plural = _("plan events")
        ordering = ["plan", "created_at", "id"]

    def __str__(self) -> str:
        return f"{self.plan} {self.kind}"


class Application(models.Model):
    """Ind 5: what the person changed or created at work with a skill, and the acknowledgement."""

    agency = models.ForeignKey(
        "agencies.Agency", verbose_name=_("department"), on_delete=models.PROTECT, related_name="+"
    )
    person = models.ForeignKey(
        "people.Person", verbose_name=_("person"), on_delete=models.CASCADE, related_name="applications"
    )
    goal = models.ForeignKey(
        PlanGoal,
        verbose_name=_("development goal"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="applications",
    )
    title = models.CharField(_("what I changed or created"), max_length=500)
    description = models.TextField(_("details and results"), blank=True)
    applied_on = models.DateField(_("when"))
    evidence_link = models.URLField(_("evidence link"), max_length=1000, blank=True)
    evidence_file = models.FileField(_("evidence file"), upload_to="applied/%Y/%m/", blank=True)
    evidence_name = models.CharField(_("evidence file name"), max_length=255, blank=True)
    acknowledged_by = models.ForeignKey(
        "people.Person",
        verbose_name=_("acknowledged by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    acknowledged_at = models.DateTimeField(_("acknowledged"), null=True, blank=True)
    acknowledgement = models.TextField(_("supervisor's note"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("skill applied at work")
        verbose_name_plural = _("skills applied at work")
        ordering = ["person", "-applied_on", "-id"]

    def __str__(self) -> str:
        return self.title
