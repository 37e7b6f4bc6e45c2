from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearningConfig(AppConfig):
    name = "digiskill.learning"
    verbose_name = _("Learning resources")

    def ready(self) -> None:
        """Put the catalog in the navigation of every member (and of system administrators, who keep
        the shared resources), and name the audit actions."""
        from digiskill.accounts.audit import register_action_labels
        from digiskill.accounts.models import Role
        from digiskill.core.navigation import NavItem, register

        register(
            NavItem(_("Learning resources"), "learning:index", (Role.STAFF, Role.SYSTEM_ADMIN)),
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
