"""Writes on elections: calling one, standing, withdrawing, voting, the
phases moved by the clock, the count and the mandates it gives.

Every step is in the community's public moderation log. Steps moved by a
deadline are logged in the name of the moderator who has served longest (the
founder, before the first election): a deadline acts, but the log names a
person (docs/governance.md).
"""

import calendar
import hashlib
import hmac
import random
from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from causerie.accounts.models import User
from causerie.communities.models import Community, Membership
from causerie.core.events import emit
from causerie.core.exceptions import DomainError
from causerie.core.markdown import render_markdown
from causerie.core.validation import check_text
from causerie.elections import blt, counting, permissions
from causerie.elections.exceptions import (
    ElectionAlreadyOpen,
    EmptyStatement,
    InvalidRanking,
    NominationsClosed,
    NoSeatToFill,
    NotACandidate,
    NotAllowedToCallElection,
    NotEligibleToStand,
    NotEligibleToVote,
    VotingClosed,
    VotingNotOpen,
    WithdrawalClosed,
)
from causerie.elections.models import Ballot, Candidacy, Election, Participation
from causerie.governance.models import Mandate

# Phase lengths (docs/governance.md): 5 + 2 + 7 = 14 days, so that an
# election opened 14 days before terms end publishes its results when they end.
NOMINATION_DAYS = 5
QUESTIONS_DAYS = 2
VOTING_DAYS = 7
# DESIGN, Defaults: elections open 14 days before terms end.
RENEWAL_NOTICE_DAYS = 14
# DESIGN, Defaults: the first election.
FIRST_ELECTION_DAY = 90
FIRST_ELECTION_MEMBERS = 30
FIRST_ELECTION_MEMBER_DAYS = 30
FIRST_ELECTION_CANDIDACY_DAYS = 14
# A void election (or one that left seats empty) is called again after this.
RETRY_DAYS = 30
# DESIGN, Defaults: candidacy needs no suspension in the last 90 days.
SUSPENSION_LOOKBACK_DAYS = 90


def add_months(moment: datetime, months: int) -> datetime:
    """The same day `months` later (the month's last day when it is shorter)."""
    month_index = moment.month - 1 + months
    year, month = moment.year + month_index // 12, month_index % 12 + 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


def voter_key(*, election_id: int, voter_id: int) -> str:
    """Keys a ballot to its voter without naming them: replacing a ballot
    works, reading who cast which one needs the site's secret key."""
    message = f"election:{election_id}:voter:{voter_id}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()


# Calling an election ---------------------------------------------------------


def call_election(
    *, community: Community, reason: str, actor: User | None = None, now=None
) -> Election | None:
    """Open an election (nominations first). `actor` is the moderator who
    calls it; None when a deadline or a recall does. Returns the election
    under way when one already is (raises ElectionAlreadyOpen for a
    moderator's call) and None, or NoSeatToFill for a moderator, when every
    seat is held and no term ends before the vote would close."""
    from causerie.communities import selectors as community_selectors

    now = now or timezone.now()
    if actor is not None and not permissions.can_call_election(
        actor,
        community,
        is_moderator=actor.pk in community_selectors.moderator_ids(community=community),
    ):
        raise NotAllowedToCallElection()
    with transaction.atomic():
        locked = Community.objects.select_for_update().get(pk=community.pk)
        current = Election.objects.filter(
            community=locked, phase__in=Election.OPEN_PHASES
        ).first()
        if current is not None:
            if actor is not None:
                raise ElectionAlreadyOpen()
            return _widen(current, now=now)
        is_first = not _first_election_held(locked)
        closes_at = now + timedelta(days=NOMINATION_DAYS + QUESTIONS_DAYS + VOTING_DAYS)
        seats = _seats_to_fill(locked, is_first=is_first, closes_at=closes_at)
        if seats < 1:
            if actor is not None:
                raise NoSeatToFill()
            return None
        if is_first:
            reason = Election.Reason.FIRST
        policy = locked.policy
        election = Election.objects.create(
            community=locked,
            number=community_selectors.next_number(
                Election.objects.filter(community=locked)
            ),
            reason=reason,
            is_first=is_first,
            seats=seats,
            term_months=policy.moderator_term_months,
            candidacy_trust_level=policy.candidacy_trust_level,
            candidacy_member_days=FIRST_ELECTION_CANDIDACY_DAYS
            if is_first
            else policy.candidacy_member_days,
            called_by=actor,
            called_at=now,
            questions_at=now + timedelta(days=NOMINATION_DAYS),
            voting_opens_at=now + timedelta(days=NOMINATION_DAYS + QUESTIONS_DAYS),
            voting_closes_at=closes_at,
        )
        election.community = locked
        election.questions_post = _questions_thread(election, actor=actor, now=now)
        if election.questions_post is not None:
            election.save(update_fields=["questions_post"])
        _log(
            election,
            "ELECTION_CALLED",
            actor=actor,
            explanation=_explain_call(election),
        )
    return election


