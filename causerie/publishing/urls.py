"""Billet and comment URLs, under /c/<community>/, and the member's "à relire"."""

from django.urls import include, path

from causerie.publishing import views

app_name = "publishing"
community_patterns = [
    path("ecrire/", views.post_create, name="post-create"),
    path("billets/<int:post_id>/", views.post_detail, name="post-detail"),
    path("billets/<int:post_id>/atom/", views.post_comments_feed, name="post-feed"),
    path("billets/<int:post_id>/a-relire/", views.post_bookmark, name="post-bookmark"),
    path("billets/<int:post_id>/modifier/", views.post_edit, name="post-edit"),
    path("billets/<int:post_id>/supprimer/", views.post_delete, name="post-delete"),
    path("billets/<int:post_id>/epingler/", views.post_pin, name="post-pin"),
    path("billets/<int:post_id>/historique/", views.post_history, name="post-history"),
    path(
        "billets/<int:post_id>/commenter/", views.comment_create, name="comment-create"
    ),
    path(
        "billets/<int:post_id>/commentaires/<int:comment_id>/",
        views.comment_detail,
        name="comment-detail",
    ),
    path(
        "billets/<int:post_id>/commentaires/<int:comment_id>/modifier/",
        views.comment_edit,
        name="comment-edit",
    ),
    path(
        "billets/<int:post_id>/commentaires/<int:comment_id>/supprimer/",
        views.comment_delete,
        name="comment-delete",
    ),
    path(
        "billets/<int:post_id>/commentaires/<int:comment_id>/historique/",
        views.comment_history,
        name="comment-history",
    ),
]
urlpatterns = [
    path("a-relire/", views.bookmark_list, name="bookmarks"),
    path("c/<slug:slug>/", include(community_patterns)),
]
