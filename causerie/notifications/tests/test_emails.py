"""Notification emails, delivered to a real SMTP server on loopback: immediate
emails, the daily digest, the unsubscribe link, retries."""

import base64
import json
import re
from html import unescape

import pytest
from django.test import Client

from causerie.core.testing import make_post
from causerie.notifications import selectors, services, tasks
from causerie.notifications.models import Notification
from causerie.notifications.tests.conftest import free_port

SITE = "http://causerie.test"
RAW_UNSUBSCRIBE = re.compile(
    rb"\r\nList-Unsubscribe:\s+<http://causerie\.test/notifications/desabonnement/"
    rb"[\w:-]+/>\r\n"
)


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.CAUSERIE_SITE_URL = SITE


def parts(message) -> tuple[str, str]:
    plain = message.get_body(preferencelist=("plain",)).get_content()
    html = message.get_body(preferencelist=("html",)).get_content()
    return plain, html


def header(message, name) -> str:
    # Django folds long headers after the colon; Python's parser keeps the
    # folding space, which mail clients drop.
    return str(message[name]).strip()


def unsubscribe_path(message) -> str:
    value = header(message, "List-Unsubscribe")
    assert value.startswith(f"<{SITE}/notifications/desabonnement/")
    return value.strip("<>").removeprefix(SITE)


# Immediate emails


def test_send_notification_email_delivers_a_reply_in_french(
    smtp_server, post, member, other_member, reply, prefer
):
    prefer(member, "reply", email="immediate")

    comment = reply(post=post, author=other_member, body="Très bonne recette.")

    [(recipients, message)] = smtp_server.messages
    assert recipients == ["camille@example.org"]
    assert message["To"] == "camille@example.org"
    assert header(message, "Subject") == (
        "[Causerie] Dominique a répondu dans « Premier billet »"
    )
    plain, html = parts(message)
    comment_url = f"{SITE}/c/brassage/billets/{post.pk}/commentaires/{comment.pk}/"
    assert "Bonjour Camille," in plain
    assert "Très bonne recette." in plain
    assert comment_url in plain
    assert f'href="{comment_url}"' in html
    assert "Dominique a répondu dans « Premier billet »" in html
    assert header(message, "List-Unsubscribe-Post") == "List-Unsubscribe=One-Click"
    assert unsubscribe_path(message) in plain
    # The address stays readable by mail clients: no RFC 2047 encoding.
    assert RAW_UNSUBSCRIBE.search(smtp_server.raw[0])
    notification = Notification.objects.get(kind="reply")
    assert notification.emailed_at is not None
    assert notification.email_attempts == 0


def test_send_notification_email_writes_in_the_member_language(
    smtp_server, post, member, other_member, reply, prefer
):
    member.language = "en"
    member.save(update_fields=["language"])
    prefer(member, "reply", email="immediate")

    reply(post=post, author=other_member)

    [(_recipients, message)] = smtp_server.messages
    assert header(message, "Subject") == (
        "[Causerie] Dominique replied in “Premier billet”"
    )
    plain, html = parts(message)
    assert "Hello Camille," in plain
    assert "Stop these emails" in html
    assert 'lang="en"' in html


def test_send_notification_email_sends_nothing_for_a_digest_kind(
    smtp_server, post, member, other_member, reply
):
    reply(post=post, author=other_member)

    assert smtp_server.messages == []
    assert Notification.objects.get(kind="reply").emailed_at is None


def test_send_notification_email_skips_a_member_without_email(
    smtp_server, post, member, other_member, reply, prefer
):
    prefer(member, "reply", email="immediate")
    type(member).objects.filter(pk=member.pk).update(email=None)

    reply(post=post, author=other_member)

    assert smtp_server.messages == []
    notification = Notification.objects.get(kind="reply")
    assert (notification.emailed_at, notification.email_attempts) == (None, 0)


