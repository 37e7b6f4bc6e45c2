"""Forms of the agency pages; they only parse input."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from digiskill.agencies.models import Agency, AgencyKind, GoalKind, Horizon, WorkingGroupFunction
from digiskill.frameworks.models import Goal, SkillComponent, Stage, Unit
from digiskill.lib.date_fields import BEDateField

if TYPE_CHECKING:
    from digiskill.people.models import Person

CHOOSE = _("— choose —")
"""The empty choice of a select, instead of Django's "---------"."""


class CodedChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    """A choice of framework rows, shown as "code name"; the empty choice reads "— choose —"."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("empty_label", CHOOSE)
        super().__init__(*args, **kwargs)

    def label_from_instance(self, obj: Any) -> str:
        """ "DTR100 ขับเคลื่อน…"."""
        return f"{obj.code} {obj.name_th}"


class NamedChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    """A choice of framework rows, shown by their Thai name (and English, if any)."""

    def label_from_instance(self, obj: Any) -> str:
        """ "ระยะเริ่มแรก (Early)"."""
        return str(obj.name_th) + (f" ({obj.name_en})" if obj.name_en else "")


class PersonChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    """A choice of people, shown with their position."""

    def label_from_instance(self, obj: Any) -> str:
        """ "นายสมชาย ใจดี (ผู้อำนวยการกอง)"."""
        return f"{obj.full_name} ({obj.position})"


class UnitCreateForm(forms.Form):
    """A new division, or a section of a division."""

    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=[(AgencyKind.DIVISION.value, _("Division")), (AgencyKind.SECTION.value, _("Section"))],
    )
    parent = NamedChoiceField(
        label=_("Division (for a section)"),
        queryset=Agency.objects.none(),
        required=False,
        empty_label=_("— none: a new division —"),
    )
    name_th = forms.CharField(label=_("Name (Thai)"), max_length=255)
    name_en = forms.CharField(label=_("Name (English)"), max_length=255, required=False)
    code = forms.CharField(
        label=_("Code"), max_length=32, required=False, help_text=_("Leave blank to number it automatically.")
    )

    def __init__(self, *args: Any, divisions: QuerySet[Agency], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["parent"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = divisions


class UnitRenameForm(forms.Form):
    """A division's or section's names."""

    name_th = forms.CharField(label=_("Name (Thai)"), max_length=255)
    name_en = forms.CharField(label=_("Name (English)"), max_length=255, required=False)


class TargetForm(forms.Form):
    """The vision and target stage of a digital target."""

    vision = forms.CharField(label=_("Digital vision"), widget=forms.Textarea(attrs={"rows": 3}))
    stage = NamedChoiceField(label=_("Target stage"), queryset=Stage.objects.none(), empty_label=CHOOSE)
    stage_rationale = forms.CharField(
        label=_("Why this stage"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, stages: QuerySet[Stage], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["stage"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = stages


class GoalForm(forms.Form):
    """One goal of the target; a row left blank is ignored."""

    horizon = forms.TypedChoiceField(label=_("Horizon"), choices=Horizon.choices, coerce=int)
    kind = forms.ChoiceField(label=_("Output or outcome"), choices=GoalKind.choices)
    goal = NamedChoiceField(
        label=_("Digital-government goal"), queryset=Goal.objects.none(), required=False, empty_label=CHOOSE
    )
    text = forms.CharField(label=_("Goal"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def clean(self) -> dict[str, Any]:
        """A goal that is written must say which digital-government goal it serves."""
        data = super().clean() or {}
        if data.get("text") and not data.get("goal"):
            self.add_error("goal", _("Choose the digital-government goal this goal serves."))
        return data

    def __init__(self, *args: Any, goals: QuerySet[Goal], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["goal"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = goals


class MemberForm(forms.Form):
    """One working-group member; a row left blank is ignored."""

    person = PersonChoiceField(label=_("Person"), queryset=None, required=False, empty_label=CHOOSE)
    function = forms.ChoiceField(label=_("Side"), choices=WorkingGroupFunction.choices)

    def __init__(self, *args: Any, people: QuerySet[Person], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["person"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = people


GoalFormSet = forms.formset_factory(GoalForm, extra=0)
MemberFormSet = forms.formset_factory(MemberForm, extra=0)


class SkillSourceForm(forms.Form):
    """Where a group's skill set starts from: empty, a position skill set, or another group's."""

    source = forms.ChoiceField(label=_("Start from"))

    def __init__(self, *args: Any, choices: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["source"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = choices


class SkillItemForm(forms.Form):
    """A unit, or a knowledge / experience / attribute / competency text, to add."""

    component = NamedChoiceField(
        label=_("Component"), queryset=SkillComponent.objects.none(), empty_label=CHOOSE
    )
    unit = CodedChoiceField(label=_("Unit (for an ability)"), queryset=Unit.objects.none(), required=False)
    text_th = forms.CharField(
        label=_("Text (for knowledge, experience, attributes, competencies)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(
        self, *args: Any, components: QuerySet[SkillComponent], units: QuerySet[Unit], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        for name, queryset in (("component", components), ("unit", units)):
            field = self.fields[name]
            assert isinstance(field, forms.ModelChoiceField)
            field.queryset = queryset


class AnnouncementForm(forms.Form):
    """Title and effective date of an announcement."""

    title = forms.CharField(label=_("Title"), max_length=500)
    effective_date = BEDateField(label=_("In force from"))
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
