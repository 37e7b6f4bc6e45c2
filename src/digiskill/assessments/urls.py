"""Self-assessment addresses under /assessment/."""

from django.urls import path

from digiskill.assessments import views

app_name = "assessments"
urlpatterns = [
    path("me/", views.mine, name="mine"),
    path("start/", views.start, name="start"),
    path("history/", views.rounds, name="history"),
    path("gaps/", views.gaps, name="gaps"),
    path("compare/", views.compare_rounds, name="compare"),
    path("reviews/", views.reviews, name="reviews"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/step/<int:number>/", views.step, name="step"),
    path("<int:pk>/submit/", views.submit, name="submit"),
    path("<int:pk>/review/", views.review, name="review"),
    path("<int:pk>/return/", views.review_return, name="return"),
    path("items/<int:pk>/", views.item_detail, name="item"),
    path("items/<int:pk>/save/", views.item_save, name="item_save"),
    path("items/<int:pk>/evidence/", views.evidence, name="evidence"),
    path("people/<int:person_pk>/history/", views.rounds, name="person_history"),
    path("people/<int:person_pk>/gaps/", views.gaps, name="person_gaps"),
]
