"""Appeal rules through the services: who may appeal, when, who reviews, and
what a reversal undoes."""

import pytest

from causerie.core.exceptions import DomainError
from causerie.core.testing import make_member
from causerie.moderation import selectors, services
from causerie.moderation.events import AppealDecided, AppealFiled
from causerie.moderation.models import (
    Appeal,
    Flag,
    LogAction,
    ModerationLogEntry,
)
from causerie.moderation.tests.conftest import decide, file_appeal
from causerie.publishing.models import ModerationState

# Who may appeal, and when


def test_appeal_decision_opens_an_appeal_for_the_member_concerned(
    decision, author, second_moderator, django_capture_on_commit_callbacks, emitted
):
    with django_capture_on_commit_callbacks(execute=True):
        filed = file_appeal(author, decision)

    assert filed.appellant == author
    assert filed.status == Appeal.Status.OPEN
    assert emitted == [AppealFiled(appeal_id=filed.pk)]


@pytest.mark.parametrize("who", ["moderator", "flagger", "stranger"])
def test_appeal_decision_refuses_anyone_but_the_member_concerned(
    decision, moderator, flaggers, who
):
    actor = {
        "moderator": moderator,
        "flagger": flaggers[0],
        "stranger": make_member("zoe"),
    }[who]

    with pytest.raises(DomainError) as refused:
        file_appeal(actor, decision)

    assert refused.value.code == "not_your_decision"
    assert not Appeal.objects.exists()


def test_appeal_decision_refuses_a_second_appeal(decision, author):
    file_appeal(author, decision)

    with pytest.raises(DomainError) as refused:
        file_appeal(author, decision, text="Encore une fois.")

    assert refused.value.code == "already_appealed"
    assert Appeal.objects.count() == 1


def test_appeal_decision_is_accepted_on_the_fourteenth_day(decision, author, clock):
    clock.advance(days=13, hours=23)

    assert file_appeal(author, decision).pk


def test_appeal_decision_refuses_after_fourteen_days(decision, author, clock):
    clock.advance(days=14, minutes=1)

    with pytest.raises(DomainError) as refused:
        file_appeal(author, decision)

    assert refused.value.code == "appeal_window_closed"
    assert "14" in str(refused.value.message)
    assert not Appeal.objects.exists()


# Who reviews


def test_appeal_decision_stays_with_the_moderators_when_another_one_exists(
    decision, author, second_moderator
):
    filed = file_appeal(author, decision)

    assert filed.status == Appeal.Status.OPEN
    assert filed.escalated_at is None
    assert list(
        selectors.appeals_to_review(
            community=decision.community, viewer=second_moderator
        )
    ) == [filed]


def test_appeal_decision_escalates_at_once_when_there_is_no_other_moderator(
    decision, author
):
    filed = file_appeal(author, decision)

    assert filed.status == Appeal.Status.ESCALATED
    assert filed.escalated_at is not None
    assert selectors.escalated_appeals() == [filed]


def test_escalate_overdue_appeals_waits_seven_days(
    decision, author, second_moderator, clock
):
    filed = file_appeal(author, decision)
    clock.advance(days=6, hours=23)

    assert services.escalate_overdue_appeals() == 0
    filed.refresh_from_db()
    assert filed.status == Appeal.Status.OPEN


def test_escalate_overdue_appeals_sends_unreviewed_appeals_to_the_administrators(
    decision, author, second_moderator, clock
):
    filed = file_appeal(author, decision)
    clock.advance(days=7, minutes=1)

    assert services.escalate_overdue_appeals() == 1
    filed.refresh_from_db()
    assert filed.status == Appeal.Status.ESCALATED
    assert selectors.escalated_appeals() == [filed]


def test_escalate_overdue_appeals_notifies_the_site_administrators(
    decision, author, second_moderator, clock, django_capture_on_commit_callbacks
):
    from causerie.core.testing import make_member
    from causerie.notifications.models import Notification

    administrator = make_member("administratrice", is_superuser=True)
    file_appeal(author, decision)
    clock.advance(days=7, minutes=1)

    with django_capture_on_commit_callbacks(execute=True):
        services.escalate_overdue_appeals()

    assert Notification.objects.filter(
        recipient=administrator, kind="appeal_to_review", decision=decision
    ).exists()


def test_decide_appeal_refuses_the_original_moderator(
    decision, author, moderator, second_moderator
):
    filed = file_appeal(author, decision)

    with pytest.raises(DomainError) as refused:
        services.decide_appeal(
            actor=moderator, appeal_id=filed.pk, outcome="reversed", explanation="."
        )

    assert refused.value.code == "appeal_needs_another_moderator"
    filed.refresh_from_db()
    assert filed.status == Appeal.Status.OPEN


def test_appeals_to_review_leaves_out_the_viewers_own_decisions(
    decision, author, moderator, second_moderator
):
    file_appeal(author, decision)

    assert (
        selectors.appeals_to_review(community=decision.community, viewer=moderator)
        == []
    )


