"""Search URLs."""

from django.urls import path

from causerie.search import views

app_name = "search"
urlpatterns = [
    path("recherche/", views.search, name="search"),
    path("c/<slug:slug>/recherche/", views.community_search, name="community-search"),
]
