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
