"""Reads on elections, each page in a bounded number of queries."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.core.paginator import Page, Paginator
from django.db.models import Count, Q

from causerie.elections.exceptions import ElectionNotFound, ResultsNotPublished
from causerie.elections.models import Candidacy, Election, Participation
from causerie.governance.models import Mandate


def elections_of(*, community, page: int | str = 1, per_page: int = 20) -> Page:
    """Every election of the community, newest first, with its number of
    candidates still standing."""
    elections = (
        Election.objects.filter(community=community)
        .select_related("community")
        .annotate(
            candidate_count=Count(
                "candidacies", filter=Q(candidacies__withdrawn_at__isnull=True)
            )
        )
        .order_by("-number")
    )
    return Paginator(elections, per_page).get_page(page)


def open_election(*, community) -> Election | None:
    return Election.objects.filter(
        community=community, phase__in=Election.OPEN_PHASES
    ).first()


def current_moderators(*, community) -> list[Mandate]:
    """Current mandates with their holders, founding ones first."""
    return list(
        Mandate.objects.filter(community=community, ended_at__isnull=True)
        .select_related("holder")
        .order_by("kind", "started_at", "pk")
    )


def election_by_number(*, community, number: int) -> Election:
    election = (
        Election.objects.filter(community=community, number=number)
        .select_related("questions_post", "called_by")
        .first()
    )
    if election is None:
        raise ElectionNotFound()
    election.community = community
    return election


@dataclass
class CandidateFacts:
    candidacy: Candidacy
    profile: object | None = None
    flags_upheld: int = 0
    decisions: list = field(default_factory=list)


def candidates(*, election: Election, include_withdrawn: bool = True) -> list:
    """Candidates in order of candidacy, each with their contribution profile
    (when the standing app computed one), how many of their flags moderators
    upheld and the decisions taken against them (not reversed). Four queries."""
    from causerie.moderation.models import Action, Flag, ModerationDecision
    from causerie.standing.models import ContributionProfile

    candidacies = Candidacy.objects.filter(election=election).select_related("member")
    if not include_withdrawn:
        candidacies = candidacies.filter(withdrawn_at__isnull=True)
    candidacies = list(candidacies.order_by("created_at", "pk"))
    member_ids = [c.member_id for c in candidacies]
    if not member_ids:
        return []
    community_id = election.community_id
    profiles = {
        profile.member_id: profile
        for profile in ContributionProfile.objects.filter(
            community_id=community_id, member_id__in=member_ids
        )
    }
    upheld = dict(
        Flag.objects.filter(
            community_id=community_id,
            flagger_id__in=member_ids,
            status=Flag.Status.UPHELD,
        )
        .values_list("flagger_id")
        .annotate(count=Count("pk"))
    )
    decisions: dict[int, list] = {}
    for decision in (
        ModerationDecision.objects.filter(
            community_id=community_id,
            member_id__in=member_ids,
            reversed_at__isnull=True,
        )
        .exclude(action=Action.KEEP)
        .select_related("rule")
        .order_by("-created_at")
    ):
        decisions.setdefault(decision.member_id, []).append(decision)
    return [
        CandidateFacts(
            candidacy=candidacy,
            profile=profiles.get(candidacy.member_id),
            flags_upheld=upheld.get(candidacy.member_id, 0),
            decisions=decisions.get(candidacy.member_id, [])[:10],
        )
        for candidacy in candidacies
    ]


def voters(*, election: Election) -> list:
    """Who voted (public), by name; never how."""
    return [
        participation.voter
        for participation in Participation.objects.filter(election=election)
        .select_related("voter")
        .order_by("voter__handle")
    ]


@dataclass
class RoundRow:
    candidacy: Candidacy
    votes: Decimal | None
    selected: bool
    received: Decimal | None = None
    given: list = field(default_factory=list)


@dataclass
class ResultRound:
    number: int
    status: str
    method: str
    selected: list
    rows: list
    exhausted: Decimal
    # The rows whose candidate passed votes on, in lot order.
    transfers: list = field(default_factory=list)


def results(*, election: Election) -> dict:
    """The published count with candidates in place of their numbers: the
    elected, the quota, and every round with its votes and transfers. Raises
    ResultsNotPublished before the close."""
    if election.phase != Election.Phase.FINISHED or not election.result:
        raise ResultsNotPublished()
    data = election.result
    by_id = {
        c.pk: c
        for c in Candidacy.objects.filter(election=election).select_related("member")
    }
    ordered = [by_id[candidacy_id] for candidacy_id in data["candidacy_ids"]]
    number_of = {n: c for n, c in enumerate(ordered, start=1)}
    rounds = []
    for row in data["rounds"]:
        votes = {int(n): Decimal(v) for n, v in row["votes"].items()}
        received: dict[int, Decimal] = {}
        given: dict[int, list] = {}
        for source, targets in row["transfers"].items():
            for target, value in targets.items():
                received[int(target)] = received.get(int(target), 0) + Decimal(value)
                given.setdefault(int(source), []).append(
                    (number_of[int(target)], Decimal(value))
                )
        rows = [
            RoundRow(
                candidacy=number_of[n],
                votes=votes[n],
                selected=n in row["selected"],
                received=received.get(n),
                given=given.get(n, []),
            )
            for n in sorted(votes, key=lambda n: (-votes[n], n))
        ]
        rounds.append(
            ResultRound(
                number=row["number"],
                status=row["status"],
                method=row["method"],
                selected=[number_of[n] for n in row["selected"]],
                rows=rows,
                exhausted=Decimal(row["exhausted"]),
                transfers=[r for r in rows if r.given],
            )
        )
    return {
        "elected": [number_of[n] for n in data["elected"]],
        "quota": data["quota"],
        "valid_ballots": data["valid_ballots"],
        "blank_ballots": data["blank_ballots"],
        "lot_order": ordered,
        "withdrawn": [number_of[n] for n in data["withdrawn"]],
        "rounds": rounds,
    }
