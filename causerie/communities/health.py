"""Community health: how participation is spread, whether newcomers come back,
how fast billets get a reply, and what moderation did, month by month over a
year. DESIGN: health instead of audience, so no view or follower counts here."""

import math
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from causerie.communities.models import Community, Membership
from causerie.moderation.models import Appeal, LogAction, ModerationDecision
from causerie.publishing.models import Comment, ModerationState, Post

MONTHS = 12
RECENT_DAYS = 30
# A newcomer "came back" with a second contribution this soon after the first.
RETURN_DAYS = 30
# Concentration: the share of contributions made by this top slice of contributors.
TOP_SHARE = 0.10
# Bars are drawn with one of the classes .bar-0 … .bar-100 (the CSP forbids
# inline styles), so widths go in steps of this many percent.
BAR_STEP = 5


@dataclass(frozen=True)
class Row:
    """One month of a chart: the figure as shown, an optional detail, and the
    width class of its bar."""

    month: date
    text: str
    width: int
    detail: str = ""
    parts: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True)
class Chart:
    rows: list[Row]
    has_data: bool


@dataclass(frozen=True)
class Summary:
    """The last 30 days, as shown at the top of the page."""

    active_members: int
    contributions: int
    concentration: str
    newcomers: int
    newcomers_returned: int
    median_first_reply: str
    posts: int
    no_reply_share: str
    decisions: int
    appeals_upheld: int
    appeals_reversed: int


@dataclass(frozen=True)
class CommunityHealth:
    first_month: date
    last_month: date
    has_activity: bool
    summary: Summary
    active_members: Chart
    concentration: Chart
    retention: Chart
    first_reply: Chart
    no_reply: Chart
    decisions: Chart
    appeals: Chart
    top_share_percent: int = round(TOP_SHARE * 100)
    return_days: int = RETURN_DAYS


def community_health(*, community: Community) -> CommunityHealth:
    """Health figures of one community over the last 12 months (by month) and
    the last 30 days. Six queries whatever the community's size: two for
    contributions, one each for newcomers, replies, decisions and appeals."""
    now = timezone.now()
    months = _last_months(now)
    start = _month_start(months[0])
    recent_start = now - timedelta(days=RECENT_DAYS)
    activity = _activity(community=community, start=start, recent_start=recent_start)
    newcomers = _newcomers(community=community, start=start)
    replies = _replies(community=community, start=start)
    decisions = _decisions(community=community, start=start, recent_start=recent_start)
    appeals = _appeals(community=community, start=start, recent_start=recent_start)

    recent_newcomers = [row for row in newcomers if row.joined_at >= recent_start]
    recent_replies = [row for row in replies if row.published_at >= recent_start]
    summary = Summary(
        active_members=len(activity.recent),
        contributions=sum(activity.recent.values()),
        concentration=_percent_text(_top_share(activity.recent.values())),
        newcomers=len(recent_newcomers),
        newcomers_returned=sum(row.came_back for row in recent_newcomers),
        median_first_reply=_duration_text(_median_delay(recent_replies)),
        posts=len(recent_replies),
        no_reply_share=_percent_text(_no_reply_share(recent_replies)),
        decisions=sum(decisions.recent.values()),
        appeals_upheld=appeals.recent[Appeal.Outcome.UPHELD],
        appeals_reversed=appeals.recent[Appeal.Outcome.REVERSED],
    )
    return CommunityHealth(
        first_month=months[0],
        last_month=months[-1],
        has_activity=bool(activity.by_month),
        summary=summary,
        active_members=_active_members_chart(months, activity.by_month),
        concentration=_concentration_chart(months, activity.by_month),
        retention=_retention_chart(months, newcomers),
        first_reply=_first_reply_chart(months, replies),
        no_reply=_no_reply_chart(months, replies),
        decisions=_decisions_chart(months, decisions.by_month),
        appeals=_appeals_chart(months, appeals.by_month),
    )


# Months -------------------------------------------------------------------


def _last_months(now: datetime) -> list[date]:
    """The first day of the current month and of the 11 before, oldest first,
    in the current time zone."""
    local = timezone.localtime(now)
    year, month = local.year, local.month
    months = []
    for _index in range(MONTHS):
        months.append(date(year, month, 1))
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return months[::-1]


def _month_start(month: date) -> datetime:
    return timezone.make_aware(datetime(month.year, month.month, 1))