def test_send_notification_email_retries_three_times_then_stops(
    closed_smtp_port, post, member, other_member, reply, prefer
):
    prefer(member, "reply", email="immediate")

    reply(post=post, author=other_member)

    notification = Notification.objects.get(kind="reply")
    assert notification.email_attempts == 3
    assert notification.emailed_at is None
    assert notification.email_error.startswith("ConnectionRefusedError")
    result = tasks.send_notification_email.enqueue(notification.pk)
    assert result.return_value == "failed"
    notification.refresh_from_db()
    assert notification.email_attempts == 3


def test_send_notification_email_succeeds_on_a_later_attempt(
    smtp_server, post, member, other_member, prefer, settings
):
    prefer(member, "mention", email="immediate")
    notification = services.notify(
        recipient_id=member.pk,
        actor_id=other_member.pk,
        kind="mention",
        post_id=post.pk,
    )
    settings.EMAIL_PORT = free_port()
    assert services.send_notification_email(notification_id=notification.pk) == "retry"

    settings.EMAIL_PORT = smtp_server.port
    result = tasks.send_notification_email.enqueue(notification.pk)

    assert result.return_value == "sent"
    notification.refresh_from_db()
    assert (notification.email_attempts, notification.email_error) == (1, "")
    assert len(smtp_server.messages) == 1


# The daily digest


@pytest.fixture
def three_notifications(post, member, other_member, member_factory, reply):
    """Two replies and a comment on a followed billet for Camille, by digest."""
    reply(post=post, author=other_member, body="Première réponse")
    reply(post=post, author=member_factory("eloise"), body="Deuxième réponse")
    other_post = make_post(
        community=post.community, author=other_member, title="Le houblon"
    )
    services.follow_post(actor=member, post_id=other_post.pk)
    reply(post=other_post, author=member_factory("fabien"), body="Sur le houblon")
    return list(
        Notification.objects.filter(recipient=member).order_by("-created_at", "-pk")
    )


def test_send_daily_digests_groups_a_member_notifications_in_one_email(
    smtp_server, member, three_notifications
):
    result = tasks.send_daily_digests.enqueue()

    assert result.return_value >= 1
    [(_recipients, message)] = [
        sent for sent in smtp_server.messages if sent[0] == ["camille@example.org"]
    ]
    assert header(message, "Subject") == (
        "[Causerie] Votre récapitulatif du jour : 3 notifications"
    )
    plain, html = parts(message)
    assert "Fabien a commenté « Le houblon », un billet que vous suivez" in plain
    assert "Eloise a répondu dans « Premier billet »" in plain
    assert "Dominique a répondu dans « Premier billet »" in plain
    for notification in three_notifications:
        url = f"{SITE}/c/brassage/billets/{notification.post_id}/commentaires/"
        assert f"{url}{notification.comment_id}/" in plain
        assert f'href="{url}{notification.comment_id}/"' in html
    assert unsubscribe_path(message) in plain
    assert header(message, "List-Unsubscribe-Post") == "List-Unsubscribe=One-Click"
    assert not Notification.objects.filter(recipient=member, emailed_at=None).exists()


def test_send_daily_digests_sends_nothing_twice_nor_what_was_read(
    smtp_server, member, three_notifications
):
    services.mark_read(actor=member, notification_ids=[three_notifications[0].pk])
    tasks.send_daily_digests.enqueue()
    sent = len(smtp_server.messages)

    tasks.send_daily_digests.enqueue()

    assert len(smtp_server.messages) == sent
    first = next(m for r, m in smtp_server.messages if r == ["camille@example.org"])
    assert "2 notifications" in header(first, "Subject")


def test_send_daily_digests_writes_in_english_for_an_english_member(
    smtp_server, member, three_notifications
):
    member.language = "en"
    member.save(update_fields=["language"])

    tasks.send_daily_digests.enqueue()

    message = next(m for r, m in smtp_server.messages if r == ["camille@example.org"])
    assert header(message, "Subject") == "[Causerie] Your daily digest: 3 notifications"
    assert "Eloise replied in “Premier billet”" in parts(message)[0]


def test_send_daily_digests_leaves_out_immediate_and_never_kinds(
    smtp_server, member, three_notifications, prefer
):
    prefer(member, "reply", email="immediate")
    prefer(member, "followed_post", email="never")

    tasks.send_daily_digests.enqueue()

    assert [r for r, _m in smtp_server.messages if r == ["camille@example.org"]] == []


