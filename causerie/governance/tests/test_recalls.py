"""Recall: a petition against a current moderator, its threshold, the recall
vote (simple majority, amendment quorum), the mandate ending and the
by-election."""

import pytest

from causerie.accounts.models import VisitDay
from causerie.governance import selectors, services
from causerie.governance.exceptions import (
    NotAllowedToSignRecall,
    NotAModeratorToRecall,
    PetitionClosed,
    RecallNeedsAReason,
)
from causerie.governance.models import Mandate, Recall, RecallSignature, Vote
from causerie.governance.tests.builders import DAY, NOW, cast, join, voters
from causerie.moderation.models import LogAction, ModerationLogEntry

REASON = "Décisions sans citer de règle, trois fois ce mois-ci."


@pytest.fixture
def signers(community):
    return voters(community, 5, prefix="signataire")


def start(community, actor, holder, *, reason=REASON):
    return services.start_recall(
        actor=actor, community=community, holder=holder, reason=reason, now=NOW
    )


def petition_at_threshold(community, moderator, signers):
    recall = start(community, signers[0], moderator)
    for signer in signers[1:]:
        recall = services.sign_recall(actor=signer, recall=recall, now=NOW)
    return recall


def close_recall(recall):
    services.advance_recalls(now=recall.vote.closes_at)
    recall.refresh_from_db()
    recall.vote.refresh_from_db()
    return recall


def test_a_member_opens_a_petition_and_signs_it(community, member, signers):
    recall = start(community, signers[0], member)

    assert recall.status == Recall.Status.PETITION
    assert list(recall.signatures.values_list("signer", flat=True)) == [signers[0].pk]
    entry = ModerationLogEntry.objects.get(action=LogAction.RECALL_PETITION)
    assert entry.target_url == "/c/brassage/revocations/1/"
    assert entry.explanation == REASON


def test_only_a_current_moderator_can_be_recalled(community, signers):
    with pytest.raises(NotAModeratorToRecall):
        start(community, signers[0], signers[1])


def test_a_petition_needs_a_reason(community, member, signers):
    with pytest.raises(RecallNeedsAReason):
        start(community, signers[0], member, reason="   ")


def test_a_member_at_level_0_or_a_stranger_may_not_sign(
    community, member, member_factory
):
    for actor in (join("novice", community, trust=0), member_factory("dehors")):
        with pytest.raises(NotAllowedToSignRecall):
            start(community, actor, member)


def test_a_second_petition_against_the_same_moderator_signs_the_first(
    community, member, signers
):
    first = start(community, signers[0], member)
    second = start(community, signers[1], member, reason="Autre raison")

    assert second.pk == first.pk
    assert RecallSignature.objects.filter(recall=first).count() == 2


def test_signing_twice_counts_once(community, member, signers):
    recall = start(community, signers[0], member)

    services.sign_recall(actor=signers[1], recall=recall, now=NOW)
    services.sign_recall(actor=signers[1], recall=recall, now=NOW)

    assert RecallSignature.objects.filter(recall=recall).count() == 2


def test_the_vote_opens_at_the_minimum_of_signatures(
    community, member, signers, emitted, django_capture_on_commit_callbacks
):
    recall = start(community, signers[0], member)
    for signer in signers[1:4]:
        recall = services.sign_recall(actor=signer, recall=recall, now=NOW)
    assert recall.status == Recall.Status.PETITION

    with django_capture_on_commit_callbacks(execute=True):
        recall = services.sign_recall(actor=signers[4], recall=recall, now=NOW)

    assert recall.status == Recall.Status.VOTING
    assert recall.vote.opened_at == NOW
    assert (recall.vote.quorum, recall.vote.majority) == (5, "1/2")
    assert ModerationLogEntry.objects.filter(action=LogAction.RECALL_VOTE).exists()
    assert [
        (e.subject, e.path) for e in emitted if type(e).__name__ == "VoteOpened"
    ] == [("recall", "/c/brassage/revocations/1/")]


def test_the_threshold_is_a_share_of_active_members_when_larger(
    community, member, signers
):
    others = voters(community, 25, prefix="actif")
    VisitDay.objects.bulk_create(
        VisitDay(member=m, day=(NOW - 5 * DAY).date()) for m in others + signers
    )
    # 30 active members: 20% is 6 signatures, more than the minimum of 5.
    assert selectors.recall_threshold(community=community, now=NOW) == 6

    recall = petition_at_threshold(community, member, signers)
    assert recall.status == Recall.Status.PETITION

    recall = services.sign_recall(actor=others[0], recall=recall, now=NOW)
    assert recall.status == Recall.Status.VOTING


def test_a_recalled_moderator_loses_the_mandate_at_once(
    community, member, signers, emitted, django_capture_on_commit_callbacks
):
    recall = petition_at_threshold(community, member, signers)
    cast(recall, signers[:3], "for")
    cast(recall, signers[3:], "against")

    assert services.advance_recalls(now=recall.vote.closes_at - DAY) == 0
    with django_capture_on_commit_callbacks(execute=True):
        close_recall(recall)

    assert recall.status == Recall.Status.RECALLED
    mandate = Mandate.objects.get(pk=recall.mandate_id)
    assert mandate.ended_at == recall.vote.closes_at
    assert member.pk not in {
        m.holder_id for m in selectors.current_mandates(community=community)
    }
    actions = list(
        ModerationLogEntry.objects.order_by("pk").values_list("action", flat=True)
    )
    assert actions.index(LogAction.RECALL_ADOPTED) < actions.index(
        LogAction.MANDATE_ENDED
    )
    ended = ModerationLogEntry.objects.get(action=LogAction.MANDATE_ENDED)
    assert ended.member_id == member.pk
    assert [e.outcome for e in emitted if type(e).__name__ == "VoteClosed"] == [
        "adopted"
    ]
    assert selectors.recount_matches(vote=recall.vote)


def test_a_recall_calls_a_by_election(community, member, signers):
    elections = pytest.importorskip("causerie.elections.models")
    recall = petition_at_threshold(community, member, signers)
    cast(recall, signers, "for")

    close_recall(recall)

    assert elections.Election.objects.filter(community=community).exists()


def test_a_tie_does_not_recall(community, member, signers):
    recall = petition_at_threshold(community, member, signers)
    extra = join("sixieme", community, trust=1)
    cast(recall, signers[:3], "for")
    cast(recall, [*signers[3:], extra], "against")

    # 3 for, 3 against: a simple majority needs more than half.
    close_recall(recall)

    assert recall.status == Recall.Status.REJECTED
    assert recall.vote.outcome == Vote.Outcome.NO_MAJORITY
    assert Mandate.objects.get(pk=recall.mandate_id).ended_at is None
    assert ModerationLogEntry.objects.filter(action=LogAction.RECALL_REJECTED).exists()


def test_without_quorum_the_moderator_stays(community, member, signers):
    recall = petition_at_threshold(community, member, signers)
    cast(recall, signers[:4], "for")

    close_recall(recall)

    assert recall.vote.outcome == Vote.Outcome.NO_QUORUM
    assert Mandate.objects.get(pk=recall.mandate_id).ended_at is None


def test_a_petition_lapses_when_the_mandate_ends_otherwise(community, member, signers):
    recall = start(community, signers[0], member)
    Mandate.objects.filter(pk=recall.mandate_id).update(ended_at=NOW)

    with pytest.raises(PetitionClosed):
        services.sign_recall(actor=signers[1], recall=recall, now=NOW)
    services.advance_recalls(now=NOW + DAY)

    recall.refresh_from_db()
    assert recall.status == Recall.Status.LAPSED