def _month_of(moment: datetime) -> date:
    local = timezone.localtime(moment)
    return date(local.year, local.month, 1)


# Queries ------------------------------------------------------------------


def _counted_posts(community: Community) -> QuerySet[Post]:
    """Billets that count: not deleted by their author, not removed by the
    moderators (removed spam would otherwise look like activity)."""
    return Post.objects.filter(community=community, deleted_at__isnull=True).exclude(
        moderation_state=ModerationState.REMOVED
    )


def _counted_comments(community: Community) -> QuerySet[Comment]:
    return Comment.objects.filter(
        post__community=community, deleted_at__isnull=True
    ).exclude(moderation_state=ModerationState.REMOVED)


@dataclass
class _Activity:
    by_month: dict[date, Counter]  # month -> contributions per author id
    recent: Counter  # contributions per author id over the last 30 days


def _activity(
    *, community: Community, start: datetime, recent_start: datetime
) -> _Activity:
    """Contributions (billets and comments) per author and month: one grouped
    query per kind. Rows grow with active members, not with contributions."""
    activity = _Activity(by_month=defaultdict(Counter), recent=Counter())
    for items, moment in (
        (_counted_posts(community), "published_at"),
        (_counted_comments(community), "created_at"),
    ):
        grouped = (
            items.filter(**{f"{moment}__gte": start})
            .annotate(month=TruncMonth(moment))
            .values("month", "author_id")
            .annotate(
                count=Count("pk"),
                recent=Count("pk", filter=Q(**{f"{moment}__gte": recent_start})),
            )
            .order_by()
        )
        for row in grouped:
            activity.by_month[_month_of(row["month"])][row["author_id"]] += row["count"]
            if row["recent"]:
                activity.recent[row["author_id"]] += row["recent"]
    return activity


@dataclass(frozen=True)
class _Newcomer:
    joined_at: datetime
    came_back: bool


def _newcomers(*, community: Community, start: datetime) -> list[_Newcomer]:
    """Members who joined since `start`, each with whether a second contribution
    followed their first within RETURN_DAYS. One
    query: the two earliest billets and two earliest comments of each newcomer
    come as subqueries, and the two earliest of those four are the member's
    first two contributions."""

    def earliest(items: QuerySet, moment: str) -> tuple[Subquery, Subquery]:
        ordered = (
            items.filter(author=OuterRef("member_id")).order_by(moment).values(moment)
        )
        return Subquery(ordered[:1]), Subquery(ordered[1:2])

    post_1, post_2 = earliest(_counted_posts(community), "published_at")
    comment_1, comment_2 = earliest(_counted_comments(community), "created_at")
    rows = (
        Membership.objects.filter(community=community, created_at__gte=start)
        .annotate(
            post_1=post_1, post_2=post_2, comment_1=comment_1, comment_2=comment_2
        )
        .values_list("created_at", "post_1", "post_2", "comment_1", "comment_2")
    )
    newcomers = []
    for joined_at, *moments in rows:
        first_two = sorted(moment for moment in moments if moment is not None)[:2]
        newcomers.append(
            _Newcomer(
                joined_at=joined_at,
                came_back=len(first_two) == 2
                and first_two[1] - first_two[0] <= timedelta(days=RETURN_DAYS),
            )
        )
    return newcomers


@dataclass(frozen=True)
class _Replied:
    published_at: datetime
    first_reply_at: datetime | None

    @property
    def delay(self) -> timedelta | None:
        if self.first_reply_at is None:
            return None
        # Imported content may carry a reply dated before its billet.
        return max(self.first_reply_at - self.published_at, timedelta())


def _replies(*, community: Community, start: datetime) -> list[_Replied]:
    """(published_at, first reply) of the billets published since `start`, in
    one query. A reply is a comment by someone other than the billet's author."""
    first_reply = (
        Comment.objects.filter(post=OuterRef("pk"), deleted_at__isnull=True)
        .exclude(moderation_state=ModerationState.REMOVED)
        .filter(~Q(author=OuterRef("author")))
        .order_by("created_at")
        .values("created_at")[:1]
    )
    rows = (
        _counted_posts(community)
        .filter(published_at__gte=start)
        .annotate(first_reply_at=Subquery(first_reply))
        .values_list("published_at", "first_reply_at")
    )
    return [_Replied(published_at, replied_at) for published_at, replied_at in rows]


