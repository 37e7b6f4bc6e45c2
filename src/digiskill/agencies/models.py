"""The agency tree: ministry → department (the tenant) → division → section."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AgencyKind(models.TextChoices):
    MINISTRY = "ministry", _("Ministry")
    DEPARTMENT = "department", _("Department")
    DIVISION = "division", _("Division")
    SECTION = "section", _("Section")


class Agency(models.Model):
    """A node of the agency tree; a department is the tenant boundary."""

    code = models.CharField(_("code"), max_length=32, unique=True)
    name_th = models.CharField(_("name (Thai)"), max_length=255)
    name_en = models.CharField(_("name (English)"), max_length=255, blank=True)
    kind = models.CharField(_("kind"), max_length=16, choices=AgencyKind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    department = models.ForeignKey(
        "self",
        verbose_name=_("department"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="units",
        help_text=_("The tenant this node belongs to; set by the services, itself for a department."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")
        ordering = ["code"]
        indexes = [models.Index(fields=["department", "kind"], name="agency_department_kind")]

    def __str__(self) -> str:
        return self.name_th


class Horizon(models.IntegerChoices):
    """How far ahead a goal of the digital target looks."""

    ONE_YEAR = 1, _("1 year")
    THREE_YEARS = 3, _("3 years")
    FIVE_YEARS = 5, _("5 years")


class GoalKind(models.TextChoices):
    """A goal is an output or an outcome of changing how the department works."""

    OUTPUT = "output", _("Output")
    OUTCOME = "outcome", _("Outcome")


class WorkingGroupFunction(models.TextChoices):
    """The three sides the OCSC guide asks the working group to bring together."""

    PLAN = "plan", _("Plan and policy")
    IT = "it", _("Information technology")
    HR = "hr", _("Human resources")


class DigitalTarget(models.Model):
    """One version of a department's digital target; a change writes a new version."""

    agency = models.ForeignKey(
        Agency, verbose_name=_("department"), on_delete=models.PROTECT, related_name="digital_targets"
    )
    version = models.PositiveIntegerField(_("version"))
    framework = models.ForeignKey(
        "frameworks.Framework", verbose_name=_("framework"), on_delete=models.PROTECT, related_name="+"
    )
    vision = models.TextField(_("vision"))
    stage = models.ForeignKey(
        "frameworks.Stage", verbose_name=_("target stage"), on_delete=models.PROTECT, related_name="+"
    )
    stage_rationale = models.TextField(_("why this stage"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("digital target")
        verbose_name_plural = _("digital targets")
        ordering = ["agency", "-version"]
        constraints = [models.UniqueConstraint(fields=["agency", "version"], name="target_unique_version")]

    def __str__(self) -> str:
        return f"{self.agency} v{self.version}"


class TargetGoal(models.Model):
    """A 1-, 3- or 5-year goal of a digital target, tied to a digital-government goal."""

    target = models.ForeignKey(DigitalTarget, on_delete=models.CASCADE, related_name="goals")
    horizon = models.PositiveSmallIntegerField(_("horizon"), choices=Horizon.choices)
    kind = models.CharField(_("kind"), max_length=16, choices=GoalKind.choices)
    goal = models.ForeignKey(
        "frameworks.Goal",
        verbose_name=_("digital-government goal"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    text = models.TextField(_("goal"))
    order = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
        ordering = ["horizon", "order", "id"]

    def __str__(self) -> str:
        return self.text[:80]


class WorkingGroupMember(models.Model):
    """A person of the department on the working group of a digital target."""

    target = models.ForeignKey(DigitalTarget, on_delete=models.CASCADE, related_name="members")
    person = models.ForeignKey(
        "people.Person", verbose_name=_("person"), on_delete=models.PROTECT, related_name="+"
    )
    function = models.CharField(_("side"), max_length=16, choices=WorkingGroupFunction.choices)

    class Meta:
        verbose_name = _("working-group member")
        verbose_name_plural = _("working-group members")
        ordering = ["function", "id"]

    def __str__(self) -> str:
        return f"{self.person} ({self.function})"


class AgencySkillSet(models.Model):
    """The skill set a department requires of one personnel group at one stage (being prepared)."""

    agency = models.ForeignKey(
        Agency, verbose_name=_("department"), on_delete=models.PROTECT, related_name="skill_sets"
    )
    group = models.ForeignKey(
        "frameworks.PersonnelGroup", verbose_name=_("group"), on_delete=models.PROTECT, related_name="+"
    )
    stage = models.ForeignKey(
        "frameworks.Stage", verbose_name=_("stage"), on_delete=models.PROTECT, related_name="+"
    )
    started_from = models.CharField(_("started from"), max_length=255, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("required skill set")
        verbose_name_plural = _("required skill sets")
        ordering = ["agency", "group__order"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "group", "stage"], name="agency_skillset_unique_group")
        ]

    def __str__(self) -> str:
        return f"{self.agency} {self.group.code} {self.stage.code}"


class SkillItemFields(models.Model):
    """What one required item is: a unit of the catalog, or a free text under a component."""

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
    text_th = models.TextField(_("text (Thai)"), blank=True)
    text_en = models.TextField(_("text (English)"), blank=True)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        abstract = True
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return self.unit.code if self.unit_id and self.unit else self.text_th[:80]


class AgencySkillItem(SkillItemFields):
    """One item of a department's required skill set."""

    skill_set = models.ForeignKey(AgencySkillSet, on_delete=models.CASCADE, related_name="items")

    class Meta(SkillItemFields.Meta):
        verbose_name = _("required skill item")
        verbose_name_plural = _("required skill items")


class Announcement(models.Model):
    """A published announcement of roles and required skills; never edited, a change is a new version."""

    agency = models.ForeignKey(
        Agency, verbose_name=_("department"), on_delete=models.PROTECT, related_name="announcements"
    )
    version = models.PositiveIntegerField(_("version"))
    title = models.CharField(_("title"), max_length=500)
    effective_date = models.DateField(_("in force from"))
    target = models.ForeignKey(
        DigitalTarget, verbose_name=_("digital target"), on_delete=models.PROTECT, related_name="+"
    )
    stage = models.ForeignKey(
        "frameworks.Stage", verbose_name=_("target stage"), on_delete=models.PROTECT, related_name="+"
    )
    note = models.TextField(_("note"), blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("published by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    published_at = models.DateTimeField(_("published at"), auto_now_add=True)

    class Meta:
        verbose_name = _("announcement")
        verbose_name_plural = _("announcements")
        ordering = ["agency", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "version"], name="announcement_unique_version")
        ]

    def __str__(self) -> str:
        return self.title


class AnnouncementGroup(models.Model):
    """What an announcement says for one personnel group: its expected role."""

    announcement = models.ForeignKey(Announcement, on_delete=models.CASCADE, related_name="groups")
    group = models.ForeignKey(
        "frameworks.PersonnelGroup", verbose_name=_("group"), on_delete=models.PROTECT, related_name="+"
    )
    role = models.ForeignKey(
        "frameworks.Role",
        verbose_name=_("expected role"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    order = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("announced group")
        verbose_name_plural = _("announced groups")
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return f"{self.announcement} {self.group.code}"


class AnnouncementItem(SkillItemFields):
    """A required skill item as announced (a copy, so later edits never change it)."""

    entry = models.ForeignKey(AnnouncementGroup, on_delete=models.CASCADE, related_name="items")

    class Meta(SkillItemFields.Meta):
        verbose_name = _("announced skill item")
        verbose_name_plural = _("announced skill items")