def _widen(election: Election, *, now) -> Election:
    """A seat freed while nominations are open goes to the election under way."""
    if election.phase != Election.Phase.NOMINATION or election.is_first:
        return election
    seats = _seats_to_fill(
        election.community, is_first=False, closes_at=election.voting_closes_at
    )
    if seats > election.seats:
        Election.objects.filter(pk=election.pk).update(seats=seats, updated_at=now)
        election.seats = seats
    return election


def _first_election_held(community: Community) -> bool:
    """The first election is the first one that elected someone; a void one
    leaves the founding mandates in place."""
    return Election.objects.filter(
        community=community, is_first=True, phase=Election.Phase.FINISHED
    ).exists()


def _seats_to_fill(community: Community, *, is_first: bool, closes_at) -> int:
    seats = community.policy.moderator_seats
    if is_first:
        return seats
    staying = Mandate.objects.filter(
        community=community,
        kind=Mandate.Kind.ELECTED,
        ended_at__isnull=True,
        ends_at__gt=closes_at + timedelta(days=1),
    ).count()
    return max(seats - staying, 0)


def _explain_call(election: Election) -> str:
    with translation.override(election.community.language):
        return ngettext(
            "%(seats)s seat to fill (%(reason)s). Nominations until %(date)s.",
            "%(seats)s seats to fill (%(reason)s). Nominations until %(date)s.",
            election.seats,
        ) % {
            "seats": election.seats,
            "reason": election.get_reason_display(),
            "date": timezone.localtime(election.questions_at).strftime("%d/%m/%Y"),
        }


def _questions_thread(election: Election, *, actor, now):
    """A billet where members question the candidates, by whoever called the
    election or the longest-serving moderator. None when nobody may post (the
    election page then says so)."""
    from causerie.publishing import services as publishing_services
    from causerie.publishing.models import Intent

    community = election.community
    authors = [actor] if actor is not None else []
    authors += [m for m in _stewards(community) if m not in authors]
    with translation.override(community.language):
        title = _("Election of moderators no. %(number)s: questions to candidates") % {
            "number": election.number
        }
        body = _(
            "Ask the candidates your questions here; they answer in this thread.\n\n"
            "Candidates, statements and the vote: [the election page](%(path)s)."
        ) % {"path": election.get_absolute_url()}
    for author in authors:
        try:
            with transaction.atomic():
                return publishing_services.publish_post(
                    actor=author,
                    community=community,
                    title=title,
                    body=body,
                    intent=Intent.INFORMATION,
                    # An election called in the past (the demo) keeps its date.
                    published_at=now
                    if now < timezone.now() - timedelta(hours=1)
                    else None,
                )
        except DomainError:
            continue
    return None


