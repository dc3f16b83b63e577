"""Election rules, with a controllable clock: when elections open, who may
stand and vote, phases, the count, mandates and the public log."""

from datetime import timedelta

import pytest
from django.utils import timezone

from causerie.communities import selectors as community_selectors
from causerie.core import events
from causerie.elections import services
from causerie.elections.exceptions import (
    ElectionAlreadyOpen,
    InvalidRanking,
    NominationsClosed,
    NoSeatToFill,
    NotAllowedToCallElection,
    NotEligibleToStand,
    NotEligibleToVote,
    VotingClosed,
    VotingNotOpen,
)
from causerie.elections.models import Ballot, Election, Participation
from causerie.elections.tests.builders import (
    DAY,
    close,
    community_at_day,
    first_election,
    join,
    rank,
    to_voting,
)
from causerie.governance.models import Mandate
from causerie.moderation.models import LogAction, ModerationLogEntry

pytestmark = pytest.mark.django_db

STATEMENT = "Je veux une modération **calme** et transparente."
HOUR = timedelta(hours=1)


def _cast(voter, election, ranking):
    services.cast_ballot(
        actor=voter,
        election=election,
        ranking=ranking,
        now=election.voting_opens_at + HOUR,
    )


def _log_actions(community):
    return list(
        ModerationLogEntry.objects.filter(community=community)
        .order_by("created_at", "pk")
        .values_list("action", flat=True)
    )


# When elections open -------------------------------------------------------


def test_first_election_opens_at_day_90_and_not_before():
    _community, _founder = community_at_day(0)
    now = timezone.now()
    assert services.advance_elections(now=now + 89 * DAY) == 0
    assert not Election.objects.exists()
    services.advance_elections(now=now + 90 * DAY + timedelta(minutes=1))
    election = Election.objects.get()
    assert election.is_first
    assert election.reason == Election.Reason.FIRST
    assert election.seats == 3
    assert election.candidacy_member_days == 14
    assert election.phase == Election.Phase.NOMINATION
    assert election.questions_post is not None
    entry = ModerationLogEntry.objects.get(action=LogAction.ELECTION_CALLED)
    assert entry.target_url == election.get_absolute_url()
    assert entry.target_title
    # Only one election at a time.
    services.advance_elections(now=now + 91 * DAY)
    assert Election.objects.count() == 1


def test_first_election_opens_early_once_30_members_have_30_days():
    community, _founder = community_at_day(40)
    for n in range(28):
        join(community, f"ancien{n}", days_ago=35)
    join(community, "recente", days_ago=10)
    now = timezone.now()
    services.advance_elections(now=now)
    assert not Election.objects.exists()  # 29 members of 30 days
    join(community, "ancien-28", days_ago=31)
    services.advance_elections(now=now)
    assert Election.objects.get().reason == Election.Reason.FIRST


def test_void_first_election_keeps_founders_and_is_called_again_30_days_later():
    community, founder = community_at_day(90)
    election = first_election(community)
    services.advance_elections(now=election.questions_at)
    election.refresh_from_db()
    assert election.phase == Election.Phase.VOID
    assert LogAction.ELECTION_VOID in _log_actions(community)
    assert Mandate.objects.get(holder=founder).ended_at is None
    services.advance_elections(now=election.questions_at + 29 * DAY)
    assert Election.objects.count() == 1
    services.advance_elections(now=election.questions_at + 30 * DAY)
    again = Election.objects.order_by("-number").first()
    assert again.number == 2
    assert again.is_first


def test_terms_ending_open_an_election_14_days_before_and_then_end():
    community, founder = community_at_day(90)
    alice = join(community, "alice")
    election = first_election(community)
    services.stand(actor=alice, election=election, statement=STATEMENT)
    to_voting(election)
    _cast(founder, election, rank(election, alice))
    close(election)
    mandate = Mandate.objects.get(holder=alice, ended_at__isnull=True)
    assert mandate.kind == Mandate.Kind.ELECTED
    # First election filled 1 of 3 seats: the vacancy is called 30 days later,
    # unless terms end first. Move past the vacancy retry, then to term end.
    services.advance_elections(now=mandate.ends_at - 15 * DAY)
    renewal = Election.objects.filter(reason=Election.Reason.TERM_END).first()
    vacancy = Election.objects.filter(reason=Election.Reason.VACANCY).first()
    assert renewal is None
    assert vacancy is not None
    # Let that vacancy election lapse without candidates.
    services.advance_elections(now=vacancy.questions_at)
    services.advance_elections(now=mandate.ends_at - 14 * DAY)
    renewal = Election.objects.get(reason=Election.Reason.TERM_END)
    assert renewal.seats == 3
    # Nobody stands: the term ends on its date all the same.
    services.advance_elections(now=renewal.questions_at)
    services.advance_elections(now=mandate.ends_at)
    mandate.refresh_from_db()
    assert mandate.ended_at == mandate.ends_at
    assert alice.pk not in community_selectors.moderator_ids(community=community)
    assert LogAction.MANDATE_ENDED in _log_actions(community)


