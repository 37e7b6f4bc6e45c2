from django.urls import path
from django.views.generic import RedirectView

from digiskill.plans import views

app_name = "plans"
urlpatterns = [
    path("", RedirectView.as_view(pattern_name="plans:mine"), name="index"),
    path("me/", views.my_plan, name="mine"),
    path("new/", views.plan_new, name="create"),
    path("waiting/", views.waiting, name="waiting"),
    path("team/", views.team, name="team"),
    path("department/", views.department, name="department"),
    path("overdue/", views.overdue, name="overdue"),
    path("settings/", views.settings, name="settings"),
    path("applied/", views.applications, name="applications"),
    path("applied/<int:pk>/acknowledge/", views.application_ack, name="application_ack"),
    path("applied/<int:pk>/evidence/", views.application_evidence, name="application_evidence"),
    path("<int:pk>/", views.plan_detail, name="detail"),
    path("<int:pk>/edit/", views.plan_edit, name="edit"),
    path("<int:pk>/goals/", views.goal_new, name="goal_add"),
    path("<int:pk>/review/", views.plan_review, name="review"),
    path("<int:pk>/submit/", views.submit, name="submit"),
    path("<int:pk>/approve/", views.approve, name="approve"),
    path("<int:pk>/return/", views.return_plan, name="return"),
    path("<int:pk>/start/", views.start, name="start"),
    path("<int:pk>/complete/", views.complete, name="complete"),
    path("<int:pk>/revise/", views.revise, name="revise"),
    path("<int:pk>/feedback/", views.feedback, name="feedback"),
    path("goals/<int:pk>/", views.goal_save, name="goal_save"),
    path("goals/<int:pk>/delete/", views.goal_remove, name="goal_delete"),
    path("goals/<int:pk>/activities/", views.activity_new, name="activity_add"),
    path(
        "goals/<int:pk>/resources/<int:resource>/",
        views.activity_from_resource,
        name="activity_from_resource",
    ),
    path("goals/<int:pk>/evaluate/", views.evaluate, name="evaluate"),
    path("activities/<int:pk>/delete/", views.activity_remove, name="activity_delete"),
    path("activities/<int:pk>/progress/", views.progress, name="progress"),
    path("activities/<int:pk>/evidence/", views.activity_evidence, name="activity_evidence"),
]
