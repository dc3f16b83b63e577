"""Emails of the kinds about votes and recognition, delivered to a real SMTP
server on loopback."""

from html import unescape

import pytest
from django.test import Client
from django.utils import timezone

from causerie.communities import services as community_services
from causerie.core.events import emit
from causerie.governance.events import VoteOpened
from causerie.notifications import handlers, selectors, tasks
from causerie.notifications.models import Notification
from causerie.notifications.tests.test_emails import (
    RAW_UNSUBSCRIBE,
    SITE,
    header,
    parts,
    unsubscribe_path,
)
from causerie.recognition.events import RecognitionGiven
from causerie.recognition.models import Recognition

ELECTION_PATH = "/c/brassage/elections/4/"


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.CAUSERIE_SITE_URL = SITE


@pytest.fixture
def voters(community, member, other_member):
    community_services.join_community(
        actor=other_member,
        community=community,
        accepted_guide_version=community.guide_version_number,
    )
    return [member, other_member]


def election_opened(community) -> VoteOpened:
    return VoteOpened(
        community_id=community.pk,
        subject="election",
        title="Élection des modérateurs n° 3",
        path=ELECTION_PATH,
    )


def test_vote_opened_email_arrives_at_once_for_a_member_who_wants_it(
    smtp_server, community, voters, prefer, committed
):
    prefer(voters[1], "vote_opened", email="immediate")

    committed(emit, emitted=election_opened(community))

    [(recipients, message)] = smtp_server.messages
    assert recipients == ["dominique@example.org"]
    sentence = (
        "Dans Brassage, l'élection des modérateurs est ouverte au vote : "
        "« Élection des modérateurs n° 3 »"
    )
    assert header(message, "Subject") == f"[Causerie] {sentence}"
    plain, html = parts(message)
    assert "Bonjour Dominique," in plain
    assert sentence in plain
    assert f"{SITE}{ELECTION_PATH}" in plain
    assert f'href="{SITE}{ELECTION_PATH}"' in html
    assert sentence in unescape(html)
    assert "« un vote ou une élection s'ouvre »" in plain
    assert header(message, "List-Unsubscribe-Post") == "List-Unsubscribe=One-Click"
    assert RAW_UNSUBSCRIBE.search(smtp_server.raw[0])
    assert Notification.objects.get(recipient=voters[1]).emailed_at is not None
    assert Notification.objects.get(recipient=voters[0]).emailed_at is None


def test_vote_opened_email_is_written_in_english_for_an_english_member(
    smtp_server, community, voters, prefer, committed
):
    voters[1].language = "en"
    voters[1].save(update_fields=["language"])
    prefer(voters[1], "vote_opened", email="immediate")

    committed(emit, emitted=election_opened(community))

    [(_recipients, message)] = smtp_server.messages
    assert header(message, "Subject") == (
        "[Causerie] In Brassage, the moderator election is open for voting: "
        "“Élection des modérateurs n° 3”"
    )
    assert "Hello Dominique," in parts(message)[0]


def test_vote_opened_email_unsubscribe_link_stops_that_kind_logged_out(
    smtp_server, community, voters, prefer, committed
):
    prefer(voters[1], "vote_opened", email="immediate")
    committed(emit, emitted=election_opened(community))
    [(_recipients, message)] = smtp_server.messages

    response = Client(enforce_csrf_checks=True).post(unsubscribe_path(message))

    assert response.status_code == 200
    preferences = selectors.member_preferences(member_id=voters[1].pk)
    assert preferences["vote_opened"].email == "never"
    assert preferences["vote_closed"].email == "never"
    assert preferences["reply"].email == "digest"


def test_daily_digest_lists_votes_and_grouped_recognitions(
    smtp_server, post, community, voters, member_factory, prefer, committed
):
    """The vote is in the digest by default; recognitions when the member
    chose so."""
    prefer(voters[0], "recognised", email="digest")
    handlers.notify_vote_opened(election_opened(community))
    for handle in ("eloise", "fabien"):
        reader = member_factory(handle)
        community_services.join_community(
            actor=reader,
            community=community,
            accepted_guide_version=community.guide_version_number,
        )
        recognition = Recognition.objects.create(
            community=community,
            recogniser=reader,
            author=voters[0],
            post=post,
            given_at=timezone.now(),
        )
        committed(
            emit,
            emitted=RecognitionGiven(
                recognition_id=recognition.pk,
                community_id=community.pk,
                recogniser_id=reader.pk,
                author_id=voters[0].pk,
                post_id=post.pk,
            ),
        )

    tasks.send_daily_digests.enqueue()

    message = next(m for r, m in smtp_server.messages if r == ["camille@example.org"])
    assert header(message, "Subject") == (
        "[Causerie] Votre récapitulatif du jour : 2 notifications"
    )
    plain, html = parts(message)
    assert (
        "Fabien et 1 autre membre ont trouvé votre billet « Premier billet » utile"
        in plain
    )
    assert (
        "l'élection des modérateurs est ouverte au vote : "
        "« Élection des modérateurs n° 3 »" in plain
    )
    assert f'href="{SITE}{ELECTION_PATH}"' in html
    assert f"{SITE}{post.get_absolute_url()}" in plain
    assert unsubscribe_path(message) in plain