@pytest.mark.parametrize("who", ["member", "other_community_moderator"])
def test_decide_appeal_refuses_who_does_not_moderate_the_community(
    decision, author, second_moderator, flaggers, other_community, who
):
    actor = flaggers[0] if who == "member" else other_community.mandates.get().holder
    filed = file_appeal(author, decision)

    with pytest.raises(DomainError) as refused:
        services.decide_appeal(
            actor=actor, appeal_id=filed.pk, outcome="reversed", explanation="."
        )

    assert refused.value.code == "not_a_moderator"
    filed.refresh_from_db()
    assert filed.status == Appeal.Status.OPEN


def test_decide_appeal_refuses_a_site_administrator_before_escalation(
    decision, author, second_moderator
):
    administrator = make_member("admin", is_superuser=True, is_staff=True)
    filed = file_appeal(author, decision)

    with pytest.raises(DomainError) as refused:
        services.decide_appeal(
            actor=administrator, appeal_id=filed.pk, outcome="upheld", explanation="."
        )

    assert refused.value.code == "not_a_moderator"


def test_decide_appeal_lets_a_site_administrator_review_an_escalated_appeal(
    decision, author
):
    administrator = make_member("admin", is_superuser=True, is_staff=True)
    filed = file_appeal(author, decision)

    decided = services.decide_appeal(
        actor=administrator,
        appeal_id=filed.pk,
        outcome="upheld",
        explanation="La règle 2 s'applique.",
    )

    assert decided.status == Appeal.Status.DECIDED
    assert decided.reviewer == administrator
    assert ModerationLogEntry.objects.filter(
        action=LogAction.APPEAL_UPHELD, actor=administrator, appeal=decided
    ).exists()


def test_decide_appeal_refuses_a_second_review(decision, author, second_moderator):
    filed = file_appeal(author, decision)
    services.decide_appeal(
        actor=second_moderator, appeal_id=filed.pk, outcome="upheld", explanation="."
    )

    with pytest.raises(DomainError) as refused:
        services.decide_appeal(
            actor=second_moderator,
            appeal_id=filed.pk,
            outcome="reversed",
            explanation=".",
        )

    assert refused.value.code == "appeal_already_decided"
    assert ModerationLogEntry.objects.filter(appeal=filed).count() == 1


# What a reversal undoes


def test_decide_appeal_reversal_restores_the_hidden_comment(
    decision,
    author,
    second_moderator,
    pending_comment,
    django_capture_on_commit_callbacks,
    emitted,
):
    filed = file_appeal(author, decision)

    with django_capture_on_commit_callbacks(execute=True):
        services.decide_appeal(
            actor=second_moderator,
            appeal_id=filed.pk,
            outcome="reversed",
            explanation="C'était de l'humour entre habitués.",
        )

    pending_comment.refresh_from_db()
    decision.refresh_from_db()
    assert pending_comment.moderation_state == ModerationState.VISIBLE
    assert decision.reversed_at is not None
    entry = ModerationLogEntry.objects.get(appeal=filed)
    assert entry.action == LogAction.APPEAL_REVERSED
    assert entry.actor == second_moderator
    assert entry.explanation == "C'était de l'humour entre habitués."
    assert emitted == [AppealDecided(appeal_id=filed.pk)]


def test_decide_appeal_reversal_turns_the_flags_into_rejected_ones(
    decision, author, second_moderator, flaggers
):
    filed = file_appeal(author, decision)

    services.decide_appeal(
        actor=second_moderator, appeal_id=filed.pk, outcome="reversed", explanation="."
    )

    assert set(Flag.objects.values_list("status", flat=True)) == {Flag.Status.REJECTED}
    assert selectors.flag_accuracy(member=flaggers[0])["rejected"] == 1


def test_decide_appeal_reversal_lifts_a_suspension(
    pending_comment, moderator, second_moderator, author, rules
):
    suspension = decide(
        moderator,
        pending_comment,
        action="suspend",
        rule_id=rules[1].pk,
        reason="",
        suspension_days=7,
    )
    community = suspension.community
    assert selectors.active_sanction(member=author, community=community) is not None
    filed = file_appeal(author, suspension)

    services.decide_appeal(
        actor=second_moderator, appeal_id=filed.pk, outcome="reversed", explanation="."
    )

    assert selectors.active_sanction(member=author, community=community) is None


def test_decide_appeal_upheld_keeps_the_comment_hidden(
    decision, author, second_moderator, pending_comment
):
    filed = file_appeal(author, decision)

    services.decide_appeal(
        actor=second_moderator, appeal_id=filed.pk, outcome="upheld", explanation="."
    )

    pending_comment.refresh_from_db()
    assert pending_comment.moderation_state == ModerationState.HIDDEN
    assert ModerationLogEntry.objects.get(appeal=filed).action == (
        LogAction.APPEAL_UPHELD
    )
