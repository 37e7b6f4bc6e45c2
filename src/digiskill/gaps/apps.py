from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GapsConfig(AppConfig):
    name = "digiskill.gaps"
    verbose_name = _("Gap analysis")

    def ready(self) -> None:
        """The "Gap analysis" navigation item and home panel (HR and executives), and the audit label."""
        from digiskill.accounts.audit import register_action_labels
        from digiskill.accounts.models import Role
        from digiskill.core.navigation import NavGroup, NavItem, register
        from digiskill.core.selectors import panel
        from digiskill.gaps import panels

        register(
            NavItem(
                _("Gap analysis"), "gaps:analysis", (Role.HR_ADMIN, Role.EXECUTIVE), group=NavGroup.DEPARTMENT
            ),
            before="accounts:audit",
        )
        register_action_labels({"synth_department": _("Synthetic department built")})
        panel(panels.gaps_panel)
