"""Addresses of the learning-resource catalog under /learning/."""

from django.urls import path

from digiskill.learning import views

app_name = "learning"
urlpatterns = [
    path("", views.resource_list, name="index"),
    path("new/", views.resource_create_view, name="create"),
    path("import/", views.import_view, name="import"),
    path("import/template.csv", views.import_template, name="import_template"),
    path("shared/new/", views.shared_create_view, name="shared_create"),
    path("shared/import/", views.shared_import_view, name="shared_import"),
    path("<int:pk>/", views.resource_detail, name="detail"),
    path("<int:pk>/edit/", views.resource_edit, name="edit"),
    path("<int:pk>/deactivate/", views.resource_deactivate_view, name="deactivate"),
    path("<int:pk>/activate/", views.resource_activate_view, name="activate"),
]
