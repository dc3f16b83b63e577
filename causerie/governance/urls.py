"""Participation guide URLs."""

from django.urls import path

from causerie.governance import views

app_name = "governance"
urlpatterns = [
    path("c/<slug:slug>/guide/", views.guide, name="guide"),
    path("c/<slug:slug>/guide/versions/", views.version_list, name="versions"),
    path(
        "c/<slug:slug>/guide/versions/<int:number>/",
        views.version_detail,
        name="version",
    ),
    path("c/<slug:slug>/guide/comparer/", views.version_compare, name="compare"),
    path(
        "c/<slug:slug>/guide/nouvelle-version/",
        views.version_create,
        name="version-create",
    ),
    path("c/<slug:slug>/guide/accepter/", views.accept, name="accept"),
    path("c/<slug:slug>/membres/<str:handle>/moderer/", views.co_opt, name="co-opt"),
]
