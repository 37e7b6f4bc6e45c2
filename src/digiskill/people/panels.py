"""Home-page panels of the people app: my digital skills, and classifications waiting for me."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from digiskill.accounts.access import Actor
from digiskill.accounts.models import Role
from digiskill.core.selectors import Panel
from digiskill.people.selectors import awaiting_me, my_skills


def my_skills_panel(actor: Actor) -> Panel | None:
    """The person's group, expected role and how many skills are required."""
    if actor.person is None:
        return None
    skills = my_skills(actor.person)
    required = sum(len(c.items) for c in skills.components)
    return Panel(
        "my_skills",
        _("My digital skills"),
        "people/panels/my_skills.html",
        {"skills": skills, "required": required, "url": reverse("people:my_skills")},
    )


def waiting_panel(actor: Actor) -> Panel | None:
    """Classifications the supervisor should agree to or approve."""
    if actor.person is None or not actor.has(Role.SUPERVISOR):
        return None
    waiting = awaiting_me(actor)
    if not waiting:
        return None
    return Panel(
        "waiting",
        _("Classifications waiting for you"),
        "people/panels/waiting.html",
        {"waiting": waiting, "url": reverse("people:team")},
    )
