"""Transparency URLs (French paths, English names)."""

from django.urls import path

from causerie.transparency import views

app_name = "transparency"
urlpatterns = [
    path("transparence/", views.rules, name="rules"),
]
