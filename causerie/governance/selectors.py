"""Reads on mandates and on the participation guide: its versions, their rules,
their policy, and the differences between two versions."""

from collections import Counter
from dataclasses import dataclass
from datetime import timedelta
from math import ceil

from django.core.paginator import Page, Paginator
from django.db.models import Count, Exists, OuterRef, Prefetch, QuerySet
from django.utils import timezone

from causerie.communities.policy import POLICY_FIELDS, CommunityPolicy
from causerie.governance.exceptions import (
    AmendmentNotFound,
    GuideVersionNotFound,
    RecallNotFound,
)
from causerie.governance.guide_text import compose_guide_text, parse_guide_text
from causerie.governance.models import (
    Amendment,
    AmendmentRevision,
    Ballot,
    GuideRule,
    GuideVersion,
    Mandate,
    Participation,
    Recall,
    RecallSignature,
    Vote,
)


@dataclass(frozen=True)
class PolicyRow:
    key: str
    label: str
    value: object
    is_editable: bool


@dataclass(frozen=True)
class PolicyChange:
    key: str
    label: str
    before: object
    after: object


def current_mandates(*, community) -> QuerySet[Mandate]:
    return (
        Mandate.objects.filter(community=community, ended_at__isnull=True)
        .select_related("holder")
        .order_by("started_at")
    )


def moderated_community_ids(*, member) -> set[int]:
    if not member.is_authenticated:
        return set()
    return set(
        Mandate.objects.filter(holder=member, ended_at__isnull=True).values_list(
            "community_id", flat=True
        )
    )


def _versions_with_rules(*, community) -> QuerySet[GuideVersion]:
    return (
        GuideVersion.objects.filter(community=community)
        .select_related("published_by")
        .prefetch_related(
            Prefetch("rules", queryset=GuideRule.objects.order_by("number"))
        )
    )


def guide_version(*, community, number: int) -> GuideVersion:
    """One version with its publisher and its rules in order (two queries).
    Raises GuideVersionNotFound."""
    version = _versions_with_rules(community=community).filter(number=number).first()
    if version is None:
        raise GuideVersionNotFound()
    return version


def current_guide(*, community) -> GuideVersion:
    """The version members accept today."""
    return guide_version(community=community, number=community.guide_version_number)


def guide_versions(*, community, page: int | str = 1, per_page: int = 50) -> Page:
    """Every version, newest first, with its publisher and its number of rules."""
    versions = (
        GuideVersion.objects.filter(community=community)
        .select_related("published_by")
        .annotate(rule_count=Count("rules"))
        .order_by("-number")
    )
    return Paginator(versions, per_page).get_page(page)


def guide_text(*, version: GuideVersion) -> str:
    """The version as the one Markdown text it was written as (rules prefetched)."""
    return compose_guide_text(
        version.introduction, [(rule.title, rule.body) for rule in version.rules.all()]
    )


def policy_label(key: str) -> str:
    if key in POLICY_FIELDS:
        return str(POLICY_FIELDS[key].label)
    return key


def policy_rows(*, version: GuideVersion) -> list[PolicyRow]:
    """Every policy value of a version, defaults filled in, in the order of
    POLICY_FIELDS. Every key changes only by amendment."""
    values = CommunityPolicy.from_json(version.policy).to_json()
    editable = [key for key in POLICY_FIELDS if key in values]
    others = [key for key in values if key not in POLICY_FIELDS]
    return [
        PolicyRow(
            key=key,
            label=policy_label(key),
            value=display_policy_value(key, values[key]),
            is_editable=key in POLICY_FIELDS,
        )
        for key in editable + others
    ]


def policy_changes(*, before: GuideVersion, after: GuideVersion) -> list[PolicyChange]:
    return changed_policy(before=before.policy, after=after.policy)


def guide_comparison(*, community, before: int, after: int) -> dict:
    """Two versions, the line diff of their texts and the policy values that
    differ. Raises GuideVersionNotFound when either number does not exist."""
    from causerie.publishing.selectors import text_diff

    versions = {
        version.number: version
        for version in _versions_with_rules(community=community).filter(
            number__in={before, after}
        )
    }
    if before not in versions or after not in versions:
        raise GuideVersionNotFound()
    old, new = versions[before], versions[after]
    diff = text_diff(guide_text(version=old), guide_text(version=new))
    return {
        "before": old,
        "after": new,
        "diff": diff,
        "has_text_changes": any(kind != "same" for kind, _line in diff),
        "policy_changes": policy_changes(before=old, after=new),
    }


