"""Signals of the people app, so other apps can keep their copies of a person's details in step."""

from __future__ import annotations

from django.dispatch import Signal

# Sent inside the writing transaction with `agency_id` and `person_ids` (a list) whenever the
# division of existing people changed (a person saved, or a roster re-imported).
divisions_changed = Signal()
