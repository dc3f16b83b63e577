"""Reads on notifications."""

from django.core.paginator import Page, Paginator

from causerie.notifications.models import Notification


def unread_count(*, member) -> int:
    return Notification.objects.filter(recipient=member, read_at__isnull=True).count()


def member_notifications(*, member, page: int | str = 1, per_page: int = 30) -> Page:
    notifications = (
        Notification.objects.filter(recipient=member)
        .select_related("actor", "post__community", "comment", "decision__appeal")
        .order_by("-created_at", "-pk")
    )
    return Paginator(notifications, per_page).get_page(page)


def notification_for(*, member, notification_id: int) -> Notification | None:
    return (
        Notification.objects.filter(pk=notification_id, recipient=member)
        .select_related(
            "post__community",
            "comment__post__community",
            "decision__community",
            "decision__appeal",
        )
        .first()
    )
