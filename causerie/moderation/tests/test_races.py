"""Concurrent moderation on PostgreSQL: row locks and constraints keep counts exact."""

import pytest

from causerie.core.exceptions import DomainError
from causerie.core.testing import (
    make_comment,
    make_community,
    make_member,
    make_post,
    run_together,
)
from causerie.governance import services as governance_services
from causerie.moderation import services
from causerie.moderation.models import Flag, FlaggedItem, ModerationDecision, Reason
from causerie.publishing.models import Comment

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("postgresql_only"),
]


def test_flag_item_counts_twenty_concurrent_flags_exactly_once_each():
    founder = make_member("fondatrice")
    community = make_community(founder=founder)
    post = make_post(community=community, author=founder)
    comment = make_comment(post=post, author=make_member("auteur"))
    flaggers = [make_member(f"lecteur{number:02d}") for number in range(20)]
    for flagger in flaggers:
        make_comment(post=post, author=flagger, body="Présent.")

    def flag(flagger):
        def call():
            item = Comment.objects.select_related("post__community").get(pk=comment.pk)
            return services.flag_item(actor=flagger, comment=item, reason=Reason.SPAM)

        return call

    results = run_together([flag(flagger) for flagger in flaggers] * 1)

    assert [r for r in results if not isinstance(r, Flag)] == []
    flagged_item = FlaggedItem.objects.get(comment=comment)
    flags = Flag.objects.filter(flagged_item=flagged_item)
    assert flags.count() == 20
    assert flagged_item.open_flag_count == 20
    assert flagged_item.open_weight == pytest.approx(sum(flag.weight for flag in flags))
    comment.refresh_from_db()
    assert comment.moderation_state == "pending"


def test_flag_item_keeps_one_flag_when_a_member_flags_twice_at_once():
    founder = make_member("fondatrice")
    community = make_community(founder=founder)
    post = make_post(community=community, author=founder)
    flagger = make_member("lecteur")
    make_comment(post=post, author=flagger, body="Présent.")

    def flag():
        item = type(post).objects.select_related("community").get(pk=post.pk)
        return services.flag_item(actor=flagger, post=item, reason=Reason.SPAM)

    results = run_together([flag, flag])

    assert sorted(type(result).__name__ for result in results) == [
        "AlreadyFlagged",
        "Flag",
    ]
    assert Flag.objects.count() == 1
    assert FlaggedItem.objects.get().open_flag_count == 1


def test_decide_item_applies_one_decision_when_two_moderators_decide_at_once():
    founder = make_member("fondatrice")
    community = make_community(founder=founder)
    second = make_member("second")
    post = make_post(community=community, author=founder)
    make_comment(post=post, author=second, body="Présent.")
    governance_services.co_opt_moderator(
        actor=founder, community=community, member=second
    )
    author = make_member("auteur")
    comment = make_comment(post=post, author=author, body="Achetez mes montres.")
    flagger = make_member("lecteur")
    make_comment(post=post, author=flagger, body="Présent.")
    services.flag_item(actor=flagger, comment=comment, reason=Reason.SPAM)
    flagged_item = FlaggedItem.objects.get()

    def decide(moderator, action):
        def call():
            return services.decide_item(
                actor=moderator,
                flagged_item_id=flagged_item.pk,
                action=action,
                reason=Reason.SPAM,
            )

        return call

    results = run_together([decide(founder, "hide"), decide(second, "delete")])

    refusals = [result for result in results if isinstance(result, DomainError)]
    assert [refusal.code for refusal in refusals] == ["already_decided"]
    assert ModerationDecision.objects.count() == 1
    decision = ModerationDecision.objects.get()
    comment.refresh_from_db()
    assert (
        comment.moderation_state
        == {"hide": "hidden", "delete": "removed"}[decision.action]
    )
    assert Flag.objects.get().status == "upheld"
