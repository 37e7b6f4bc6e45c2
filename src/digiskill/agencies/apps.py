from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgenciesConfig(AppConfig):
    name = "digiskill.agencies"
    verbose_name = _("Agencies")

    def ready(self) -> None:
        """Add the set-up, announcement and summary links, and the HR and executive home panels."""
        from digiskill.accounts.audit import register_action_labels
        from digiskill.accounts.models import Role
        from digiskill.agencies import panels
        from digiskill.core.navigation import NavGroup, NavItem, register
        from digiskill.core.selectors import panel

        department = NavGroup.DEPARTMENT
        register(
            NavItem(_("Announcement"), "agencies:announcements", (Role.STAFF,), group=department),
            before="people:team",
        )
        register(
            NavItem(_("Department set-up"), "agencies:setup", (Role.HR_ADMIN,), group=department),
            before="people:list",
        )
        register(
            NavItem(_("Summary"), "agencies:summary", (Role.EXECUTIVE,), group=department),
            before="people:list",
        )
        register_action_labels(
            {
                "agency_rename": _("Division renamed"),
                "agency_activate": _("Division reactivated"),
                "agency_deactivate": _("Division deactivated"),
                "digital_target_save": _("Digital target saved"),
                "skill_set_start": _("Required skill set started"),
                "skill_item_add": _("Required skill added"),
                "skill_item_remove": _("Required skills removed"),
                "announcement_publish": _("Announcement published"),
            }
        )
        panel(panels.setup_panel)
        panel(panels.summary_panel)
