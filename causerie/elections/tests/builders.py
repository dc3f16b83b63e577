"""Builders for election tests: communities of a given age, members who
joined on a given day, elections run through the real services."""

from datetime import timedelta

from django.utils import timezone

from causerie.accounts.models import User
from causerie.communities import services as community_services
from causerie.communities.models import Community, Membership
from causerie.core.testing import make_community, make_member
from causerie.elections import services
from causerie.elections.models import Election

DAY = timedelta(days=1)


def community_at_day(days: int, *, slug="brassage", founder=None):
    """A community founded `days` ago (real clock), with its founder."""
    founder = founder or make_member(f"fondatrice-{slug}", trust_level=2)
    community = make_community(founder=founder, slug=slug, name=slug.capitalize())
    founded = timezone.now() - days * DAY
    Community.objects.filter(pk=community.pk).update(created_at=founded)
    Membership.objects.filter(community=community).update(created_at=founded)
    User.objects.filter(pk=founder.pk).update(date_joined=founded)
    community.refresh_from_db()
    founder.refresh_from_db()
    return community, founder


def join(
    community, handle: str, *, days_ago: float = 60, trust_level: int = 2, at=None
):
    """A member who joined `days_ago` days before now (or exactly `at`)."""
    member = make_member(handle, trust_level=trust_level)
    community_services.join_community(
        actor=member,
        community=community,
        accepted_guide_version=community.guide_version_number,
    )
    joined = at or timezone.now() - timedelta(days=days_ago)
    Membership.objects.filter(community=community, member=member).update(
        created_at=joined
    )
    User.objects.filter(pk=member.pk).update(date_joined=joined)
    member.refresh_from_db()
    return member


def first_election(community, *, now=None) -> Election:
    """Call the first election now (as the calendar would at day 90)."""
    return services.call_election(
        community=community, reason=Election.Reason.FIRST, now=now or timezone.now()
    )


def to_voting(election: Election) -> Election:
    services.advance_elections(now=election.voting_opens_at)
    election.refresh_from_db()
    return election


def close(election: Election) -> Election:
    services.advance_elections(now=election.voting_closes_at)
    election.refresh_from_db()
    return election


def rank(election: Election, *members) -> list[int]:
    """Candidacy ids of these candidates, in this order."""
    by_member = {c.member_id: c.pk for c in election.candidacies.all()}
    return [by_member[member.pk] for member in members]
