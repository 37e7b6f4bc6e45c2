from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "digiskill.reports"
    verbose_name = _("Reports")

    def ready(self) -> None:
        """Add "Plan reports" to the navigation of HR and executives, and the plans panel to HR's home."""
        from digiskill.accounts.models import Role
        from digiskill.core.navigation import NavGroup, NavItem, register
        from digiskill.core.selectors import panel
        from digiskill.reports import panels

        register(
            NavItem(
                _("Plan reports"), "reports:plans", (Role.HR_ADMIN, Role.EXECUTIVE), group=NavGroup.DEPARTMENT
            )
        )
        panel(panels.plans_panel)
