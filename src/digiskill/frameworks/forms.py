"""Forms of the catalog pages: they only parse what was typed; the services decide."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _


class SearchForm(forms.Form):
    """The catalog search box, with an optional framework to search in."""

    q = forms.CharField(label=_("Search the skills catalog"), required=False, max_length=200, strip=True)
    framework = forms.ChoiceField(label=_("Framework"), required=False)

    def __init__(self, *args: Any, framework_codes: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["framework"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", _("All frameworks")), *framework_codes]
        self.fields["q"].widget.attrs.update(
            {"type": "search", "autocomplete": "off", "placeholder": _("e.g. บุคคล, DTR101.01, 176468")}
        )


class UnitForm(forms.Form):
    """A unit's names and description."""

    name_th = forms.CharField(label=_("Name (Thai)"), max_length=500)
    name_en = forms.CharField(label=_("Name (English)"), max_length=500, required=False)
    description_th = forms.CharField(
        label=_("Description (Thai)"), required=False, widget=forms.Textarea(attrs={"rows": 5})
    )


class ElementForm(forms.Form):
    """An element's names."""

    name_th = forms.CharField(label=_("Name (Thai)"), max_length=500)
    name_en = forms.CharField(label=_("Name (English)"), max_length=500, required=False)


class CriterionForm(forms.Form):
    """A performance criterion's text."""

    text_th = forms.CharField(label=_("Criterion text (Thai)"), widget=forms.Textarea(attrs={"rows": 3}))
