"""Display helpers of the plan pages."""

from __future__ import annotations

from django import template

from digiskill.plans.models import Band

register = template.Library()


@register.filter
def band_label(value: int) -> str:
    """`{{ band.band|band_label }}`: 70 → "70 — learning by doing", translated."""
    try:
        return str(Band(value).label)
    except ValueError:
        return str(value)


@register.filter
def get_item(mapping: dict[object, object], key: object) -> object:
    """`{{ forms|get_item:activity.pk }}`: a value of a dict by key, or None."""
    return mapping.get(key) if mapping else None
