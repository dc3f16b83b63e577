"""URLs of the elections app."""

from django.urls import path

from causerie.elections import views

app_name = "elections"
urlpatterns = [
    path("c/<slug:slug>/elections/", views.election_list, name="list"),
    path("c/<slug:slug>/elections/convoquer/", views.call, name="call"),
    path("c/<slug:slug>/elections/<int:number>/", views.detail, name="detail"),
    path(
        "c/<slug:slug>/elections/<int:number>/candidature/",
        views.stand,
        name="stand",
    ),
    path(
        "c/<slug:slug>/elections/<int:number>/retrait/",
        views.withdraw,
        name="withdraw",
    ),
    path("c/<slug:slug>/elections/<int:number>/vote/", views.vote, name="vote"),
    path(
        "c/<slug:slug>/elections/<int:number>/resultats/",
        views.results,
        name="results",
    ),
    path(
        "c/<slug:slug>/elections/<int:number>/bulletins.blt",
        views.ballots_blt,
        name="blt",
    ),
]
