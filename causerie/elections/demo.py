"""Demo election (French): the first election of "Brassage amateur", held
about a month ago: four candidates for three seats, nine voters, results
published round by round. Idempotent: nothing is created when the community
already had an election. Called by `manage.py load_demo` after the base demo
and the amendments."""

from datetime import timedelta

from causerie.communities.models import Membership
from causerie.elections import services
from causerie.elections.models import Election
from causerie.moderation.models import LogAction, ModerationLogEntry

COMMUNITY = "brassage"
DAYS_AGO = 40
CANDIDATES = {
    "amelie": "J'ai fondé Brassage et je souhaite continuer, cette fois avec un "
    "mandat que vous m'aurez confié. Ma ligne : expliquer chaque décision en "
    "citant le guide, et répondre aux recours sous 48 heures.",
    "bruno": "Modérateur coopté depuis le début, je me présente pour de bon. Je "
    "lis la file de modération chaque soir ; je préfère toujours un message "
    "privé à un masquage quand c'est possible.",
    "gaelle": "Je brasse depuis quinze ans et je réponds souvent aux questions "
    "des débutants. Je voudrais que les nouveaux venus se sentent accueillis, "
    "et que les recettes restent chiffrées.",
    "lucien": "Je me présente pour qu'il y ait du choix ! Priorité à la "
    "transparence : un point mensuel sur le journal de modération.",
}
# Each voter's ranking (handles, first preference first).
BALLOTS = {
    "amelie": ["amelie", "gaelle"],
    "bruno": ["bruno", "amelie"],
    "francois": ["amelie", "bruno", "lucien"],
    "gaelle": ["gaelle", "lucien"],
    "jules": ["amelie", "lucien", "gaelle"],
    "lucien": ["lucien", "gaelle"],
    "oceane": ["bruno", "gaelle"],
    "rose": ["amelie"],
    "samir": ["bruno", "lucien"],
}


def load(*, members, communities, now) -> int:
    community = communities.get(COMMUNITY)
    if community is None or Election.objects.filter(community=community).exists():
        return 0
    called_at = now - timedelta(days=DAYS_AGO)
    # The demo's members joined when the community was founded.
    Membership.objects.filter(
        community=community, created_at__gt=community.created_at
    ).update(created_at=community.created_at)
    election = services.call_election(
        community=community, reason=Election.Reason.FIRST, now=called_at
    )
    if election is None:
        return 0
    created = 1
    for handle, statement in CANDIDATES.items():
        services.stand(
            actor=members[handle],
            election=election,
            statement=statement,
            now=called_at + timedelta(days=1),
        )
        created += 1
    services.advance_election(election=election, now=election.voting_opens_at)
    election.refresh_from_db()
    ids = {c.member.handle: c.pk for c in election.candidacies.select_related("member")}
    for handle, ranking in BALLOTS.items():
        services.cast_ballot(
            actor=members[handle],
            election=election,
            ranking=[ids[candidate] for candidate in ranking],
            now=election.voting_opens_at + timedelta(hours=3),
        )
        created += 1
    services.advance_election(election=election, now=election.voting_closes_at)
    election.refresh_from_db()
    _backdate_log(election)
    return created


def _backdate_log(election: Election) -> None:
    """The log shows the steps when they happened, not when the demo loaded."""
    moments = {
        LogAction.ELECTION_CALLED: election.called_at,
        LogAction.ELECTION_VOTING: election.voting_opens_at,
        LogAction.ELECTION_RESULT: election.closed_at,
        LogAction.MODERATOR_ELECTED: election.closed_at,
        LogAction.MANDATE_ENDED: election.closed_at,
    }
    paths = [election.get_absolute_url(), election.get_results_url()]
    for action, moment in moments.items():
        ModerationLogEntry.objects.filter(
            community=election.community, action=action, target_url__in=paths
        ).update(created_at=moment)
