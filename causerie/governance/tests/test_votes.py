"""Ballots: who may vote, changing a vote until the close, secrecy of the
choice, one ballot per member enforced by the database, tallies recounted."""

import pytest
from django.db import IntegrityError, transaction

from causerie.governance import selectors, services
from causerie.governance.exceptions import (
    InvalidChoice,
    NotEligibleToVote,
    VoteNotOpen,
)
from causerie.governance.models import Ballot, Participation
from causerie.governance.services.votes import decide
from causerie.governance.tests.builders import (
    DAY,
    age,
    cast,
    close,
    join,
    open_vote,
    propose,
    voters,
)


@pytest.fixture
def amendment(community):
    proposer = join("prune", community, days=14, trust=2)
    return open_vote(propose(community, proposer))


def ballot(amendment, member, choice="for", *, now=None):
    return services.cast_ballot(
        actor=member,
        vote=amendment.vote,
        choice=choice,
        now=now or amendment.vote.opened_at + DAY,
    )


# Eligibility


def test_a_member_who_joined_before_the_opening_at_level_1_votes(community, amendment):
    voter = join("ancien", community, trust=1)

    ballot(amendment, voter)

    assert selectors.has_voted(vote=amendment.vote, member=voter)


def test_a_member_who_joined_after_the_opening_may_not_vote(community, amendment):
    late = join("tardif", community, trust=3)
    age(late, community, days=0, now=amendment.vote.opened_at + DAY / 2)

    with pytest.raises(NotEligibleToVote):
        ballot(amendment, late)

    assert not Participation.objects.filter(voter=late).exists()


def test_a_member_who_joined_exactly_at_the_opening_may_not_vote(community, amendment):
    late = join("pile", community, trust=3)
    age(late, community, days=0, now=amendment.vote.opened_at)

    with pytest.raises(NotEligibleToVote):
        ballot(amendment, late)


def test_an_account_created_after_the_opening_may_not_vote(community, amendment):
    from causerie.accounts.models import User

    member = join("recent", community, trust=3)
    User.objects.filter(pk=member.pk).update(
        date_joined=amendment.vote.opened_at + DAY / 2
    )
    member.refresh_from_db()

    with pytest.raises(NotEligibleToVote):
        ballot(amendment, member)


def test_a_member_at_trust_level_0_may_not_vote(community, amendment):
    newcomer = join("novice", community, trust=0)

    with pytest.raises(NotEligibleToVote):
        ballot(amendment, newcomer)


def test_a_non_member_may_not_vote(community, amendment, member_factory):
    with pytest.raises(NotEligibleToVote):
        ballot(amendment, member_factory("dehors", trust_level=3))


def test_an_unknown_choice_is_refused(community, amendment):
    voter = join("ancien", community)

    with pytest.raises(InvalidChoice):
        ballot(amendment, voter, "peut-etre")


def test_the_eligible_count_is_fixed_at_opening(community, amendment):
    assert amendment.vote.eligible_voters == selectors.eligible_voter_count(
        community=community, opened_at=amendment.vote.opened_at
    )
    join("apres", community, trust=2)  # aged before the opening
    assert amendment.vote.eligible_voters < selectors.eligible_voter_count(
        community=community, opened_at=amendment.vote.opened_at
    )


# Changing a vote


def test_a_member_changes_their_vote_until_the_close(community, amendment):
    voter = join("hesitant", community)

    ballot(amendment, voter, "for")
    ballot(amendment, voter, "against", now=amendment.vote.closes_at - DAY / 24)

    assert Ballot.objects.filter(vote=amendment.vote).count() == 1
    assert Participation.objects.filter(vote=amendment.vote).count() == 1
    assert selectors.own_choice(vote=amendment.vote, member=voter) == "against"


def test_no_ballot_at_or_after_the_deadline(community, amendment):
    voter = join("tard", community)
    ballot(amendment, voter, "for")

    with pytest.raises(VoteNotOpen):
        ballot(amendment, voter, "against", now=amendment.vote.closes_at)

    assert selectors.own_choice(vote=amendment.vote, member=voter) == "for"


def test_no_change_after_the_close(community, amendment):
    members = voters(community, 5)
    cast(amendment, members, "for")
    close(amendment)

    with pytest.raises(VoteNotOpen):
        # Even with a clock set back to before the deadline.
        ballot(amendment, members[0], "against")

    assert selectors.recount(vote=amendment.vote)["for"] == 5


def test_no_ballot_before_the_vote_opens(community):
    proposer = join("prune", community, days=14, trust=2)
    amendment = propose(community, proposer)

    assert amendment.vote is None


# Secrecy and integrity


def test_ballots_do_not_name_their_voter(community, amendment):
    voter = join("secret", community)
    ballot(amendment, voter, "against")

    stored = Ballot.objects.get(vote=amendment.vote)
    assert str(voter.pk) != stored.voter_key
    assert voter.handle not in stored.voter_key
    assert len(stored.voter_key) == 64
    assert {f.name for f in Ballot._meta.get_fields()} == {
        "id",
        "vote",
        "voter_key",
        "choice",
    }


def test_the_database_refuses_a_second_participation(community, amendment):
    voter = join("double", community)
    ballot(amendment, voter)

    with pytest.raises(IntegrityError), transaction.atomic():
        Participation.objects.create(vote=amendment.vote, voter=voter)


def test_the_database_refuses_a_second_ballot_under_one_key(community, amendment):
    voter = join("double", community)
    ballot(amendment, voter)
    key = Ballot.objects.get(vote=amendment.vote).voter_key

    with pytest.raises(IntegrityError), transaction.atomic():
        Ballot.objects.create(vote=amendment.vote, voter_key=key, choice="against")


def test_the_published_tally_matches_a_recount(community, amendment):
    members = voters(community, 7)
    cast(amendment, members[:4], "for")
    cast(amendment, members[4:6], "against")
    cast(amendment, members[6:], "abstain")
    ballot(amendment, members[0], "against")  # changed

    close(amendment)

    vote = amendment.vote
    assert (vote.votes_for, vote.votes_against, vote.abstentions) == (3, 3, 1)
    assert selectors.recount_matches(vote=vote)
    assert vote.turnout == len(selectors.voters(vote=vote)) == 7


@pytest.mark.parametrize(
    ("votes", "quorum", "majority", "outcome"),
    [
        ((2, 1, 0), 3, "2/3", "adopted"),
        ((2, 1, 0), 4, "2/3", "no_quorum"),
        ((0, 0, 5), 5, "2/3", "no_majority"),
        ((1, 1, 3), 5, "1/2", "no_majority"),
        ((2, 1, 2), 5, "1/2", "adopted"),
        ((3, 1, 0), 1, "3/4", "adopted"),
        ((5, 2, 0), 1, "3/4", "no_majority"),
    ],
)
def test_decide(votes, quorum, majority, outcome):
    votes_for, votes_against, abstentions = votes
    assert (
        decide(
            votes_for=votes_for,
            votes_against=votes_against,
            abstentions=abstentions,
            quorum=quorum,
            majority=majority,
        )
        == outcome
    )
