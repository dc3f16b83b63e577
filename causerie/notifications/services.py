"""Writes on notifications: creating them (within the member's preferences and the
hourly limit), marking them read, preferences, followed billets, and email
delivery."""

import logging
import smtplib
from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from causerie.accounts.models import User
from causerie.notifications import emails, permissions, selectors
from causerie.notifications.exceptions import (
    PostNotFollowable,
    UnknownNotificationKind,
)
from causerie.notifications.models import (
    ALWAYS_IN_APP,
    EmailMode,
    Notification,
    NotificationPreference,
    PostFollow,
)
from causerie.publishing.models import Post

logger = logging.getLogger(__name__)


class EmailOutcome:
    SENT = "sent"
    SKIPPED = "skipped"
    RETRY = "retry"
    FAILED = "failed"


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
    Moderation kinds name the decision they are about.

    Nothing is created when the member turned the kind off both in-app and by
    email. Past CAUSERIE_NOTIFICATIONS_PER_HOUR notifications of one kind in the
    last hour, the newest one counts the extra ones (`more_count`) instead.
    A kind the member wants "immediately" enqueues its email after commit."""
    if recipient_id == actor_id:
        return None
    preference = selectors.preference_for(member_id=recipient_id, kind=kind)
    if not preference.in_app and preference.email == EmailMode.NEVER:
        return None
    existing = Notification.objects.filter(
        recipient_id=recipient_id,
        kind=kind,
        post_id=post_id,
        comment_id=comment_id,
        decision_id=decision_id,
    ).first()
    if existing is not None:
        return existing
    since = timezone.now() - timedelta(hours=1)
    if (
        selectors.recent_count(member_id=recipient_id, kind=kind, since=since)
        >= settings.CAUSERIE_NOTIFICATIONS_PER_HOUR
    ):
        _fold_into_latest(recipient_id=recipient_id, kind=kind, since=since)
        return None
    try:
        with transaction.atomic():
            notification, created = Notification.objects.get_or_create(
                recipient_id=recipient_id,
                kind=kind,
                post_id=post_id,
                comment_id=comment_id,
                decision_id=decision_id,
                defaults={"actor_id": actor_id, "is_in_app": preference.in_app},
            )
    except IntegrityError:
        return None
    if created and preference.email == EmailMode.IMMEDIATE:
        from causerie.notifications.tasks import send_notification_email

        transaction.on_commit(lambda: send_notification_email.enqueue(notification.pk))
    return notification


def _fold_into_latest(*, recipient_id: int, kind: str, since: datetime) -> None:
    latest = (
        Notification.objects.filter(
            recipient_id=recipient_id, kind=kind, created_at__gte=since
        )
        .order_by("-created_at", "-pk")
        .values_list("pk", flat=True)
        .first()
    )
    Notification.objects.filter(pk=latest).update(more_count=F("more_count") + 1)


def mark_read(*, actor: User, notification_ids: list[int] | None = None) -> int:
    """Mark the actor's notifications read (all of them when no ids are given)."""
    notifications = Notification.objects.filter(recipient=actor, read_at__isnull=True)
    if notification_ids is not None:
        notifications = notifications.filter(pk__in=notification_ids)
    return notifications.update(read_at=timezone.now())


# Preferences


def update_preferences(
    *, actor: User, preferences: dict[str, tuple[bool, str]]
) -> dict[str, selectors.Preference]:
    """Save the actor's choice (in-app, email mode) for each kind given. The kinds
    in ALWAYS_IN_APP stay in-app whatever is asked. Raises
    UnknownNotificationKind for a kind that does not exist."""
    rows = []
    for kind, (in_app, email) in preferences.items():
        if kind not in Notification.Kind.values or email not in EmailMode.values:
            raise UnknownNotificationKind()
        rows.append(
            NotificationPreference(
                member=actor,
                kind=kind,
                in_app=in_app or kind in ALWAYS_IN_APP,
                email=email,
            )
        )
    with transaction.atomic():
        NotificationPreference.objects.bulk_create(
            rows,
            update_conflicts=True,
            unique_fields=["member", "kind"],
            update_fields=["in_app", "email", "updated_at"],
        )
    return selectors.member_preferences(member_id=actor.pk)


def unsubscribe(*, token: str) -> tuple[User, str | None]:
    """Stop the emails of one kind (or of every kind) for the member named by a
    signed token, from an email link, logged in or not. In-app notifications are
    unchanged. Raises InvalidUnsubscribeLink for a changed or foreign token."""
    member, kind = selectors.unsubscribe_target(token=token)
    current = selectors.member_preferences(member_id=member.pk)
    kinds = [kind] if kind else list(current)
    update_preferences(
        actor=member,
        preferences={each: (current[each].in_app, EmailMode.NEVER) for each in kinds},
    )
    return member, kind


