"""Logins, agency memberships with their roles, and the audit log."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A login. Roles live on memberships, except system administration, which is global."""

    is_system_admin = models.BooleanField(
        _("system administrator"),
        default=False,
        help_text=_("Manages frameworks and agencies across the whole installation."),
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")


class Role(models.TextChoices):
    """What a person may do; supervisor follows from having subordinates, never stored."""

    STAFF = "staff", _("Staff member")
    SUPERVISOR = "supervisor", _("Supervisor")
    HR_ADMIN = "hr_admin", _("HR administrator")
    ASSESSOR = "assessor", _("Assessor")
    EXECUTIVE = "executive", _("Executive")
    SYSTEM_ADMIN = "system_admin", _("System administrator")


class Membership(models.Model):
    """Ties a user to a department with explicit role flags."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="memberships"
    )
    agency = models.ForeignKey(
        "agencies.Agency", verbose_name=_("department"), on_delete=models.PROTECT, related_name="memberships"
    )
    is_hr_admin = models.BooleanField(_("HR administrator"), default=False)
    is_assessor = models.BooleanField(_("assessor"), default=False)
    is_executive = models.BooleanField(_("executive"), default=False)
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["user", "agency"], name="membership_unique_user_agency")
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.agency}"


class AuditEntry(models.Model):
    """One recorded write: who did what to which object, with the changed fields."""

    created_at = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)
    agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("department"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="audit_entries",
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("actor"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="audit_entries",
    )
    actor_name = models.CharField(_("actor name"), max_length=150, blank=True)
    action = models.CharField(_("action"), max_length=64, db_index=True)
    object_type = models.CharField(_("object type"), max_length=64, blank=True)
    object_id = models.CharField(_("object ID"), max_length=64, blank=True)
    object_repr = models.CharField(_("object"), max_length=255, blank=True)
    changes = models.JSONField(_("changes"), default=dict, blank=True)
    ip_address = models.GenericIPAddressField(_("client address"), null=True, blank=True)

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["agency", "-created_at"], name="audit_agency_time")]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.actor_name} {self.action} {self.object_repr}"

    def change_rows(self) -> list[tuple[str, object, object]]:
        """(field, before, after) for display; tolerant of entries that record a summary, not a pair."""
        rows = []
        for name, value in (self.changes or {}).items():
            if isinstance(value, list | tuple) and len(value) == 2:
                rows.append((name, value[0], value[1]))
            else:
                rows.append((name, None, value))
        return rows
