"""Forms of the accounts pages; they only parse input."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from digiskill.lib.date_fields import BEDateField


class AuditFilterForm(forms.Form):
    """Filters of the audit log."""

    q = forms.CharField(label=_("Object or action contains"), required=False, max_length=100)
    actor = forms.CharField(label=_("Done by (login)"), required=False, max_length=150)
    action = forms.CharField(label=_("Action"), required=False, max_length=64)
    date_from = BEDateField(label=_("From"), required=False)
    date_to = BEDateField(label=_("To"), required=False)
