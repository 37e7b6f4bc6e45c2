from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InboxConfig(AppConfig):
    name = "digiskill.inbox"
    verbose_name = _("Inbox")

    def ready(self) -> None:
        """Add the inbox, with its unread count, to everyone's navigation."""
        from digiskill.accounts.audit import register_action_labels
        from digiskill.accounts.models import Role
        from digiskill.core.navigation import NavGroup, NavItem, register
        from digiskill.inbox.selectors import unread_count

        register(NavItem(_("Inbox"), "inbox:list", (Role.STAFF,), badge=unread_count, group=NavGroup.ME))
        register_action_labels({"notifications_read": _("Notifications read")})
