"""Who may do what in an election (pure functions)."""


def can_call_election(actor, community, *, is_moderator: bool) -> bool:
    return actor.is_authenticated and is_moderator and not community.is_suspended


def can_vote(actor, *, membership, election) -> bool:
    """Members who joined before voting opened and reached trust level 1."""
    return (
        actor.is_authenticated
        and membership is not None
        and membership.created_at < election.voting_opens_at
        and actor.date_joined < election.voting_opens_at
        and actor.trust_level >= 1
    )
