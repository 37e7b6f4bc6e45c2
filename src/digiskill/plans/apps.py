from typing import Any

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    name = "digiskill.plans"
    verbose_name = _("Development plans")

    def ready(self) -> None:
        """Navigation for staff, supervisors and HR; home panels; labels of the audit actions."""
        from digiskill.accounts.audit import register_action_labels
        from digiskill.accounts.models import Role
        from digiskill.core.navigation import NavGroup, NavItem, register
        from digiskill.core.selectors import panel
        from digiskill.plans import panels

        register(
            NavItem(_("My development plan"), "plans:mine", (Role.STAFF,), group=NavGroup.ME),
            before="accounts:audit",
        )
        register(
            NavItem(
                _("Team plans"),
                "plans:team",
                (Role.SUPERVISOR,),
                badge=panels.waiting_count,
                group=NavGroup.TEAM,
            ),
            before="accounts:audit",
        )
        register(
            NavItem(_("Development plans"), "plans:department", (Role.HR_ADMIN,), group=NavGroup.DEPARTMENT),
            before="accounts:audit",
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
        from digiskill.people.person_links import register_person_links

        register_person_links(plan_links)


def plan_links(actor: Any, person: Any) -> list[Any]:
    """The person's current development plans, as links on their page (registered with people)."""
    from django.urls import reverse

    from digiskill.people.person_links import PersonLink
    from digiskill.plans.selectors import plans_of_person

    links = [
        PersonLink(
            _("Individual development plan, fiscal year B.E. %(year)s") % {"year": plan.fiscal_year},
            reverse("plans:detail", args=[plan.pk]),
            plan.get_status_display(),
        )
        for plan in plans_of_person(person)
    ]
    return links or [PersonLink(_("No development plan yet."))]
