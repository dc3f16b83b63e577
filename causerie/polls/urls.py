"""Poll URLs, under the billet they belong to."""

from django.urls import path

from causerie.polls import views

app_name = "polls"
prefix = "c/<slug:slug>/billets/<int:post_id>/sondage/"
urlpatterns = [
    path(prefix, views.poll_detail, name="detail"),
    path(f"{prefix}ajouter/", views.poll_create, name="create"),
    path(f"{prefix}modifier/", views.poll_edit, name="edit"),
    path(f"{prefix}voter/", views.poll_vote, name="vote"),
    path(f"{prefix}clore/", views.poll_close, name="close"),
    path(f"{prefix}supprimer/", views.poll_delete, name="delete"),
]