@dataclass
class _Grouped:
    by_month: dict[date, Counter]  # month -> count per key (action or outcome)
    recent: Counter


def _grouped_by_month(
    rows: QuerySet, *, moment: str, key: str, recent_start: datetime
) -> _Grouped:
    grouped = _Grouped(by_month=defaultdict(Counter), recent=Counter())
    counted = (
        rows.annotate(month=TruncMonth(moment))
        .values("month", key)
        .annotate(
            count=Count("pk"),
            recent=Count("pk", filter=Q(**{f"{moment}__gte": recent_start})),
        )
        .order_by()
    )
    for row in counted:
        grouped.by_month[_month_of(row["month"])][row[key]] += row["count"]
        grouped.recent[row[key]] += row["recent"]
    return grouped


def _decisions(
    *, community: Community, start: datetime, recent_start: datetime
) -> _Grouped:
    return _grouped_by_month(
        ModerationDecision.objects.filter(community=community, created_at__gte=start),
        moment="created_at",
        key="action",
        recent_start=recent_start,
    )


def _appeals(
    *, community: Community, start: datetime, recent_start: datetime
) -> _Grouped:
    return _grouped_by_month(
        Appeal.objects.filter(
            decision__community=community,
            status=Appeal.Status.DECIDED,
            decided_at__gte=start,
        ),
        moment="decided_at",
        key="outcome",
        recent_start=recent_start,
    )


# Figures ------------------------------------------------------------------


def _top_share(counts: Iterable[int]) -> float | None:
    """Share of the contributions made by the top 10% of contributors (at
    least one contributor), or None without contributions."""
    ordered = sorted(counts, reverse=True)
    total = sum(ordered)
    if not total:
        return None
    top = math.ceil(len(ordered) * TOP_SHARE)
    return sum(ordered[:top]) / total


def _median_delay(replies: Iterable[_Replied]) -> timedelta | None:
    """Median time to the first reply of the billets that got one. Billets
    without a reply are the other chart (share with no reply)."""
    delays = [row.delay for row in replies if row.delay is not None]
    if not delays:
        return None
    return timedelta(
        seconds=statistics.median(delay.total_seconds() for delay in delays)
    )


def _no_reply_share(replies: list[_Replied]) -> float | None:
    if not replies:
        return None
    return sum(row.first_reply_at is None for row in replies) / len(replies)


def _width(value: float | None, maximum: float | None) -> int:
    """The bar class for `value` on a scale where `maximum` fills the bar;
    anything above zero shows at least one step."""
    if not value or not maximum:
        return 0
    steps = 100 // BAR_STEP
    return max(BAR_STEP, min(100, BAR_STEP * round(steps * value / maximum)))


def _percent_text(share: float | None) -> str:
    if share is None:
        return "—"
    return _("%(percent)s%%") % {"percent": round(share * 100)}


def _duration_text(delay: timedelta | None) -> str:
    if delay is None:
        return "—"
    minutes = round(delay.total_seconds() / 60)
    if minutes < 1:
        return _("under a minute")
    if minutes < 60:
        return _("%(minutes)s min") % {"minutes": minutes}
    hours, minutes = divmod(minutes, 60)
    if hours < 48:
        return _("%(hours)s h %(minutes)s min") % {"hours": hours, "minutes": minutes}
    days, hours = divmod(hours, 24)
    return _("%(days)s d %(hours)s h") % {"days": days, "hours": hours}


# Charts -------------------------------------------------------------------


def _active_members_chart(months: list[date], by_month: dict[date, Counter]) -> Chart:
    most = max((len(by_month.get(month, ())) for month in months), default=0)
    rows = []
    for month in months:
        authors = by_month.get(month, Counter())
        contributions = sum(authors.values())
        rows.append(
            Row(
                month=month,
                text=str(len(authors)),
                width=_width(len(authors), most),
                detail=ngettext(
                    "%(count)s contribution", "%(count)s contributions", contributions
                )
                % {"count": contributions}
                if contributions
                else "",
            )
        )
    return Chart(rows=rows, has_data=most > 0)


