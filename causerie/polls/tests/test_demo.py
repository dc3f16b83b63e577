"""The polls demo: one open poll with votes, loaded once however often it runs."""

from django.utils import timezone

from causerie.core.testing import make_community, make_member, make_post
from causerie.polls import demo
from causerie.polls.models import Ballot, Poll
from causerie.polls.tests.conftest import join


def test_demo_adds_one_open_poll_with_votes_and_is_idempotent(db):
    founder = make_member("elise")
    community = make_community(founder=founder, slug="jardins", name="Jardins")
    author = make_member("maelle")
    make_post(community=community, author=author, title=demo.POST_TITLE)
    members = {"elise": founder, "maelle": author}
    for handle in demo.VOTES:
        if handle not in members:
            members[handle] = join(make_member(handle), community)
    now = timezone.now()

    first = demo.load(members=members, communities={"jardins": community}, now=now)
    second = demo.load(members=members, communities={"jardins": community}, now=now)

    poll = Poll.objects.get()
    assert first == 1 + len(demo.VOTES)
    assert second == 0
    assert not poll.is_closed(now)
    assert poll.question == demo.QUESTION
    assert poll.voter_count == Ballot.objects.count() == len(demo.VOTES)
