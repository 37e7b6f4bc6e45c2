"""WSGI entry point: `gunicorn digiskill.wsgi` or Django's runserver."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "digiskill.settings")
application = get_wsgi_application()
