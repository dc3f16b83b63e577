"""Reads on notifications, preferences and followed billets."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.core.paginator import Page, Paginator
from django.db.models import (
    Case,
    Count,
    Max,
    OuterRef,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from causerie.accounts.models import User
from causerie.communities.models import Membership
from causerie.notifications import links
from causerie.notifications.exceptions import InvalidUnsubscribeLink
from causerie.notifications.models import (
    DEFAULT_PREFERENCES,
    EmailMode,
    Notification,
    NotificationPreference,
    PostFollow,
)
from causerie.recognition.models import Recognition

MAX_EMAIL_ATTEMPTS = 3
# A digest carries what arrived in the last week; older unread notices stay in-app.
DIGEST_WINDOW = timedelta(days=7)


@dataclass(frozen=True)
class Preference:
    kind: str
    in_app: bool
    email: str


def unread_count(*, member) -> int:
    return Notification.objects.filter(
        recipient=member, read_at__isnull=True, is_in_app=True
    ).count()


def member_notifications(*, member, page: int | str = 1, per_page: int = 30) -> Page:
    notifications = (
        Notification.objects.filter(recipient=member, is_in_app=True)
        .select_related(
            "actor", "post__community", "community", "comment", "decision__appeal"
        )
        .order_by("-created_at", "-pk")
    )
    return Paginator(notifications, per_page).get_page(page)


def notification_for(*, member, notification_id: int) -> Notification | None:
    return (
        Notification.objects.filter(pk=notification_id, recipient=member)
        .select_related(
            "post__community",
            "community",
            "comment__post__community",
            "decision__community",
            "decision__appeal",
        )
        .first()
    )


def member_preferences(*, member_id: int) -> dict[str, Preference]:
    """Every kind with the member's choice, or the default when they made none."""
    stored = {
        preference.kind: preference
        for preference in NotificationPreference.objects.filter(member_id=member_id)
    }
    preferences = {}
    for kind in Notification.Kind.values:
        in_app, email = DEFAULT_PREFERENCES[kind]
        if kind in stored:
            in_app, email = stored[kind].in_app, stored[kind].email
        preferences[kind] = Preference(kind=kind, in_app=in_app, email=email)
    return preferences


def preference_for(*, member_id: int, kind: str) -> Preference:
    stored = (
        NotificationPreference.objects.filter(member_id=member_id, kind=kind)
        .values_list("in_app", "email")
        .first()
    )
    in_app, email = stored or DEFAULT_PREFERENCES[kind]
    return Preference(kind=kind, in_app=in_app, email=email)


def preferences_of(*, member_ids: list[int], kind: str) -> dict[int, Preference]:
    """One kind's preference for many members, in one query."""
    default_in_app, default_email = DEFAULT_PREFERENCES[kind]
    preferences = {
        member_id: Preference(kind=kind, in_app=default_in_app, email=default_email)
        for member_id in member_ids
    }
    for member_id, in_app, email in NotificationPreference.objects.filter(
        member_id__in=member_ids, kind=kind
    ).values_list("member_id", "in_app", "email"):
        preferences[member_id] = Preference(kind=kind, in_app=in_app, email=email)
    return preferences


def reachable_member_ids(*, member_ids: list[int], kind: str) -> list[int]:
    """The members, in the order given, who did not turn a kind off both in-app
    and by email: features that single members out (who could answer a
    question) leave the others out."""
    preferences = preferences_of(member_ids=member_ids, kind=kind)
    return [
        member_id
        for member_id in member_ids
        if preferences[member_id].in_app
        or preferences[member_id].email != EmailMode.NEVER
    ]


def recent_count(*, member_id: int, kind: str, since: datetime) -> int:
    return Notification.objects.filter(
        recipient_id=member_id, kind=kind, created_at__gte=since
    ).count()


def community_member_ids(
    *, community_id: int, excluding: int | None, after: int, limit: int
) -> list[int]:
    """One batch of a community's active members, by id, past `after`: a large
    community is read in batches of bounded size."""
    return list(
        Membership.objects.filter(
            community_id=community_id,
            member__is_active=True,
            member_id__gt=after,
        )
        .exclude(member_id=excluding)
        .order_by("member_id")
        .values_list("member_id", flat=True)[:limit]
    )


def members_at_hourly_limit(
    *, member_ids: list[int], kind: str, since: datetime, limit: int
) -> set[int]:
    return set(
        Notification.objects.filter(
            recipient_id__in=member_ids, kind=kind, created_at__gte=since
        )
        .values("recipient_id")
        .annotate(count=Count("pk"))
        .filter(count__gte=limit)
        .values_list("recipient_id", flat=True)
    )


def members_notified_about(
    *, member_ids: list[int], kind: str, subject_url: str
) -> set[int]:
    return set(
        Notification.objects.filter(
            recipient_id__in=member_ids,
            kind=kind,
            post__isnull=True,
            subject_url=subject_url,
        ).values_list("recipient_id", flat=True)
    )


def notifications_created_since(
    *, member_ids: list[int], kind: str, subject_url: str, since: datetime
) -> list[int]:
    return list(
        Notification.objects.filter(
            recipient_id__in=member_ids,
            kind=kind,
            post__isnull=True,
            subject_url=subject_url,
            created_at__gte=since,
            emailed_at__isnull=True,
        )
        .order_by("pk")
        .values_list("pk", flat=True)
    )