def _stewards(community: Community) -> list[User]:
    """Current moderators, longest-serving first, then the founder."""
    holders = [
        mandate.holder
        for mandate in Mandate.objects.filter(
            community=community, ended_at__isnull=True
        )
        .select_related("holder")
        .order_by("started_at", "pk")
    ]
    if community.founder_id and community.founder not in holders:
        holders.append(community.founder)
    return holders


def _steward(community: Community) -> User:
    stewards = _stewards(community)
    if stewards:
        return stewards[0]
    membership = (
        Membership.objects.filter(community=community)
        .select_related("member")
        .order_by("created_at")
        .first()
    )
    if membership is not None:
        return membership.member
    return User.objects.filter(is_superuser=True).order_by("pk").first()


def _log(
    election: Election,
    action: str,
    *,
    actor: User | None = None,
    member: User | None = None,
    explanation: str = "",
    results: bool = False,
) -> None:
    from causerie.moderation import services as moderation_services
    from causerie.moderation.models import LogAction

    community = election.community
    with translation.override(community.language):
        title = _("Election of moderators no. %(number)s") % {"number": election.number}
    moderation_services.record_log_entry(
        community=community,
        actor=actor or member or _steward(community),
        action=getattr(LogAction, action),
        member_id=member.pk if member else None,
        target_title=title[:200],
        target_url=election.get_results_url()
        if results
        else election.get_absolute_url(),
        explanation=explanation,
    )


# Candidates ------------------------------------------------------------------


def candidacy_refusal(*, member, election: Election, now=None) -> str | None:
    """Why `member` may not stand (a translated sentence), or None."""
    from causerie.moderation.models import Sanction

    now = now or timezone.now()
    if not member.is_authenticated:
        return str(NotEligibleToStand.message)
    membership = Membership.objects.filter(
        community_id=election.community_id, member=member
    ).first()
    if membership is None:
        return _("Only members of the community may stand.")
    if member.trust_level < election.candidacy_trust_level:
        return _("Candidates need trust level %(level)s.") % {
            "level": election.candidacy_trust_level
        }
    if membership.created_at > now - timedelta(days=election.candidacy_member_days):
        return _("Candidates need to have been members for %(days)s days.") % {
            "days": election.candidacy_member_days
        }
    suspended = Sanction.objects.filter(
        community_id=election.community_id,
        member=member,
        created_at__gte=now - timedelta(days=SUSPENSION_LOOKBACK_DAYS),
        decision__reversed_at__isnull=True,
    ).exists()
    if suspended:
        return _("Candidates may not have been suspended in the last 90 days.")
    return None


def stand(*, actor: User, election: Election, statement: str, now=None) -> Candidacy:
    """Stand with a statement (or change it) while nominations are open."""
    now = now or timezone.now()
    election = _caught_up(election, now=now)
    if election.phase != Election.Phase.NOMINATION or now >= election.questions_at:
        raise NominationsClosed()
    refusal = candidacy_refusal(member=actor, election=election, now=now)
    if refusal is not None:
        raise NotEligibleToStand(refusal)
    check_text(statement=statement)
    if not statement.strip():
        raise EmptyStatement(field="statement")
    with transaction.atomic():
        candidacy, created = Candidacy.objects.select_for_update().get_or_create(
            election=election,
            member=actor,
            defaults={
                "statement": statement,
                "statement_html": render_markdown(statement),
            },
        )
        if not created:
            candidacy.statement = statement
            candidacy.statement_html = render_markdown(statement)
            candidacy.withdrawn_at = None
            candidacy.save(
                update_fields=[
                    "statement",
                    "statement_html",
                    "withdrawn_at",
                    "updated_at",
                ]
            )
    return candidacy


def withdraw(*, actor: User, election: Election, now=None) -> Candidacy:
    """A candidate withdraws, until the vote closes; ballots that rank them
    then pass to their next preference."""
    now = now or timezone.now()
    election = _caught_up(election, now=now)
    if not election.is_open or now >= election.voting_closes_at:
        raise WithdrawalClosed()
    with transaction.atomic():
        candidacy = (
            Candidacy.objects.select_for_update()
            .filter(election=election, member=actor, withdrawn_at__isnull=True)
            .first()
        )
        if candidacy is None:
            raise NotACandidate()
        candidacy.withdrawn_at = now
        candidacy.save(update_fields=["withdrawn_at", "updated_at"])
    return candidacy


