"""Notification URLs: the list under /notifications/, the settings under
/compte/ beside the other account settings."""

from django.urls import path

from causerie.notifications import views

app_name = "notifications"
urlpatterns = [
    path("notifications/", views.notification_list, name="list"),
    path("notifications/tout-lu/", views.mark_all_read, name="mark-all-read"),
    path(
        "notifications/<int:notification_id>/",
        views.open_notification,
        name="open",
    ),
    path(
        "notifications/billets/<int:post_id>/suivre/",
        views.follow_post,
        name="post-follow",
    ),
    path(
        "notifications/desabonnement/<str:token>/",
        views.unsubscribe,
        name="unsubscribe",
    ),
    path("compte/notifications/", views.preferences, name="preferences"),
]
