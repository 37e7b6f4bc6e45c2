"""Catalog addresses under /catalog/: browse, search, and the administrators' inline edits."""

from django.urls import path

from digiskill.frameworks import views

app_name = "frameworks"
urlpatterns = [
    path("", views.framework_list, name="index"),
    path("search/", views.search, name="search"),
    path("<str:code>/", views.framework_detail, name="framework"),
    path("<str:code>/areas/<str:area>/", views.area_detail, name="area"),
    path("<str:code>/units/<str:unit>/", views.unit_detail, name="unit"),
    path("<str:code>/units/<str:unit>/edit/", views.unit_edit, name="unit_edit"),
    path("<str:code>/units/<str:unit>/elements/<int:pk>/edit/", views.element_edit, name="element_edit"),
    path("<str:code>/units/<str:unit>/criteria/<int:pk>/edit/", views.criterion_edit, name="criterion_edit"),
    path("<str:code>/skill-sets/<str:skill_set>/", views.skill_set_detail, name="skill_set"),
    path("<str:code>/roles/<str:role>/", views.role_detail, name="role"),
]
