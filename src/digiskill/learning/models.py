"""The catalog of learning resources: courses, e-learning, books and communities, linked to skills.

A resource with no department is shared by every department (loaded by a system administrator,
e.g. OCSC's digital learning sources or TDGA's courses); a department may add its own.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from digiskill.core.glossary import E_LEARNING


class ResourceKind(models.TextChoices):
    """What kind of learning a resource offers."""

    E_LEARNING = "e_learning", E_LEARNING
    COURSE = "course", _("Training course")
    CLASSROOM = "classroom", _("Classroom")
    SEMINAR = "seminar", _("Seminar")
    BOOK = "book", _("Book or article")
    VIDEO = "video", _("Video")
    COMMUNITY = "community", _("Community of practice")
    OTHER = "other", _("Other")


class ResourceLanguage(models.TextChoices):
    THAI = "th", _("Thai")
    ENGLISH = "en", _("English")
    BOTH = "th-en", _("Thai and English")


class LearningResource(models.Model):
    """One learning resource, linked to the units and knowledge it develops."""

    agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("department"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Empty for a resource every department sees."),
    )
    code = models.CharField(_("code"), max_length=64, help_text=_("The provider's code, unique per owner."))
    title = models.CharField(_("title"), max_length=500)
    provider = models.CharField(_("provider"), max_length=255)
    kind = models.CharField(_("kind"), max_length=16, choices=ResourceKind.choices)
    url = models.URLField(_("link"), max_length=1000, blank=True)
    hours = models.DecimalField(_("hours"), max_digits=6, decimal_places=1, null=True, blank=True)
    cost = models.DecimalField(_("cost (baht)"), max_digits=10, decimal_places=2, null=True, blank=True)
    language = models.CharField(
        _("language"), max_length=8, choices=ResourceLanguage.choices, default=ResourceLanguage.THAI
    )
    description = models.TextField(_("description"), blank=True)
    topics = models.TextField(
        _("knowledge topics"),
        blank=True,
        help_text=_("Knowledge items it covers, one per line; matched against required knowledge."),
    )
    units = models.ManyToManyField(
        "frameworks.Unit", verbose_name=_("units"), blank=True, related_name="learning_resources"
    )
    is_active = models.BooleanField(_("active"), default=True)
    search_text = models.TextField(
        editable=False,
        blank=True,
        help_text="Search key (NFC, Arabic digits, case-folded) of the code, title, provider, "
        "description, topics and unit codes; kept by the services.",
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("learning resource")
        verbose_name_plural = _("learning resources")
        ordering = ["title", "id"]
        indexes = [models.Index(fields=["agency", "is_active"], name="resource_agency_active")]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "code"], name="resource_unique_code", condition=Q(agency__isnull=False)
            ),
            models.UniqueConstraint(
                fields=["code"], name="resource_unique_shared_code", condition=Q(agency__isnull=True)
            ),
        ]

    def __str__(self) -> str:
        return self.title
