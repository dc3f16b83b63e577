"""Reads on mandates and on the participation guide: its versions, their rules,
their policy, and the differences between two versions."""

from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import Count, Prefetch, QuerySet
from django.utils.translation import gettext_lazy as _

from causerie.communities.policy import POLICY_FIELDS, CommunityPolicy
from causerie.governance.exceptions import GuideVersionNotFound
from causerie.governance.guide_text import compose_guide_text
from causerie.governance.models import GuideRule, GuideVersion, Mandate

# Labels of the policy keys that cannot be edited yet (POLICY_FIELDS labels the
# others). Keep in step with DESIGN's defaults table and docs/moderation.md.
OTHER_POLICY_LABELS = {
    "amendment_proposer_trust_level": _(
        "Amendments: trust level needed to propose one"
    ),
    "amendment_proposer_member_days": _(
        "Amendments: days of membership needed to propose one"
    ),
    "amendment_discussion_days": _("Amendments: days of discussion before the vote"),
    "amendment_vote_days": _("Amendments: days of voting"),
    "amendment_quorum_votes": _("Amendments: quorum, in votes"),
    "amendment_quorum_active_percent": _(
        "Amendments: quorum, in percent of active members"
    ),
    "amendment_majority": _("Amendments: share of for + against needed to adopt"),
    "moderator_seats": _("Moderator seats"),
    "moderator_term_months": _("Moderators: length of a term (months)"),
    "candidacy_trust_level": _("Candidates: trust level needed"),
    "candidacy_member_days": _("Candidates: days of membership needed"),
    "recall_petition_active_percent": _(
        "Recall: percent of active members who must sign the petition"
    ),
    "recall_petition_minimum": _("Recall: minimum number of signatures"),
    "self_promotion_share_percent": _(
        "Self-promotion: warning above this percent of a member's contributions"
    ),
}


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
        return str(POLICY_FIELDS[key][0])
    return str(OTHER_POLICY_LABELS.get(key, key))


def policy_rows(*, version: GuideVersion) -> list[PolicyRow]:
    """Every policy value of a version, defaults filled in, editable keys first."""
    values = CommunityPolicy.from_json(version.policy).to_json()
    editable = [key for key in POLICY_FIELDS if key in values]
    others = [key for key in values if key not in POLICY_FIELDS]
    return [
        PolicyRow(
            key=key,
            label=policy_label(key),
            value=values[key],
            is_editable=key in POLICY_FIELDS,
        )
        for key in editable + others
    ]


def policy_changes(*, before: GuideVersion, after: GuideVersion) -> list[PolicyChange]:
    old = CommunityPolicy.from_json(before.policy).to_json()
    return [
        PolicyChange(
            key=row.key, label=row.label, before=old.get(row.key), after=row.value
        )
        for row in policy_rows(version=after)
        if old.get(row.key) != row.value
    ]


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
