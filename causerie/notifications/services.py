"""Writes on notifications."""

from django.db import IntegrityError, transaction
from django.utils import timezone

from causerie.accounts.models import User
from causerie.notifications.models import Notification


def notify(
    *,
    recipient_id: int,
    actor_id: int,
    kind: str,
    post_id: int,
    comment_id: int | None = None,
    decision_id: int | None = None,
) -> Notification | None:
    """Create a notification unless it exists already; never about one's own acts.
    Moderation kinds name the decision they are about."""
    if recipient_id == actor_id:
        return None
    try:
        with transaction.atomic():
            notification, _ = Notification.objects.get_or_create(
                recipient_id=recipient_id,
                kind=kind,
                post_id=post_id,
                comment_id=comment_id,
                decision_id=decision_id,
                defaults={"actor_id": actor_id},
            )
    except IntegrityError:
        return None
    return notification


def mark_read(*, actor: User, notification_ids: list[int] | None = None) -> int:
    """Mark the actor's notifications read (all of them when no ids are given)."""
    notifications = Notification.objects.filter(recipient=actor, read_at__isnull=True)
    if notification_ids is not None:
        notifications = notifications.filter(pk__in=notification_ids)
    return notifications.update(read_at=timezone.now())
