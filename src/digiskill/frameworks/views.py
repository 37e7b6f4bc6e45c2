"""Catalog pages: browse frameworks, areas, units, elements and criteria; search."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from digiskill.accounts.access import ActorRequest
from digiskill.frameworks.models import Framework


@require_GET
@login_required
def framework_list(request: ActorRequest) -> HttpResponse:
    """Every framework loaded, for everyone logged in."""
    return render(request, "frameworks/index.html", {"frameworks": Framework.objects.all()})
