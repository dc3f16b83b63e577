"""Deciding a flagged item through the service: each action's effect, the cause
it must cite, who may decide, and an item decided only once."""

from datetime import timedelta

import pytest
from django.utils import timezone

from causerie.core.testing import make_member
from causerie.governance import services as governance_services
from causerie.moderation import services
from causerie.moderation.events import ItemDecided
from causerie.moderation.exceptions import (
    AlreadyDecided,
    DecisionNeedsACause,
    EditNeedsText,
    NotAModerator,
    RuleNotInCurrentGuide,
    SuspensionNeedsADuration,
)
from causerie.moderation.models import (
    Action,
    Flag,
    FlaggedItem,
    LogAction,
    ModerationDecision,
    ModerationLogEntry,
    Reason,
    Sanction,
)
from causerie.moderation.tests.conftest import join
from causerie.publishing import services as publishing_services
from causerie.publishing.exceptions import MemberSanctioned, PostLocked
from causerie.publishing.models import Comment, CommentRevision, ModerationState


def decide(actor, rule=None, **arguments):
    if rule is not None:
        arguments["rule_id"] = rule.pk
    return services.decide_item(
        actor=actor, flagged_item_id=FlaggedItem.objects.get().pk, **arguments
    )


def state_of(comment) -> str:
    return Comment.objects.get(pk=comment.pk).moderation_state


# Each action's effect