# Voting ----------------------------------------------------------------------


def cast_ballot(
    *, actor: User, election: Election, ranking: list[int], now=None
) -> None:
    """Record or replace the actor's ranked ballot (candidacy ids, first
    preference first; empty for a blank vote) until the close. The ballot is
    stored without the voter; the public participation row says who voted."""
    from causerie.communities import selectors as community_selectors

    now = now or timezone.now()
    election = _caught_up(election, now=now)
    if now >= election.voting_closes_at or election.phase in (
        Election.Phase.FINISHED,
        Election.Phase.VOID,
    ):
        raise VotingClosed()
    if election.phase != Election.Phase.VOTING or now < election.voting_opens_at:
        raise VotingNotOpen()
    membership = community_selectors.membership_of(
        member=actor, community=election.community
    )
    if not permissions.can_vote(actor, membership=membership, election=election):
        raise NotEligibleToVote()
    standing = set(
        Candidacy.objects.filter(
            election=election, withdrawn_at__isnull=True
        ).values_list("pk", flat=True)
    )
    ranking = [int(candidacy_id) for candidacy_id in ranking]
    if len(set(ranking)) != len(ranking) or not set(ranking) <= standing:
        raise InvalidRanking(field="ranking")
    key = voter_key(election_id=election.pk, voter_id=actor.pk)
    try:
        with transaction.atomic():
            # The lock orders concurrent ballots of one election behind the
            # close, so none lands after the count.
            locked = Election.objects.select_for_update().get(pk=election.pk)
            if locked.phase != Election.Phase.VOTING:
                raise VotingClosed()
            updated = Ballot.objects.filter(election=locked, voter_key=key).update(
                ranking=ranking
            )
            if not updated:
                Ballot.objects.create(election=locked, voter_key=key, ranking=ranking)
                Participation.objects.create(election=locked, voter=actor)
                Election.objects.filter(pk=locked.pk).update(
                    voter_count=F("voter_count") + 1
                )
    except IntegrityError:
        # Another request of the same voter created the rows first: replace.
        Ballot.objects.filter(election=election, voter_key=key).update(ranking=ranking)


def ballot_of(*, member, election: Election) -> list[int] | None:
    """The member's own current ranking (to change it), None if they have not voted."""
    if not member.is_authenticated:
        return None
    ballot = Ballot.objects.filter(
        election=election,
        voter_key=voter_key(election_id=election.pk, voter_id=member.pk),
    ).first()
    return None if ballot is None else list(ballot.ranking)


# The clock -------------------------------------------------------------------


def advance_elections(now=None) -> int:
    """The periodic task's work: move every election whose deadline passed,
    end terms that ran out, and call the elections that are due. Returns how
    many steps were taken."""
    now = now or timezone.now()
    steps = 0
    for election in Election.objects.filter(
        phase__in=Election.OPEN_PHASES
    ).select_related("community"):
        steps += _advance(election, now=now)
    steps += end_expired_mandates(now=now)
    for community in Community.objects.filter(suspended_at__isnull=True):
        if call_due_election(community=community, now=now) is not None:
            steps += 1
    return steps


def advance_election(*, election: Election, now=None) -> int:
    """Apply one election's deadlines up to `now` (the demo backdates with it)."""
    return _advance(election, now=now or timezone.now())


def _caught_up(election: Election, *, now) -> Election:
    """Acting on an election first applies the deadlines already past, so a
    late scheduler never lets a step happen out of time."""
    if election.is_open and _advance(election, now=now):
        election.refresh_from_db()
    return election


