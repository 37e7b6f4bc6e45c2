"""People of a department: the civil servants and staff the programme develops."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Person(models.Model):
    """A member of a department's staff, optionally linked to a login."""

    agency = models.ForeignKey(
        "agencies.Agency", verbose_name=_("department"), on_delete=models.PROTECT, related_name="people"
    )
    division = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("division"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="members",
    )
    national_id = models.CharField(_("national ID"), max_length=13)
    title = models.CharField(_("title"), max_length=64, blank=True)
    first_name = models.CharField(_("first name"), max_length=128)
    last_name = models.CharField(_("last name"), max_length=128)
    first_name_en = models.CharField(_("first name (English)"), max_length=128, blank=True)
    last_name_en = models.CharField(_("last name (English)"), max_length=128, blank=True)
    position = models.CharField(_("position"), max_length=255)
    position_type = models.CharField(_("position type"), max_length=128, blank=True)
    position_level = models.CharField(_("position level"), max_length=128, blank=True)
    supervisor = models.ForeignKey(
        "self",
        verbose_name=_("supervisor"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="subordinates",
    )
    email = models.EmailField(_("e-mail"), blank=True)
    workload = models.JSONField(
        _("workload by group"),
        default=dict,
        blank=True,
        help_text=_('Share of the work in each personnel group, in percent: {"A": 30, "S": 70}.'),
    )
    career_path_group = models.CharField(_("career-path group"), max_length=16, blank=True)
    group = models.ForeignKey(
        "frameworks.PersonnelGroup",
        verbose_name=_("personnel group"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The group in effect, set when a classification is agreed or approved."),
    )
    specific_role_th = models.TextField(_("person-specific expected role"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("login"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="person",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["first_name", "last_name"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "national_id"], name="person_unique_national_id"),
        ]
        indexes = [
            models.Index(fields=["agency", "supervisor"], name="person_agency_supervisor"),
            models.Index(fields=["agency", "division"], name="person_agency_division"),
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        """Title and names in Thai, as written on official documents."""
        return f"{self.title}{self.first_name} {self.last_name}".strip()


class ClassificationStatus(models.TextChoices):
    """Where a classification stands (Ind 1)."""

    PROPOSED = "proposed", _("Proposed")
    AGREED = "agreed", _("Agreed by the supervisor")
    CHANGED = "changed", _("Changed by the supervisor")
    APPROVED = "approved", _("Approved by the next-level supervisor")


class Classification(models.Model):
    """One step of classifying a person into a personnel group; the latest step is the current one."""

    agency = models.ForeignKey(
        "agencies.Agency", verbose_name=_("department"), on_delete=models.PROTECT, related_name="+"
    )
    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="classifications"
    )
    group = models.ForeignKey(
        "frameworks.PersonnelGroup", verbose_name=_("group"), on_delete=models.PROTECT, related_name="+"
    )
    specific_role_th = models.TextField(_("person-specific expected role"), blank=True)
    status = models.CharField(_("status"), max_length=16, choices=ClassificationStatus.choices)
    needs_approval = models.BooleanField(
        _("needs the next-level supervisor's approval"),
        default=False,
        help_text=_(
            "Work spans several groups and a person-specific role is set (cabinet resolution 4.6.3)."
        ),
    )
    workload = models.JSONField(_("workload by group"), default=dict, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        verbose_name = _("classification")
        verbose_name_plural = _("classifications")
        ordering = ["person", "-created_at", "-id"]
        indexes = [models.Index(fields=["agency", "person", "-id"], name="classification_person_latest")]

    def __str__(self) -> str:
        return f"{self.person} {self.group.code} {self.status}"

    @property
    def awaiting_approval(self) -> bool:
        """True when the supervisor has decided but the next-level supervisor has not yet approved."""
        return self.needs_approval and self.status in (
            ClassificationStatus.AGREED,
            ClassificationStatus.CHANGED,
        )

    @property
    def is_final(self) -> bool:
        """True when this step puts the group in effect."""
        if self.status == ClassificationStatus.APPROVED:
            return True
        return self.status != ClassificationStatus.PROPOSED and not self.needs_approval


class RosterImport(models.Model):
    """One roster import (or check): what it did, its errors and the rejected rows."""

    agency = models.ForeignKey(
        "agencies.Agency", verbose_name=_("department"), on_delete=models.PROTECT, related_name="+"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    filename = models.CharField(_("file"), max_length=255)
    dry_run = models.BooleanField(_("check only"), default=False)
    skip_invalid = models.BooleanField(_("import the valid rows, return the rejected ones"), default=False)
    deactivate_missing = models.BooleanField(
        _("whole roster (people missing from it are deactivated)"), default=False
    )
    written = models.BooleanField(_("written"), default=False)
    deactivation = models.JSONField(
        _("people to deactivate"),
        default=list,
        blank=True,
        help_text=_(
            "Who a whole-roster import deactivates: name, division, people supervised (the first ones)"
        ),
    )
    confirm_token = models.CharField(_("confirmation token"), max_length=64, blank=True)
    awaiting_confirmation = models.BooleanField(_("awaiting confirmation"), default=False)
    upload = models.BinaryField(
        _("uploaded file"), blank=True, default=b"", editable=False, help_text=_("Kept until confirmed.")
    )
    counts = models.JSONField(_("counts"), default=dict, blank=True)
    errors = models.JSONField(_("errors"), default=list, blank=True)
    warnings = models.JSONField(_("warnings"), default=list, blank=True)
    rejected_csv = models.TextField(_("rejected rows (CSV)"), blank=True)
    created_at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        verbose_name = _("roster import")
        verbose_name_plural = _("roster imports")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.filename} {self.created_at:%Y-%m-%d %H:%M}"
