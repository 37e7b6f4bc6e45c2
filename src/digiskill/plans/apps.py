from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    name = "digiskill.plans"
    verbose_name = _("Development plans")

    def ready(self) -> None:
        """Navigation for staff, supervisors and HR; home panels; labels of the audit actions."""
        from digiskill.accounts.audit import register_action_labels
        from digiskill.accounts.models import Role
        from digiskill.core.navigation import NavItem, register
        from digiskill.core.selectors import panel
        from digiskill.plans import panels

        register(NavItem(_("My development plan"), "plans:mine", (Role.STAFF,)), before="accounts:audit")
        register(
            NavItem(_("Team plans"), "plans:team", (Role.SUPERVISOR,), badge=panels.waiting_count),
            before="accounts:audit",
        )
        register(
            NavItem(_("Development plans"), "plans:department", (Role.HR_ADMIN,)), before="accounts:audit"
        )
        register_action_labels(
            {
                "plan_create": _("Development plan started"),
                "plan_update": _("Development plan changed"),
                "plan_submit": _("Development plan sent for approval"),
                "plan_first_approve": _("Development plan approved by the supervisor"),
                "plan_approve": _("Development plan approved"),
                "plan_return": _("Development plan returned for changes"),
                "plan_start": _("Development plan started in practice"),
                "plan_complete": _("Development plan completed"),
                "plan_revise": _("New version of a development plan"),
                "plan_feedback": _("Feedback on a development plan"),
                "goal_add": _("Development goal added"),
                "goal_update": _("Development goal changed"),
                "goal_delete": _("Development goal removed"),
                "goal_evaluate": _("Development goal self-evaluated"),
                "activity_add": _("Development activity added"),
                "activity_update": _("Development activity changed"),
                "activity_delete": _("Development activity removed"),
                "activity_progress": _("Progress recorded on an activity"),
                "application_record": _("Skill applied at work recorded"),
                "application_acknowledge": _("Skill applied at work acknowledged"),
                "plan_settings_update": _("Plan settings changed"),
            }
        )
        panel(panels.my_plan_panel)
        panel(panels.waiting_panel)
        panel(panels.overdue_panel)
