from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FrameworksConfig(AppConfig):
    name = "digiskill.frameworks"
    verbose_name = _("Skills frameworks")

    def ready(self) -> None:
        """Put the skills catalog in everyone's navigation (the catalog is not tenant data)."""
        from digiskill.accounts.audit import register_action_labels
        from digiskill.core.navigation import NavGroup, NavItem, register

        register(
            NavItem(_("Skills catalog"), "frameworks:index", (), group=NavGroup.CATALOG), before="people:team"
        )
        register_action_labels(
            {
                "framework_import_case": _("Framework imported from a CASE package"),
                "unit_update": _("Unit changed"),
                "element_update": _("Element changed"),
                "criterion_update": _("Criterion changed"),
            }
        )
