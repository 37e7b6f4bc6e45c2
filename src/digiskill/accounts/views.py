"""Log in and out, passwords, and the department's audit log."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordChangeForm, SetPasswordForm
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from digiskill.accounts.access import Actor, ActorRequest, actor_of
from digiskill.accounts.audit import audit_record
from digiskill.accounts.forms import AuditFilterForm
from digiskill.accounts.selectors import audit_actions, audit_entries_for_actor
from digiskill.accounts.services import user_set_password


class LoginView(auth_views.LoginView):
    """The login page; a successful login is written to the audit log."""

    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        user = form.get_user()
        membership = user.memberships.filter(is_active=True).order_by("id").first()
        audit_record(
            actor=Actor(user=user, membership=membership),
            action="login",
            obj=user,
            agency_id=membership.agency_id if membership else None,
        )
        return response


class LogoutView(auth_views.LogoutView):
    """Log out (POST only, as Django requires)."""


@login_required
def password_change(request: ActorRequest) -> HttpResponse:
    """Change one's own password, keeping the session logged in."""
    form = PasswordChangeForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        user_set_password(
            actor=request.actor,
            user=request.user,
            password=form.cleaned_data["new_password1"],
            reason="change",
        )
        update_session_auth_hash(request, request.user)
        messages.success(request, _("Your password has been changed."))
        return redirect("core:home")
    return render(request, "accounts/password_change.html", {"form": form})


class PasswordResetView(auth_views.PasswordResetView):
    """Ask for a reset link by e-mail (sent through the configured mail backend)."""

    template_name = "accounts/password_reset.html"
    email_template_name = "accounts/email/password_reset.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """Set a new password from a reset link, through the service so it is audited."""

    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")

    def form_valid(self, form: SetPasswordForm) -> HttpResponse:  # type: ignore[type-arg]
        user_set_password(
            actor=actor_of(form.user),
            user=form.user,
            password=form.cleaned_data["new_password1"],
            reason="reset",
        )
        del self.request.session[auth_views.INTERNAL_RESET_SESSION_TOKEN]
        return redirect(self.get_success_url())


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"


@require_GET
@login_required
def audit_log(request: ActorRequest) -> HttpResponse:
    """The department's audit log with filters; read-only, for HR administrators."""
    actor = request.actor
    form = AuditFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    page = Paginator(audit_entries_for_actor(actor, filters), 50).get_page(request.GET.get("page"))
    context = {"form": form, "page": page, "actions": audit_actions(actor)}
    template = "accounts/audit_rows.html" if request.htmx else "accounts/audit.html"
    return render(request, template, context)
