"""Admin for notifications, preferences and followed billets."""

from django.contrib import admin

from causerie.notifications.models import (
    Notification,
    NotificationPreference,
    PostFollow,
)


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = [
        "recipient",
        "kind",
        "actor",
        "post",
        "subject_title",
        "created_at",
        "read_at",
        "emailed_at",
        "email_attempts",
    ]
    list_filter = ["kind"]
    search_fields = ["recipient__handle", "actor__handle", "subject_title"]
    list_select_related = ["recipient", "actor", "post"]
    # Plain ids: a select listing every billet, comment or member would not scale.
    raw_id_fields = ["recipient", "actor", "post", "comment", "decision", "community"]
    readonly_fields = ["emailed_at", "email_attempts", "email_error"]


@admin.register(NotificationPreference)
class NotificationPreferenceAdmin(admin.ModelAdmin):
    list_display = ["member", "kind", "in_app", "email"]
    list_filter = ["kind", "email"]
    search_fields = ["member__handle"]
    list_select_related = ["member"]


@admin.register(PostFollow)
class PostFollowAdmin(admin.ModelAdmin):
    list_display = ["member", "post", "created_at", "unfollowed_at"]
    search_fields = ["member__handle"]
    list_select_related = ["member", "post"]
    raw_id_fields = ["member", "post"]
