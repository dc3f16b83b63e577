"""Flagging through the service: who may flag, what may be cited, the window,
the daily limit, the weights and hiding pending review."""

from datetime import timedelta

import pytest
from django.utils import timezone

from causerie.communities import services as community_services
from causerie.communities.exceptions import CommunitySuspended, NotAMember
from causerie.core.testing import make_comment, make_member, make_post
from causerie.governance import services as governance_services
from causerie.moderation import selectors, services
from causerie.moderation.events import ItemFlagged
from causerie.moderation.exceptions import (
    AlreadyFlagged,
    CannotFlagOwnItem,
    FlagLimitReached,
    FlagNeedsACause,
    FlagNeedsANote,
    FlagWindowClosed,
    ItemGone,
    RuleNotInCurrentGuide,
    TrustTooLowToFlag,
)
from causerie.moderation.models import Action, Flag, FlaggedItem, Reason
from causerie.publishing import services as publishing_services
from causerie.publishing.models import ModerationState


def flag(member, item, **cause):
    target = {"comment": item} if hasattr(item, "parent_id") else {"post": item}
    return services.flag_item(actor=member, **target, **cause)


# Who may flag


def test_flag_item_records_the_flag_and_emits_item_flagged(
    authored_comment, flaggers, rules, emitted, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        created = flag(flaggers[0], authored_comment, rule_id=rules[1].pk, note="Vu.")

    stored = Flag.objects.get()
    assert (stored.pk, stored.rule, stored.reason, stored.note) == (
        created.pk,
        rules[1],
        "",
        "Vu.",
    )
    assert stored.status == Flag.Status.OPEN
    assert FlaggedItem.objects.get().open_flag_count == 1
    assert emitted == [ItemFlagged(flag_id=created.pk)]


def test_flag_item_refuses_the_author_of_the_item(authored_comment, author, rules):
    with pytest.raises(CannotFlagOwnItem) as refusal:
        flag(author, authored_comment, rule_id=rules[0].pk)

    assert refusal.value.code == "cannot_flag_own_item"
    assert not Flag.objects.exists()


def test_flag_item_refuses_a_member_of_trust_level_0(
    authored_comment, flagger_factory, rules
):
    newcomer = flagger_factory("novice", trust_level=0)

    with pytest.raises(TrustTooLowToFlag) as refusal:
        flag(newcomer, authored_comment, rule_id=rules[0].pk)

    assert refusal.value.code == "trust_too_low_to_flag"
    assert not Flag.objects.exists()


def test_flag_item_refuses_someone_who_is_not_a_member(authored_comment, rules):
    stranger = make_member("etranger")

    with pytest.raises(NotAMember) as refusal:
        flag(stranger, authored_comment, rule_id=rules[0].pk)

    assert refusal.value.code == "not_a_member"
    assert not Flag.objects.exists()


def test_flag_item_accepts_one_flag_per_member_per_item(
    authored_comment, flaggers, rules
):
    flag(flaggers[0], authored_comment, rule_id=rules[0].pk)

    with pytest.raises(AlreadyFlagged) as refusal:
        flag(flaggers[0], authored_comment, reason=Reason.SPAM)

    assert refusal.value.code == "already_flagged"
    assert Flag.objects.count() == 1
    assert FlaggedItem.objects.get().open_flag_count == 1


# What a flag cites


def test_flag_item_requires_a_note_when_the_reason_is_something_else(
    authored_comment, flaggers
):
    with pytest.raises(FlagNeedsANote) as refusal:
        flag(flaggers[0], authored_comment, reason=Reason.OTHER, note="  ")

    assert (refusal.value.code, refusal.value.field) == ("flag_needs_a_note", "note")
    flag(flaggers[0], authored_comment, reason=Reason.OTHER, note="Hors sujet total")
    assert Flag.objects.get().reason == Reason.OTHER


def test_flag_item_requires_a_rule_or_a_known_reason(authored_comment, flaggers):
    with pytest.raises(FlagNeedsACause) as refusal:
        flag(flaggers[0], authored_comment, reason="boring")

    assert refusal.value.code == "flag_needs_a_cause"
    assert not Flag.objects.exists()


def test_flag_item_refuses_a_rule_of_an_older_guide_version(
    community, moderator, authored_comment, flaggers, rules
):
    governance_services.publish_guide_version(
        actor=moderator,
        community=community,
        text="Intro\n\n## Soyez aimables\n\nToujours.\n",
        policy={},
        summary="Une seule règle",
    )
    community.refresh_from_db()

    with pytest.raises(RuleNotInCurrentGuide) as refusal:
        flag(flaggers[0], authored_comment, rule_id=rules[0].pk)

    assert refusal.value.code == "rule_not_in_current_guide"
    current = selectors.citable_rules(community=community)
    flag(flaggers[0], authored_comment, rule_id=current[0].pk)
    assert Flag.objects.get().rule == current[0]


def test_flag_item_refuses_a_rule_of_another_community(
    other_community, authored_comment, flaggers
):
    foreign_rule = selectors.citable_rules(community=other_community)[0]

    with pytest.raises(RuleNotInCurrentGuide):
        flag(flaggers[0], authored_comment, rule_id=foreign_rule.pk)

    assert not Flag.objects.exists()


# Window and daily limit


def test_flag_item_refuses_a_billet_older_than_the_window(
    community, author, flaggers, rules
):
    old = make_post(
        community=community,
        author=author,
        title="Ancien",
        published_at=timezone.now() - timedelta(days=31),
    )

    with pytest.raises(FlagWindowClosed) as refusal:
        flag(flaggers[0], old, rule_id=rules[0].pk)

    assert refusal.value.code == "flag_window_closed"
    assert "30" in str(refusal.value.message)
    assert not Flag.objects.exists()


def test_flag_item_accepts_an_old_comment_when_it_is_illegal(
    authored_post, author, flaggers, rules
):
    old = publishing_services.post_comment(
        actor=author,
        post=authored_post,
        body="Vieux",
        posted_at=timezone.now() - timedelta(days=90),
    )
    with pytest.raises(FlagWindowClosed):
        flag(flaggers[0], old, rule_id=rules[0].pk)

    flag(flaggers[0], old, reason=Reason.ILLEGAL)

    assert Flag.objects.get().reason == Reason.ILLEGAL


def test_flag_item_refuses_past_the_daily_limit_of_the_trust_level(
    settings, community, author, flaggers, rules
):
    settings.CAUSERIE_FLAGS_PER_DAY = {0: 0, 1: 2, 2: 4}
    posts = [
        make_post(community=community, author=author, title=f"B{n}") for n in range(3)
    ]
    flag(flaggers[0], posts[0], rule_id=rules[0].pk)
    flag(flaggers[0], posts[1], rule_id=rules[0].pk)

    with pytest.raises(FlagLimitReached) as refusal:
        flag(flaggers[0], posts[2], rule_id=rules[0].pk)

    assert refusal.value.code == "flag_limit_reached"
    assert Flag.objects.filter(flagger=flaggers[0]).count() == 2
    flag(flaggers[1], posts[2], rule_id=rules[0].pk)  # the limit is per member


# Weights and hiding


@pytest.mark.parametrize(("trust_level", "weight"), [(1, 2.0), (2, 3.0), (3, 4.0)])
def test_flag_item_weighs_one_plus_the_trust_level(
    authored_comment, flagger_factory, rules, trust_level, weight
):
    flagger = flagger_factory("pese", trust_level=trust_level)

    created = flag(flagger, authored_comment, rule_id=rules[0].pk)

    assert created.weight == weight
    assert FlaggedItem.objects.get().open_weight == weight


def test_flag_item_caps_the_weight_below_the_threshold_so_no_one_hides_alone(
    authored_comment, flagger_factory, rules
):
    referent = flagger_factory("referente", trust_level=4)

    created = flag(referent, authored_comment, rule_id=rules[0].pk)

    authored_comment.refresh_from_db()
    assert created.weight == 4  # (1 + 4) x 1.0 = 5, capped at threshold - 1
    assert authored_comment.moderation_state == ModerationState.VISIBLE


def test_flag_item_leaves_the_item_visible_below_the_threshold(
    authored_comment, flaggers, rules
):
    for flagger in flaggers[:2]:
        flag(flagger, authored_comment, rule_id=rules[1].pk)

    authored_comment.refresh_from_db()
    assert FlaggedItem.objects.get().open_weight == 4
    assert authored_comment.moderation_state == ModerationState.VISIBLE


def test_flag_item_hides_pending_review_when_three_members_reach_the_threshold(
    authored_comment, flaggers, rules
):
    flag(flaggers[0], authored_comment, reason=Reason.SPAM)
    flag(flaggers[1], authored_comment, rule_id=rules[1].pk)
    flag(flaggers[2], authored_comment, rule_id=rules[1].pk)

    authored_comment.refresh_from_db()
    item = FlaggedItem.objects.get()
    assert (item.open_weight, item.open_flag_count) == (6, 3)
    assert authored_comment.moderation_state == ModerationState.PENDING
    # The rule weighing most is the one readers see cited.
    assert authored_comment.moderation_rule == rules[1]


def test_flag_item_hides_a_billet_pending_review_too(authored_post, flaggers, rules):
    for flagger in flaggers:
        flag(flagger, authored_post, reason=Reason.SPAM)

    authored_post.refresh_from_db()
    assert authored_post.moderation_state == ModerationState.PENDING
    assert authored_post.moderation_reason == Reason.SPAM


def test_flag_weight_moves_with_accuracy_after_five_decided_flags(
    community, moderator, author, flagger_factory, rules
):
    accurate = flagger_factory("juste")
    mistaken = flagger_factory("erreur")
    for number in range(5):
        post = make_post(community=community, author=author, title=f"B{number}")
        flag(accurate, post, rule_id=rules[0].pk)
        flag(mistaken, post, rule_id=rules[0].pk)
        assert selectors.flag_weight(member=accurate, threshold=5) == 2.0
        services.decide_item(
            actor=moderator,
            flagged_item_id=FlaggedItem.objects.get(post=post).pk,
            action=Action.KEEP,
            reason=Reason.SPAM,
        )
    # Every flag of both was rejected: factor 0.5.
    assert selectors.flag_accuracy(member=mistaken)["decided"] == 5
    assert selectors.flag_weight(member=mistaken, threshold=5) == 1.0

    for number in range(5):
        post = make_post(community=community, author=author, title=f"C{number}")
        flag(accurate, post, rule_id=rules[0].pk)
        services.decide_item(
            actor=moderator,
            flagged_item_id=FlaggedItem.objects.get(post=post).pk,
            action=Action.HIDE,
            rule_id=rules[0].pk,
        )
    # 5 upheld out of 10 decided: factor 1.0 again; the share counts, not the total.
    assert selectors.flag_accuracy(member=accurate)["share"] == 0.5
    assert selectors.flag_weight(member=accurate, threshold=5) == 2.0


def test_flag_weight_rises_to_one_and_a_half_when_every_decided_flag_was_upheld(
    community, moderator, author, flagger_factory, rules
):
    accurate = flagger_factory("juste")
    for number in range(5):
        post = make_post(community=community, author=author, title=f"B{number}")
        flag(accurate, post, rule_id=rules[0].pk)
        services.decide_item(
            actor=moderator,
            flagged_item_id=FlaggedItem.objects.get(post=post).pk,
            action=Action.HIDE,
            rule_id=rules[0].pk,
        )

    post = make_post(community=community, author=author, title="Suivant")
    created = flag(accurate, post, rule_id=rules[0].pk)

    assert created.weight == 3.0  # (1 + 1) x 1.5


# The author's edit


def test_author_edit_marks_the_flagged_item_edited_after_flags(pending_comment, author):
    assert FlaggedItem.objects.get().edited_after_flags_at is None

    publishing_services.edit_comment(
        actor=author, comment=pending_comment, body="Version apaisée."
    )

    assert FlaggedItem.objects.get().edited_after_flags_at is not None


def test_flag_item_counts_flags_on_a_comment_and_its_billet_apart(
    authored_post, author, flaggers, rules
):
    comment = make_comment(post=authored_post, author=author, body="Réponse")
    flag(flaggers[0], authored_post, rule_id=rules[0].pk)
    flag(flaggers[0], comment, rule_id=rules[0].pk)

    assert FlaggedItem.objects.count() == 2
    assert Flag.objects.filter(flagger=flaggers[0]).count() == 2


def test_flag_item_refuses_an_item_its_author_deleted(
    authored_comment, author, flaggers, rules
):
    publishing_services.delete_comment(actor=author, comment=authored_comment)

    with pytest.raises(ItemGone) as refusal:
        flag(flaggers[0], authored_comment, rule_id=rules[0].pk)

    assert refusal.value.code == "item_gone"
    assert not Flag.objects.exists()


def test_flag_item_refuses_anything_in_a_suspended_community(
    authored_comment, community, flaggers, rules, member_factory
):
    admin = member_factory("administratrice", is_superuser=True)
    community_services.suspend_community(actor=admin, community=community, notice="")

    with pytest.raises(CommunitySuspended) as refusal:
        flag(flaggers[0], authored_comment, rule_id=rules[0].pk)

    assert refusal.value.code == "community_suspended"
    assert not Flag.objects.exists()
