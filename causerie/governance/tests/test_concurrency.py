"""One member, one ballot, under concurrency: two connections casting at the
same moment (PostgreSQL only: SQLite serialises every write anyway)."""

import pytest
from django.db import IntegrityError, connection

from causerie.core import testing
from causerie.governance import selectors, services
from causerie.governance.models import Ballot, Participation
from causerie.governance.tests.builders import DAY, join, open_vote, propose, voters

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs concurrent connections"
    ),
    pytest.mark.django_db(transaction=True),
]


def run_together(*calls):
    """What each call raised, or None, all released at the same moment."""
    return [
        result if isinstance(result, Exception) else None
        for result in testing.run_together(list(calls))
    ]


@pytest.fixture
def amendment(community):
    return open_vote(propose(community, join("prune", community, days=14, trust=2)))


def test_two_ballots_of_one_member_at_once_leave_one_ballot(community, amendment):
    voter = join("presse", community)
    at = amendment.vote.opened_at + DAY

    errors = run_together(
        lambda: services.cast_ballot(
            actor=voter, vote=amendment.vote, choice="for", now=at
        ),
        lambda: services.cast_ballot(
            actor=voter, vote=amendment.vote, choice="against", now=at
        ),
    )

    assert errors == [None, None]
    assert Ballot.objects.filter(vote=amendment.vote).count() == 1
    assert Participation.objects.filter(vote=amendment.vote, voter=voter).count() == 1


def test_many_members_voting_at_once_are_all_counted(community, amendment):
    members = voters(community, 8)
    at = amendment.vote.opened_at + DAY

    errors = run_together(
        *[
            lambda member=member: services.cast_ballot(
                actor=member, vote=amendment.vote, choice="for", now=at
            )
            for member in members
        ]
    )

    assert errors == [None] * 8
    assert selectors.recount(vote=amendment.vote)["for"] == 8
    assert len(selectors.voters(vote=amendment.vote)) == 8


def test_the_database_itself_refuses_a_double_participation(community, amendment):
    """Without the service's lock, the unique constraint still holds."""
    voter = join("double", community)

    errors = run_together(
        lambda: Participation.objects.create(vote=amendment.vote, voter=voter),
        lambda: Participation.objects.create(vote=amendment.vote, voter=voter),
    )

    assert sorted(type(e).__name__ for e in errors if e) == ["IntegrityError"]
    assert isinstance(next(e for e in errors if e), IntegrityError)
    assert Participation.objects.filter(vote=amendment.vote).count() == 1
