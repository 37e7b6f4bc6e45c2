"""Forms of the learning-resource pages; they only parse input (with the import's own cell parsers)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from digiskill.learning.models import LearningResource, ResourceKind, ResourceLanguage
from digiskill.learning.parsing import (
    CellError,
    ResourceInput,
    parse_cost,
    parse_hours,
    parse_url,
    split_codes,
    split_topics,
)
from digiskill.learning.selectors import resource_units
from digiskill.learning.units import UnitLookup

MAX_UPLOAD_MB = 10


def _parsed(value: str, parse: Callable[[str], Any]) -> Any:
    """The parsed value, or a form error with the parser's Thai / English message."""
    try:
        return parse(value)
    except CellError as exc:
        raise forms.ValidationError(str(exc)) from None


class ResourceForm(forms.Form):
    """One learning resource; units are typed as codes, as in the import file."""

    code = forms.CharField(
        label=_("Code"),
        max_length=64,
        help_text=_("Unique in your catalog, e.g. the provider's course code."),
    )
    title = forms.CharField(label=_("Title"), max_length=500)
    provider = forms.CharField(label=_("Provider"), max_length=255)
    kind = forms.ChoiceField(label=_("Kind"), choices=ResourceKind.choices)
    url = forms.CharField(
        label=_("Link"),
        max_length=1000,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "url", "placeholder": "https://"}),
    )
    hours = forms.CharField(
        label=_("Hours"), required=False, widget=forms.TextInput(attrs={"inputmode": "decimal"})
    )
    cost = forms.CharField(
        label=_("Cost (baht)"),
        required=False,
        help_text=_("0 when it is free; leave blank when not known."),
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
    )
    language = forms.ChoiceField(
        label=_("Language"), choices=ResourceLanguage.choices, initial=ResourceLanguage.THAI
    )
    units = forms.CharField(
        label=_("Units of competency it develops"),
        required=False,
        help_text=_("Unit codes separated by spaces or commas, e.g. DTR100 DS500."),
    )
    topics = forms.CharField(
        label=_("Knowledge topics"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One per line; matched against the knowledge a skill set requires."),
    )
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args: Any, lookup: UnitLookup, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lookup = lookup

    def clean_url(self) -> str:
        """A web link, or blank."""
        return str(_parsed(self.cleaned_data["url"], parse_url))

    def clean_hours(self) -> Decimal | None:
        """Hours, or None when blank."""
        value: Decimal | None = _parsed(self.cleaned_data["hours"], parse_hours)
        return value

    def clean_cost(self) -> Decimal | None:
        """Cost in baht, or None when blank."""
        value: Decimal | None = _parsed(self.cleaned_data["cost"], parse_cost)
        return value

    def clean_units(self) -> list[int]:
        """The ids of the units named, or an error naming each unknown code."""
        ids, errors = self.lookup.resolve_all(split_codes(self.cleaned_data["units"]))
        if errors:
            raise forms.ValidationError([f"{code}: {exc}" for code, exc in errors])
        return ids

    def to_input(self) -> ResourceInput:
        """The cleaned values, as the services take them."""
        d = self.cleaned_data
        return ResourceInput(
            code=d["code"],
            title=d["title"],
            provider=d["provider"],
            kind=d["kind"],
            url=d["url"],
            hours=d["hours"],
            cost=d["cost"],
            language=d["language"],
            description=d["description"],
            topics=tuple(split_topics(d["topics"])),
            unit_ids=tuple(d["units"]),
        )

    @staticmethod
    def initial_of(resource: LearningResource) -> dict[str, Any]:
        """The form's initial values for an existing resource."""
        return {
            "code": resource.code,
            "title": resource.title,
            "provider": resource.provider,
            "kind": resource.kind,
            "url": resource.url,
            "hours": "" if resource.hours is None else format(resource.hours.normalize(), "f"),
            "cost": "" if resource.cost is None else format(resource.cost.normalize(), "f"),
            "language": resource.language,
            "units": " ".join(u.code for u in resource_units(resource)),
            "topics": resource.topics,
            "description": resource.description,
        }


class ImportForm(forms.Form):
    """A file of learning resources."""

    file = forms.FileField(
        label=_("File of learning resources (CSV or XLSX)"),
        help_text=_("UTF-8 or TIS-620 (Windows Thai) CSV, or an Excel .xlsx file."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx,text/csv"}),
    )

    def clean_file(self) -> Any:
        """Refuse files too big to be a catalog."""
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_MB * 1024 * 1024:
            raise forms.ValidationError(_("The file is larger than %(n)s MB.") % {"n": MAX_UPLOAD_MB})
        return upload
