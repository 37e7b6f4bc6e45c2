"""The competency catalog: frameworks and everything in them, as data.

Groups, stages, roles, areas, units and skill sets are rows of a framework, so another
framework (the 2567 revision with IT / Non-IT personnel and three role levels, say) loads
without code changes and lives beside the first.
"""

from __future__ import annotations

import uuid

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class Framework(models.Model):
    """A versioned skills framework, such as OCSC 2561."""

    code = models.CharField(_("code"), max_length=64, unique=True)
    version = models.CharField(_("version"), max_length=32, blank=True)
    name_th = models.CharField(_("name (Thai)"), max_length=500)
    name_en = models.CharField(_("name (English)"), max_length=500, blank=True)
    publisher_th = models.CharField(_("publisher (Thai)"), max_length=255, blank=True)
    publisher_en = models.CharField(_("publisher (English)"), max_length=255, blank=True)
    source = models.TextField(_("source"), blank=True)
    status = models.CharField(_("status"), max_length=32, blank=True)
    extra = models.JSONField(_("further data"), default=dict, blank=True)
    case_uuid = models.UUIDField(_("CASE identifier"), default=uuid.uuid4, unique=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("skills framework")
        verbose_name_plural = _("skills frameworks")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.name_th}"


class FrameworkPart(models.Model):
    """Fields shared by the coded, named rows of a framework."""

    framework = models.ForeignKey(Framework, verbose_name=_("framework"), on_delete=models.CASCADE)
    code = models.CharField(_("code"), max_length=64)
    name_th = models.CharField(_("name (Thai)"), max_length=500)
    name_en = models.CharField(_("name (English)"), max_length=500, blank=True)
    description_th = models.TextField(_("description (Thai)"), blank=True)
    order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        abstract = True
        ordering = ["order", "code"]

    def __str__(self) -> str:
        return f"{self.code} {self.name_th}"

    @property
    def local_name(self) -> str:
        """The name in the page's language: English when there is one, else Thai."""
        english = (get_language() or "").startswith("en")
        return self.name_en if english and self.name_en else self.name_th or self.name_en


def _unique_code(name: str) -> list[models.BaseConstraint]:
    return [models.UniqueConstraint(fields=["framework", "code"], name=f"{name}_unique_code")]


class Goal(FrameworkPart):
    """One of the digital-government goals the agency's targets are tied to."""

    class Meta(FrameworkPart.Meta):
        verbose_name = _("digital-government goal")
        verbose_name_plural = _("digital-government goals")
        constraints = _unique_code("goal")


class SkillComponent(FrameworkPart):
    """A component of a skill: ability, knowledge, experience, attribute, behavioural competency."""

    class Meta(FrameworkPart.Meta):
        verbose_name = _("skill component")
        verbose_name_plural = _("skill components")
        constraints = _unique_code("component")

    def __str__(self) -> str:
        """Its name only: the code is an internal word ("ability") that people need not read."""
        return self.local_name


class PersonnelGroup(FrameworkPart):
    """A personnel group (Executive, Management, … or IT / Non-IT in another framework)."""

    keywords = models.JSONField(_("keywords"), default=list, blank=True)

    class Meta(FrameworkPart.Meta):
        verbose_name = _("personnel group")
        verbose_name_plural = _("personnel groups")
        constraints = _unique_code("group")


class Stage(FrameworkPart):
    """A digital maturity stage (Early, Developing, Mature) or role level."""

    extra = models.JSONField(_("further data"), default=dict, blank=True)

    class Meta(FrameworkPart.Meta):
        verbose_name = _("stage")
        verbose_name_plural = _("stages")
        constraints = _unique_code("stage")

    def __str__(self) -> str:
        """Its name only: the code is an internal word ("early") that people need not read."""
        return self.local_name


class Role(FrameworkPart):
    """The expected role and behaviour of a group at a stage (E1 … O3)."""

    group = models.ForeignKey(
        PersonnelGroup, verbose_name=_("group"), on_delete=models.CASCADE, related_name="roles"
    )
    stage = models.ForeignKey(Stage, verbose_name=_("stage"), on_delete=models.CASCADE, related_name="roles")

    class Meta(FrameworkPart.Meta):
        verbose_name = _("expected role")
        verbose_name_plural = _("expected roles")
        constraints = _unique_code("role")


class Area(FrameworkPart):
    """A competency area (DLit, DG, DT, DS, SPM, DL, DTR)."""

    case_uuid = models.UUIDField(_("CASE identifier"), default=uuid.uuid4, unique=True)

    class Meta(FrameworkPart.Meta):
        verbose_name = _("competency area")
        verbose_name_plural = _("competency areas")
        constraints = _unique_code("area")


