"""Moderation URLs (French paths, English names)."""

from django.urls import path

from causerie.moderation.views import appeals, flags, log, queue, record

app_name = "moderation"
urlpatterns = [
    path(
        "c/<slug:slug>/billets/<int:post_id>/signaler/",
        flags.flag_post,
        name="flag-post",
    ),
    path(
        "c/<slug:slug>/billets/<int:post_id>/commentaires/<int:comment_id>/signaler/",
        flags.flag_comment,
        name="flag-comment",
    ),
    path("c/<slug:slug>/moderation/", queue.review_queue, name="queue"),
    path("c/<slug:slug>/moderation/<int:item_id>/", queue.decide, name="decide"),
    path("c/<slug:slug>/journal/", log.public_log, name="log"),
    path("c/<slug:slug>/journal/atom/", log.log_feed, name="log-feed"),
    path("journal/", log.site_log, name="site-log"),
    path("journal/atom/", log.site_log_feed, name="site-log-feed"),
    path("c/<slug:slug>/mon-dossier/", record.my_record, name="my-record"),
    path(
        "c/<slug:slug>/decisions/<int:decision_id>/",
        appeals.decision_detail,
        name="decision",
    ),
    path(
        "c/<slug:slug>/decisions/<int:decision_id>/recours/",
        appeals.appeal_create,
        name="appeal-create",
    ),
    path("c/<slug:slug>/recours/", appeals.appeal_list, name="appeals"),
    path(
        "c/<slug:slug>/recours/<int:appeal_id>/",
        appeals.appeal_decide,
        name="appeal-decide",
    ),
    path("moderation/recours-transmis/", appeals.escalated_appeals, name="escalated"),
]
