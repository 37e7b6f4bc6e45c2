from django.urls import path

from digiskill.frameworks import views

app_name = "frameworks"
urlpatterns = [
    path("", views.framework_list, name="index"),
]