# Followed billets


def _followable_post(*, actor: User, post_id: int) -> Post:
    post = Post.objects.filter(pk=post_id).select_related("community").first()
    if post is None or not permissions.can_follow_post(actor, post):
        raise PostNotFollowable()
    return post


def follow_post(*, actor: User, post_id: int) -> PostFollow:
    """The actor follows a billet (again, after an unfollow). Raises
    PostNotFollowable for a missing or deleted billet."""
    post = _followable_post(actor=actor, post_id=post_id)
    follow, created = PostFollow.objects.get_or_create(member=actor, post=post)
    if not created and follow.unfollowed_at is not None:
        follow.unfollowed_at = None
        follow.save(update_fields=["unfollowed_at", "updated_at"])
    follow.post = post
    return follow


def unfollow_post(*, actor: User, post_id: int) -> PostFollow:
    """The actor stops following a billet; kept as unfollowed, so commenting on it
    again does not follow it again. Raises PostNotFollowable for a missing or
    deleted billet."""
    post = _followable_post(actor=actor, post_id=post_id)
    follow, _created = PostFollow.objects.update_or_create(
        member=actor, post=post, defaults={"unfollowed_at": timezone.now()}
    )
    follow.post = post
    return follow


def follow_post_automatically(*, member_id: int, post_id: int) -> None:
    """Authors and commenters follow the billet, unless they unfollowed it."""
    try:
        with transaction.atomic():
            PostFollow.objects.get_or_create(member_id=member_id, post_id=post_id)
    except IntegrityError:  # a concurrent handler made the same row
        pass


# Email delivery: no transaction is held while talking to the SMTP server.


def send_notification_email(*, notification_id: int) -> str:
    """Email one notification the member wants immediately. Skipped when it was
    read or emailed already, or the member has no email address or changed their
    mind. On an SMTP error the attempt is recorded; RETRY is returned until
    MAX_EMAIL_ATTEMPTS attempts were made, then FAILED."""
    notification = selectors.notification_to_email(notification_id=notification_id)
    if notification is None or notification.emailed_at or notification.read_at:
        return EmailOutcome.SKIPPED
    member = notification.recipient
    if not member.email or not member.is_active:
        return EmailOutcome.SKIPPED
    preference = selectors.preference_for(member_id=member.pk, kind=notification.kind)
    if preference.email != EmailMode.IMMEDIATE:
        return EmailOutcome.SKIPPED
    if notification.email_attempts >= selectors.MAX_EMAIL_ATTEMPTS:
        return EmailOutcome.FAILED
    message = emails.notification_email(notification)
    try:
        message.send()
    except (smtplib.SMTPException, OSError) as error:
        attempts = _record_failure([notification.pk], error)
        if attempts < selectors.MAX_EMAIL_ATTEMPTS:
            return EmailOutcome.RETRY
        return EmailOutcome.FAILED
    Notification.objects.filter(pk=notification.pk).update(
        emailed_at=timezone.now(), email_error=""
    )
    return EmailOutcome.SENT


def send_digest(*, member_id: int) -> str:
    """Email a member their unread, not yet emailed notifications of the kinds
    they get by daily digest, in one message. A failure is recorded on each
    notification; the next day's run tries again, three times at most."""
    member = User.objects.filter(pk=member_id, is_active=True).first()
    if member is None or not member.email:
        return EmailOutcome.SKIPPED
    notifications = selectors.digest_notifications(member=member)
    if not notifications:
        return EmailOutcome.SKIPPED
    message = emails.digest_email(member=member, notifications=notifications)
    ids = [notification.pk for notification in notifications]
    try:
        message.send()
    except (smtplib.SMTPException, OSError) as error:
        _record_failure(ids, error)
        return EmailOutcome.FAILED
    Notification.objects.filter(pk__in=ids).update(
        emailed_at=timezone.now(), email_error=""
    )
    return EmailOutcome.SENT


def _record_failure(notification_ids: list[int], error: Exception) -> int:
    """Count one more attempt on each notification; returns the attempts of the
    first."""
    logger.warning("Notification email failed (%s): %s", notification_ids, error)
    Notification.objects.filter(pk__in=notification_ids).update(
        email_attempts=F("email_attempts") + 1,
        email_error=f"{type(error).__name__}: {error}"[:500],
    )
    return (
        Notification.objects.filter(pk=notification_ids[0])
        .values_list("email_attempts", flat=True)
        .get()
    )
