from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GapsConfig(AppConfig):
    name = "digiskill.gaps"
    verbose_name = _("Gap analysis")
