"""Writes on notifications: creating them (within the member's preferences and the
hourly limit), marking them read, preferences, followed billets, and email
delivery."""

import logging
import smtplib
from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, OuterRef, Subquery
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
    actor_id: int | None,
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
    if _over_hourly_limit(recipient_id=recipient_id, kind=kind):
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
        _email_after_commit([notification.pk])
    return notification


def _over_hourly_limit(*, recipient_id: int, kind: str) -> bool:
    """True, after counting one more on the newest notification, when the member
    had CAUSERIE_NOTIFICATIONS_PER_HOUR of this kind in the last hour."""
    since = timezone.now() - timedelta(hours=1)
    if (
        selectors.recent_count(member_id=recipient_id, kind=kind, since=since)
        < settings.CAUSERIE_NOTIFICATIONS_PER_HOUR
    ):
        return False
    _fold_into_latest(recipient_id=recipient_id, kind=kind, since=since)
    return True


def _email_after_commit(notification_ids: list[int]) -> None:
    from causerie.notifications.tasks import send_notification_email

    def enqueue() -> None:
        for notification_id in notification_ids:
            send_notification_email.enqueue(notification_id)

    if notification_ids:
        transaction.on_commit(enqueue)


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


# Notifications to a whole community, in bulk

# Members handled per round: each round costs the same few queries, so a
# community of any size is notified with memory and statements bounded.
COMMUNITY_BATCH_SIZE = 1000


def notify_community(
    *,
    community_id: int,
    kind: str,
    subject_type: str,
    subject_url: str,
    subject_title: str,
    actor_id: int | None = None,
) -> int:
    """Tell every active member of a community about a vote or an election (no
    billet: `subject_url` says where it is), except the actor. Each member's
    preference for the kind and the hourly limit apply as in `notify`; a handler
    run twice creates nothing twice (one notification per member, kind and
    subject_url). Returns the number of notifications created."""
    started_at = timezone.now()
    created = 0
    after = 0
    while True:
        member_ids = selectors.community_member_ids(
            community_id=community_id,
            excluding=actor_id,
            after=after,
            limit=COMMUNITY_BATCH_SIZE,
        )
        if not member_ids:
            return created
        after = member_ids[-1]
        created += _notify_batch(
            member_ids=member_ids,
            started_at=started_at,
            fields={
                "kind": kind,
                "actor_id": actor_id,
                "community_id": community_id,
                "subject_type": subject_type,
                "subject_url": subject_url[:300],
                "subject_title": subject_title[:300],
            },
        )


def notify_members(
    *,
    member_ids,
    kind: str,
    subject_type: str,
    subject_url: str,
    subject_title: str,
    actor_id: int | None = None,
    community_id: int | None = None,
) -> int:
    """Tell a few chosen members about something that is not a billet (a hat
    request, a decision on it), never the actor. Preferences, the hourly limit
    and one notification per member, kind and subject_url apply as in
    `notify_community`. Returns the number of notifications created."""
    member_ids = sorted(set(member_ids) - {actor_id})
    if not member_ids:
        return 0
    return _notify_batch(
        member_ids=member_ids,
        started_at=timezone.now(),
        fields={
            "kind": kind,
            "actor_id": actor_id,
            "community_id": community_id,
            "subject_type": subject_type,
            "subject_url": subject_url[:300],
            "subject_title": subject_title[:300],
        },
    )


def _notify_batch(*, member_ids: list[int], started_at: datetime, fields: dict) -> int:
    kind = fields["kind"]
    preferences = selectors.preferences_of(member_ids=member_ids, kind=kind)
    wanted = [
        member_id
        for member_id in member_ids
        if preferences[member_id].in_app
        or preferences[member_id].email != EmailMode.NEVER
    ]
    since = timezone.now() - timedelta(hours=1)
    at_limit = selectors.members_at_hourly_limit(
        member_ids=wanted,
        kind=kind,
        since=since,
        limit=settings.CAUSERIE_NOTIFICATIONS_PER_HOUR,
    )
    already = selectors.members_notified_about(
        member_ids=wanted, kind=kind, subject_url=fields["subject_url"]
    )
    # A retried handler finds its notifications already there: they neither count
    # against the limit again nor fold into anything.
    folded = sorted(at_limit - already)
    if folded:
        _fold_into_latest_of(member_ids=folded, kind=kind, since=since)
    new = [
        Notification(
            recipient_id=member_id,
            is_in_app=preferences[member_id].in_app,
            **fields,
        )
        for member_id in wanted
        if member_id not in at_limit and member_id not in already
    ]
    Notification.objects.bulk_create(new, ignore_conflicts=True)
    immediate = [
        member_id
        for member_id in wanted
        if preferences[member_id].email == EmailMode.IMMEDIATE
    ]
    if immediate:
        _email_after_commit(
            selectors.notifications_created_since(
                member_ids=immediate,
                kind=kind,
                subject_url=fields["subject_url"],
                since=started_at,
            )
        )
    return len(new)