def _advance(election: Election, *, now) -> int:
    steps = 0
    with transaction.atomic():
        election = (
            Election.objects.select_for_update()
            .select_related("community")
            .get(pk=election.pk)
        )
        if election.phase == Election.Phase.NOMINATION and now >= election.questions_at:
            if not _standing(election).exists():
                _void(election, now=now)
                return 1
            election.phase = Election.Phase.QUESTIONS
            election.save(update_fields=["phase", "updated_at"])
            steps += 1
        if (
            election.phase == Election.Phase.QUESTIONS
            and now >= election.voting_opens_at
        ):
            _open_voting(election)
            steps += 1
        if election.phase == Election.Phase.VOTING and now >= election.voting_closes_at:
            publish_results(election=election, now=now)
            steps += 1
    return steps


def _standing(election: Election):
    return Candidacy.objects.filter(election=election, withdrawn_at__isnull=True)


def _void(election: Election, *, now) -> None:
    election.phase = Election.Phase.VOID
    election.closed_at = now
    election.save(update_fields=["phase", "closed_at", "updated_at"])
    with translation.override(election.community.language):
        if election.is_first:
            explanation = _(
                "No eligible candidate stood: the founding mandates continue and "
                "the election will be called again in %(days)s days."
            ) % {"days": RETRY_DAYS}
        else:
            explanation = _(
                "No eligible candidate stood: the election will be called again "
                "in %(days)s days."
            ) % {"days": RETRY_DAYS}
    _log(election, "ELECTION_VOID", explanation=explanation)


def _open_voting(election: Election) -> None:
    from causerie.governance.events import VoteOpened

    election.phase = Election.Phase.VOTING
    election.eligible_voter_count = Membership.objects.filter(
        community=election.community,
        created_at__lt=election.voting_opens_at,
        member__date_joined__lt=election.voting_opens_at,
        member__trust_level__gte=1,
    ).count()
    election.save(update_fields=["phase", "eligible_voter_count", "updated_at"])
    with translation.override(election.community.language):
        explanation = _("Ranked ballots until %(date)s.") % {
            "date": timezone.localtime(election.voting_closes_at).strftime(
                "%d/%m/%Y %H:%M"
            )
        }
    _log(election, "ELECTION_VOTING", explanation=explanation)
    emit(
        VoteOpened(
            community_id=election.community_id,
            subject="election",
            title=_title(election),
            path=election.get_absolute_url(),
            actor_id=None,
        )
    )


def _title(election: Election) -> str:
    with translation.override(election.community.language):
        return _("Election of moderators no. %(number)s") % {"number": election.number}


# The count -------------------------------------------------------------------


def lot_order(election: Election, candidacies) -> list[Candidacy]:
    """The published order of candidates, which breaks the ties that earlier
    rounds do not: by SHA-256 of "<community>/<election>/<handle>", so anyone
    can check it and nobody chose it."""

    def draw(candidacy):
        text = f"{election.community.slug}/{election.number}/{candidacy.member.handle}"
        return hashlib.sha256(text.encode()).hexdigest()

    return sorted(candidacies, key=draw)


def recount(*, election: Election) -> counting.CountResult:
    """Count the stored ballots again (the published result must equal this)."""
    candidacies = lot_order(
        election,
        Candidacy.objects.filter(election=election).select_related("member"),
    )
    numbers = {candidacy.pk: n for n, candidacy in enumerate(candidacies, start=1)}
    ballots = [
        [numbers[candidacy_id] for candidacy_id in ranking if candidacy_id in numbers]
        for ranking in Ballot.objects.filter(election=election).values_list(
            "ranking", flat=True
        )
    ]
    return counting.count(
        candidates=len(candidacies),
        seats=election.seats,
        ballots=ballots,
        withdrawn=[numbers[c.pk] for c in candidacies if c.withdrawn_at is not None],
    )


