"""Concurrent poll votes on PostgreSQL: the poll's row lock and the unique
constraints keep one ballot per member and counters equal to a recount."""

import pytest

from causerie.communities import services as community_services
from causerie.core.testing import (
    make_community,
    make_member,
    make_post,
    run_together,
)
from causerie.polls import services
from causerie.polls.models import Ballot, Poll, PollKind, PollOption, PollVote

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("postgresql_only"),
]


def members_of(community, count, prefix):
    members = []
    for number in range(count):
        member = make_member(f"{prefix}{number:02d}")
        community_services.join_community(
            actor=member,
            community=community,
            accepted_guide_version=community.guide_version_number,
        )
        members.append(member)
    return members


def poll_with(options, kind=PollKind.SINGLE):
    founder = make_member("fondatrice")
    community = make_community(founder=founder)
    post = make_post(community=community, author=founder)
    poll = services.add_poll(
        actor=founder, post=post, question="Quel jour ?", options=options, kind=kind
    )
    return community, poll


def assert_counts_equal_a_recount(poll):
    poll.refresh_from_db()
    for option in PollOption.objects.filter(poll=poll):
        assert option.vote_count == PollVote.objects.filter(option=option).count()
    assert poll.voter_count == Ballot.objects.filter(poll=poll).count()
    return poll


def vote_as(member, poll_id, option_ids):
    def call():
        return services.vote(
            actor=member, poll=Poll.objects.get(pk=poll_id), option_ids=option_ids
        )

    return call


def test_vote_counts_twenty_members_voting_at_once_exactly():
    community, poll = poll_with(["Samedi", "Dimanche"])
    options = list(poll.options.order_by("position"))
    voters = members_of(community, 20, "votant")

    results = run_together(
        [
            vote_as(voter, poll.pk, [options[index % 2].pk])
            for index, voter in enumerate(voters)
        ]
    )

    assert [r for r in results if not isinstance(r, Ballot)] == []
    poll = assert_counts_equal_a_recount(poll)
    assert poll.voter_count == 20
    assert [option.vote_count for option in poll.options.order_by("position")] == [
        10,
        10,
    ]


def test_vote_keeps_one_ballot_when_a_member_votes_several_times_at_once():
    community, poll = poll_with(["A", "B", "C"], kind=PollKind.MULTIPLE)
    a, b, c = poll.options.order_by("position")
    (voter,) = members_of(community, 1, "pressee")

    results = run_together(
        [
            vote_as(voter, poll.pk, [a.pk]),
            vote_as(voter, poll.pk, [a.pk, b.pk]),
            vote_as(voter, poll.pk, [c.pk]),
            vote_as(voter, poll.pk, [b.pk, c.pk]),
        ]
    )

    assert [r for r in results if not isinstance(r, Ballot)] == []
    poll = assert_counts_equal_a_recount(poll)
    assert poll.voter_count == 1
    assert Ballot.objects.filter(poll=poll, voter=voter).count() == 1
    # The last ballot to get the lock wins; whichever it was, it is whole.
    chosen = set(
        PollVote.objects.filter(poll=poll, voter=voter).values_list(
            "option_id", flat=True
        )
    )
    assert chosen in ({a.pk}, {a.pk, b.pk}, {c.pk}, {b.pk, c.pk})


def test_vote_changes_and_new_votes_at_once_keep_counts_equal_to_a_recount():
    community, poll = poll_with(["Samedi", "Dimanche", "Lundi"])
    options = list(poll.options.order_by("position"))
    voters = members_of(community, 12, "mixte")
    for voter in voters[:6]:
        services.vote(actor=voter, poll=poll, option_ids=[options[0].pk])

    calls = []
    for index, voter in enumerate(voters):
        calls.append(vote_as(voter, poll.pk, [options[1 + index % 2].pk]))
        calls.append(vote_as(voter, poll.pk, [options[index % 3].pk]))
    results = run_together(calls)

    assert [r for r in results if not isinstance(r, Ballot)] == []
    poll = assert_counts_equal_a_recount(poll)
    assert poll.voter_count == 12
    assert sum(option.vote_count for option in poll.options.all()) == 12