class Unit(FrameworkPart):
    """A unit of competency; `details` holds the sections of its TPQI document when there is one."""

    area = models.ForeignKey(Area, verbose_name=_("area"), on_delete=models.RESTRICT, related_name="units")
    aliases = models.JSONField(_("standard codes"), default=list, blank=True)
    revision = models.CharField(_("revision"), max_length=32, blank=True)
    details = models.JSONField(_("document sections"), default=dict, blank=True)
    case_uuid = models.UUIDField(_("CASE identifier"), default=uuid.uuid4, unique=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta(FrameworkPart.Meta):
        verbose_name = _("unit of competency")
        verbose_name_plural = _("units of competency")
        constraints = _unique_code("unit")


class UnitRevision(models.Model):
    """An earlier state of a unit, kept when an import replaces it."""

    unit = models.ForeignKey(Unit, verbose_name=_("unit"), on_delete=models.CASCADE, related_name="revisions")
    revision = models.CharField(_("revision"), max_length=32, blank=True)
    data = models.JSONField(_("unit as it was"))
    replaced_at = models.DateTimeField(_("replaced at"), auto_now_add=True)

    class Meta:
        verbose_name = _("earlier revision of a unit")
        verbose_name_plural = _("earlier revisions of units")
        ordering = ["-replaced_at", "-id"]

    def __str__(self) -> str:
        return f"{self.unit.code} {self.revision or '-'} ({self.replaced_at:%Y-%m-%d})"


class Element(models.Model):
    """An element of a unit (EOC), such as DTR101."""

    unit = models.ForeignKey(Unit, verbose_name=_("unit"), on_delete=models.CASCADE, related_name="elements")
    code = models.CharField(_("code"), max_length=64)
    name_th = models.CharField(_("name (Thai)"), max_length=500)
    name_en = models.CharField(_("name (English)"), max_length=500, blank=True)
    order = models.PositiveIntegerField(_("order"), default=0)
    case_uuid = models.UUIDField(_("CASE identifier"), default=uuid.uuid4, unique=True)

    class Meta:
        verbose_name = _("element")
        verbose_name_plural = _("elements")
        ordering = ["order", "code"]
        constraints = [models.UniqueConstraint(fields=["unit", "code"], name="element_unique_code")]

    def __str__(self) -> str:
        return f"{self.code} {self.name_th}"


class Criterion(models.Model):
    """A performance criterion (PC), with its standard code and the TPQI system code."""

    element = models.ForeignKey(
        Element, verbose_name=_("element"), on_delete=models.CASCADE, related_name="criteria"
    )
    code = models.CharField(_("code"), max_length=64)
    system_code = models.CharField(_("system code"), max_length=32, blank=True)
    number = models.CharField(_("number"), max_length=16, blank=True)
    text_th = models.TextField(_("text (Thai)"))
    order = models.PositiveIntegerField(_("order"), default=0)
    case_uuid = models.UUIDField(_("CASE identifier"), default=uuid.uuid4, unique=True)

    class Meta:
        verbose_name = _("performance criterion")
        verbose_name_plural = _("performance criteria")
        ordering = ["order", "code"]
        constraints = [models.UniqueConstraint(fields=["element", "code"], name="criterion_unique_code")]

    def __str__(self) -> str:
        return f"{self.code} {self.text_th[:60]}"


class SkillSet(FrameworkPart):
    """What a role (group × stage) or a position such as MCIO needs."""

    KIND_CHOICES = [("role", _("Expected role")), ("position", _("Position"))]
    kind = models.CharField(_("kind"), max_length=16, choices=KIND_CHOICES)
    role = models.ForeignKey(
        Role,
        verbose_name=_("role"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="skill_sets",
    )
    extra = models.JSONField(_("further data"), default=dict, blank=True)

    class Meta(FrameworkPart.Meta):
        verbose_name = _("skill set")
        verbose_name_plural = _("skill sets")
        constraints = _unique_code("skillset")


class SkillItem(models.Model):
    """One required item of a skill set: a unit (ability), or a knowledge, experience, … text."""

    skill_set = models.ForeignKey(
        SkillSet, verbose_name=_("skill set"), on_delete=models.CASCADE, related_name="items"
    )
    component = models.ForeignKey(
        SkillComponent, verbose_name=_("component"), on_delete=models.RESTRICT, related_name="items"
    )
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.RESTRICT,
        related_name="skill_items",
    )
    text_th = models.TextField(_("text (Thai)"), blank=True)
    text_en = models.TextField(_("text (English)"), blank=True)
    within_two_years = models.BooleanField(_("to gain within two years"), default=False)
    baseline = models.BooleanField(_("baseline"), default=False)
    order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("skill item")
        verbose_name_plural = _("skill items")
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return self.unit.code if self.unit_id and self.unit else self.text_th[:80]


class SearchEntry(models.Model):
    """One searchable piece of the catalog; `body` is the search key of all its text."""

    KINDS = [
        ("unit", _("Unit")),
        ("element", _("Element")),
        ("criterion", _("Criterion")),
        ("item", _("Skill item")),
    ]
    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="+")
    unit = models.ForeignKey(Unit, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    skill_set = models.ForeignKey(SkillSet, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=16, choices=KINDS)
    object_id = models.BigIntegerField()
    code = models.CharField(max_length=64, blank=True)
    codes = models.CharField(
        max_length=255, blank=True, help_text="Search keys of every code, space-separated."
    )
    title = models.TextField(blank=True)
    body = models.TextField()

    class Meta:
        indexes = [models.Index(fields=["framework", "kind"], name="search_framework_kind")]

    def __str__(self) -> str:
        return f"{self.kind} {self.code} {self.title[:40]}"
