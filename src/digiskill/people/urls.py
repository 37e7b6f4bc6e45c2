from django.urls import path

from digiskill.people import views

app_name = "people"
urlpatterns = [
    path("", views.person_list, name="list"),
    path("team/", views.team, name="team"),
    path("<int:pk>/", views.person_detail, name="detail"),
]
