"""Services of the notifications app."""

from causerie.notifications import services
from causerie.notifications.models import Notification


def test_notify_creates_an_unread_notification(post, member, other_member):
    notification = services.notify(
        recipient_id=member.pk,
        actor_id=other_member.pk,
        kind=Notification.Kind.MENTION,
        post_id=post.pk,
    )

    assert notification.recipient == member
    assert notification.actor == other_member
    assert notification.read_at is None
    assert Notification.objects.count() == 1


def test_notify_does_nothing_when_the_recipient_is_the_actor(post, member):
    notification = services.notify(
        recipient_id=member.pk,
        actor_id=member.pk,
        kind=Notification.Kind.MENTION,
        post_id=post.pk,
    )

    assert notification is None
    assert not Notification.objects.exists()


def test_notify_keeps_one_notification_when_called_twice(post, member, other_member):
    arguments = {
        "recipient_id": member.pk,
        "actor_id": other_member.pk,
        "kind": Notification.Kind.MENTION,
        "post_id": post.pk,
    }

    first = services.notify(**arguments)
    second = services.notify(**arguments)

    assert first.pk == second.pk
    assert Notification.objects.count() == 1


def test_mark_read_marks_every_unread_notification_of_the_actor_only(
    post, member, other_member
):
    for kind in [Notification.Kind.MENTION, Notification.Kind.REPLY]:
        services.notify(
            recipient_id=member.pk, actor_id=other_member.pk, kind=kind, post_id=post.pk
        )
    services.notify(
        recipient_id=other_member.pk,
        actor_id=member.pk,
        kind=Notification.Kind.MENTION,
        post_id=post.pk,
    )

    changed = services.mark_read(actor=member)

    assert changed == 2
    assert not Notification.objects.filter(recipient=member, read_at=None).exists()
    assert Notification.objects.get(recipient=other_member).read_at is None


def test_mark_read_marks_only_the_given_notifications(post, member, other_member):
    first = services.notify(
        recipient_id=member.pk,
        actor_id=other_member.pk,
        kind=Notification.Kind.MENTION,
        post_id=post.pk,
    )
    second = services.notify(
        recipient_id=member.pk,
        actor_id=other_member.pk,
        kind=Notification.Kind.REPLY,
        post_id=post.pk,
    )

    services.mark_read(actor=member, notification_ids=[first.pk])

    first.refresh_from_db()
    second.refresh_from_db()
    assert first.read_at is not None
    assert second.read_at is None


def test_mark_read_ignores_the_notifications_of_another_member(
    post, member, other_member
):
    notification = services.notify(
        recipient_id=member.pk,
        actor_id=other_member.pk,
        kind=Notification.Kind.MENTION,
        post_id=post.pk,
    )

    changed = services.mark_read(actor=other_member, notification_ids=[notification.pk])

    assert changed == 0
    notification.refresh_from_db()
    assert notification.read_at is None
