"""Exchange of frameworks with other systems: CASE 1.1 JSON and Moodle competency CSV."""

from django.urls import path

from digiskill.frameworks.interchange import views

app_name = "exchange"
urlpatterns = [
    path("<str:code>/case.json", views.export_case, name="export_case"),
    path("<str:code>/moodle.csv", views.export_csv, name="export_csv"),
    path("import/", views.import_case, name="import_case"),
]
