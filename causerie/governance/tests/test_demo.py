"""The governance demo: an adopted amendment in the history (version 2), one
under vote with ballots, one in discussion; safe to load twice."""

from datetime import timedelta

from django.utils import timezone

from causerie.accounts.models import User
from causerie.communities import services as community_services
from causerie.communities.models import Community
from causerie.core.testing import make_community, make_member
from causerie.governance import demo, selectors
from causerie.governance.models import Amendment, Participation

BREWERS = ["amelie", "bruno", "francois", "gaelle", "jules", "lucien", "oceane"]


def test_demo_loads_each_phase_once(db):
    members = {
        handle: make_member(handle, trust_level=2)
        for handle in [*BREWERS, "rose", "chloe", "djamel"]
    }
    communities = {
        "brassage": make_community(founder=members["amelie"], slug="brassage"),
        "velo": make_community(founder=members["chloe"], slug="velo", name="Vélo"),
    }
    for slug, handles in (("brassage", [*BREWERS[1:], "rose"]), ("velo", ["djamel"])):
        for handle in handles:
            community_services.join_community(
                actor=members[handle],
                community=communities[slug],
                accepted_guide_version=1,
            )
    # Demo members and communities are months old.
    long_ago = timezone.now() - timedelta(days=200)
    Community.objects.update(created_at=long_ago)
    User.objects.update(date_joined=long_ago)
    for member in members.values():
        member.refresh_from_db()
    for community in communities.values():
        community.refresh_from_db()

    created = demo.load(members=members, communities=communities, now=timezone.now())
    again = demo.load(members=members, communities=communities, now=timezone.now())

    assert created >= 3
    assert again == 0
    brewing = communities["brassage"]
    brewing.refresh_from_db()
    adopted, under_vote = Amendment.objects.filter(community=brewing).order_by("number")
    assert adopted.status == Amendment.Status.ADOPTED
    assert adopted.adopted_version.number == brewing.guide_version_number == 2
    assert selectors.recount_matches(vote=adopted.vote)
    assert under_vote.status == Amendment.Status.VOTING
    assert Participation.objects.filter(vote=under_vote.vote).count() == 4
    assert (
        Amendment.objects.get(community=communities["velo"]).status
        == Amendment.Status.DISCUSSION
    )
