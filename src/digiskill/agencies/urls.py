from django.urls import path

app_name = "agencies"
urlpatterns: list[path] = []  # type: ignore[valid-type]