def _fold_into_latest_of(*, member_ids: list[int], kind: str, since: datetime) -> None:
    """`_fold_into_latest` for many members in one statement."""
    latest = (
        Notification.objects.filter(
            recipient_id=OuterRef("recipient_id"), kind=kind, created_at__gte=since
        )
        .order_by("-created_at", "-pk")
        .values("pk")[:1]
    )
    Notification.objects.filter(
        recipient_id__in=member_ids,
        kind=kind,
        created_at__gte=since,
        pk=Subquery(latest),
    ).update(more_count=F("more_count") + 1)


# Grouped recognitions


def notify_recognised(
    *, author_id: int, recogniser_id: int, post_id: int, comment_id: int | None
) -> Notification | None:
    """Tell an author their billet or comment was recognised, grouped: while the
    notification about that item is unread, later recognitions fold into it
    (`others_count`, `actor` the latest recogniser) instead of adding one more.
    Counts are taken from the recognitions themselves, so a handler run twice, or
    a recognition withdrawn meanwhile, leaves the right numbers."""
    if author_id == recogniser_id:
        return None
    kind = Notification.Kind.RECOGNISED
    preference = selectors.preference_for(member_id=author_id, kind=kind)
    if not preference.in_app and preference.email == EmailMode.NEVER:
        return None
    unread = selectors.unread_recognition_notification(
        author_id=author_id, post_id=post_id, comment_id=comment_id
    )
    if unread is not None:
        _regroup(unread)
        return unread
    latest_id, count = selectors.recognisers_since(
        author_id=author_id,
        post_id=post_id,
        comment_id=comment_id,
        since=selectors.last_read_recognition(
            author_id=author_id, post_id=post_id, comment_id=comment_id
        ),
    )
    if not count or _over_hourly_limit(recipient_id=author_id, kind=kind):
        return None
    try:
        with transaction.atomic():
            notification = Notification.objects.create(
                recipient_id=author_id,
                kind=kind,
                post_id=post_id,
                comment_id=comment_id,
                actor_id=latest_id,
                others_count=count - 1,
                is_in_app=preference.in_app,
            )
    except IntegrityError:  # a concurrent handler made it: fold into that one
        unread = selectors.unread_recognition_notification(
            author_id=author_id, post_id=post_id, comment_id=comment_id
        )
        if unread is not None:
            _regroup(unread)
        return unread
    if preference.email == EmailMode.IMMEDIATE:
        _email_after_commit([notification.pk])
    return notification


def _regroup(notification: Notification) -> None:
    """Recount an unread recognition notification from the recognitions given
    since the author last read one about the same item; none left: it goes."""
    latest_id, count = selectors.recognisers_since(
        author_id=notification.recipient_id,
        post_id=notification.post_id,
        comment_id=notification.comment_id,
        since=selectors.last_read_recognition(
            author_id=notification.recipient_id,
            post_id=notification.post_id,
            comment_id=notification.comment_id,
        ),
    )
    if not count:
        Notification.objects.filter(pk=notification.pk, read_at__isnull=True).delete()
        return
    notification.actor_id = latest_id
    notification.others_count = count - 1
    Notification.objects.filter(pk=notification.pk).update(
        actor_id=notification.actor_id,
        others_count=notification.others_count,
        updated_at=timezone.now(),
    )


def regroup_recognitions(*, author_id: int, community_id: int) -> None:
    """After a recognition was withdrawn (the event does not say from which
    item), recount the author's unread recognition notifications in the
    community: the count goes down, the named member changes, or the
    notification goes when nobody is left."""
    for notification in selectors.unread_recognition_notifications(
        author_id=author_id, community_id=community_id
    ):
        _regroup(notification)


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
