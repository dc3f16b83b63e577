"""Reads of moderation: the queue, the public log, sanctions, flag accuracy."""

from datetime import timedelta

from django.core.paginator import Page, Paginator
from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from causerie.moderation.exceptions import ItemNotFound
from causerie.moderation.models import (
    Appeal,
    Flag,
    FlaggedItem,
    ModerationDecision,
    ModerationLogEntry,
    Sanction,
)

ACCURACY_MIN_DECIDED = 5  # DESIGN, Defaults: accuracy counts once 5 flags are decided


def flag_accuracy(*, member) -> dict:
    """Share of the member's decided flags that were upheld, and the factor it
    gives their flags (0.5 to 1.5; 1.0 until 5 are decided)."""
    counts = Flag.objects.filter(flagger=member).aggregate(
        upheld=Count("pk", filter=Q(status=Flag.Status.UPHELD)),
        rejected=Count("pk", filter=Q(status=Flag.Status.REJECTED)),
        open=Count("pk", filter=Q(status=Flag.Status.OPEN)),
    )
    decided = counts["upheld"] + counts["rejected"]
    share = counts["upheld"] / decided if decided else None
    factor = 1.0 if decided < ACCURACY_MIN_DECIDED else 0.5 + share
    return {**counts, "decided": decided, "share": share, "factor": factor}


def flag_weight(*, member, threshold: int) -> float:
    """(1 + trust level) x accuracy factor, capped at threshold - 1 so that one
    member never hides an item alone."""
    weight = (1 + member.trust_level) * flag_accuracy(member=member)["factor"]
    return round(min(weight, max(threshold - 1, 0.5)), 2)


def flags_in_last_day(*, member) -> int:
    since = timezone.now() - timedelta(days=1)
    return Flag.objects.filter(flagger=member, created_at__gte=since).count()


def most_cited(*, flagged_item: FlaggedItem):
    """The rule (or reason) that weighs most among the item's open flags."""
    totals: dict = {}
    for flag in flagged_item.flags.filter(status=Flag.Status.OPEN).select_related(
        "rule"
    ):
        key = (flag.rule, "" if flag.rule else flag.reason)
        totals[key] = totals.get(key, 0) + flag.weight
    if not totals:
        return None, ""
    return max(totals.items(), key=lambda pair: pair[1])[0]


def review_queue(*, community) -> QuerySet[FlaggedItem]:
    """Items with open flags, heaviest first, then oldest, with what the queue shows."""
    return (
        FlaggedItem.objects.filter(community=community, status=FlaggedItem.Status.OPEN)
        .select_related(
            "author",
            "post__author",
            "comment__author",
            "comment__post",
            "comment__parent__author",
        )
        .prefetch_related(
            Prefetch(
                "flags",
                queryset=Flag.objects.filter(status=Flag.Status.OPEN)
                # "Quoted out of context": the quote and where its source is.
                .select_related(
                    "rule",
                    "quote__source_post__community",
                    "quote__source_comment",
                    "quote__source_author",
                )
                .order_by("-weight", "created_at"),
                to_attr="open_flags",
            )
        )
        .order_by("-open_weight", "first_flagged_at")
    )


def review_page(*, community, page: int | str = 1, per_page: int = 20) -> Page:
    page_object = Paginator(review_queue(community=community), per_page).get_page(page)
    authors = {item.author_id for item in page_object}
    history = previous_decisions(community=community, member_ids=authors)
    # Beside each author: their self-promotion share here (docs/transparency.md).
    from causerie.transparency.selectors import community_shares

    shares = community_shares(community=community, member_ids=authors)
    for item in page_object:
        item.author_history = history.get(item.author_id, [])
        item.author_share = shares.get(item.author_id)
    return page_object


def previous_decisions(*, community, member_ids: set[int], limit: int = 5) -> dict:
    """The last decisions about each member in this community (one query)."""
    if not member_ids:
        return {}
    decisions = (
        ModerationDecision.objects.filter(community=community, member_id__in=member_ids)
        .select_related("rule", "moderator")
        .order_by("-created_at")
    )
    grouped: dict[int, list] = {}
    for decision in decisions:
        entries = grouped.setdefault(decision.member_id, [])
        if len(entries) < limit:
            entries.append(decision)
    return grouped


def flagged_item_in(*, community, flagged_item_id: int) -> FlaggedItem:
    item = review_queue(community=community).filter(pk=flagged_item_id).first()
    if item is None:
        item = FlaggedItem.objects.filter(
            community=community, pk=flagged_item_id
        ).first()
    if item is None:
        raise ItemNotFound()
    return item


def public_log(
    *,
    community,
    action: str = "",
    moderator: str = "",
    rule_number: int | None = None,
    post_id: int | None = None,
    page: int | str = 1,
    per_page: int = 30,
) -> Page:
    """The public log, newest first, filtered by action, moderator or rule."""
    entries = ModerationLogEntry.objects.filter(community=community)
    if action:
        entries = entries.filter(action=action)
    if moderator:
        entries = entries.filter(actor__handle=moderator)
    if rule_number:
        entries = entries.filter(rule__number=rule_number)
    if post_id:
        entries = entries.filter(post_id=post_id)
    entries = entries.select_related(
        "actor",
        "rule__version",
        "post",
        "comment",
        "member",
        "guide_version",
        "decision",
        "hat",
    ).order_by("-created_at", "-pk")
    return Paginator(entries, per_page).get_page(page)


def site_log(*, action: str = "", page: int | str = 1, per_page: int = 30) -> Page:
    """The site's public log: acts without a community (site-wide hats),
    newest first."""
    entries = ModerationLogEntry.objects.filter(community__isnull=True)
    if action:
        entries = entries.filter(action=action)
    entries = entries.select_related("actor", "member", "hat").order_by(
        "-created_at", "-pk"
    )
    return Paginator(entries, per_page).get_page(page)


