"""Forms of the people pages; they only parse input."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from digiskill.agencies.forms import CHOOSE, CodedChoiceField
from digiskill.agencies.models import Agency
from digiskill.frameworks.models import PersonnelGroup
from digiskill.lib.tabular import TableError


class RosterUploadForm(forms.Form):
    """A roster file and how to import it."""

    file = forms.FileField(
        label=_("Roster file (CSV or XLSX)"),
        help_text=_("UTF-8 or TIS-620 (Windows Thai) CSV, or an Excel .xlsx file."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx,text/csv"}),
    )
    skip_invalid = forms.BooleanField(
        label=_("Import the valid rows and give me the rejected ones as a file"), required=False
    )
    deactivate_missing = forms.BooleanField(
        label=_("This file is the whole roster: deactivate active people missing from it"),
        required=False,
        help_text=_(
            "Otherwise people are only added and updated. With this choice you first see who would be "
            "deactivated, by name, and nothing is deactivated until you confirm that list."
        ),
    )

    def clean_file(self) -> Any:
        """Refuse a file over the size limit before it is read (the message names the file and the limit)."""
        upload = self.cleaned_data["file"]
        limit = settings.ROSTER_MAX_BYTES
        if upload.size > limit:
            raise forms.ValidationError(
                str(
                    TableError(
                        f"ไฟล์มีขนาดเกินขนาดสูงสุด {limit / 1024 / 1024:.0f} MB",
                        f"the file is over the limit of {limit / 1024 / 1024:.0f} MB",
                        filename=upload.name,
                    )
                )
            )
        return upload


class GroupChoiceForm(forms.Form):
    """Fields shared by proposing and changing a classification."""

    group = CodedChoiceField(label=_("Personnel group"), queryset=PersonnelGroup.objects.none())
    specific_role_th = forms.CharField(
        label=_("Person-specific expected role (optional)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "Only when the work spans several groups; it then needs the next-level supervisor's approval."
        ),
    )

    def __init__(self, *args: Any, groups: QuerySet[PersonnelGroup], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["group"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = groups


class ProposeForm(GroupChoiceForm):
    """The person (or HR) proposes a group."""

    reason = forms.CharField(
        label=_("Why (optional)"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class ChangeForm(GroupChoiceForm):
    """The supervisor sets another group, saying why."""

    reason = forms.CharField(label=_("Reason for the change"), widget=forms.Textarea(attrs={"rows": 2}))


class DivisionForm(forms.Form):
    """Choose a division or section."""

    division = forms.ModelChoiceField(label=_("Division"), queryset=Agency.objects.none(), empty_label=CHOOSE)

    def __init__(self, *args: Any, divisions: QuerySet[Agency], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["division"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = divisions
