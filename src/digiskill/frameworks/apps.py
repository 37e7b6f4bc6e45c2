from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FrameworksConfig(AppConfig):
    name = "digiskill.frameworks"
    verbose_name = _("Skills frameworks")

    def ready(self) -> None:
        from digiskill.accounts.models import Role
        from digiskill.core.navigation import NavItem, register

        register(NavItem(_("Skills catalog"), "frameworks:index", ()), before="people:team")
        del Role
