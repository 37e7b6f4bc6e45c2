from django.urls import path

from digiskill.reports import views

app_name = "reports"
urlpatterns = [
    path("plans/", views.plans_overview, name="plans"),
    path("plans/completion.xlsx", views.plans_completion_xlsx, name="plans_xlsx"),
    path("plans/<int:pk>/form.pdf", views.plan_form_pdf, name="plan_pdf"),
    path("plans/<int:pk>/form.xlsx", views.plan_form_xlsx, name="plan_xlsx"),
]
