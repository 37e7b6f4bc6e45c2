from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearningConfig(AppConfig):
    name = "digiskill.learning"
    verbose_name = _("Learning resources")

    def ready(self) -> None:
        """Put the catalog in the navigation of every member (and of system administrators, who keep
        the shared resources), name the audit actions, and list a unit's resources on its page."""
        from digiskill.accounts.audit import register_action_labels
        from digiskill.accounts.models import Role
        from digiskill.core.navigation import NavGroup, NavItem, register
        from digiskill.frameworks.unit_sections import register_unit_section
        from digiskill.learning.unit_section import learning_section

        register(
            NavItem(
                _("Learning resources"),
                "learning:index",
                (Role.STAFF, Role.SYSTEM_ADMIN),
                group=NavGroup.CATALOG,
            ),
            before="people:team",
        )
        register_action_labels(
            {
                "learning_resource_create": _("Learning resource added"),
                "learning_resource_update": _("Learning resource changed"),
                "learning_resource_deactivate": _("Learning resource deactivated"),
                "learning_resource_activate": _("Learning resource reactivated"),
                "learning_resources_import": _("Learning resources imported"),
            }
        )
        register_unit_section(learning_section)