def accepted_guide_version(*, member, community) -> int | None:
    """The guide version a member accepted; None for visitors and non-members."""
    if not member.is_authenticated:
        return None
    from causerie.communities.selectors import membership_of

    membership = membership_of(member=member, community=community)
    return None if membership is None else membership.accepted_guide_version


def guide_status(*, viewer, community) -> dict:
    """What community pages need to ask a member to accept a new version."""
    accepted = accepted_guide_version(member=viewer, community=community)
    return {
        "accepted_guide_version": accepted,
        "guide_needs_acceptance": accepted is not None
        and accepted < community.guide_version_number,
    }


def holds_founding_mandate(*, member, community) -> bool:
    """Founding moderators may co-opt others until the first election."""
    if not member.is_authenticated:
        return False
    return Mandate.objects.filter(
        community=community,
        holder=member,
        kind=Mandate.Kind.FOUNDING,
        ended_at__isnull=True,
    ).exists()


# Votes ----------------------------------------------------------------------

# DESIGN, Defaults: an active member visited or posted in the last 90 days.
ACTIVE_DAYS = 90


def active_member_count(*, community, now=None) -> int:
    """Members of the community who visited the site or contributed to the
    community in the last 90 days (one query)."""
    from causerie.accounts.models import VisitDay
    from causerie.communities.models import Membership
    from causerie.publishing.models import Comment, Post

    now = now or timezone.now()
    since = now - timedelta(days=ACTIVE_DAYS)
    member = OuterRef("member_id")
    return (
        Membership.objects.filter(community=community, member__is_active=True)
        .filter(
            Exists(
                VisitDay.objects.filter(
                    member=member, day__gte=timezone.localdate(since)
                )
            )
            | Exists(
                Post.objects.filter(
                    author=member, community=community, published_at__gte=since
                )
            )
            | Exists(
                Comment.objects.filter(
                    author=member, post__community=community, created_at__gte=since
                )
            )
        )
        .count()
    )


def eligible_voters(*, community, opened_at) -> QuerySet:
    """Memberships whose member may vote in a vote opened at `opened_at`
    (permissions.can_vote, as a query)."""
    from causerie.communities.models import Membership
    from causerie.governance.permissions import VOTER_TRUST_LEVEL

    return Membership.objects.filter(
        community=community,
        created_at__lt=opened_at,
        member__date_joined__lt=opened_at,
        member__is_active=True,
        member__trust_level__gte=VOTER_TRUST_LEVEL,
    )


def eligible_voter_count(*, community, opened_at) -> int:
    return eligible_voters(community=community, opened_at=opened_at).count()


def recount(*, vote: Vote) -> Counter:
    """The tally from the stored ballots (one query): what the close publishes,
    and what anyone can compare with the published figures."""
    tally = Counter({choice: 0 for choice in Ballot.Choice.values})
    for row in (
        Ballot.objects.filter(vote=vote)
        .values("choice")
        .annotate(count=Count("pk"))
        .order_by()
    ):
        tally[row["choice"]] = row["count"]
    return tally


def recount_matches(*, vote: Vote) -> bool:
    tally = recount(vote=vote)
    return (
        tally[Ballot.Choice.FOR] == vote.votes_for
        and tally[Ballot.Choice.AGAINST] == vote.votes_against
        and tally[Ballot.Choice.ABSTAIN] == vote.abstentions
    )


def voters(*, vote: Vote) -> list:
    """Who voted, by handle: public. Never in voting order, which could be
    matched with other traces."""
    return [
        participation.voter
        for participation in Participation.objects.filter(vote=vote)
        .select_related("voter")
        .order_by("voter__handle")
    ]


def has_voted(*, vote: Vote, member) -> bool:
    if not member.is_authenticated:
        return False
    return Participation.objects.filter(vote=vote, voter=member).exists()


def own_choice(*, vote: Vote, member) -> str | None:
    """The member's own ballot, shown only to them so that they can check or
    change it (the key is recomputed from their id)."""
    from causerie.governance.services.votes import voter_key

    if not member.is_authenticated:
        return None
    key = voter_key(vote_id=vote.pk, voter_id=member.pk)
    return (
        Ballot.objects.filter(vote=vote, voter_key=key)
        .values_list("choice", flat=True)
        .first()
    )


# Amendments -----------------------------------------------------------------


