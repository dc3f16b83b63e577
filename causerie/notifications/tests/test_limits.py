"""Storm limits: past CAUSERIE_NOTIFICATIONS_PER_HOUR notifications of one kind in
an hour, the extra ones fold into the newest as "and N more"."""

from html import unescape

import pytest

from causerie.notifications import services
from causerie.notifications.models import Notification


@pytest.fixture(autouse=True)
def _three_per_hour(settings):
    settings.CAUSERIE_NOTIFICATIONS_PER_HOUR = 3


def replies_to(member) -> list[tuple[int, int]]:
    return list(
        Notification.objects.filter(recipient=member, kind="reply")
        .order_by("pk")
        .values_list("comment", "more_count")
    )


def test_notify_folds_notifications_past_the_hourly_limit(
    post, member, other_member, reply
):
    comments = [reply(post=post, author=other_member, body=f"n°{n}") for n in range(5)]

    assert replies_to(member) == [
        (comments[0].pk, 0),
        (comments[1].pk, 0),
        (comments[2].pk, 2),
    ]


def test_notify_limit_counts_each_kind_apart(post, member, other_member, reply):
    for number in range(4):
        reply(post=post, author=other_member, body=f"n°{number}")

    mention = services.notify(
        recipient_id=member.pk,
        actor_id=other_member.pk,
        kind="mention",
        post_id=post.pk,
    )

    assert mention is not None
    assert len(replies_to(member)) == 3


def test_notify_limit_counts_each_recipient_apart(
    post, member, other_member, member_factory, reply
):
    for number in range(4):
        reply(post=post, author=other_member, body=f"n°{number}")
    parent = Notification.objects.filter(recipient=member).first().comment

    reply(post=post, author=member_factory("eloise"), parent=parent)

    assert (
        Notification.objects.filter(recipient=other_member, kind="reply").count() == 1
    )


def test_notify_creates_notifications_again_an_hour_later(
    post, member, other_member, reply, clock
):
    for number in range(4):
        reply(post=post, author=other_member, body=f"n°{number}")

    clock.advance(minutes=61)
    later = reply(post=post, author=other_member, body="Une heure après")

    assert replies_to(member)[-1] == (later.pk, 0)
    assert len(replies_to(member)) == 4


def test_notification_list_shows_how_many_were_folded(
    client, post, member, other_member, reply
):
    for number in range(6):
        reply(post=post, author=other_member, body=f"n°{number}")
    client.force_login(member)

    page = unescape(client.get("/notifications/").content.decode())

    assert "(et 3 autres du même type dans l'heure)" in page