def test_decide_item_keep_restores_the_item_and_rejects_the_flags(
    pending_comment, moderator, rules, emitted, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        decision = decide(
            moderator, action=Action.KEEP, rule=rules[1], explanation="Vif, correct."
        )

    comment = Comment.objects.get(pk=pending_comment.pk)
    assert comment.moderation_state == ModerationState.VISIBLE
    assert comment.moderation_rule is None
    assert set(Flag.objects.values_list("status", flat=True)) == {"rejected"}
    assert FlaggedItem.objects.get().status == FlaggedItem.Status.DECIDED
    assert emitted == [ItemDecided(decision_id=decision.pk)]


def test_decide_item_hide_hides_the_item_citing_the_rule_and_upholds_the_flags(
    pending_comment, moderator, rules
):
    decide(moderator, action=Action.HIDE, rule=rules[1])

    comment = Comment.objects.get(pk=pending_comment.pk)
    assert comment.moderation_state == ModerationState.HIDDEN
    assert comment.moderation_rule == rules[1]
    assert set(Flag.objects.values_list("status", flat=True)) == {"upheld"}


def test_decide_item_delete_removes_the_item(pending_comment, moderator):
    decide(moderator, action=Action.DELETE, reason=Reason.HARASSMENT)

    comment = Comment.objects.get(pk=pending_comment.pk)
    assert comment.moderation_state == ModerationState.REMOVED
    assert comment.moderation_reason == Reason.HARASSMENT


def test_decide_item_edit_publishes_a_revision_by_the_moderator(
    pending_comment, moderator, rules
):
    decide(moderator, action=Action.EDIT, rule=rules[0], edited_body="Texte corrigé.")

    comment = Comment.objects.get(pk=pending_comment.pk)
    latest = CommentRevision.objects.filter(comment=comment).order_by("-number")[0]
    assert (latest.number, latest.editor, latest.body) == (
        2,
        moderator,
        "Texte corrigé.",
    )
    assert comment.body == "Texte corrigé."
    assert comment.moderation_state == ModerationState.VISIBLE


def test_decide_item_edit_requires_the_edited_text(pending_comment, moderator, rules):
    with pytest.raises(EditNeedsText) as refusal:
        decide(moderator, action=Action.EDIT, rule=rules[0], edited_body=" ")

    assert refusal.value.field == "edited_body"
    assert not ModerationDecision.objects.exists()
    assert state_of(pending_comment) == ModerationState.PENDING


def test_decide_item_lock_blocks_new_comments_on_the_billet(
    pending_comment, moderator, author, rules
):
    decide(moderator, action=Action.LOCK, rule=rules[1])

    post = pending_comment.post
    post.refresh_from_db()
    assert post.locked_at is not None
    with pytest.raises(PostLocked):
        publishing_services.post_comment(actor=author, post=post, body="Encore")


def test_decide_item_warn_keeps_the_item_visible_and_sanctions_no_one(
    pending_comment, moderator, author, rules
):
    decision = decide(moderator, action=Action.WARN, rule=rules[0])

    assert decision.member == author
    assert state_of(pending_comment) == ModerationState.VISIBLE
    assert not Sanction.objects.exists()
    assert set(Flag.objects.values_list("status", flat=True)) == {"upheld"}


def test_decide_item_suspend_records_a_sanction_until_a_date_and_stops_posting(
    pending_comment, moderator, author, rules
):
    before = timezone.now()

    decision = decide(
        moderator, action=Action.SUSPEND, rule=rules[0], suspension_days=7
    )

    sanction = Sanction.objects.get()
    assert (sanction.member, sanction.decision, sanction.kind) == (
        author,
        decision,
        Sanction.Kind.SUSPENSION,
    )
    assert (
        before + timedelta(days=7)
        <= sanction.until
        <= timezone.now() + timedelta(days=7)
    )
    with pytest.raises(MemberSanctioned) as refusal:
        publishing_services.post_comment(
            actor=author, post=pending_comment.post, body="Je reviens"
        )
    assert refusal.value.code == "member_sanctioned"


def test_decide_item_suspend_requires_a_duration(pending_comment, moderator, rules):
    with pytest.raises(SuspensionNeedsADuration) as refusal:
        decide(moderator, action=Action.SUSPEND, rule=rules[0], suspension_days=0)

    assert refusal.value.field == "suspension_days"
    assert not Sanction.objects.exists()
    assert not ModerationDecision.objects.exists()


def test_decide_item_ban_records_a_ban_without_end(
    pending_comment, moderator, author, rules
):
    decide(moderator, action=Action.BAN, rule=rules[0])

    sanction = Sanction.objects.get()
    assert (sanction.kind, sanction.until, sanction.member) == (
        Sanction.Kind.BAN,
        None,
        author,
    )
    with pytest.raises(MemberSanctioned):
        publishing_services.post_comment(
            actor=author, post=pending_comment.post, body="Je reviens"
        )


def test_decide_item_writes_a_public_log_entry_without_the_flaggers(
    pending_comment, moderator, author, flaggers, rules
):
    decision = decide(
        moderator, action=Action.HIDE, rule=rules[1], explanation="Attaque perso."
    )

    entry = ModerationLogEntry.objects.get()
    assert (entry.action, entry.decision, entry.actor, entry.rule) == (
        LogAction.HIDE,
        decision,
        moderator,
        rules[1],
    )
    assert (entry.comment, entry.member, entry.explanation) == (
        pending_comment,
        author,
        "Attaque perso.",
    )
    assert entry.target_title == pending_comment.post.title
    logged = {field.name: getattr(entry, field.name) for field in entry._meta.fields}
    assert not set(flaggers) & set(logged.values())


# The cause


def test_decide_item_requires_a_rule_or_a_reason(pending_comment, moderator):
    with pytest.raises(DecisionNeedsACause) as refusal:
        decide(moderator, action=Action.HIDE)

    assert (refusal.value.code, refusal.value.field) == (
        "decision_needs_a_cause",
        "cause",
    )
    assert not ModerationDecision.objects.exists()
    assert state_of(pending_comment) == ModerationState.PENDING


def test_decide_item_refuses_a_rule_of_another_community(
    pending_comment, moderator, other_community
):
    from causerie.moderation.exceptions import RuleNotInCurrentGuide
    from causerie.moderation.selectors import citable_rules

    foreign = citable_rules(community=other_community)[0]

    with pytest.raises(RuleNotInCurrentGuide):
        decide(moderator, action=Action.HIDE, rule=foreign)

    assert not ModerationDecision.objects.exists()


# Who decides


def test_decide_item_refuses_a_member_who_is_not_a_moderator(
    pending_comment, community, rules
):
    member = join(make_member("simple"), community)

    with pytest.raises(NotAModerator) as refusal:
        decide(member, action=Action.KEEP, rule=rules[0])

    assert refusal.value.code == "not_a_moderator"
    assert not ModerationDecision.objects.exists()
    assert state_of(pending_comment) == ModerationState.PENDING
    assert set(Flag.objects.values_list("status", flat=True)) == {"open"}


def test_decide_item_refuses_a_moderator_of_another_community(
    pending_comment, other_community, rules
):
    elsewhere = other_community.founder
    join(elsewhere, pending_comment.post.community)

    with pytest.raises(NotAModerator):
        decide(elsewhere, action=Action.DELETE, rule=rules[0])

    assert not ModerationDecision.objects.exists()
    assert not ModerationLogEntry.objects.filter(decision__isnull=False).exists()
    assert state_of(pending_comment) == ModerationState.PENDING


def test_decide_item_refuses_a_second_decision_on_the_same_item(
    pending_comment, moderator, community, rules
):
    second = join(make_member("seconde"), community)
    governance_services.co_opt_moderator(
        actor=moderator, community=community, member=second
    )
    decide(moderator, action=Action.HIDE, rule=rules[1])

    with pytest.raises(AlreadyDecided) as refusal:
        decide(second, action=Action.KEEP, rule=rules[0])

    assert refusal.value.code == "already_decided"
    assert ModerationDecision.objects.count() == 1
    assert state_of(pending_comment) == ModerationState.HIDDEN
    assert set(Flag.objects.values_list("status", flat=True)) == {"upheld"}


def test_decide_item_refuses_a_rule_of_an_older_guide_version(
    pending_comment, moderator, community, rules
):
    governance_services.publish_guide_version(
        actor=moderator,
        community=community,
        text="Introduction.\n\n## Une seule règle\n\nSoyez aimables.",
        policy={},
        summary="Guide resserré",
    )

    with pytest.raises(RuleNotInCurrentGuide) as refusal:
        decide(moderator, action=Action.HIDE, rule=rules[1])

    assert refusal.value.code == "rule_not_in_current_guide"
    assert not ModerationDecision.objects.exists()
    assert state_of(pending_comment) == ModerationState.PENDING
