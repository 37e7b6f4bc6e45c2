"""Forms of the plan pages; they only parse input (the services check the rules)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import F
from django.utils.translation import gettext_lazy as _

from digiskill.agencies.models import AnnouncementItem
from digiskill.assessments.models import AssessmentItem
from digiskill.lib.date_fields import BEDateField
from digiskill.plans.models import ActivityKind, ActivityStatus, GoalResult, PlanGoal
from digiskill.plans.services import EVIDENCE_TYPES

EVIDENCE_ACCEPT = ",".join(f".{t}" for t in EVIDENCE_TYPES)


def _item_label(item: AssessmentItem | AnnouncementItem) -> str:
    """A gap or required item as a choice: unit code and name, or its text."""
    text = f"{item.unit.code} {item.unit.name_th}" if item.unit_id and item.unit is not None else item.text_th
    priority = getattr(item, "priority", None)
    prefix = f"[{item.component.name_th}] "
    return prefix + text + (f" ({_('priority')} {priority})" if priority else "")


class ItemsField(forms.ModelMultipleChoiceField):  # type: ignore[type-arg]
    """Check boxes of gaps or required items, labelled by unit and text."""

    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, obj: Any) -> str:
        return _item_label(obj)


class GapField(forms.ModelChoiceField):  # type: ignore[type-arg]
    """One gap, labelled by unit and text."""

    def label_from_instance(self, obj: Any) -> str:
        return _item_label(obj)


class GoalField(forms.ModelChoiceField):  # type: ignore[type-arg]
    """One goal of a plan, labelled by its text (and fiscal year when asked)."""

    def __init__(self, *args: Any, with_year: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.with_year = with_year

    def label_from_instance(self, obj: Any) -> str:
        text = obj.what or obj.skill_th
        return f"{obj.plan.fiscal_year}: {text}" if self.with_year else str(text)


class PlanCreateForm(forms.Form):
    """Choose the gaps (or, before an agreed assessment, the required skills) to plan for."""

    gaps = ItemsField(
        label=_("Agreed gaps to develop"), queryset=AssessmentItem.objects.none(), required=False
    )
    items = ItemsField(
        label=_("Required skills to develop"), queryset=AnnouncementItem.objects.none(), required=False
    )

    def __init__(
        self,
        *args: Any,
        gaps: list[AssessmentItem],
        items: list[AnnouncementItem],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.gap_rows, self.item_rows = gaps, items
        gap_field = self.fields["gaps"]
        item_field = self.fields["items"]
        assert isinstance(gap_field, forms.ModelMultipleChoiceField)
        assert isinstance(item_field, forms.ModelMultipleChoiceField)
        # Listed as the gaps come (highest agreed priority first), not in the table's order.
        gap_field.queryset = (
            AssessmentItem.objects.filter(pk__in=[g.pk for g in gaps])
            .select_related("component", "unit")
            .order_by(F("priority").asc(nulls_last=True), "order", "pk")
        )
        item_field.queryset = AnnouncementItem.objects.filter(pk__in=[i.pk for i in items]).select_related(
            "component", "unit"
        )
        if not gaps:
            del self.fields["gaps"]
        if gaps or not items:
            del self.fields["items"]

    def clean(self) -> dict[str, Any]:
        """With agreed gaps to plan from, at least one must be chosen: a plan is never started empty."""
        cleaned = super().clean() or {}
        if "gaps" in self.fields and not cleaned.get("gaps") and "gaps" not in self.errors:
            self.add_error(
                "gaps", _("Choose at least one agreed gap to develop; the plan would otherwise have no goal.")
            )
        return cleaned


class MissionForm(forms.Form):
    """How the plan serves the department's digital target."""

    mission = forms.CharField(
        label=_("Link to the department's mission"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("How developing these skills serves the department's digital target."),
    )


class GoalForm(forms.Form):
    """A development goal written the S.M.A.R.T. way."""

    skill_th = forms.CharField(label=_("Skill to develop"), widget=forms.Textarea(attrs={"rows": 1}))
    what = forms.CharField(
        label=_("Development goal: what will I be able to do"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    measure = forms.CharField(
        label=_("Measure: how will we know"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    target = forms.CharField(label=_("Target value"), required=False, max_length=255)
    start_date = BEDateField(label=_("From"), required=False)
    due_date = BEDateField(label=_("By (date)"), required=False)
    how_to_apply = forms.CharField(
        label=_("How I will use it at work"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class NewGoalForm(GoalForm):
    """A goal added in the editor: for one of the remaining gaps, or a free one."""

    gap = GapField(
        label=_("For the agreed gap (optional)"),
        queryset=AssessmentItem.objects.none(),
        required=False,
        empty_label=_("— none: a goal of my own —"),
    )
    field_order = ["gap", "skill_th", "what", "measure", "target", "start_date", "due_date", "how_to_apply"]

    def __init__(self, *args: Any, gaps: list[AssessmentItem] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["gap"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = AssessmentItem.objects.filter(pk__in=[g.pk for g in gaps or []]).select_related(
            "component", "unit"
        )
        if not gaps:
            del self.fields["gap"]
        self.fields["skill_th"].required = False

    def clean(self) -> dict[str, Any]:
        """A free goal names its skill; a goal for a gap takes the gap's."""
        data = super().clean() or {}
        if not data.get("gap") and not data.get("skill_th"):
            self.add_error("skill_th", _("Say which skill the goal develops, or choose a gap."))
        return data


class ActivityForm(forms.Form):
    """A development activity, typed by the 70:20:10 model."""

    kind = forms.ChoiceField(label=_("Kind (70:20:10)"), choices=())
    title = forms.CharField(label=_("Activity"), max_length=500)
    hours = forms.DecimalField(label=_("Hours"), min_value=0, max_value=9999, decimal_places=1, initial=0)
    start_date = BEDateField(label=_("From"), required=False)
    end_date = BEDateField(label=_("To"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["kind"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = kind_choices()


def kind_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """The activity kinds grouped under the three bands of 70:20:10."""
    from digiskill.plans.models import BAND_OF_KIND, Band

    groups: list[tuple[str, list[tuple[str, str]]]] = []
    for band in Band:
        kinds = [(k.value, str(k.label)) for k in ActivityKind if BAND_OF_KIND[k] == band]
        groups.append((str(band.label), kinds))
    return groups


class ProgressForm(forms.Form):
    """How an activity goes, with evidence."""

    status = forms.ChoiceField(label=_("Status"), choices=ActivityStatus.choices)
    done_on = BEDateField(label=_("Done on"), required=False)
    note = forms.CharField(label=_("Progress note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    evidence_link = forms.URLField(
        label=_("Evidence link"), required=False, max_length=1000, assume_scheme="https"
    )
    evidence_file = forms.FileField(
        label=_("Evidence file"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": EVIDENCE_ACCEPT}),
        help_text=_("PDF, image, Word, Excel, PowerPoint or text; up to 10 MB."),
    )


class EvaluateForm(forms.Form):
    """The person's self-evaluation of a goal."""

    result = forms.ChoiceField(
        label=_("Self-evaluation"), choices=GoalResult.choices, widget=forms.RadioSelect
    )
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class CommentForm(forms.Form):
    """An optional comment (approving, revising)."""

    comment = forms.CharField(label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class ReturnForm(forms.Form):
    """Returning a plan needs a comment on what to change."""

    comment = forms.CharField(label=_("What should be changed"), widget=forms.Textarea(attrs={"rows": 3}))


class FeedbackForm(forms.Form):
    """The supervisor's feedback, on the plan or one goal."""

    goal = GoalField(
        label=_("On the goal (optional)"),
        queryset=PlanGoal.objects.none(),
        required=False,
        empty_label=_("— the whole plan —"),
    )
    comment = forms.CharField(label=_("Feedback"), widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args: Any, goals: list[PlanGoal] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["goal"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = PlanGoal.objects.filter(pk__in=[g.pk for g in goals or []])


class ApplicationForm(forms.Form):
    """What the person changed or created at work with a skill."""

    title = forms.CharField(label=_("What I changed or created"), max_length=500)
    description = forms.CharField(
        label=_("Details and results"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    applied_on = BEDateField(label=_("Date applied"))
    goal = GoalField(
        label=_("Development goal (optional)"),
        queryset=PlanGoal.objects.none(),
        required=False,
        with_year=True,
        empty_label=_("— none —"),
    )
    evidence_link = forms.URLField(
        label=_("Evidence link"), required=False, max_length=1000, assume_scheme="https"
    )
    evidence_file = forms.FileField(
        label=_("Evidence file"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": EVIDENCE_ACCEPT}),
        help_text=_("PDF, image, Word, Excel, PowerPoint or text; up to 10 MB."),
    )

    def __init__(self, *args: Any, goals: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["goal"]
        assert isinstance(field, forms.ModelChoiceField)
        if goals is not None:
            field.queryset = goals


class AcknowledgeForm(forms.Form):
    """The supervisor's note on a record of applying a skill."""

    note = forms.CharField(
        label=_("Supervisor's note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class SettingsForm(forms.Form):
    """The department's approval limit."""

    approval_limit_days = forms.IntegerField(
        label=_("Approval limit (days)"),
        min_value=1,
        max_value=365,
        help_text=_("Approvals waiting longer than this are shown to HR."),
    )
