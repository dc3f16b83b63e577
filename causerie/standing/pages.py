"""Reads behind the standing pages: the "standing" section of a member's
profile, the hidden experts of a community or tag, and the moderators' report
of suspicious clusters (permission checked here, not only in the template).

Each function runs a fixed number of queries whatever the number of
communities, domains or members; the computation itself lives in
standing.services and standing.selectors (docs/recognition.md)."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from causerie.communities import permissions as community_permissions
from causerie.communities import selectors as community_selectors
from causerie.communities.exceptions import NotAModerator
from causerie.communities.models import Community, Tag
from causerie.standing import selectors
from causerie.standing.models import ContributionProfile, Standing

HIDDEN_EXPERTS_SHOWN = 20


@dataclass
class DomainLine:
    """One sentence of why a member has their standing, with the tag it
    concerns (None: the whole community) so the template can link it."""

    tag: Tag | None
    sentence: str


@dataclass
class CommunityStanding:
    community: Community
    profile: str  # ContributionProfile.Kind value
    profile_label: str
    lines: list[DomainLine] = field(default_factory=list)


def recognition_sentence(
    *,
    domain: str | None,
    recognisers: int,
    recognised_recognisers: int,
    domain_url: str | None = None,
) -> str:
    """ "Recognised in brewing by 9 members, 4 of whom are themselves
    recognised in this domain." (domain None: the whole community). Counts
    of people, never a score. Safe HTML: the domain is a link to `domain_url`
    when given."""
    if domain is None:
        first = ngettext(
            "Recognised in this community by %(count)s member",
            "Recognised in this community by %(count)s members",
            recognisers,
        )
        if not recognised_recognisers:
            second = ""
        elif recognised_recognisers == recognisers:
            second = ngettext(
                "who is themselves recognised here",
                "all themselves recognised here",
                recognisers,
            )
        else:
            second = ngettext(
                "%(others)s of whom is themselves recognised here",
                "%(others)s of whom are themselves recognised here",
                recognised_recognisers,
            )
    else:
        first = ngettext(
            "Recognised in %(domain)s by %(count)s member",
            "Recognised in %(domain)s by %(count)s members",
            recognisers,
        )
        if not recognised_recognisers:
            second = ""
        elif recognised_recognisers == recognisers:
            second = ngettext(
                "who is themselves recognised in this domain",
                "all themselves recognised in this domain",
                recognisers,
            )
        else:
            second = ngettext(
                "%(others)s of whom is themselves recognised in this domain",
                "%(others)s of whom are themselves recognised in this domain",
                recognised_recognisers,
            )
    if second:
        sentence = _("%(sentence)s, %(detail)s.") % {
            "sentence": first,
            "detail": second,
        }
    else:
        sentence = _("%(sentence)s.") % {"sentence": first}
    values = {"count": recognisers, "others": recognised_recognisers}
    if domain is not None:
        values["domain"] = (
            format_html('<a href="{}">{}</a>', domain_url, domain)
            if domain_url
            else escape(domain)
        )
    # The translated text is escaped, then the (escaped or built) values go in.
    return mark_safe(escape(sentence) % values)


def contributions_phrase(count: int) -> str:
    return ngettext("%(count)s contribution", "%(count)s contributions", count) % {
        "count": count
    }


def profile_sections(*, member) -> list[CommunityStanding]:
    """The member's contribution profile and the reasons for their standing,
    per community where something was computed, busiest first. Two queries.
    The rules of selectors.explanation apply: domains with at least
    EXPLAINED_MIN_RECOGNISERS recognisers, the EXPLAINED_DOMAINS strongest."""
    profiles = {
        profile.community_id: profile
        for profile in ContributionProfile.objects.filter(member=member)
        .select_related("community")
        .order_by("community__name")
    }
    rows = (
        Standing.objects.filter(
            member=member, recognisers__gte=selectors.EXPLAINED_MIN_RECOGNISERS
        )
        .select_related("community", "tag")
        .order_by("community_id", "-score", "pk")
    )
    sections: dict[int, CommunityStanding] = {}
    domains: dict[int, int] = {}
    for row in rows:
        section = sections.get(row.community_id)
        if section is None:
            profile = profiles.get(row.community_id)
            kind = profile.kind if profile else ContributionProfile.Kind.NEWCOMER
            section = sections[row.community_id] = CommunityStanding(
                community=row.community,
                profile=kind,
                profile_label=str(ContributionProfile.Kind(kind).label),
            )
        if row.tag_id is not None:
            if domains.get(row.community_id, 0) >= selectors.EXPLAINED_DOMAINS:
                continue
            domains[row.community_id] = domains.get(row.community_id, 0) + 1
        line = DomainLine(
            tag=row.tag,
            sentence=recognition_sentence(
                domain=row.tag.name if row.tag_id else None,
                recognisers=row.recognisers,
                recognised_recognisers=row.recognised_recognisers,
                domain_url=reverse(
                    "communities:tag-detail", args=[row.community.slug, row.tag.slug]
                )
                if row.tag_id
                else None,
            ),
        )
        if row.tag_id is None:
            section.lines.insert(0, line)
        else:
            section.lines.append(line)
    # Profiles without any recognition yet (e.g. "Nouveau") still show.
    for community_id, profile in profiles.items():
        if community_id not in sections:
            sections[community_id] = CommunityStanding(
                community=profile.community,
                profile=profile.kind,
                profile_label=str(profile.get_kind_display()),
            )
    return sorted(sections.values(), key=lambda s: s.community.name.lower())


@dataclass
class HiddenExpert:
    member: object
    contributions: str
    sentence: str


def hidden_experts_page(
    *, community: Community, tag: Tag | None = None
) -> list[HiddenExpert]:
    """The hidden experts of a community or one of its tags, as selectors.
    hidden_experts ranks them, each with why, in words. One query."""
    return [
        HiddenExpert(
            member=member,
            contributions=contributions_phrase(standing.contributions),
            sentence=recognition_sentence(
                domain=tag.name if tag else None,
                recognisers=standing.recognisers,
                recognised_recognisers=standing.recognised_recognisers,
            ),
        )
        for member, standing in selectors.hidden_experts(
            community=community, tag=tag, limit=HIDDEN_EXPERTS_SHOWN
        )
    ]


def can_see_cluster_report(viewer, community: Community) -> bool:
    """Moderators of the community only (one query)."""
    if not viewer.is_authenticated:
        return False
    is_moderator = viewer.pk in community_selectors.moderator_ids(community=community)
    return community_permissions.can_moderate(
        viewer, community, is_moderator=is_moderator
    ) or (is_moderator and community.is_suspended)


def cluster_report(*, viewer, community: Community) -> list[selectors.Cluster]:
    """The suspicious clusters of the last recomputation, for the community's
    moderators; NotAModerator for anyone else. Three queries."""
    if not can_see_cluster_report(viewer, community):
        raise NotAModerator()
    return selectors.suspicious_clusters(community=community)
