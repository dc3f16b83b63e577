"""Per-kind preferences: defaults, the service, the settings page, and what
notify does with them."""

import re

import pytest

from causerie.notifications import selectors, services
from causerie.notifications.exceptions import UnknownNotificationKind
from causerie.notifications.models import (
    DEFAULT_PREFERENCES,
    Notification,
    NotificationPreference,
)

KINDS = Notification.Kind
CHECKED = re.compile(r'name="email_(\w+)" value="(\w+)"[^>]* checked>')


def test_member_preferences_give_the_documented_defaults_without_rows(member):
    preferences = selectors.member_preferences(member_id=member.pk)

    assert {kind: (p.in_app, p.email) for kind, p in preferences.items()} == {
        "reply": (True, "digest"),
        "mention": (True, "digest"),
        "warning": (True, "digest"),
        "decision": (True, "digest"),
        "appeal_decided": (True, "digest"),
        "appeal_to_review": (True, "digest"),
        "followed_post": (True, "digest"),
        "followed_tag": (True, "never"),
        "recognised": (True, "never"),
        "vote_opened": (True, "digest"),
        "vote_closed": (True, "never"),
        "called_to_answer": (True, "immediate"),
        "quoted": (True, "digest"),
        "quote_reply": (True, "digest"),
        "hat_requested": (True, "digest"),
        "hat_decided": (True, "digest"),
    }
    assert set(DEFAULT_PREFERENCES) == set(KINDS.values)


def test_update_preferences_stores_and_updates_one_row_per_kind(member):
    services.update_preferences(actor=member, preferences={"reply": (False, "never")})

    preferences = services.update_preferences(
        actor=member, preferences={"reply": (True, "immediate")}
    )

    assert preferences["reply"] == selectors.Preference("reply", True, "immediate")
    assert NotificationPreference.objects.filter(member=member).count() == 1


def test_update_preferences_keeps_a_decision_about_the_member_in_app(member):
    preferences = services.update_preferences(
        actor=member, preferences={"warning": (False, "never")}
    )

    assert preferences["warning"].in_app is True
    assert preferences["warning"].email == "never"


def test_update_preferences_refuses_an_unknown_kind_or_mode(member):
    with pytest.raises(UnknownNotificationKind) as refused:
        services.update_preferences(actor=member, preferences={"like": (True, "never")})
    with pytest.raises(UnknownNotificationKind):
        services.update_preferences(
            actor=member, preferences={"reply": (True, "weekly")}
        )

    assert refused.value.code == "unknown_notification_kind"
    assert not NotificationPreference.objects.exists()


def test_notify_creates_nothing_when_the_kind_is_off_in_app_and_by_email(
    post, member, other_member, prefer
):
    prefer(member, "mention", in_app=False, email="never")

    notification = services.notify(
        recipient_id=member.pk,
        actor_id=other_member.pk,
        kind="mention",
        post_id=post.pk,
    )

    assert notification is None
    assert not Notification.objects.exists()


def test_notify_keeps_an_email_only_kind_out_of_the_list_and_count(
    client, post, member, other_member, prefer
):
    prefer(member, "mention", in_app=False, email="digest")

    notification = services.notify(
        recipient_id=member.pk,
        actor_id=other_member.pk,
        kind="mention",
        post_id=post.pk,
    )

    assert notification.is_in_app is False
    assert selectors.unread_count(member=member) == 0
    client.force_login(member)
    assert list(client.get("/notifications/").context["page"]) == []
    assert selectors.members_due_a_digest() == [member.pk]


# The settings page


def test_preferences_page_lists_every_kind_with_its_choices(client, member):
    client.force_login(member)

    response = client.get("/compte/notifications/")

    assert response.status_code == 200
    page = response.content.decode()
    for kind in KINDS.values:
        assert f'name="in_app_{kind}"' in page
        for mode in ("immediate", "digest", "never"):
            assert f'name="email_{kind}" value="{mode}"' in page
    assert "Paramètres de notification" in page
    assert 'href="/compte/notifications/" aria-current="page"' in page


def test_preferences_page_saves_the_choices_through_the_service(client, member):
    client.force_login(member)
    data = {f"email_{kind}": "digest" for kind in KINDS.values}
    data |= {f"in_app_{kind}": "on" for kind in KINDS.values}
    data |= {"email_reply": "immediate", "email_followed_tag": "never"}
    del data["in_app_followed_post"]

    response = client.post("/compte/notifications/", data)

    assert response.status_code == 302
    assert response["Location"] == "/compte/notifications/"
    preferences = selectors.member_preferences(member_id=member.pk)
    assert preferences["reply"].email == "immediate"
    assert preferences["followed_post"].in_app is False
    assert preferences["followed_tag"].email == "never"
    page = client.get(response["Location"]).content.decode()
    assert CHECKED.findall(page)[:2] == [("reply", "immediate"), ("mention", "digest")]


def test_preferences_page_shows_an_error_for_a_missing_choice(client, member):
    client.force_login(member)

    response = client.post("/compte/notifications/", {"email_reply": "immediate"})

    assert response.status_code == 200
    assert response.context["form"].errors
    assert not NotificationPreference.objects.exists()


def test_preferences_page_redirects_a_visitor_to_the_login_page(client, db):
    response = client.get("/compte/notifications/")

    assert response.status_code == 302
    assert response["Location"].startswith("/compte/login/")


def test_settings_nav_links_to_the_notification_settings(client, member):
    client.force_login(member)

    page = client.get("/compte/profil/").content.decode()

    assert 'href="/compte/notifications/"' in page