def publish_results(*, election: Election, now=None) -> Election:
    """Close the vote, count it, publish the result and the anonymised ballots,
    and give the elected their mandates. Called by the clock (inside
    `_advance`'s transaction, election row locked)."""
    from causerie.governance.events import VoteClosed

    now = now or timezone.now()
    candidacies = lot_order(
        election,
        Candidacy.objects.filter(election=election).select_related("member"),
    )
    numbers = {candidacy.pk: n for n, candidacy in enumerate(candidacies, start=1)}
    rankings = list(
        Ballot.objects.filter(election=election).values_list("ranking", flat=True)
    )
    ballots = [
        [numbers[candidacy_id] for candidacy_id in ranking if candidacy_id in numbers]
        for ranking in rankings
    ]
    withdrawn = [numbers[c.pk] for c in candidacies if c.withdrawn_at is not None]
    result = counting.count(
        candidates=len(candidacies),
        seats=election.seats,
        ballots=ballots,
        withdrawn=withdrawn,
    )
    if not result.elected:
        # Every candidate withdrew during the vote.
        election.result = {
            **result.to_json(),
            "candidacy_ids": [c.pk for c in candidacies],
        }
        election.save(update_fields=["result", "updated_at"])
        _void(election, now=now)
        return election
    # Anonymised and shuffled: the stored order says nothing about who voted when.
    random.SystemRandom().shuffle(ballots)
    with translation.override(election.community.language):
        title = f"{_title(election)} — {election.community.name}"
    election.blt = blt.write(
        blt.Blt(
            candidates=[f"{c.member.name} (@{c.member.handle})" for c in candidacies],
            seats=election.seats,
            ballots=ballots,
            withdrawn=withdrawn,
            title=title,
        )
    )
    election.result = {**result.to_json(), "candidacy_ids": [c.pk for c in candidacies]}
    election.phase = Election.Phase.FINISHED
    election.closed_at = now
    election.voter_count = Participation.objects.filter(election=election).count()
    election.save(
        update_fields=[
            "blt",
            "result",
            "phase",
            "closed_at",
            "voter_count",
            "updated_at",
        ]
    )
    by_number = {n: c for c, n in numbers.items()}
    elected = [
        next(c for c in candidacies if c.pk == by_number[n]) for n in result.elected
    ]
    with translation.override(election.community.language):
        names = ", ".join(f"@{c.member.handle}" for c in elected)
        explanation = _(
            "Elected: %(names)s. Turnout: %(voters)s of %(eligible)s members."
        ) % {
            "names": names,
            "voters": election.voter_count,
            "eligible": election.eligible_voter_count,
        }
    _log(election, "ELECTION_RESULT", explanation=explanation, results=True)
    _replace_mandates(election, elected, now=now)
    emit(
        VoteClosed(
            community_id=election.community_id,
            subject="election",
            title=_title(election),
            path=election.get_results_url(),
            outcome="elected: " + names,
        )
    )
    return election


def _replace_mandates(election: Election, elected: list[Candidacy], *, now) -> None:
    """The elected start a term now. The first election ends every founding
    mandate; a renewal ends the terms it renewed. Mandates belong to
    governance; the election writes the ones its count decides."""
    community = election.community
    ending = Mandate.objects.filter(community=community, ended_at__isnull=True)
    if election.is_first:
        ending = ending.filter(kind=Mandate.Kind.FOUNDING)
    else:
        ending = ending.filter(
            kind=Mandate.Kind.ELECTED,
            ends_at__lte=election.voting_closes_at + timedelta(days=1),
        )
    elected_ids = {c.member_id for c in elected}
    # A re-elected moderator's current term ends so the new one can start.
    ending = ending | Mandate.objects.filter(
        community=community, ended_at__isnull=True, holder_id__in=elected_ids
    )
    for mandate in ending.select_related("holder").distinct():
        _end_mandate(mandate, at=now, election=election)
    ends_at = add_months(now, election.term_months)
    for candidacy in elected:
        mandate = Mandate.objects.create(
            community=community,
            holder=candidacy.member,
            kind=Mandate.Kind.ELECTED,
            started_at=now,
            ends_at=ends_at,
        )
        Candidacy.objects.filter(pk=candidacy.pk).update(
            elected=True, mandate=mandate, updated_at=now
        )
        with translation.override(community.language):
            explanation = _("Term until %(date)s.") % {
                "date": timezone.localtime(ends_at).strftime("%d/%m/%Y")
            }
        _log(
            election,
            "MODERATOR_ELECTED",
            member=candidacy.member,
            explanation=explanation,
            results=True,
        )


