"""Reads of standing: who could answer, why a member has their standing, hidden
experts, suspicious clusters (moderators only).

Every function runs a bounded number of queries whatever the community's size:
the background recomputation (services.recompute_community) stores what they
read. docs/recognition.md explains the method.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from causerie.standing.models import ContributionProfile, Standing, SuspiciousCluster

# A member needs at least this many recognisers in a domain to be cited for it.
EXPLAINED_MIN_RECOGNISERS = 1
EXPLAINED_DOMAINS = 6
# Who could answer: candidates read by domain standing before the text check.
CANDIDATES = 60
TEXTS_PER_CANDIDATE = 12

CLUSTER_REASONS = {
    "mutual": _("they recognise mostly one another"),
    "created_together": _("their accounts were created close together"),
    "new_recognisers": _("they are recognised mostly by new accounts"),
}


@dataclass(frozen=True)
class DomainExplanation:
    """Why a member has their standing in one domain (tag None: the whole
    community), for the sentence "recognised in brewing by 9 members, 4 of
    whom are recognised themselves in this domain"."""

    tag: str | None
    tag_slug: str | None
    recognisers: int
    recognised_recognisers: int
    recognitions: int
    contributions: int
    profile: str  # ContributionProfile.Kind value, the community-wide profile


@dataclass(frozen=True)
class Cluster:
    """A group of members whose recognition of one another is damped, with why."""

    members: list
    reasons: list[str]
    internal_share: float
    detected_at: object


def profile_of(*, member, community) -> str:
    """The member's contribution profile kind in the community ("new" when
    nothing was computed yet)."""
    kind = (
        ContributionProfile.objects.filter(community=community, member=member)
        .values_list("kind", flat=True)
        .first()
    )
    return kind or ContributionProfile.Kind.NEWCOMER


def profiles_for(*, community, member_ids) -> dict[int, str]:
    """Profile kind per member id, in one query (thread pages show it next to
    names). Members without a computed profile are absent: show nothing."""
    return dict(
        ContributionProfile.objects.filter(
            community=community, member_id__in=list(member_ids)
        ).values_list("member_id", "kind")
    )


def loud_little_recognised(*, community, member_ids) -> set[int]:
    """For moderators only (review queue): the given members flagged "loud,
    little recognised". An aid, never a sanction."""
    return set(
        ContributionProfile.objects.filter(
            community=community,
            member_id__in=list(member_ids),
            loud_little_recognised=True,
        ).values_list("member_id", flat=True)
    )


def explanation(*, member, community) -> list[DomainExplanation]:
    """Per-domain reasons for the member's standing: the community-wide entry
    first (tag None), then the domains where they are recognised, strongest
    first. Empty when nobody recognised them yet. Two queries."""
    profile = profile_of(member=member, community=community)
    rows = (
        Standing.objects.filter(
            community=community,
            member=member,
            recognisers__gte=EXPLAINED_MIN_RECOGNISERS,
        )
        .select_related("tag")
        .order_by("tag_id", "-score")
    )
    overall = []
    domains = []
    for row in rows:
        entry = DomainExplanation(
            tag=row.tag.name if row.tag_id else None,
            tag_slug=row.tag.slug if row.tag_id else None,
            recognisers=row.recognisers,
            recognised_recognisers=row.recognised_recognisers,
            recognitions=row.recognitions,
            contributions=row.contributions,
            profile=profile,
        )
        (domains if row.tag_id else overall).append((row.score, entry))
    domains.sort(key=lambda pair: -pair[0])
    return [entry for _score, entry in overall] + [
        entry for _score, entry in domains[:EXPLAINED_DOMAINS]
    ]


def hidden_experts(*, community, tag=None, limit: int = 20) -> list[tuple]:
    """Members with few contributions and high recognition per contribution
    (the "discreet experts"), best first, as (User, Standing) pairs for the
    community (tag None) or one of its domains. One query."""
    from causerie.standing.services import HIDDEN_MAX_CONTRIBUTIONS

    rows = (
        Standing.objects.filter(
            community=community,
            contributions__gte=1,
            contributions__lte=HIDDEN_MAX_CONTRIBUTIONS,
            recognisers__gte=2,
            per_contribution__gt=0,
        )
        .filter(Q(tag__isnull=True) if tag is None else Q(tag=tag))
        .select_related("member")
        .order_by("-per_contribution", "-score", "member_id")[:limit]
    )
    return [(row.member, row) for row in rows]


def top_standing(*, community, tag=None, limit: int = 20) -> list[tuple]:
    """Members with the highest standing, as (User, Standing) pairs."""
    rows = (
        Standing.objects.filter(community=community, score__gt=0)
        .filter(Q(tag__isnull=True) if tag is None else Q(tag=tag))
        .select_related("member")
        .order_by("-score", "member_id")[:limit]
    )
    return [(row.member, row) for row in rows]


