"""URL map: each app's pages under its own prefix, the API under /api/v1."""

from django.conf import settings
from django.urls import include, path, re_path
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

handler404 = "digiskill.core.views.page_not_found"

if settings.DEBUG and settings.OWN_404_IN_DEBUG:
    # Django shows its technical 404 (the URL list) whenever DEBUG is on; this last pattern sends
    # unknown addresses to the project's own page instead (DEBUG_OWN_404=false brings the list back).
    urlpatterns.append(re_path(r"^(?P<path>.*)$", core_views.unknown_address))
