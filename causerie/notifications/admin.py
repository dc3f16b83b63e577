"""Admin for notifications."""

from django.contrib import admin

from causerie.notifications.models import Notification


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["recipient", "kind", "actor", "post", "created_at", "read_at"]
    list_filter = ["kind"]
    search_fields = ["recipient__handle", "actor__handle"]
    list_select_related = ["recipient", "actor", "post"]