# Grouped recognitions


def _recognition_notifications(
    *, author_id: int, post_id: int, comment_id: int | None
) -> QuerySet[Notification]:
    notifications = Notification.objects.filter(
        recipient_id=author_id, kind=Notification.Kind.RECOGNISED, post_id=post_id
    )
    if comment_id is None:
        return notifications.filter(comment__isnull=True)
    return notifications.filter(comment_id=comment_id)


def unread_recognition_notification(
    *, author_id: int, post_id: int, comment_id: int | None
) -> Notification | None:
    return (
        _recognition_notifications(
            author_id=author_id, post_id=post_id, comment_id=comment_id
        )
        .filter(read_at__isnull=True)
        .first()
    )


def unread_recognition_notifications(
    *, author_id: int, community_id: int
) -> list[Notification]:
    return list(
        Notification.objects.filter(
            recipient_id=author_id,
            kind=Notification.Kind.RECOGNISED,
            read_at__isnull=True,
            post__community_id=community_id,
        ).order_by("pk")
    )


def last_read_recognition(
    *, author_id: int, post_id: int, comment_id: int | None
) -> datetime | None:
    """When the author last read a recognition notification about this item:
    recognitions given before it were told already."""
    return (
        _recognition_notifications(
            author_id=author_id, post_id=post_id, comment_id=comment_id
        )
        .filter(read_at__isnull=False)
        .aggregate(last=Max("read_at"))["last"]
    )


def recognisers_since(
    *, author_id: int, post_id: int, comment_id: int | None, since: datetime | None
) -> tuple[int | None, int]:
    """The latest member who recognised the item since `since` (None: ever),
    and how many different members did."""
    recognitions = Recognition.objects.filter(post_id=post_id).exclude(
        recogniser_id=author_id
    )
    if comment_id is None:
        recognitions = recognitions.filter(comment__isnull=True)
    else:
        recognitions = recognitions.filter(comment_id=comment_id)
    if since is not None:
        recognitions = recognitions.filter(created_at__gt=since)
    latest = (
        recognitions.order_by("-created_at", "-pk")
        .values_list("recogniser_id", flat=True)
        .first()
    )
    if latest is None:
        return None, 0
    return latest, recognitions.values("recogniser_id").distinct().count()


def _email_mode():
    """The member's email choice for each notification's kind, default included."""
    stored = NotificationPreference.objects.filter(
        member=OuterRef("recipient"), kind=OuterRef("kind")
    ).values("email")[:1]
    default = Case(
        *[
            When(kind=kind, then=Value(email))
            for kind, (_in_app, email) in DEFAULT_PREFERENCES.items()
        ],
        default=Value(EmailMode.NEVER),
    )
    return Coalesce(Subquery(stored), default)


def _awaiting_digest(*, now: datetime | None = None) -> QuerySet[Notification]:
    now = now or timezone.now()
    return (
        Notification.objects.filter(
            read_at__isnull=True,
            emailed_at__isnull=True,
            email_attempts__lt=MAX_EMAIL_ATTEMPTS,
            created_at__gte=now - DIGEST_WINDOW,
            recipient__is_active=True,
            recipient__email__isnull=False,
        )
        .exclude(recipient__email="")
        .annotate(email_mode=_email_mode())
        .filter(email_mode=EmailMode.DIGEST)
    )


def members_due_a_digest(*, now: datetime | None = None) -> list[int]:
    """Members with unread notifications not yet emailed, of kinds they get by
    digest."""
    return list(
        _awaiting_digest(now=now)
        .order_by("recipient_id")
        .values_list("recipient_id", flat=True)
        .distinct()
    )


def digest_notifications(
    *, member: User, now: datetime | None = None
) -> list[Notification]:
    return list(
        _awaiting_digest(now=now)
        .filter(recipient=member)
        .select_related(
            "actor", "post__community", "community", "comment", "decision__appeal"
        )
        .order_by("-created_at", "-pk")
    )


def notification_to_email(*, notification_id: int) -> Notification | None:
    return (
        Notification.objects.filter(pk=notification_id)
        .select_related(
            "recipient",
            "actor",
            "post__community",
            "community",
            "comment",
            "decision__community",
            "decision__appeal",
        )
        .first()
    )


def is_following(*, member, post_id: int) -> bool:
    if not member.is_authenticated:
        return False
    return PostFollow.objects.filter(
        member=member, post_id=post_id, unfollowed_at__isnull=True
    ).exists()


def post_follower_ids(*, post_id: int) -> set[int]:
    return set(
        PostFollow.objects.filter(
            post_id=post_id, unfollowed_at__isnull=True
        ).values_list("member_id", flat=True)
    )


def unsubscribe_target(*, token: str) -> tuple[User, str | None]:
    """The member and kind (None: every kind) a signed token unsubscribes; raises
    InvalidUnsubscribeLink for a changed or foreign token."""
    member_id, kind = links.read_unsubscribe_token(token)
    member = User.objects.filter(pk=member_id).first()
    if member is None:
        raise InvalidUnsubscribeLink()
    return member, kind


def email_attempts(*, notification_id: int) -> int:
    return (
        Notification.objects.filter(pk=notification_id)
        .values_list("email_attempts", flat=True)
        .first()
        or 0
    )
