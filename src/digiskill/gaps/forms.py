"""Forms of the gap analysis; they only parse the filters (and a drill-down's cell) from the URL."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from digiskill.agencies.models import Agency, AgencyKind, AnnouncementItem
from digiskill.core.glossary import NO_DIVISION as NO_DIVISION_LABEL
from digiskill.frameworks.models import Unit
from digiskill.gaps.selectors import CellTarget, FilterChoices, GapFilters

ROW_CHOICES = [
    ("division_group", _("Division × group")),
    ("division", _("Division or office")),
    ("group", _("Personnel group")),
]
COLUMN_CHOICES = [("unit", _("Units")), ("area", _("Areas"))]
VIEW_CHOICES = [("heatmap", _("Heat map")), ("table", _("Table"))]
NO_DIVISION = "none"


class GapFilterForm(forms.Form):
    """Division, group, area and stage filters, and how the analysis is laid out."""

    division = forms.ChoiceField(label=_("Division or office"), required=False)
    group = forms.ChoiceField(label=_("Personnel group"), required=False)
    area = forms.ChoiceField(label=_("Area"), required=False)
    stage = forms.ChoiceField(label=_("Stage"), required=False)
    rows = forms.ChoiceField(label=_("Rows"), choices=ROW_CHOICES, required=False)
    columns = forms.ChoiceField(label=_("Columns"), choices=COLUMN_CHOICES, required=False)
    view = forms.ChoiceField(choices=VIEW_CHOICES, required=False, widget=forms.HiddenInput)

    def __init__(self, choices: FilterChoices, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.choices = choices
        everything = [("", _("All"))]
        options = {
            "division": [
                *everything,
                *[(str(d.pk), _indented(d)) for d in choices.divisions],
                (NO_DIVISION, NO_DIVISION_LABEL),
            ],
            "group": [*everything, *[(g.code, f"{g.code} {g.name_th}") for g in choices.groups]],
            "area": [*everything, *[(a.code, f"{a.code} {a.name_th}") for a in choices.areas]],
            "stage": [*everything, *[(s.code, s.name_th) for s in choices.stages]],
        }
        for name, values in options.items():
            field = self.fields[name]
            assert isinstance(field, forms.ChoiceField)
            field.choices = values

    def filters(self) -> GapFilters:
        """The parsed filters (call after is_valid())."""
        data = self.cleaned_data
        division = data.get("division") or ""
        return GapFilters(
            division=next((d for d in self.choices.divisions if str(d.pk) == division), None),
            without_division=division == NO_DIVISION,
            group=next((g for g in self.choices.groups if g.code == data.get("group")), None),
            area=next((a for a in self.choices.areas if a.code == data.get("area")), None),
            stage=next((s for s in self.choices.stages if s.code == data.get("stage")), None),
            rows=data.get("rows") or "division_group",
            columns=data.get("columns") or "unit",
        )

    @property
    def chosen_view(self) -> str:
        """Heat map or table."""
        return (self.cleaned_data.get("view") if self.is_valid() else "") or "heatmap"


def _indented(unit: Agency) -> str:
    """Sections are shown under their division."""
    return f"— {unit.name_th}" if unit.kind == AgencyKind.SECTION else unit.name_th


class CellForm(GapFilterForm):
    """A drill-down: the filters (and row) plus the column: a unit, an area, or a text item."""

    unit = forms.CharField(required=False)
    cell_area = forms.CharField(required=False)
    item = forms.IntegerField(required=False, min_value=1)

    def __init__(self, choices: FilterChoices, agency: Agency, *args: Any, **kwargs: Any) -> None:
        super().__init__(choices, *args, **kwargs)
        self.agency = agency

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        framework_ids = {g.framework_id for g in self.choices.groups}
        given = [name for name in ("unit", "cell_area", "item") if data.get(name)]
        if len(given) != 1:
            raise forms.ValidationError(_("Choose one unit, area or item."))
        if data.get("unit"):
            data["target"] = CellTarget(
                unit=Unit.objects.filter(code=data["unit"], framework_id__in=framework_ids)
                .select_related("area")
                .first()
            )
        elif data.get("cell_area"):
            data["target"] = CellTarget(
                area=next((a for a in self.choices.areas if a.code == data["cell_area"]), None)
            )
        else:
            text = AnnouncementItem.objects.filter(
                pk=data["item"], unit__isnull=True, entry__announcement__agency=self.agency
            ).first()
            data["target"] = CellTarget(text=text)
        target: CellTarget = data["target"]
        if target.unit is None and target.area is None and target.text is None:
            raise forms.ValidationError(_("No such unit, area or item."))
        return data

    def target(self) -> CellTarget:
        """The parsed column (call after is_valid())."""
        target: CellTarget = self.cleaned_data["target"]
        return target