def _end_mandate(mandate: Mandate, *, at, election: Election | None = None) -> None:
    Mandate.objects.filter(pk=mandate.pk).update(ended_at=at, updated_at=at)
    from causerie.moderation import services as moderation_services
    from causerie.moderation.models import LogAction

    community = mandate.community
    with translation.override(community.language):
        if mandate.kind == Mandate.Kind.FOUNDING:
            explanation = _("Founding mandate, ended by the first election.")
        elif election is not None:
            explanation = _("Term renewed by the election.")
        else:
            explanation = _("Term ended on its date.")
    moderation_services.record_log_entry(
        community=community,
        actor=mandate.holder,
        action=LogAction.MANDATE_ENDED,
        member_id=mandate.holder_id,
        target_title=(
            _title(election) if election is not None else f"@{mandate.holder.handle}"
        )[:200],
        target_url=election.get_results_url() if election is not None else "",
        explanation=explanation,
    )


def end_expired_mandates(*, now=None) -> int:
    """Moderators whose term ended lose the role (logged)."""
    now = now or timezone.now()
    expired = list(
        Mandate.objects.filter(
            kind=Mandate.Kind.ELECTED, ended_at__isnull=True, ends_at__lte=now
        ).select_related("holder", "community")
    )
    for mandate in expired:
        with transaction.atomic():
            _end_mandate(mandate, at=mandate.ends_at)
    return len(expired)


def call_due_election(*, community: Community, now=None) -> Election | None:
    """Call the election the calendar asks for, if any (docs/governance.md)."""
    now = now or timezone.now()
    reason = _due_reason(community, now=now)
    if reason is None:
        return None
    return call_election(community=community, reason=reason, now=now)


def _due_reason(community: Community, *, now) -> str | None:
    elections = Election.objects.filter(community=community)
    if elections.filter(phase__in=Election.OPEN_PHASES).exists():
        return None
    last = elections.order_by("-number").first()
    retry_due = last is None or (
        last.closed_at is not None
        and now >= last.closed_at + timedelta(days=RETRY_DAYS)
    )
    if not _first_election_held(community):
        if not retry_due:
            return None
        old_enough = now >= community.created_at + timedelta(days=FIRST_ELECTION_DAY)
        if old_enough:
            return Election.Reason.FIRST
        seasoned = Membership.objects.filter(
            community=community,
            created_at__lte=now - timedelta(days=FIRST_ELECTION_MEMBER_DAYS),
        ).count()
        return Election.Reason.FIRST if seasoned >= FIRST_ELECTION_MEMBERS else None
    elected = Mandate.objects.filter(
        community=community, kind=Mandate.Kind.ELECTED, ended_at__isnull=True
    )
    renewal = (
        elected.filter(ends_at__lte=now + timedelta(days=RENEWAL_NOTICE_DAYS))
        .order_by("ends_at")
        .first()
    )
    if (
        renewal is not None
        and not elections.filter(
            called_at__gte=renewal.ends_at - timedelta(days=RENEWAL_NOTICE_DAYS)
        ).exists()
    ):
        return Election.Reason.TERM_END
    if elected.count() < community.policy.moderator_seats:
        freed_since = Mandate.objects.filter(
            community=community,
            kind=Mandate.Kind.ELECTED,
            ended_at__gt=last.closed_at,
        ).exists()
        if retry_due or freed_since:
            return Election.Reason.VACANCY
    return None
