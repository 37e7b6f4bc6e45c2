"""Forms of the exchange pages; they only parse input."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from digiskill.frameworks.interchange.case import CaseImportError, parse_case_json

MAX_UPLOAD = 50 * 1024 * 1024  # a national catalog with every unit document fits well within this


class CaseUploadForm(forms.Form):
    """A CASE JSON file; `cleaned_data["package"]` is its parsed JSON."""

    file = forms.FileField(label=_("CASE package (JSON file)"))

    def clean_file(self) -> Any:
        """Read and parse the uploaded JSON; the error names the file, line and column."""
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD:
            raise forms.ValidationError(
                f"{upload.name}: ไฟล์ใหญ่เกิน {MAX_UPLOAD // (1024 * 1024)} MB / "
                f"the file is larger than {MAX_UPLOAD // (1024 * 1024)} MB"
            )
        try:
            self.cleaned_data["package"] = parse_case_json(upload.read(), source=upload.name)
        except CaseImportError as exc:
            raise forms.ValidationError(exc.problems) from None
        return upload
