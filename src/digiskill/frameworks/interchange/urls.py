from django.urls import path

app_name = "exchange"
urlpatterns: list[path] = []  # type: ignore[valid-type]