def test_send_digest_records_a_failure_and_gives_up_after_three_days(
    closed_smtp_port, member, three_notifications, clock
):
    for _day in range(4):
        tasks.send_daily_digests.enqueue()
        clock.advance(hours=24)

    attempts = set(
        Notification.objects.filter(recipient=member).values_list(
            "email_attempts", flat=True
        )
    )
    assert attempts == {3}
    assert selectors.members_due_a_digest() == []


def test_send_digest_skips_a_member_without_email(
    smtp_server, member, three_notifications
):
    type(member).objects.filter(pk=member.pk).update(email=None)

    tasks.send_daily_digests.enqueue()

    assert [r for r, _m in smtp_server.messages if r == ["camille@example.org"]] == []
    assert member.pk not in selectors.members_due_a_digest()


# The unsubscribe link, logged out


@pytest.fixture
def emailed(smtp_server, post, member, other_member, reply, prefer):
    """Camille got a reply email; returns its message."""
    prefer(member, "reply", email="immediate")
    reply(post=post, author=other_member)
    return smtp_server.messages[0][1]


def test_unsubscribe_link_asks_for_confirmation_and_changes_nothing_on_get(
    client, emailed, member
):
    response = client.get(unsubscribe_path(emailed))

    assert response.status_code == 200
    page = unescape(response.content.decode())
    assert "Ne plus envoyer d'e-mails à @camille pour « réponse » ?" in page
    assert '<form method="post">' in page
    assert selectors.preference_for(member_id=member.pk, kind="reply").email == (
        "immediate"
    )


def test_unsubscribe_link_stops_the_kind_on_post(emailed, member):
    browser = Client(enforce_csrf_checks=True)

    response = browser.post(unsubscribe_path(emailed))

    assert response.status_code == 200
    assert "@camille ne reçoit plus d'e-mails pour « réponse »." in unescape(
        response.content.decode()
    )
    preferences = selectors.member_preferences(member_id=member.pk)
    assert preferences["reply"] == selectors.Preference("reply", True, "never")
    assert preferences["mention"].email == "digest"


def test_unsubscribe_link_accepts_the_one_click_post_of_mail_clients(emailed, member):
    mail_client = Client(enforce_csrf_checks=True)

    response = mail_client.post(
        unsubscribe_path(emailed),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )

    assert response.status_code == 200
    assert selectors.preference_for(member_id=member.pk, kind="reply").email == "never"


def test_unsubscribe_link_of_the_digest_stops_every_email(
    smtp_server, member, three_notifications
):
    tasks.send_daily_digests.enqueue()
    message = next(m for r, m in smtp_server.messages if r == ["camille@example.org"])

    Client(enforce_csrf_checks=True).post(unsubscribe_path(message))

    preferences = selectors.member_preferences(member_id=member.pk)
    assert {preference.email for preference in preferences.values()} == {"never"}
    assert preferences["reply"].in_app is True


def test_unsubscribe_link_refuses_a_changed_token_with_a_clear_400(
    client, emailed, member
):
    path = unsubscribe_path(emailed)
    token = path.removeprefix("/notifications/desabonnement/").rstrip("/")
    payload, signature = token.split(":")
    forged = token_for_another_member(payload) + ":" + signature
    assert forged != token

    for changed in (token[:-2] + "xy", forged):
        get = client.get(f"/notifications/desabonnement/{changed}/")
        post = Client(enforce_csrf_checks=True).post(
            f"/notifications/desabonnement/{changed}/"
        )

        assert (get.status_code, post.status_code) == (400, 400)
        assert "Ce lien de désabonnement n'est pas valide" in unescape(
            get.content.decode()
        )
    assert selectors.preference_for(member_id=member.pk, kind="reply").email == (
        "immediate"
    )


def token_for_another_member(payload: str) -> str:
    """The same payload naming the next member: without the key, the signature
    no longer matches."""
    decoded = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    decoded["member"] += 1
    changed = json.dumps(decoded, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(changed).decode().rstrip("=")
