"""Who may propose and revise amendments, vote, and petition for a recall.
Nobody publishes a guide version by hand: after version 1 only an adopted
amendment does (services.amendments.close_amendment_vote).

Pure functions of already-loaded rows; services raise when one fails and views
use them to show or hide buttons."""

from datetime import timedelta

# The lowest trust level that may vote and sign petitions (issue "Member power").
VOTER_TRUST_LEVEL = 1


def can_propose_amendment(actor, community, *, membership, now) -> bool:
    policy = community.policy
    return (
        actor.is_authenticated
        and membership is not None
        and not community.is_suspended
        and actor.trust_level >= policy.amendment_proposer_trust_level
        and membership.created_at
        <= now - timedelta(days=policy.amendment_proposer_member_days)
    )


def can_revise_amendment(actor, amendment) -> bool:
    return (
        actor.is_authenticated
        and actor.pk == amendment.proposer_id
        and amendment.status == amendment.Status.DISCUSSION
    )


def can_vote(actor, vote, *, membership) -> bool:
    """Members who joined (and whose account existed) before the vote opened,
    at trust level 1 or more."""
    return (
        actor.is_authenticated
        and actor.is_active
        and membership is not None
        and membership.created_at < vote.opened_at
        and actor.date_joined < vote.opened_at
        and actor.trust_level >= VOTER_TRUST_LEVEL
    )


def can_sign_recall(actor, community, *, membership) -> bool:
    return (
        actor.is_authenticated
        and actor.is_active
        and membership is not None
        and not community.is_suspended
        and actor.trust_level >= VOTER_TRUST_LEVEL
    )
