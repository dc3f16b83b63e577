"""Participation guide, amendment and recall URLs."""

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
    path("c/<slug:slug>/guide/accepter/", views.accept, name="accept"),
    path("c/<slug:slug>/membres/<str:handle>/moderer/", views.co_opt, name="co-opt"),
    path("c/<slug:slug>/amendements/", views.amendment_list, name="amendments"),
    path(
        "c/<slug:slug>/amendements/proposer/",
        views.amendment_propose,
        name="amendment-propose",
    ),
    path(
        "c/<slug:slug>/amendements/<int:number>/",
        views.amendment_detail,
        name="amendment",
    ),
    path(
        "c/<slug:slug>/amendements/<int:number>/reviser/",
        views.amendment_revise,
        name="amendment-revise",
    ),
    path(
        "c/<slug:slug>/amendements/<int:number>/revisions/<int:revision>/",
        views.amendment_revision,
        name="amendment-revision",
    ),
    path(
        "c/<slug:slug>/amendements/<int:number>/voter/",
        views.amendment_vote,
        name="amendment-vote",
    ),
    path(
        "c/<slug:slug>/amendements/<int:number>/retirer/",
        views.amendment_withdraw,
        name="amendment-withdraw",
    ),
    path("c/<slug:slug>/revocations/", views.recall_list, name="recalls"),
    path(
        "c/<slug:slug>/revocations/petition/<str:handle>/",
        views.recall_start,
        name="recall-start",
    ),
    path("c/<slug:slug>/revocations/<int:number>/", views.recall_detail, name="recall"),
    path(
        "c/<slug:slug>/revocations/<int:number>/signer/",
        views.recall_sign,
        name="recall-sign",
    ),
    path(
        "c/<slug:slug>/revocations/<int:number>/voter/",
        views.recall_vote,
        name="recall-vote",
    ),
]
