"""Moderation events turn into notifications: the member concerned hears of each
decision (warnings as their own kind), the other moderators of an appeal to
review, the appellant and the moderator of the outcome."""

import pytest

from causerie.core.testing import join, make_comment, make_member
from causerie.governance import services as governance_services
from causerie.moderation import selectors as moderation_selectors
from causerie.moderation import services as moderation_services
from causerie.moderation.events import AppealFiled, ItemDecided
from causerie.moderation.models import FlaggedItem
from causerie.notifications import handlers
from causerie.notifications.models import Notification


@pytest.fixture
def author(community):
    return join(make_member("ines"), community)


@pytest.fixture
def comment(post, author):
    return make_comment(post=post, author=author, body="Un avis tranché.")


@pytest.fixture
def flaggers(community):
    return [join(make_member(handle), community) for handle in ("albane", "basile")]


@pytest.fixture
def second_moderator(community, member):
    colleague = join(make_member("gaspard"), community)
    governance_services.co_opt_moderator(
        actor=member, community=community, member=colleague
    )
    return colleague


@pytest.fixture
def decide(committed, comment, flaggers, member, community):
    """Flag the comment, then let the founder (`member`) decide it; handlers run."""
    rule = moderation_selectors.citable_rules(community=community)[1]

    def run(action="hide", flagged_by=None, **options):
        for flagger in flagged_by or flaggers:
            moderation_services.flag_item(
                actor=flagger, comment=comment, rule_id=rule.pk
            )
        flagged_item = FlaggedItem.objects.get(comment=comment)
        return committed(
            moderation_services.decide_item,
            actor=member,
            flagged_item_id=flagged_item.pk,
            action=action,
            rule_id=rule.pk,
            **options,
        )

    return run


@pytest.fixture
def upheld_warning(decide, committed, author, second_moderator):
    """A warning the author appealed and a second moderator upheld: the author
    has a warning and an appeal_decided notification."""
    decision = decide(action="warn")
    appeal = moderation_services.appeal_decision(
        actor=author, decision_id=decision.pk, text="Non."
    )
    committed(
        moderation_services.decide_appeal,
        actor=second_moderator,
        appeal_id=appeal.pk,
        outcome="upheld",
        explanation=".",
    )
    return decision


def notifications():
    return list(
        Notification.objects.order_by("pk").values_list(
            "recipient__handle", "actor__handle", "kind", "decision"
        )
    )


def test_notify_decision_delivers_a_warning_to_the_author(decide, comment, post):
    decision = decide(action="warn", explanation="Restez courtois.")

    assert notifications() == [("ines", "camille", "warning", decision.pk)]
    notification = Notification.objects.get()
    assert (notification.post, notification.comment) == (post, comment)


def test_notify_decision_tells_the_author_of_any_other_decision(decide):
    decision = decide(action="hide")

    assert notifications() == [("ines", "camille", "decision", decision.pk)]


def test_notify_decision_never_tells_the_flaggers(decide, flaggers):
    decide(action="delete")

    assert not Notification.objects.filter(recipient__in=flaggers).exists()


def test_notify_decision_creates_no_duplicate_when_the_handler_runs_twice(decide):
    decision = decide(action="warn")

    handlers.notify_decision(ItemDecided(decision_id=decision.pk))

    assert len(notifications()) == 1


def test_notify_decision_notifies_each_decision_about_the_same_comment(
    decide, community
):
    first = decide(action="keep")
    others = [join(make_member(handle), community) for handle in ("cyrille", "diane")]

    second = decide(action="warn", flagged_by=others)

    assert notifications() == [
        ("ines", "camille", "decision", first.pk),
        ("ines", "camille", "warning", second.pk),
    ]


def test_notify_appeal_to_review_tells_the_other_moderators(
    decide, committed, author, second_moderator
):
    decision = decide()
    Notification.objects.all().delete()

    committed(
        moderation_services.appeal_decision,
        actor=author,
        decision_id=decision.pk,
        text="C'était de l'humour.",
    )

    assert notifications() == [("gaspard", "ines", "appeal_to_review", decision.pk)]


def test_notify_appeal_to_review_tells_the_administrators_when_escalated_at_once(
    decide, committed, author
):
    administrator = make_member("admin", is_superuser=True, is_staff=True)
    decision = decide()
    Notification.objects.all().delete()

    appeal = committed(
        moderation_services.appeal_decision,
        actor=author,
        decision_id=decision.pk,
        text="Personne d'autre ne modère ici.",
    )

    assert appeal.status == "escalated"
    assert notifications() == [
        (administrator.handle, "ines", "appeal_to_review", decision.pk)
    ]


def test_notify_appeal_to_review_creates_no_duplicate_when_the_handler_runs_twice(
    decide, committed, author, second_moderator
):
    decision = decide()
    appeal = committed(
        moderation_services.appeal_decision,
        actor=author,
        decision_id=decision.pk,
        text="Non.",
    )

    handlers.notify_appeal_to_review(AppealFiled(appeal_id=appeal.pk))

    assert Notification.objects.filter(kind="appeal_to_review").count() == 1


def test_notify_appeal_decided_tells_the_appellant_and_the_moderator(
    decide, committed, author, second_moderator
):
    decision = decide()
    appeal = moderation_services.appeal_decision(
        actor=author, decision_id=decision.pk, text="Non."
    )
    Notification.objects.all().delete()

    committed(
        moderation_services.decide_appeal,
        actor=second_moderator,
        appeal_id=appeal.pk,
        outcome="reversed",
        explanation="Humour entre habitués.",
    )

    assert notifications() == [
        ("ines", "gaspard", "appeal_decided", decision.pk),
        ("camille", "gaspard", "appeal_decided", decision.pk),
    ]


# The notification pages


def test_notification_list_shows_the_moderation_notifications(
    client, upheld_warning, author, post
):
    client.force_login(author)

    response = client.get("/notifications/")

    assert response.status_code == 200
    kinds = [notification.kind for notification in response.context["page"]]
    assert kinds == ["appeal_decided", "warning"]
    assert response.content.decode().count(post.title) == 2


def test_notification_list_loads_moderation_notifications_in_few_queries(
    client, upheld_warning, author, django_assert_max_num_queries
):
    client.force_login(author)

    with django_assert_max_num_queries(8):
        client.get("/notifications/")


def test_open_notification_goes_to_the_decision(client, decide, author, community):
    decision = decide(action="warn")
    notification = Notification.objects.get()
    client.force_login(author)

    response = client.post(f"/notifications/{notification.pk}/")

    assert response.status_code == 302
    assert response.url == f"/c/{community.slug}/decisions/{decision.pk}/"
    notification.refresh_from_db()
    assert notification.read_at is not None


def test_open_notification_of_an_appeal_goes_to_its_review(
    client, decide, committed, author, second_moderator, community
):
    decision = decide()
    appeal = committed(
        moderation_services.appeal_decision,
        actor=author,
        decision_id=decision.pk,
        text="Non.",
    )
    notification = Notification.objects.get(kind="appeal_to_review")
    client.force_login(second_moderator)

    response = client.post(f"/notifications/{notification.pk}/")

    assert response.url == f"/c/{community.slug}/recours/{appeal.pk}/"