def test_vacant_seat_calls_an_election_once_the_first_one_happened():
    community, _founder = community_at_day(90)
    members = [join(community, f"m{n}") for n in range(3)]
    election = first_election(community)
    for member in members:
        services.stand(actor=member, election=election, statement=STATEMENT)
    to_voting(election)
    close(election)
    assert (
        Mandate.objects.filter(
            community=community, kind=Mandate.Kind.ELECTED, ended_at__isnull=True
        ).count()
        == 3
    )
    later = election.closed_at + 10 * DAY
    services.advance_elections(now=later)
    assert Election.objects.count() == 1  # every seat held
    # A moderator's mandate ends early (they left): the seat falls vacant.
    Mandate.objects.filter(holder=members[0]).update(ended_at=later)
    services.advance_elections(now=later + DAY)
    vacancy = Election.objects.get(number=2)
    assert (vacancy.reason, vacancy.seats) == (Election.Reason.VACANCY, 1)


def test_a_moderator_calls_an_election_others_cannot():
    community, founder = community_at_day(10)
    member = join(community, "membre")
    with pytest.raises(NotAllowedToCallElection):
        services.call_election(community=community, reason="called", actor=member)
    election = services.call_election(
        community=community, reason="called", actor=founder
    )
    # Before the first election, any call is the first election.
    assert election.is_first
    assert election.called_by == founder
    with pytest.raises(ElectionAlreadyOpen):
        services.call_election(community=community, reason="called", actor=founder)


def test_no_seat_to_fill_refuses_a_moderators_call():
    community, _founder = community_at_day(90)
    members = [join(community, f"m{n}") for n in range(3)]
    election = first_election(community)
    for member in members:
        services.stand(actor=member, election=election, statement=STATEMENT)
    to_voting(election)
    close(election)
    with pytest.raises(NoSeatToFill):
        services.call_election(community=community, reason="called", actor=members[0])
    assert services.call_election(community=community, reason="recall") is None


def test_recall_calls_a_by_election_for_the_freed_seat():
    community, _founder = community_at_day(90)
    members = [join(community, f"m{n}") for n in range(3)]
    election = first_election(community)
    for member in members:
        services.stand(actor=member, election=election, statement=STATEMENT)
    to_voting(election)
    close(election)
    Mandate.objects.filter(holder=members[1]).update(ended_at=timezone.now())
    by_election = services.call_election(
        community=community, reason="recall", actor=None
    )
    assert (by_election.reason, by_election.seats) == ("recall", 1)
    assert not by_election.is_first


# Candidates ----------------------------------------------------------------


def test_candidacy_eligibility():
    from causerie.moderation.models import ModerationDecision, Sanction

    community, founder = community_at_day(90)
    election = first_election(community)
    now = election.called_at
    fine = join(community, "eligible", days_ago=15)
    too_new = join(community, "recent", days_ago=13)
    low_trust = join(community, "discret", trust_level=1)
    suspended = join(community, "suspendue")
    outsider = join(community_at_day(1, slug="ailleurs")[0], "dehors")
    decision = ModerationDecision.objects.create(
        community=community,
        member=suspended,
        moderator=founder,
        action="suspend",
        reason="spam",
        suspended_until=now + DAY,
    )
    Sanction.objects.create(
        community=community,
        member=suspended,
        decision=decision,
        kind=Sanction.Kind.SUSPENSION,
        until=now + DAY,
    )
    assert services.candidacy_refusal(member=fine, election=election, now=now) is None
    for member in (too_new, low_trust, suspended, outsider):
        with pytest.raises(NotEligibleToStand):
            services.stand(
                actor=member, election=election, statement=STATEMENT, now=now
            )
    # A suspension more than 90 days old, or reversed on appeal, does not count.
    ModerationDecision.objects.filter(pk=decision.pk).update(reversed_at=now)
    assert services.candidacy_refusal(member=suspended, election=election) is None


def test_later_elections_ask_the_policy_membership_length():
    community, _founder = community_at_day(200)
    members = [join(community, f"m{n}", days_ago=100) for n in range(3)]
    election = first_election(community)
    for member in members:
        services.stand(actor=member, election=election, statement=STATEMENT)
    to_voting(election)
    close(election)
    Mandate.objects.filter(holder=members[0]).update(ended_at=timezone.now())
    by_election = services.call_election(community=community, reason="recall")
    assert by_election.candidacy_member_days == 30
    newer = join(community, "vingt-jours", days_ago=20)
    with pytest.raises(NotEligibleToStand):
        services.stand(actor=newer, election=by_election, statement=STATEMENT)


