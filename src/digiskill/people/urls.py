from django.urls import path

from digiskill.people import views

app_name = "people"
urlpatterns = [
    path("", views.person_list, name="list"),
    path("team/", views.team, name="team"),
    path("me/skills/", views.my_digital_skills, name="my_skills"),
    path("import/", views.roster_upload, name="import"),
    path("import/template.xlsx", views.roster_template, name="roster_template"),
    path("import/<int:pk>/", views.import_result, name="import_result"),
    path("import/<int:pk>/rejected.csv", views.import_rejected, name="import_rejected"),
    path("import/<int:pk>/confirm/", views.import_confirm, name="import_confirm"),
    path("export/", views.roster_export, name="roster_export"),
    path("classify/", views.classify_division, name="classify_division"),
    path("<int:pk>/", views.person_detail, name="detail"),
    path("<int:pk>/classification/propose/", views.classification_propose_view, name="propose"),
    path("<int:pk>/classification/agree/", views.classification_agree_view, name="agree"),
    path("<int:pk>/classification/change/", views.classification_change_view, name="change"),
    path("<int:pk>/classification/approve/", views.classification_approve_view, name="approve"),
]
