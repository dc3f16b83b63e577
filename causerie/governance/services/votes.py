"""Member votes (amendments, recalls): opening with the rules in force, secret
ballots that can change until the close, and the tally from stored ballots.

Secrecy: a ballot is stored under `voter_key`, an HMAC of (vote, voter) keyed
with settings.SECRET_KEY, never under the voter's id; who voted is a separate,
public Participation row. docs/amendments.md says what this protects and what
it does not."""

import hashlib
import hmac
from datetime import datetime, timedelta
from fractions import Fraction
from math import ceil

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from causerie.accounts.models import User
from causerie.governance import permissions, selectors
from causerie.governance.exceptions import InvalidChoice, NotEligibleToVote, VoteNotOpen
from causerie.governance.models import Ballot, Participation, Vote

# A recall is decided by simple majority (DESIGN, Defaults).
SIMPLE_MAJORITY = "1/2"


def voter_key(*, vote_id: int, voter_id: int) -> str:
    message = f"causerie.vote:{vote_id}:{voter_id}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()


def open_vote(*, community, subject: str, now: datetime) -> Vote:
    """A vote opening now, its quorum and majority copied from the policy in
    force: a later change of those rules does not touch it. Call inside the
    caller's transaction."""
    policy = community.policy
    active = selectors.active_member_count(community=community, now=now)
    return Vote.objects.create(
        community=community,
        subject=subject,
        opened_at=now,
        closes_at=now + timedelta(days=policy.amendment_vote_days),
        quorum=quorum_for(policy=policy, active_members=active),
        majority=(
            policy.amendment_majority
            if subject == Vote.Subject.AMENDMENT
            else SIMPLE_MAJORITY
        ),
        active_members=active,
        eligible_voters=selectors.eligible_voter_count(
            community=community, opened_at=now
        ),
    )


def quorum_for(*, policy, active_members: int) -> int:
    """The larger of a number of votes and a share of active members."""
    share = ceil(active_members * policy.amendment_quorum_active_percent / 100)
    return max(policy.amendment_quorum_votes, share)


def cast_ballot(
    *, actor: User, vote: Vote, choice: str, now: datetime | None = None
) -> Vote:
    """Cast or change the actor's ballot while the vote is open. The vote row
    is locked so that two ballots of one voter arriving together end as one
    (the unique constraints refuse a second row anyway)."""
    from causerie.communities import selectors as community_selectors

    now = now or timezone.now()
    if choice not in Ballot.Choice.values:
        raise InvalidChoice(field="choice")
    with transaction.atomic():
        vote = (
            Vote.objects.select_for_update().select_related("community").get(pk=vote.pk)
        )
        if not is_open(vote, now=now):
            raise VoteNotOpen()
        membership = community_selectors.membership_of(
            member=actor, community=vote.community
        )
        if not permissions.can_vote(actor, vote, membership=membership):
            raise NotEligibleToVote()
        key = voter_key(vote_id=vote.pk, voter_id=actor.pk)
        changed = Ballot.objects.filter(vote=vote, voter_key=key).update(choice=choice)
        if not changed:
            Ballot.objects.create(vote=vote, voter_key=key, choice=choice)
            Participation.objects.create(vote=vote, voter=actor)
    return vote


def is_open(vote: Vote, *, now: datetime) -> bool:
    return vote.closed_at is None and vote.opened_at <= now < vote.closes_at


def close_vote(*, vote: Vote, now: datetime) -> Vote:
    """Count the stored ballots, publish the tally and decide. Call inside the
    caller's transaction, the vote locked."""
    tally = selectors.recount(vote=vote)
    vote.votes_for = tally[Ballot.Choice.FOR]
    vote.votes_against = tally[Ballot.Choice.AGAINST]
    vote.abstentions = tally[Ballot.Choice.ABSTAIN]
    vote.outcome = decide(
        votes_for=vote.votes_for,
        votes_against=vote.votes_against,
        abstentions=vote.abstentions,
        quorum=vote.quorum,
        majority=vote.majority,
    )
    vote.closed_at = now
    vote.save(
        update_fields=[
            "votes_for",
            "votes_against",
            "abstentions",
            "outcome",
            "closed_at",
            "updated_at",
        ]
    )
    return vote


def decide(
    *, votes_for: int, votes_against: int, abstentions: int, quorum: int, majority: str
) -> str:
    """Quorum counts every ballot, abstentions included; the majority is a
    share of for + against: reached at exactly that share, except a simple
    majority (1/2), which needs strictly more than half."""
    if votes_for + votes_against + abstentions < quorum:
        return Vote.Outcome.NO_QUORUM
    decisive = votes_for + votes_against
    if decisive == 0:
        return Vote.Outcome.NO_MAJORITY
    share, needed = Fraction(votes_for, decisive), Fraction(majority)
    passed = share > needed if needed == Fraction(1, 2) else share >= needed
    return Vote.Outcome.ADOPTED if passed else Vote.Outcome.NO_MAJORITY
