"""Community URLs (French paths, English names)."""

from django.urls import path

from causerie.communities import views

app_name = "communities"
urlpatterns = [
    path("communautes/", views.community_list, name="list"),
    path("communautes/fonder/", views.community_create, name="create"),
    path("c/<slug:slug>/", views.community_detail, name="detail"),
    path("c/<slug:slug>/atom/", views.community_feed, name="feed"),
    path("c/<slug:slug>/membres/", views.community_members, name="members"),
    path("c/<slug:slug>/rejoindre/", views.community_join, name="join"),
    path("c/<slug:slug>/quitter/", views.community_leave, name="leave"),
    path("c/<slug:slug>/modifier/", views.community_edit, name="edit"),
    path("c/<slug:slug>/etiquettes/", views.tag_list, name="tags"),
    path(
        "c/<slug:slug>/etiquettes/<slug:tag_slug>/",
        views.tag_detail,
        name="tag-detail",
    ),
    path(
        "c/<slug:slug>/etiquettes/<slug:tag_slug>/suivre/",
        views.tag_follow,
        name="tag-follow",
    ),
    path(
        "c/<slug:slug>/etiquettes/<slug:tag_slug>/sourdine/",
        views.tag_mute,
        name="tag-mute",
    ),
    path(
        "c/<slug:slug>/etiquettes/<slug:tag_slug>/atom/",
        views.tag_feed,
        name="tag-feed",
    ),
    path(
        "c/<slug:slug>/etiquettes/<int:tag_id>/modifier/",
        views.tag_edit,
        name="tag-edit",
    ),
    path(
        "c/<slug:slug>/etiquettes/<int:tag_id>/supprimer/",
        views.tag_delete,
        name="tag-delete",
    ),
    path("c/<slug:slug>/sante/", views.community_health, name="health"),
]
