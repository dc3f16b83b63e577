"""Notification pages over HTTP: header count, list, open, mark all read."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

from causerie.communities import services as community_services
from causerie.core.testing import make_post
from causerie.notifications import services as notification_services
from causerie.notifications.models import Notification

BADGE = re.compile(
    r'<span class="badge"><span class="visually-hidden">[^<]*</span>(\d+)</span>'
)


def header_count(response) -> int | None:
    match = BADGE.search(response.content.decode())
    return int(match[1]) if match else None


def test_header_shows_the_unread_count(client, post, member, other_member, reply):
    first = reply(post=post, author=other_member)
    reply(post=post, author=other_member, parent=first, body="Et aussi @camille")
    client.force_login(member)

    response = client.get("/")

    assert Notification.objects.filter(recipient=member).count() == 2
    assert header_count(response) == 2


def test_header_shows_no_count_when_everything_is_read(client, post, member):
    client.force_login(member)

    response = client.get("/")

    assert header_count(response) is None


def test_notification_list_shows_the_newest_first_with_the_reply(
    client, post, member, other_member, reply
):
    reply(post=post, author=other_member)
    later = reply(post=post, author=other_member, body="Encore moi")
    client.force_login(member)

    response = client.get("/notifications/")

    assert response.status_code == 200
    notifications = list(response.context["page"])
    assert notifications[0].comment == later
    page = response.content.decode()
    assert "Dominique a répondu dans « Premier billet »" in page
    assert "/notifications/tout-lu/" in page


def test_notification_list_redirects_a_visitor_to_the_login_page(client, db):
    response = client.get("/notifications/")

    assert response.status_code == 302
    assert response["Location"].startswith("/compte/login/")


def test_mark_all_read_marks_every_notification_read(
    client, post, member, other_member, reply
):
    first = reply(post=post, author=other_member)
    reply(post=post, author=other_member, parent=first, body="@camille regarde")
    client.force_login(member)

    response = client.post("/notifications/tout-lu/")

    assert response.status_code == 302
    assert response["Location"] == "/notifications/"
    assert not Notification.objects.filter(read_at=None).exists()
    assert header_count(client.get("/notifications/")) is None


def test_mark_all_read_refuses_a_get(client, member):
    client.force_login(member)

    assert client.get("/notifications/tout-lu/").status_code == 405


def test_open_notification_marks_it_read_and_redirects_to_the_comment(
    client, post, member, other_member, reply
):
    comment = reply(post=post, author=other_member)
    notification = Notification.objects.get()
    client.force_login(member)

    response = client.post(f"/notifications/{notification.pk}/")

    assert response.status_code == 302
    assert response["Location"] == comment.get_absolute_url()
    assert response["Location"] == (
        f"/c/brassage/billets/{post.pk}/commentaires/{comment.pk}/"
    )
    notification.refresh_from_db()
    assert notification.read_at is not None


def test_open_notification_redirects_to_the_billet_for_a_billet_mention(
    client, community, member, other_member, committed
):
    community_services.join_community(
        actor=other_member,
        community=community,
        accepted_guide_version=community.guide_version_number,
    )
    post = committed(
        make_post, community=community, author=other_member, body="Merci @camille"
    )
    notification = Notification.objects.get()
    client.force_login(member)

    response = client.post(f"/notifications/{notification.pk}/")

    assert response["Location"] == post.get_absolute_url()


def test_open_notification_leaves_another_member_notification_alone(
    client, post, other_member, member_factory, reply
):
    reply(post=post, author=other_member)
    notification = Notification.objects.get()
    client.force_login(member_factory("eloise"))

    response = client.post(f"/notifications/{notification.pk}/")

    assert response["Location"] == "/notifications/"
    notification.refresh_from_db()
    assert notification.read_at is None


def test_notification_list_query_count_stays_the_same_with_more_notifications(
    client, post, member, member_factory, reply, django_assert_num_queries, settings
):
    settings.CAUSERIE_NOTIFICATIONS_PER_HOUR = 100
    authors = [member_factory(f"lecteur{number}") for number in range(4)]
    for number in range(3):
        reply(post=post, author=authors[number], body=f"Réponse {number}")
    reply(post=post, author=authors[3], body="Une réponse qui cite @camille")
    client.force_login(member)
    client.get("/notifications/")  # warm-up: per-process caches are not the page's cost
    with CaptureQueriesContext(connection) as queries:
        client.get("/notifications/")
    expected = len(queries)

    for number in range(35):
        reply(post=post, author=authors[number % 4], body=f"Réponse {number}")

    with django_assert_num_queries(expected):
        response = client.get("/notifications/")
    assert len(response.context["page"]) == 30
    # 39 replies; the mention inside a reply to camille adds no second notification.
    assert Notification.objects.filter(recipient=member).count() == 39


def test_notification_list_query_count_is_the_same_for_10_and_50_of_every_new_kind(
    client, post, member, member_factory, reply, django_assert_num_queries, settings
):
    """Replies, comments on followed billets and folded notifications: the page
    costs the same whatever their number."""
    settings.CAUSERIE_NOTIFICATIONS_PER_HOUR = 20
    writers = [member_factory(f"lecteur{number}") for number in range(3)]
    followed = make_post(community=post.community, author=writers[0], title="Suivi")
    notification_services.follow_post(actor=member, post_id=followed.pk)

    def add(count):
        for number in range(count):
            target = post if number % 2 else followed
            reply(post=target, author=writers[1 + number % 2], body=f"n°{number}")

    add(10)
    client.force_login(member)
    client.get("/notifications/")
    with CaptureQueriesContext(connection) as queries:
        client.get("/notifications/")
    kinds_with_10 = Notification.objects.filter(recipient=member).count()

    add(40)

    with django_assert_num_queries(len(queries)):
        response = client.get("/notifications/")
    kinds = {notification.kind for notification in response.context["page"]}
    assert kinds == {"reply", "followed_post"}
    assert kinds_with_10 == 10
    assert Notification.objects.filter(recipient=member).count() == 40
    assert "du même type dans" in response.content.decode()