def amendment(*, community, number: int) -> Amendment:
    """One amendment with its proposer, vote, base and adopted versions.
    Raises AmendmentNotFound."""
    found = (
        Amendment.objects.filter(community=community, number=number)
        .select_related(
            "proposer", "vote", "base_version", "adopted_version", "discussion_post"
        )
        .first()
    )
    if found is None:
        raise AmendmentNotFound()
    found.community = community
    if found.discussion_post is not None:
        found.discussion_post.community = community
    return found


def amendments_by_phase(*, community, past_limit: int = 50) -> dict:
    """Amendments in discussion, under vote, and the latest past ones (one
    query)."""
    rows = list(
        Amendment.objects.filter(community=community)
        .select_related("proposer", "vote", "adopted_version")
        .order_by("-number")
    )
    phases = {"discussion": [], "voting": [], "past": []}
    for row in rows:
        row.community = community
        if row.status == Amendment.Status.DISCUSSION:
            phases["discussion"].append(row)
        elif row.status == Amendment.Status.VOTING:
            phases["voting"].append(row)
        elif len(phases["past"]) < past_limit:
            phases["past"].append(row)
    return phases


def open_amendment_count(*, community) -> int:
    return Amendment.objects.filter(
        community=community,
        status__in=[Amendment.Status.DISCUSSION, Amendment.Status.VOTING],
    ).count()


def amendment_revisions(*, amendment: Amendment) -> list[AmendmentRevision]:
    return list(
        AmendmentRevision.objects.filter(amendment=amendment)
        .select_related("base_version")
        .order_by("number")
    )


def amendment_comparison(
    *, base: GuideVersion, text: str, policy: dict, base_text: str | None = None
) -> dict:
    """The exact change a text and policy make to a guide version, in the
    shape templates/governance/_comparison.html reads. `base` needs its rules
    prefetched (guide_version does) unless `base_text` is given."""
    from causerie.publishing.selectors import text_diff

    before = base_text if base_text is not None else guide_text(version=base)
    diff = text_diff(before, normalised_text(text))
    old = CommunityPolicy.from_json(base.policy).to_json()
    return {
        "diff": diff,
        "has_text_changes": any(kind != "same" for kind, _line in diff),
        "policy_changes": changed_policy(before=old, after=policy),
    }


def changed_policy(*, before: dict, after: dict) -> list[PolicyChange]:
    old = CommunityPolicy.from_json(before).to_json()
    new = CommunityPolicy.from_json({**old, **after}).to_json()
    return [
        PolicyChange(
            key=key,
            label=policy_label(key),
            before=display_policy_value(key, old[key]),
            after=display_policy_value(key, new[key]),
        )
        for key in new
        if old.get(key) != new[key]
    ]


def display_policy_value(key: str, value):
    field = POLICY_FIELDS.get(key)
    if field is not None and field.choices:
        return str(dict(field.choices).get(value, value))
    return value


def normalised_text(text: str) -> str:
    """A guide text as publication will store it (what the diff compares)."""
    introduction, rules = parse_guide_text(text)
    return compose_guide_text(introduction, rules)


# Recalls --------------------------------------------------------------------


def recall(*, community, number: int) -> Recall:
    found = (
        Recall.objects.filter(community=community, number=number)
        .select_related("mandate__holder", "initiator", "vote")
        .annotate(signature_count=Count("signatures"))
        .first()
    )
    if found is None:
        raise RecallNotFound()
    found.community = community
    return found


def recalls(*, community, limit: int = 50) -> list[Recall]:
    rows = list(
        Recall.objects.filter(community=community)
        .select_related("mandate__holder", "initiator", "vote")
        .annotate(signature_count=Count("signatures"))
        .order_by("-number")[:limit]
    )
    for row in rows:
        row.community = community
    return rows


def recall_threshold(*, community, now=None) -> int:
    """Signatures needed today: a share of active members, at least the minimum."""
    policy = community.policy
    active = active_member_count(community=community, now=now)
    return max(
        policy.recall_petition_minimum,
        ceil(active * policy.recall_petition_active_percent / 100),
    )


def has_signed(*, recall: Recall, member) -> bool:
    if not member.is_authenticated:
        return False
    return RecallSignature.objects.filter(recall=recall, signer=member).exists()


def open_recall_for(*, mandate: Mandate) -> Recall | None:
    return Recall.objects.filter(
        mandate=mandate, status__in=[Recall.Status.PETITION, Recall.Status.VOTING]
    ).first()
