"""Concurrent ballots on PostgreSQL: one ballot and one participation per
voter, whatever arrives at once; nothing lands after the close."""

from datetime import timedelta

import pytest

from causerie.core.testing import run_together
from causerie.elections import services
from causerie.elections.models import Ballot, Election, Participation
from causerie.elections.tests.builders import (
    community_at_day,
    first_election,
    join,
    rank,
    to_voting,
)

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("postgresql_only"),
]


@pytest.fixture
def election_in_vote():
    community, _founder = community_at_day(90)
    candidates = [join(community, f"candidat{n}") for n in range(2)]
    voters = [join(community, f"votant{n:02d}", trust_level=1) for n in range(10)]
    election = first_election(community)
    for member in candidates:
        services.stand(actor=member, election=election, statement="Ma profession.")
    to_voting(election)
    return election, candidates, voters


def _cast(voter, election, ranking, *, now=None):
    def call():
        services.cast_ballot(
            actor=voter,
            election=election,
            ranking=ranking,
            now=now or election.voting_opens_at + timedelta(hours=1),
        )

    return call


def test_same_voter_twice_at_once_leaves_one_ballot(election_in_vote):
    election, candidates, voters = election_in_vote
    first = rank(election, candidates[0])
    second = rank(election, candidates[1])
    results = run_together(
        [_cast(voters[0], election, first), _cast(voters[0], election, second)]
    )
    assert results == [None, None]
    ballot = Ballot.objects.get(election=election)
    assert ballot.ranking in (first, second)
    assert Participation.objects.filter(election=election).count() == 1
    election.refresh_from_db()
    assert election.voter_count == 1


def test_ten_voters_at_once_are_all_counted(election_in_vote):
    election, candidates, voters = election_in_vote
    ranking = rank(election, *candidates)
    results = run_together([_cast(voter, election, ranking) for voter in voters])
    assert results == [None] * len(voters)
    assert Ballot.objects.filter(election=election).count() == len(voters)
    election.refresh_from_db()
    assert election.voter_count == len(voters)


def test_ballots_racing_the_close_are_in_the_count_or_refused(election_in_vote):
    election, candidates, voters = election_in_vote
    ranking = rank(election, candidates[0])
    at_close = election.voting_closes_at

    def close():
        services.advance_elections(now=at_close)

    late = [
        _cast(voter, election, ranking, now=at_close - timedelta(seconds=1))
        for voter in voters[:4]
    ]
    results = run_together([close, *late])
    election.refresh_from_db()
    assert election.phase == Election.Phase.FINISHED
    accepted = sum(1 for result in results[1:] if result is None)
    # Every ballot accepted is in the published count; none came after it.
    assert election.result["valid_ballots"] == accepted
    assert Ballot.objects.filter(election=election).count() == accepted
