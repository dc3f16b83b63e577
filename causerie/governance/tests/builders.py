"""Builders for the vote tests: members of a given age and level, a
proposal, and a clock the tests move by hand."""

from datetime import timedelta

from django.utils import timezone

from causerie.accounts.models import User
from causerie.communities import services as community_services
from causerie.communities.models import Membership
from causerie.core.testing import make_member
from causerie.governance import selectors, services

NOW = timezone.now().replace(microsecond=0)
DAY = timedelta(days=1)


def join(handle, community, *, days=30, trust=2, now=None):
    """A member whose account and membership are `days` old at `now`."""
    now = now or NOW
    member = make_member(handle, trust_level=trust)
    community.refresh_from_db()
    community_services.join_community(
        actor=member,
        community=community,
        accepted_guide_version=community.guide_version_number,
    )
    age(member, community, days=days, now=now)
    return member


def age(member, community, *, days, now=None):
    """Move a member's account and membership `days` before `now`."""
    moment = (now or NOW) - timedelta(days=days)
    Membership.objects.filter(member=member, community=community).update(
        created_at=moment
    )
    User.objects.filter(pk=member.pk).update(date_joined=moment)
    member.date_joined = moment
    return member


def new_text(community, *, extra="## Citer ses sources\n\nToujours un lien."):
    current = selectors.current_guide(community=community)
    return selectors.guide_text(version=current) + "\n" + extra + "\n"


def propose(community, proposer, *, policy=None, summary="Citer ses sources", **kw):
    community.refresh_from_db()
    return services.propose_amendment(
        actor=proposer,
        community=community,
        text=kw.pop("text", None) or new_text(community),
        policy=policy or {},
        summary=summary,
        now=kw.pop("now", NOW),
        **kw,
    )


def open_vote(amendment):
    """Advance the clock to the end of the discussion."""
    services.advance_amendments(now=amendment.discussion_ends_at)
    amendment.refresh_from_db()
    return amendment


def voters(community, count, *, prefix="votant", trust=1):
    return [join(f"{prefix}{index}", community, trust=trust) for index in range(count)]


def cast(amendment_or_recall, members, choice, *, now=None):
    vote = amendment_or_recall.vote
    for member in members:
        services.cast_ballot(
            actor=member, vote=vote, choice=choice, now=now or vote.opened_at + DAY
        )


def close(amendment):
    services.advance_amendments(now=amendment.vote.closes_at)
    amendment.refresh_from_db()
    amendment.vote.refresh_from_db()
    return amendment