def test_stand_edit_withdraw_and_nominations_close():
    community, _founder = community_at_day(90)
    alice = join(community, "alice")
    election = first_election(community)
    candidacy = services.stand(actor=alice, election=election, statement=STATEMENT)
    again = services.stand(actor=alice, election=election, statement="Nouveau texte")
    assert again.pk == candidacy.pk
    assert again.statement == "Nouveau texte"
    services.withdraw(actor=alice, election=election)
    with pytest.raises(NominationsClosed):
        services.stand(
            actor=alice,
            election=election,
            statement=STATEMENT,
            now=election.questions_at,
        )
    # Everyone withdrew: nobody stands when nominations close.
    election.refresh_from_db()
    assert election.phase == Election.Phase.VOID


# Voting --------------------------------------------------------------------


@pytest.fixture
def election_in_vote():
    community, founder = community_at_day(90)
    alice = join(community, "alice")
    bruno = join(community, "bruno")
    voter = join(community, "votante", trust_level=1)
    election = first_election(community)
    services.stand(actor=alice, election=election, statement=STATEMENT)
    services.stand(actor=bruno, election=election, statement=STATEMENT)
    to_voting(election)
    return election, founder, alice, bruno, voter


def test_voting_opens_and_is_logged(election_in_vote):
    election = election_in_vote[0]
    assert election.phase == Election.Phase.VOTING
    # Founder, alice, bruno and the voter joined before and have trust >= 1.
    assert election.eligible_voter_count == 4
    assert LogAction.ELECTION_VOTING in _log_actions(election.community)


RECEIVED = []


def _record(event):
    RECEIVED.append(event)


def test_vote_opened_and_closed_events(django_capture_on_commit_callbacks, monkeypatch):
    RECEIVED.clear()
    monkeypatch.setitem(events.HANDLERS, "VoteOpened", [_record])
    monkeypatch.setitem(events.HANDLERS, "VoteClosed", [_record])
    community, _founder = community_at_day(90)
    alice = join(community, "alice")
    election = first_election(community)
    services.stand(actor=alice, election=election, statement=STATEMENT)
    with django_capture_on_commit_callbacks(execute=True):
        to_voting(election)
    with django_capture_on_commit_callbacks(execute=True):
        close(election)
    assert [(type(e).__name__, e.subject, e.path) for e in RECEIVED] == [
        ("VoteOpened", "election", election.get_absolute_url()),
        ("VoteClosed", "election", election.get_results_url()),
    ]


def test_ballots_are_secret_one_per_voter_and_changeable(election_in_vote):
    election, _founder, alice, bruno, voter = election_in_vote
    _cast(voter, election, rank(election, alice))
    _cast(voter, election, rank(election, bruno, alice))
    ballot = Ballot.objects.get(election=election)
    assert ballot.ranking == rank(election, bruno, alice)
    assert ballot.voter_key != str(voter.pk)
    assert len(ballot.voter_key) == 64
    assert not {"voter", "voter_id", "created_at"} & {
        f.name for f in Ballot._meta.get_fields()
    }
    assert Participation.objects.filter(election=election, voter=voter).count() == 1
    assert services.ballot_of(member=voter, election=election) == rank(
        election, bruno, alice
    )


def test_invalid_rankings_are_refused(election_in_vote):
    election, _founder, alice, _bruno, voter = election_in_vote
    for ranking in ([rank(election, alice)[0]] * 2, [999999]):
        with pytest.raises(InvalidRanking):
            _cast(voter, election, ranking)


def test_blank_ballot_counts_as_a_vote(election_in_vote):
    election, _founder, _alice, _bruno, voter = election_in_vote
    _cast(voter, election, [])
    assert Participation.objects.filter(election=election).count() == 1


def test_who_may_vote(election_in_vote):
    election, _founder, alice, _bruno, _voter = election_in_vote
    community = election.community
    newcomer = join(community, "nouvelle", at=election.voting_opens_at + DAY)
    untrusted = join(community, "niveau-zero", trust_level=0)
    outsider = join(community_at_day(1, slug="ailleurs")[0], "dehors")
    for member in (newcomer, untrusted, outsider):
        with pytest.raises(NotEligibleToVote):
            services.cast_ballot(
                actor=member,
                election=election,
                ranking=rank(election, alice),
                now=election.voting_opens_at + 2 * DAY,
            )


def test_no_vote_before_opening_or_after_close():
    community, founder = community_at_day(90)
    alice = join(community, "alice")
    election = first_election(community)
    services.stand(actor=alice, election=election, statement=STATEMENT)
    with pytest.raises(VotingNotOpen):
        services.cast_ballot(
            actor=founder, election=election, ranking=[], now=election.called_at
        )
    to_voting(election)
    with pytest.raises(VotingClosed):
        services.cast_ballot(
            actor=founder,
            election=election,
            ranking=rank(election, alice),
            now=election.voting_closes_at,
        )
    # The late attempt closed the election first: it is counted, without it.
    election.refresh_from_db()
    assert election.phase == Election.Phase.FINISHED
    assert election.voter_count == 0