def _concentration_chart(months: list[date], by_month: dict[date, Counter]) -> Chart:
    rows = []
    for month in months:
        authors = by_month.get(month, Counter())
        share = _top_share(authors.values())
        top = math.ceil(len(authors) * TOP_SHARE)
        rows.append(
            Row(
                month=month,
                text=_percent_text(share),
                width=_width(share, 1),
                detail=ngettext(
                    "%(top)s of %(count)s contributor",
                    "%(top)s of %(count)s contributors",
                    len(authors),
                )
                % {"top": top, "count": len(authors)}
                if authors
                else "",
            )
        )
    return Chart(rows=rows, has_data=any(by_month.values()))


def _retention_chart(months: list[date], newcomers: list[_Newcomer]) -> Chart:
    joined: Counter = Counter()
    returned: Counter = Counter()
    for newcomer in newcomers:
        month = _month_of(newcomer.joined_at)
        joined[month] += 1
        returned[month] += newcomer.came_back
    rows = [
        Row(
            month=month,
            text=_percent_text(returned[month] / joined[month])
            if joined[month]
            else "—",
            width=_width(returned[month], joined[month]),
            detail=ngettext(
                "%(returned)s of %(joined)s newcomer",
                "%(returned)s of %(joined)s newcomers",
                joined[month],
            )
            % {"returned": returned[month], "joined": joined[month]}
            if joined[month]
            else "",
        )
        for month in months
    ]
    return Chart(rows=rows, has_data=bool(newcomers))


def _by_publication_month(
    months: list[date], replies: list[_Replied]
) -> dict[date, list[_Replied]]:
    grouped: dict[date, list[_Replied]] = {month: [] for month in months}
    for row in replies:
        grouped.setdefault(_month_of(row.published_at), []).append(row)
    return grouped


def _first_reply_chart(months: list[date], replies: list[_Replied]) -> Chart:
    grouped = _by_publication_month(months, replies)
    medians = {month: _median_delay(grouped[month]) for month in months}
    slowest = max(
        (delay.total_seconds() for delay in medians.values() if delay is not None),
        default=0,
    )
    rows = []
    for month in months:
        delay = medians[month]
        replied = sum(row.first_reply_at is not None for row in grouped[month])
        rows.append(
            Row(
                month=month,
                text=_duration_text(delay),
                width=_width(delay.total_seconds() if delay else 0, slowest),
                detail=ngettext(
                    "%(count)s post answered", "%(count)s posts answered", replied
                )
                % {"count": replied}
                if replied
                else "",
            )
        )
    return Chart(rows=rows, has_data=any(medians.values()))


def _no_reply_chart(months: list[date], replies: list[_Replied]) -> Chart:
    grouped = _by_publication_month(months, replies)
    rows = []
    for month in months:
        posts = grouped[month]
        unanswered = sum(row.first_reply_at is None for row in posts)
        share = _no_reply_share(posts)
        rows.append(
            Row(
                month=month,
                text=_percent_text(share),
                width=_width(share, 1),
                detail=ngettext(
                    "%(unanswered)s of %(count)s post",
                    "%(unanswered)s of %(count)s posts",
                    len(posts),
                )
                % {"unanswered": unanswered, "count": len(posts)}
                if posts
                else "",
            )
        )
    return Chart(rows=rows, has_data=bool(replies))


def _decisions_chart(months: list[date], by_month: dict[date, Counter]) -> Chart:
    most = max(sum(by_month.get(month, Counter()).values()) for month in months)
    rows = []
    for month in months:
        actions = by_month.get(month, Counter())
        total = sum(actions.values())
        rows.append(
            Row(
                month=month,
                text=str(total),
                width=_width(total, most),
                parts=tuple(
                    (str(LogAction(action).label), count)
                    for action, count in sorted(actions.items(), key=_most_first)
                ),
            )
        )
    return Chart(rows=rows, has_data=most > 0)


def _appeals_chart(months: list[date], by_month: dict[date, Counter]) -> Chart:
    most = max(sum(by_month.get(month, Counter()).values()) for month in months)
    rows = []
    for month in months:
        outcomes = by_month.get(month, Counter())
        total = sum(outcomes.values())
        rows.append(
            Row(
                month=month,
                text=str(total),
                width=_width(total, most),
                parts=tuple(
                    (str(outcome.label), outcomes[outcome])
                    for outcome in Appeal.Outcome
                    if outcomes[outcome]
                ),
            )
        )
    return Chart(rows=rows, has_data=most > 0)


def _most_first(item: tuple[str, int]) -> tuple[int, str]:
    action, count = item
    return -count, action
