"""Demo amendments (French): one adopted long ago, which produced version 2 of
the brewers' guide, one under vote with a few ballots, and one in
discussion among the cyclists. Idempotent: each is looked up by community
and summary. Called by `manage.py load_demo` after the base demo."""

from datetime import timedelta

from causerie.communities.models import Membership
from causerie.governance import selectors, services
from causerie.governance.models import Amendment, AmendmentRevision, GuideVersion
from causerie.moderation.models import LogAction, ModerationLogEntry
from causerie.publishing import services as publishing_services
from causerie.publishing.models import Comment

ADOPTED = {
    "community": "brassage",
    "proposer": "bruno",
    "summary": "Ajouter une règle : des recettes chiffrées",
    "rule": (
        "Des recettes chiffrées",
        "Une recette partagée donne les quantités, les températures et les "
        "durées. Sans chiffres, on ne peut ni la refaire ni vous aider.",
    ),
    "policy": {},
    "days_ago": 20,
    "ballots": {
        "amelie": "for",
        "francois": "for",
        "gaelle": "for",
        "jules": "for",
        "lucien": "for",
        "oceane": "against",
        "rose": "abstain",
    },
}
UNDER_VOTE = {
    "community": "brassage",
    "proposer": "francois",
    "summary": "Relever le seuil de masquage à 7 signalements pondérés",
    "rule": None,
    "policy": {"hide_threshold": 7},
    "days_ago": 5,
    "ballots": {"amelie": "for", "gaelle": "against", "jules": "for", "lucien": "for"},
    "comments": [
        (
            "gaelle",
            "À 5, deux habitués suffisent à masquer un billet le temps qu'on "
            "regarde : je trouve ça plutôt sain. Je voterai contre.",
        ),
        (
            "francois",
            "Deux billets de recettes ont été masqués pour rien le mois dernier, "
            "le temps que quelqu'un passe. À 7, il faut trois personnes.",
        ),
    ],
}
IN_DISCUSSION = {
    "community": "velo",
    "proposer": "djamel",
    "summary": "Ajouter une règle : dater les informations sur les travaux",
    "rule": (
        "Dater les informations sur les travaux",
        "Un billet sur des travaux ou une déviation dit quand vous l'avez "
        "constaté : les chantiers bougent vite.",
    ),
    "policy": {},
    "days_ago": 1,
    "ballots": {},
}


def load(*, members, communities, now) -> int:
    created = 0
    for data in (ADOPTED, UNDER_VOTE, IN_DISCUSSION):
        created += _amendment(data, members, communities[data["community"]], now)
    return created


def _amendment(data, members, community, now) -> int:
    if Amendment.objects.filter(community=community, summary=data["summary"]).exists():
        return 0
    community.refresh_from_db()
    proposed_at = now - timedelta(days=data["days_ago"])
    # Demo members joined with the community, long before these proposals.
    Membership.objects.filter(
        community=community, created_at__gt=community.created_at
    ).update(created_at=community.created_at)
    current = selectors.current_guide(community=community)
    text = selectors.guide_text(version=current)
    if data["rule"]:
        title, body = data["rule"]
        text += f"\n## {title}\n\n{body}\n"
    amendment = services.propose_amendment(
        actor=members[data["proposer"]],
        community=community,
        text=text,
        policy=data["policy"],
        summary=data["summary"],
        now=proposed_at,
    )
    created = 1
    for handle, body in data.get("comments", []):
        if not Comment.objects.filter(
            post=amendment.discussion_post, author=members[handle]
        ).exists():
            publishing_services.post_comment(
                actor=members[handle], post=amendment.discussion_post, body=body
            )
            created += 1
    _backdate(amendment, "AMENDMENT_PROPOSED", proposed_at)
    if amendment.discussion_ends_at > now:
        return created
    services.open_amendment_vote(amendment=amendment, now=amendment.discussion_ends_at)
    amendment.refresh_from_db()
    amendment.community = community
    _backdate(amendment, "AMENDMENT_VOTE", amendment.discussion_ends_at)
    for handle, choice in data["ballots"].items():
        services.cast_ballot(
            actor=members[handle],
            vote=amendment.vote,
            choice=choice,
            now=amendment.vote.opened_at + timedelta(hours=5),
        )
    if amendment.vote.closes_at <= now:
        services.close_amendment_vote(amendment=amendment, now=amendment.vote.closes_at)
        amendment.refresh_from_db()
        closed_at = amendment.vote.closes_at
        _backdate(amendment, "AMENDMENT_ADOPTED", closed_at)
        _backdate(amendment, "AMENDMENT_REJECTED", closed_at)
        if amendment.adopted_version_id:
            GuideVersion.objects.filter(pk=amendment.adopted_version_id).update(
                created_at=closed_at
            )
            ModerationLogEntry.objects.filter(
                guide_version_id=amendment.adopted_version_id
            ).update(created_at=closed_at)
        community.refresh_from_db()
        # Most members have read and accepted the new version since.
        Membership.objects.filter(community=community).exclude(
            member=members["rose"]
        ).update(accepted_guide_version=community.guide_version_number)
    return created


def _backdate(amendment, action: str, moment) -> None:
    """The demo happened over past weeks: its records carry those dates (the
    services stamp rows with the real time)."""
    if action == "AMENDMENT_PROPOSED":
        Amendment.objects.filter(pk=amendment.pk).update(created_at=moment)
        AmendmentRevision.objects.filter(amendment=amendment).update(created_at=moment)
    ModerationLogEntry.objects.filter(
        action=getattr(LogAction, action), target_url=amendment.get_absolute_url()
    ).update(created_at=moment)
