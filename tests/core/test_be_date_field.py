"""Every date a person types is Buddhist era: the BE date field and widget, and the forms that use them."""

from __future__ import annotations

import datetime as dt
import importlib
import inspect
import pkgutil

import pytest
from django import forms
from django.urls import reverse
from django.utils import translation

import digiskill
from digiskill.accounts.forms import AuditFilterForm
from digiskill.lib.date_fields import BEDateField, BEDateInput
from digiskill.plans.forms import ActivityForm, ApplicationForm


class DemoForm(forms.Form):
    when = BEDateField(label="When")
    name = forms.CharField()


def test_initial_dates_are_shown_in_buddhist_era() -> None:
    html = str(DemoForm(initial={"when": dt.date(2026, 12, 1)})["when"])
    assert 'value="01/12/2569"' in html
    assert 'type="text"' in html and 'type="date"' not in html


def test_the_placeholder_says_day_month_be_year_in_thai() -> None:
    with translation.override("th"):
        assert 'placeholder="วว/ดด/ปปปป"' in str(DemoForm()["when"])
    with translation.override("en"):
        assert 'placeholder="dd/mm/yyyy (B.E.)"' in str(DemoForm()["when"])


@pytest.mark.parametrize("typed", ["1/12/2569", "2569-12-01", "๑/๑๒/๒๕๖๙", "1/12/2026", "2026-12-01"])
def test_be_typed_or_gregorian_understood_all_mean_the_same_day(typed: str) -> None:
    form = DemoForm({"when": typed, "name": "x"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["when"] == dt.date(2026, 12, 1)


def test_a_gregorian_year_is_shown_back_in_buddhist_era() -> None:
    form = DemoForm({"when": "2026-12-01", "name": ""})  # another field fails; the page shows again
    assert not form.is_valid()
    assert 'value="01/12/2569"' in str(form["when"])


def test_a_bad_date_is_refused_bilingually_naming_the_value_and_kept_as_typed() -> None:
    form = DemoForm({"when": "31/02/2569", "name": "x"})
    assert not form.is_valid()
    (message,) = form.errors["when"]
    assert "ไม่มีวันที่นี้ในปฏิทิน" in message and "No such calendar date" in message
    assert "'31/02/2569'" in message
    assert 'value="31/02/2569"' in str(form["when"])


def test_two_digit_years_are_refused_clearly() -> None:
    form = DemoForm({"when": "1/12/69", "name": "x"})
    assert not form.is_valid()
    assert "Write the Buddhist-era year in full" in form.errors["when"][0]


def test_blank_is_none_when_optional_and_required_otherwise() -> None:
    assert AuditFilterForm({"date_from": "  "}).is_valid()
    assert DemoForm({"when": "", "name": "x"}).errors["when"]


def test_leap_day_and_fiscal_year_edges_through_a_real_form() -> None:
    form = ActivityForm(
        {"kind": "course", "title": "x", "hours": "1", "start_date": "29/2/2567", "end_date": "30/9/2569"}
    )
    form.is_valid()
    assert form.cleaned_data["start_date"] == dt.date(2024, 2, 29)
    assert form.cleaned_data["end_date"] == dt.date(2026, 9, 30)
    assert "start_date" not in form.errors and "end_date" not in form.errors


def test_plan_forms_show_their_initial_dates_in_be() -> None:
    form = ApplicationForm(initial={"applied_on": dt.date(2026, 10, 1)})
    assert 'value="01/10/2569"' in str(form["applied_on"])


def _form_classes() -> list[type[forms.Form]]:
    """Every form class defined in a `forms` module of the app."""
    found = []
    for module_info in pkgutil.walk_packages(digiskill.__path__, "digiskill."):
        if not module_info.name.endswith(".forms"):
            continue
        module = importlib.import_module(module_info.name)
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, forms.BaseForm) and cls.__module__ == module.__name__:
                found.append(cls)
    return found


def test_every_date_input_of_the_app_is_a_be_date_field() -> None:
    offenders = [
        f"{cls.__module__}.{cls.__name__}.{name}"
        for cls in _form_classes()
        for name, field in cls.base_fields.items()
        if isinstance(field, forms.DateField | forms.DateTimeField)
        or isinstance(field.widget, forms.DateInput | forms.DateTimeInput)
    ]
    assert offenders == []
    assert any(isinstance(f, BEDateField) for cls in _form_classes() for f in cls.base_fields.values())
    assert isinstance(BEDateField().widget, BEDateInput)


# people/forms.py belongs to another change in progress; its DivisionForm still shows "---------".
NOT_YET_CHECKED: set[str] = set()


def test_no_select_shows_djangos_dashes() -> None:
    offenders = [
        f"{cls.__module__}.{cls.__name__}.{name}"
        for cls in _form_classes()
        if cls.__module__ not in NOT_YET_CHECKED
        for name, field in cls.base_fields.items()
        if isinstance(field, forms.ModelChoiceField) and field.empty_label == "---------"
    ]
    assert offenders == []


def test_the_audit_log_takes_be_dates_and_names_a_bad_one(cast, client_for) -> None:
    hr = client_for("hr")
    url = reverse("accounts:audit")
    good = hr.get(url, {"date_from": "1/1/2569", "date_to": "๓๑/๑๒/๒๕๖๙"})
    assert good.status_code == 200
    assert good.context["form"].cleaned_data["date_from"] == dt.date(2026, 1, 1)
    assert 'value="01/01/2569"' in good.content.decode()
    bad = hr.get(url, {"date_from": "32/1/2569"}).content.decode()
    assert 'id="filter-errors"' in bad and "&#x27;32/1/2569&#x27;" in bad
