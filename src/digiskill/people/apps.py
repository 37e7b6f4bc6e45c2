from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    name = "digiskill.people"
    verbose_name = _("People")

    def ready(self) -> None:
        """Add "My digital skills" to the navigation, and the skills and classification home panels."""
        from digiskill.accounts.audit import register_action_labels
        from digiskill.accounts.models import Role
        from digiskill.core.navigation import NavItem, register
        from digiskill.core.selectors import panel
        from digiskill.people import panels

        register(
            NavItem(_("My digital skills"), "people:my_skills", (Role.STAFF,)),
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
        panel(panels.my_skills_panel)
        panel(panels.waiting_panel)