def suspicious_clusters(*, community) -> list[Cluster]:
    """For moderators: groups whose recognition of one another was damped at the
    last recomputation, and why (translated reasons). Two queries."""
    from causerie.accounts.models import User

    clusters = list(
        SuspiciousCluster.objects.filter(community=community).order_by(
            "-internal_share", "pk"
        )[:50]
    )
    ids = {member_id for cluster in clusters for member_id in cluster.member_ids}
    users = User.objects.in_bulk(ids) if ids else {}
    return [
        Cluster(
            members=[users[i] for i in cluster.member_ids if i in users],
            reasons=[str(CLUSTER_REASONS.get(code, code)) for code in cluster.reasons],
            internal_share=cluster.internal_share,
            detected_at=cluster.updated_at,
        )
        for cluster in clusters
    ]


_WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)


def words(text: str) -> list[str]:
    return [word.lower() for word in _WORD.findall(text or "")]


def who_could_answer(*, post, limit: int = 5, now=None) -> list:
    """Up to `limit` members likely to know the answer to the billet, best
    first, its author excluded. The method evaluated in docs/recognition.md:
    recognition received in the billet's tags and in the community (relative
    standing mass), plus recognition received recently, times how close the
    billet's text is to their recognised contributions and how recently they
    were recognised. Five queries whatever the community's size."""
    from causerie.accounts.models import User
    from causerie.publishing.models import Comment
    from causerie.recognition.models import Recognition
    from causerie.standing.evaluation import RECENT_DAYS, Routing
    from causerie.standing.models import StandingState

    routing = Routing()
    now = now or timezone.now()
    state = StandingState.objects.filter(community_id=post.community_id).first()
    scales = state.scales if state else {}
    tag_ids = [tag.pk for tag in post.tags.all()]
    rows = Standing.objects.filter(community_id=post.community_id, mass__gt=0)
    if tag_ids:
        rows = rows.filter(Q(tag_id__in=tag_ids) | Q(tag__isnull=True))
    else:
        rows = rows.filter(tag__isnull=True)
    value: Counter = Counter()
    for member_id, tag_id, mass in (
        rows.exclude(member_id=post.author_id)
        .exclude(recognitions=0)
        .order_by("-score", "member_id")
        .values_list("member_id", "tag_id", "mass")[: CANDIDATES * (1 + len(tag_ids))]
    ):
        scale = (scales.get(str(tag_id or 0)) or [1.0, 1.0, 1.0])[-1] or 1.0
        weight = routing.community_weight if tag_id is None else 1.0
        value[member_id] += weight * mass / scale
    candidates = sorted(value, key=lambda m: (-value[m], m))[:CANDIDATES]
    if not candidates:
        return []
    since = now - timedelta(days=2 * RECENT_DAYS)
    recent: Counter = Counter()
    last_seen: dict[int, object] = {}
    comment_authors: dict[int, int] = {}
    for author_id, given_at, comment_id in (
        Recognition.objects.filter(
            community_id=post.community_id,
            author_id__in=candidates,
            given_at__gte=since,
        )
        .exclude(post_id=post.pk)
        .order_by("-given_at", "pk")
        .values_list("author_id", "given_at", "comment_id")[
            : CANDIDATES * TEXTS_PER_CANDIDATE
        ]
    ):
        age_days = max((now - given_at).total_seconds() / 86400, 0.0)
        recent[author_id] += math.exp(-age_days / RECENT_DAYS)
        last_seen[author_id] = max(last_seen.get(author_id, given_at), given_at)
        if comment_id:
            comment_authors[comment_id] = author_id
    top_recent = max(recent.values(), default=0.0)
    texts: dict[int, Counter] = {}
    for comment_id, body in Comment.objects.filter(
        pk__in=list(comment_authors)
    ).values_list("pk", "body"):
        texts.setdefault(comment_authors[comment_id], Counter()).update(words(body))
    question = Counter(words(f"{post.title} {post.body}"))
    scores = {}
    for member_id in candidates:
        base = value[member_id]
        if top_recent:
            base += (
                routing.recent_weight
                * routing.community_weight
                * recent[member_id]
                / top_recent
            )
        similarity = _cosine(question, texts.get(member_id))
        seen = last_seen.get(member_id)
        idle = (now - seen).total_seconds() / 86400 if seen else 2 * RECENT_DAYS
        recency = 1.0 / (1.0 + max(idle, 0.0) / routing.recency_days)
        scores[member_id] = (
            base * (1.0 + routing.text_weight * similarity)
            + routing.text_bonus * similarity
        ) * recency
    best = sorted(candidates, key=lambda m: (-scores[m], m))[: limit * 2]
    users = User.objects.in_bulk(best)
    return [users[m] for m in best if m in users and users[m].is_active][:limit]


def _cosine(left: Counter, right: Counter | None) -> float:
    if not left or not right:
        return 0.0
    dot = sum(count * right.get(word, 0) for word, count in left.items())
    if not dot:
        return 0.0
    norm = math.sqrt(sum(v * v for v in left.values())) * math.sqrt(
        sum(v * v for v in right.values())
    )
    return dot / norm
