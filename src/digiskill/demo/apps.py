from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """The demo department (`digiskill load-demo`) and synthetic departments (`digiskill synth`).

    Kept out of the domain apps: it sits on top of every layer and calls their services, as a
    real department's staff would through the pages.
    """

    name = "digiskill.demo"
    verbose_name = _("Demo and synthetic data")
