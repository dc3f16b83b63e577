"""Reads on members, and the measures trust levels are computed from."""

from datetime import datetime, timedelta
from functools import cached_property

from django.db.models import Count, Exists, Max, OuterRef, Q, QuerySet
from django.utils import timezone

from causerie.accounts import trust
from causerie.accounts.exceptions import MemberNotFound
from causerie.accounts.models import Mute, PostRead, User, VisitDay
from causerie.communities.models import Membership
from causerie.moderation.models import Flag, Sanction
from causerie.publishing.models import Comment, Post


def member_by_handle(*, handle: str) -> User:
    member = User.objects.filter(handle=handle.lower(), is_active=True).first()
    if member is None:
        raise MemberNotFound()
    return member


def muted_member_ids(*, viewer: User) -> set[int]:
    if not viewer.is_authenticated:
        return set()
    return set(Mute.objects.filter(member=viewer).values_list("muted_id", flat=True))


def last_reads(*, viewer, post_ids: list[int]) -> dict[int, datetime]:
    """When the viewer last opened each of these billets (unread ones are
    absent), in one query."""
    if not viewer.is_authenticated or not post_ids:
        return {}
    return dict(
        PostRead.objects.filter(member=viewer, post_id__in=post_ids).values_list(
            "post_id", "last_read_at"
        )
    )


def site_administrator_ids() -> set[int]:
    """Active superusers: who decides site-wide hats and escalated appeals."""
    return set(
        User.objects.filter(is_superuser=True, is_active=True).values_list(
            "pk", flat=True
        )
    )


def existing_handles(*, handles: set[str]) -> set[str]:
    if not handles:
        return set()
    return set(User.objects.filter(handle__in=handles).values_list("handle", flat=True))


class TrustActivity:
    """What trust levels measure about one member, all on the server: days
    visited, billets opened, comments and billets written, replies received
    from other members, upheld flags against them, sanctions. Each group of
    measures is one aggregate query, made only when a rule asks for it."""

    def __init__(self, member: User, *, now: datetime) -> None:
        self.member = member
        self.now = now
        self.since = now - timedelta(days=trust.window_days())
        # Calendar days, today included: the window holds exactly window_days.
        self.first_day = timezone.localdate(now) - timedelta(
            days=trust.window_days() - 1
        )

    @property
    def member_days(self) -> float:
        return (self.now - self.member.date_joined) / timedelta(days=1)

    @cached_property
    def _visits(self) -> dict:
        return VisitDay.objects.filter(member=self.member).aggregate(
            total=Count("pk"), window=Count("pk", filter=Q(day__gte=self.first_day))
        )

    @property
    def days_visited(self) -> int:
        return self._visits["total"]

    @property
    def window_days_visited(self) -> int:
        return self._visits["window"]

    @cached_property
    def _reads(self) -> dict:
        window = Q(
            post__published_at__gte=self.since,
            post__deleted_at__isnull=True,
            post__community__in=self._community_ids(),
        ) & ~Q(post__author=self.member)
        return PostRead.objects.filter(member=self.member).aggregate(
            total=Count("pk"), window=Count("pk", filter=window)
        )

    @property
    def posts_read(self) -> int:
        return self._reads["total"]

    @property
    def window_posts_read(self) -> int:
        return self._reads["window"]

    @cached_property
    def window_posts_published(self) -> int:
        """Billets published by others in the member's communities in the window."""
        return (
            Post.objects.filter(
                community__in=self._community_ids(),
                published_at__gte=self.since,
                deleted_at__isnull=True,
            )
            .exclude(author=self.member)
            .count()
        )

    def _community_ids(self) -> QuerySet:
        return Membership.objects.filter(member=self.member).values("community_id")

    @cached_property
    def _comments(self) -> dict:
        return Comment.objects.filter(
            author=self.member, deleted_at__isnull=True
        ).aggregate(
            total=Count("pk"), window=Count("pk", filter=Q(created_at__gte=self.since))
        )

    @property
    def comments(self) -> int:
        return self._comments["total"]

    @cached_property
    def window_contributions(self) -> int:
        """Billets and comments written in the window."""
        posts = Post.objects.filter(
            author=self.member, deleted_at__isnull=True, published_at__gte=self.since
        ).count()
        return posts + self._comments["window"]

    @cached_property
    def _repliers(self) -> dict:
        """Distinct other members who answered the member (a comment whose
        parent is theirs, or a top-level comment on their billet) or
        recognised one of their items: varied people finding them worth
        engaging with, not their own volume, earns trust."""
        from causerie.recognition.models import Recognition

        latest: dict[int, datetime] = {}
        replies = (
            Comment.objects.filter(
                Q(parent__author=self.member)
                | Q(parent__isnull=True, post__author=self.member),
                deleted_at__isnull=True,
            )
            .exclude(author=self.member)
            .values("author_id")
            .annotate(last=Max("created_at"))
            .values_list("author_id", "last")
        )
        recognitions = (
            Recognition.objects.filter(author=self.member)
            .exclude(recogniser=self.member)
            .values("recogniser_id")
            .annotate(last=Max("given_at"))
            .values_list("recogniser_id", "last")
        )
        for member_id, last in [*replies, *recognitions]:
            if member_id not in latest or last > latest[member_id]:
                latest[member_id] = last
        return {
            "total": len(latest),
            "window": sum(1 for last in latest.values() if last >= self.since),
        }

    @property
    def repliers(self) -> int:
        return self._repliers["total"]

    @property
    def window_repliers(self) -> int:
        return self._repliers["window"]

    @cached_property
    def window_upheld_flags_against(self) -> int:
        """Flags upheld (by a decision not reversed) on the member's items."""
        return Flag.objects.filter(
            flagged_item__author=self.member,
            status=Flag.Status.UPHELD,
            decided_at__gte=self.since,
        ).count()

    @cached_property
    def is_sanctioned(self) -> bool:
        """A current suspension or ban in any community."""
        return (
            Sanction.objects.filter(member=self.member, lifted_at__isnull=True)
            .filter(Q(kind=Sanction.Kind.BAN) | Q(until__gt=self.now))
            .exists()
        )


def trust_activity(*, member: User, now: datetime | None = None) -> TrustActivity:
    return TrustActivity(member, now=now or timezone.now())


def members_to_reassess(*, now: datetime | None = None) -> QuerySet[User]:
    """Members whose level the daily job recomputes: those who visited or wrote
    in the trust window, holders of a computed level 3 or 4 (who may lose it
    by staying away), and level 2 members under a current sanction."""
    now = now or timezone.now()
    since = now - timedelta(days=trust.window_days())
    first_day = timezone.localdate(now) - timedelta(days=trust.window_days() - 1)
    member = OuterRef("pk")
    sanctioned = Sanction.objects.filter(member=member, lifted_at__isnull=True).filter(
        Q(kind=Sanction.Kind.BAN) | Q(until__gt=now)
    )
    return (
        User.objects.filter(is_active=True, trust_level_granted=False)
        .filter(
            Exists(VisitDay.objects.filter(member=member, day__gte=first_day))
            | Exists(Post.objects.filter(author=member, published_at__gte=since))
            | Exists(Comment.objects.filter(author=member, created_at__gte=since))
            | Q(trust_level__gte=trust.PILLAR)
            | (Q(trust_level=trust.REGULAR) & Exists(sanctioned))
        )
        .order_by("pk")
    )