# The count and the mandates -----------------------------------------------


def test_results_give_mandates_end_founding_ones_and_are_logged(election_in_vote):
    election, founder, alice, bruno, voter = election_in_vote
    community = election.community
    _cast(voter, election, rank(election, alice))
    _cast(founder, election, rank(election, bruno, alice))
    close(election)
    assert election.phase == Election.Phase.FINISHED
    mandates = Mandate.objects.filter(community=community, ended_at__isnull=True)
    assert {m.holder_id for m in mandates} == {alice.pk, bruno.pk}
    assert {m.kind for m in mandates} == {Mandate.Kind.ELECTED}
    mandate = mandates.get(holder=alice)
    assert mandate.started_at == election.closed_at
    assert mandate.ends_at == services.add_months(election.closed_at, 6)
    founding = Mandate.objects.get(holder=founder)
    assert founding.ended_at == election.closed_at
    assert community_selectors.moderator_ids(community=community) == {
        alice.pk,
        bruno.pk,
    }
    actions = _log_actions(community)
    assert actions.count(LogAction.MODERATOR_ELECTED) == 2
    assert LogAction.ELECTION_RESULT in actions
    assert LogAction.MANDATE_ENDED in actions
    result_entry = ModerationLogEntry.objects.get(action=LogAction.ELECTION_RESULT)
    assert result_entry.target_url == election.get_results_url()
    # The elected candidacies point to their mandates.
    assert election.candidacies.get(member=alice).mandate == mandate


def test_published_result_equals_a_recount_of_stored_ballots(election_in_vote):
    election, founder, alice, bruno, voter = election_in_vote
    _cast(voter, election, rank(election, alice))
    _cast(founder, election, rank(election, bruno))
    close(election)
    published = dict(election.result)
    published.pop("candidacy_ids")
    assert services.recount(election=election).to_json() == published
    # No change after the close.
    with pytest.raises(VotingClosed):
        _cast(voter, election, [])


def test_fewer_candidates_than_seats_are_all_elected(election_in_vote):
    election = close(election_in_vote[0])
    assert len(election.result["elected"]) == 2
    assert election.seats == 3


def test_candidate_withdrawn_during_the_vote_passes_ballots_on(election_in_vote):
    election, _founder, alice, bruno, voter = election_in_vote
    _cast(voter, election, rank(election, alice, bruno))
    services.withdraw(actor=alice, election=election)
    close(election)
    assert {c.member_id for c in election.candidacies.filter(elected=True)} == {
        bruno.pk
    }
    assert election.result["withdrawn"]
    assert election.blt.splitlines()[1].startswith("-")


def test_every_candidate_withdrawn_voids_the_election(election_in_vote):
    election, founder, alice, bruno, _voter = election_in_vote
    services.withdraw(actor=alice, election=election)
    services.withdraw(actor=bruno, election=election)
    close(election)
    assert election.phase == Election.Phase.VOID
    assert Mandate.objects.get(holder=founder).ended_at is None


def test_tie_for_the_last_seat_is_broken_the_same_way_every_time():
    community, _founder = community_at_day(90)
    candidates = [join(community, f"c{n}") for n in range(3)]
    voters = [join(community, f"v{n}", trust_level=1) for n in range(3)]
    election = services.call_election(
        community=community, reason="first", now=timezone.now()
    )
    Election.objects.filter(pk=election.pk).update(seats=1)
    election.refresh_from_db()
    for member in candidates:
        services.stand(actor=member, election=election, statement=STATEMENT)
    to_voting(election)
    for voter, candidate in zip(voters, candidates, strict=True):
        _cast(voter, election, rank(election, candidate))
    close(election)
    order = election.result["candidacy_ids"]
    lot = services.lot_order(election, list(election.candidacies.all()))
    assert order == [c.pk for c in lot]
    # Three-way tie in every round: the last two in lot order go first.
    assert [r["method"] for r in election.result["rounds"][:2]] == ["lot", "lot"]
    assert election.result["elected"] == [1]


def test_the_clock_is_a_periodic_task():
    from causerie.core.scheduling import PERIODIC_TASKS
    from causerie.elections import tasks

    assert any(p.task is tasks.advance_elections for p in PERIODIC_TASKS)


def test_questions_thread_is_a_billet_of_the_community():
    community, founder = community_at_day(90)
    election = first_election(community)
    post = election.questions_post
    assert post.community_id == community.pk
    assert post.author_id == founder.pk
    assert election.get_absolute_url() in post.body
