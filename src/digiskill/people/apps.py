from __future__ import annotations

from typing import TYPE_CHECKING

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from digiskill.accounts.models import User
    from digiskill.agencies.models import Agency
    from digiskill.people.models import Person, RosterImport


class PeopleConfig(AppConfig):
    name = "digiskill.people"
    verbose_name = _("People")

    def ready(self) -> None:
        """Navigation, home panels, audit labels; and how the actor and the agency pages read people."""
        from digiskill.accounts.access import register_person_resolver
        from digiskill.accounts.audit import register_action_labels
        from digiskill.accounts.models import Role
        from digiskill.agencies.people_facts import PeopleFacts, register_people_facts
        from digiskill.core.navigation import NavGroup, NavItem, register
        from digiskill.core.selectors import me_panel, panel
        from digiskill.people import home_panels, panels
        from digiskill.people.selectors import classification_progress

        register(
            NavItem(_("My digital skills"), "people:my_skills", (Role.STAFF,), group=NavGroup.ME),
            before="agencies:announcements",
        )
        register_action_labels(
            {
                "person_deactivate": _("Person deactivated"),
                "roster_import": _("Roster imported"),
                "roster_check": _("Roster checked"),
                "classification_proposed": _("Group proposed"),
                "classification_agreed": _("Group agreed by the supervisor"),
                "classification_changed": _("Group changed by the supervisor"),
                "classification_approved": _("Group approved by the next-level supervisor"),
                "classification_bulk_propose": _("Groups proposed for a division"),
            }
        )
        panel(home_panels.team_panel, after=me_panel)  # where core's own panels were
        panel(home_panels.hr_panel, after=home_panels.team_panel)
        panel(home_panels.executive_panel, after=home_panels.hr_panel)
        panel(panels.my_skills_panel)
        panel(panels.waiting_panel)
        register_person_resolver(_person_of)
        register_people_facts(
            PeopleFacts(
                classification_progress=classification_progress, last_roster_import=_last_roster_import
            )
        )


def _person_of(user: User, agency_id: int) -> Person | None:
    """The person record of a login in one department (the actor's `person`)."""
    from digiskill.people.models import Person as PersonModel

    return PersonModel.objects.filter(user=user, agency_id=agency_id).first()


def _last_roster_import(agency: Agency) -> RosterImport | None:
    """The department's last roster import that wrote people (the set-up page)."""
    from digiskill.people.models import RosterImport as RosterImportModel

    return RosterImportModel.objects.filter(agency=agency, written=True).first()
