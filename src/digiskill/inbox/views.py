"""The inbox: the actor's notifications, opening one, marking them read."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from digiskill.accounts.access import ActorRequest
from digiskill.inbox.selectors import get_notification_for_actor, notifications_of
from digiskill.inbox.services import notifications_mark_read


@require_GET
@login_required
def inbox(request: ActorRequest) -> HttpResponse:
    """The actor's notifications, newest first, unread ones marked."""
    rows = notifications_of(request.actor)
    if request.GET.get("show") == "unread":
        rows = rows.filter(read_at__isnull=True)
    page = Paginator(rows, 30).get_page(request.GET.get("page"))
    return render(request, "inbox/inbox.html", {"page": page, "show": request.GET.get("show", "")})


@require_POST
@login_required
def open_notification(request: ActorRequest, pk: int) -> HttpResponse:
    """Mark one notification read and go where it points."""
    note = get_notification_for_actor(request.actor, pk)
    notifications_mark_read(actor=request.actor, ids=[note.pk])
    if note.url and url_has_allowed_host_and_scheme(note.url, allowed_hosts={request.get_host()}):
        return redirect(note.url)
    return redirect("inbox:list")


@require_POST
@login_required
def mark_all_read(request: ActorRequest) -> HttpResponse:
    """Mark every notification of the actor read."""
    notifications_of(request.actor)  # 404 for someone with no department
    notifications_mark_read(actor=request.actor)
    return redirect("inbox:list")
