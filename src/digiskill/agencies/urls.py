from django.urls import path

from digiskill.agencies import views

app_name = "agencies"
urlpatterns = [
    path("setup/", views.setup, name="setup"),
    path("structure/", views.structure, name="structure"),
    path("structure/<int:pk>/", views.unit_edit, name="unit_edit"),
    path("target/", views.target, name="target"),
    path("target/edit/", views.target_edit, name="target_edit"),
    path("target/v<int:version>/", views.target_version, name="target_version"),
    path("skills/", views.skill_sets, name="skill_sets"),
    path("skills/<str:code>/", views.skill_set, name="skill_set"),
    path("skills/<str:code>/start/", views.skill_set_start_view, name="skill_set_start"),
    path("announcements/", views.announcements, name="announcements"),
    path("announcements/new/", views.announcement_new, name="announcement_new"),
    path("announcements/<int:pk>/", views.announcement, name="announcement"),
    path("summary/", views.summary, name="summary"),
]