def log_entries_for_post(*, post) -> int:
    return ModerationLogEntry.objects.filter(post=post).count()


def active_sanction(*, member, community, ban_only: bool = False) -> Sanction | None:
    if not member.is_authenticated:
        return None
    now = timezone.now()
    sanctions = Sanction.objects.filter(
        community=community, member=member, lifted_at__isnull=True
    ).filter(Q(kind=Sanction.Kind.BAN) | Q(until__gt=now))
    if ban_only:
        sanctions = sanctions.filter(kind=Sanction.Kind.BAN)
    return sanctions.select_related("decision__rule", "decision__moderator").first()


def member_record(*, member, community) -> dict:
    """What a member sees about themselves: decisions about them, sanctions,
    their appeals and the accuracy of their flags."""
    decisions = list(
        ModerationDecision.objects.filter(community=community, member=member)
        .select_related("rule__version", "moderator", "post", "comment__post")
        .prefetch_related(Prefetch("appeal"))
        .order_by("-created_at")[:50]
    )
    return {
        "decisions": decisions,
        "sanction": active_sanction(member=member, community=community),
        "accuracy": flag_accuracy(member=member),
    }


def decision_in(*, community, decision_id: int) -> ModerationDecision:
    decision = (
        ModerationDecision.objects.filter(community=community, pk=decision_id)
        .select_related(
            "rule__version", "moderator", "member", "post", "comment__post",
            "appeal__reviewer",
        )
        .first()
    )  # fmt: skip
    if decision is None:
        raise ItemNotFound()
    return decision


def _appeals_to_review(*, community, viewer) -> QuerySet[Appeal]:
    return (
        Appeal.objects.filter(decision__community=community)
        .exclude(status=Appeal.Status.DECIDED)
        .exclude(decision__moderator=viewer)
        .select_related(
            "appellant", "decision__moderator", "decision__rule__version",
            "decision__post", "decision__comment__post",
        )
        .order_by("created_at", "pk")
    )  # fmt: skip


def appeals_to_review(*, community, viewer) -> list[Appeal]:
    """Open appeals this viewer may review (not about their own decisions)."""
    return list(_appeals_to_review(community=community, viewer=viewer))


def appeals_to_review_page(
    *, community, viewer, page: int | str = 1, per_page: int = 30
) -> Page:
    appeals = _appeals_to_review(community=community, viewer=viewer)
    return Paginator(appeals, per_page).get_page(page)


def _escalated_appeals() -> QuerySet[Appeal]:
    return (
        Appeal.objects.filter(status=Appeal.Status.ESCALATED)
        .select_related(
            "appellant", "decision__community", "decision__moderator",
            "decision__rule__version", "decision__post", "decision__comment__post",
        )
        .order_by("escalated_at", "pk")
    )  # fmt: skip


def escalated_appeals() -> list[Appeal]:
    return list(_escalated_appeals())


def escalated_appeals_page(*, page: int | str = 1, per_page: int = 30) -> Page:
    return Paginator(_escalated_appeals(), per_page).get_page(page)


def appeal_in(*, appeal_id: int) -> Appeal:
    appeal = (
        Appeal.objects.filter(pk=appeal_id)
        .select_related(
            "appellant", "reviewer", "decision__community", "decision__moderator",
            "decision__rule__version", "decision__post", "decision__comment__post",
        )
        .first()
    )  # fmt: skip
    if appeal is None:
        raise ItemNotFound()
    return appeal


def log_moderator_handles(*, community) -> list[str]:
    """Handles of everyone who appears as the actor of a log entry, for the
    log's moderator filter (former moderators included)."""
    return list(
        ModerationLogEntry.objects.filter(community=community)
        .order_by("actor__handle")
        .values_list("actor__handle", flat=True)
        .distinct()
    )


def recent_log_entries(*, community, limit: int = 50) -> list[ModerationLogEntry]:
    """The newest entries of the public log, for its Atom feed."""
    return list(public_log(community=community, per_page=limit).object_list)


# What the flag, queue and decision pages cite and count.


def citable_rules(*, community) -> list:
    """The rules of the community's current guide, in order: what a new flag or
    decision may cite."""
    from causerie.governance.models import GuideRule

    return list(
        GuideRule.objects.filter(
            version__community=community,
            version__number=community.guide_version_number,
        ).order_by("number")
    )


def open_item_count(*, community) -> int:
    """How many items wait in the community's review queue."""
    return FlaggedItem.objects.filter(
        community=community, status=FlaggedItem.Status.OPEN
    ).count()


def open_flag_causes(
    *, post_ids: list[int], comment_ids: list[int]
) -> dict[tuple[str, int], list[tuple[int | None, str, str]]]:
    """The distinct causes of the open flags on these items, heaviest first, as
    (rule number, rule title, reason): what their author may see. Never who
    flagged, never the notes (they could say who). One query."""
    flags = (
        Flag.objects.filter(status=Flag.Status.OPEN)
        .filter(Q(post_id__in=post_ids) | Q(comment_id__in=comment_ids))
        .order_by("-weight", "pk")
        .values_list("post_id", "comment_id", "rule__number", "rule__title", "reason")
    )
    causes: dict[tuple[str, int], list[tuple[int | None, str, str]]] = {}
    for post_id, comment_id, number, title, reason in flags:
        key = ("comment", comment_id) if comment_id else ("post", post_id)
        cause = (number, title or "", "" if number else reason)
        listed = causes.setdefault(key, [])
        if cause not in listed:
            listed.append(cause)
    return causes
