"""Forms of the self-assessment pages: they only parse; the services check the rules."""

from __future__ import annotations

from typing import Any

from django import forms
from django.http import QueryDict
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from digiskill.assessments.models import AssessmentItem, Proficiency
from digiskill.assessments.services import ItemReview
from digiskill.frameworks.models import Element
from digiskill.lib.evidence import ALLOWED, MAX_BYTES

YES_NO = [("yes", _("I have this")), ("no", _("Not yet"))]


def yes_no(value: str | None) -> bool | None:
    """ "yes" → True, "no" → False, anything else → None (not answered)."""
    return {"yes": True, "no": False}.get(value or "")


def as_yes_no(value: bool | None) -> str:
    """The form value of a have / not yet answer."""
    return "" if value is None else "yes" if value else "no"


class AnswerForm(forms.Form):
    """The person's answer to one item: have / not yet, level, evidence and a comment."""

    has = forms.ChoiceField(
        label=_("Do you have this?"), choices=YES_NO, widget=forms.RadioSelect, required=False
    )
    level = forms.TypedChoiceField(
        label=_("Proficiency (optional)"),
        choices=[
            ("", _("Not given")),
            *[(v, format_lazy("{} {}", v, label)) for v, label in Proficiency.choices],
        ],
        coerce=int,
        empty_value=None,
        required=False,
    )
    link = forms.CharField(label=_("Evidence link"), max_length=1000, required=False)
    file = forms.FileField(
        label=_("Evidence file"),
        required=False,
        allow_empty_file=True,  # the service refuses it, naming the file
        help_text=format_lazy(_("{types}; at most {mb} MB."), types=ALLOWED, mb=MAX_BYTES // (1024 * 1024)),
    )
    clear_file = forms.BooleanField(label=_("Remove the file"), required=False)
    comment = forms.CharField(label=_("Comment"), widget=forms.Textarea(attrs={"rows": 2}), required=False)

    def __init__(self, *args: Any, item: AssessmentItem, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", f"i{item.pk}")
        kwargs.setdefault(
            "initial",
            {
                "has": as_yes_no(item.self_has),
                "level": item.self_level or "",
                "link": item.evidence_link,
                "comment": item.comment,
            },
        )
        super().__init__(*args, **kwargs)
        self.item = item
        self.elements: list[Element] = []  # the unit's elements and criteria, shown with the item

    def values(self) -> dict[str, Any]:
        """The answer as keyword arguments of `assessment_item_save`."""
        data = self.cleaned_data
        return {
            "has": yes_no(data.get("has")),
            "level": data.get("level"),
            "comment": data.get("comment") or "",
            "link": data.get("link") or "",
            "file": data.get("file") or None,
            "clear_file": bool(data.get("clear_file")),
        }


def _int_or_none(raw: str | None) -> int | str | None:
    """An integer from a form field; None when empty; the raw text when it is not a number."""
    raw = (raw or "").strip()
    if not raw:
        return None
    try:
        return int(raw)
    except ValueError:
        return raw


def parse_reviews(data: QueryDict, items: list[AssessmentItem]) -> tuple[list[ItemReview], list[str]]:
    """The reviewer's agree / disagree, comment and priority of each item (`r<pk>-…` fields)."""
    reviews: list[ItemReview] = []
    errors: list[str] = []
    for item in items:
        prefix = f"r{item.pk}-"
        agrees = yes_no(data.get(prefix + "agrees"))
        priority = _int_or_none(data.get(prefix + "priority"))
        if isinstance(priority, str):
            errors.append(
                f"ลำดับความสำคัญต้องเป็นตัวเลข (ได้ {priority!r}) / "
                f"The priority must be a number (got {priority!r})."
            )
            priority = None
        reviews.append(ItemReview(item.pk, agrees, data.get(prefix + "comment", ""), priority))
    return reviews, errors
