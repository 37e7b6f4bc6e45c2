"""URL map: each app's pages under its own prefix, the API under /api/v1."""

from django.urls import include, path
from django.views.i18n import set_language

from digiskill.core import views as core_views

urlpatterns = [
    path("", include("digiskill.core.urls")),
    path("healthz", core_views.healthz, name="healthz"),
    path("i18n/setlang/", set_language, name="set_language"),
    path("accounts/", include("digiskill.accounts.urls")),
    path("people/", include("digiskill.people.urls")),
    path("catalog/exchange/", include("digiskill.frameworks.interchange.urls")),
    path("catalog/", include("digiskill.frameworks.urls")),
    path("agency/", include("digiskill.agencies.urls")),
    path("assessment/", include("digiskill.assessments.urls")),
    path("gaps/", include("digiskill.gaps.urls")),
    path("learning/", include("digiskill.learning.urls")),
    path("plans/", include("digiskill.plans.urls")),
    path("inbox/", include("digiskill.inbox.urls")),
    path("reports/", include("digiskill.reports.urls")),
    path("api/v1/", include("digiskill.api.urls")),
]
