"""Notification URLs."""

from django.urls import path

from causerie.notifications import views

app_name = "notifications"
urlpatterns = [
    path("", views.notification_list, name="list"),
    path("tout-lu/", views.mark_all_read, name="mark-all-read"),
    path("<int:notification_id>/", views.open_notification, name="open"),
]
