from django.urls import path

from digiskill.gaps import views

app_name = "gaps"
urlpatterns = [
    path("", views.analysis, name="analysis"),
    path("people/", views.people, name="people"),
    path("export.<str:fmt>", views.export, name="export"),
]
