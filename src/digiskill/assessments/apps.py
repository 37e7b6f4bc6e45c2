from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentsConfig(AppConfig):
    name = "digiskill.assessments"
    verbose_name = _("Self-assessment")

    def ready(self) -> None:
        """Navigation, home panels, audit labels, and the receiver keeping division copies in step."""
        from digiskill.accounts.audit import register_action_labels
        from digiskill.accounts.models import Role
        from digiskill.assessments import panels
        from digiskill.assessments.receivers import on_divisions_changed
        from digiskill.core.navigation import NavGroup, NavItem, register
        from digiskill.core.selectors import panel
        from digiskill.people.signals import divisions_changed

        register(
            NavItem(_("My self-assessment"), "assessments:mine", (Role.STAFF,), group=NavGroup.ME),
            before="agencies:announcements",
        )
        register(
            NavItem(
                _("Reviews"),
                "assessments:reviews",
                (Role.SUPERVISOR, Role.HR_ADMIN),
                badge=panels.waiting_count,
                group=NavGroup.TEAM,
            ),
            before="agencies:announcements",
        )
        register_action_labels(
            {
                "assessment_start": _("Self-assessment started"),
                "assessment_item_save": _("Self-assessment answer saved"),
                "assessment_answers_save": _("Self-assessment answers saved"),
                "assessment_submit": _("Self-assessment submitted for review"),
                "assessment_review_save": _("Review of a self-assessment saved"),
                "assessment_review_complete": _("Review of a self-assessment completed"),
                "assessment_return": _("Self-assessment returned for changes"),
            }
        )
        panel(panels.my_assessment_panel)
        panel(panels.waiting_reviews_panel)
        divisions_changed.connect(on_divisions_changed, dispatch_uid="assessments_sync_divisions")
