from django.urls import path

from digiskill.api.api import api

urlpatterns = [path("", api.urls)]
