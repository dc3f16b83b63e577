"""A member's own record: the sanction notice (what, why, until when, how to
appeal), the decisions about them, their appeals and their flag accuracy."""

import pytest
from django.utils import timezone
from django.utils.formats import date_format

from causerie.moderation import services
from causerie.moderation.models import Sanction
from causerie.moderation.tests.conftest import decide


@pytest.fixture
def suspension(pending_comment, moderator, rules):
    return decide(
        moderator,
        pending_comment,
        action="suspend",
        rule_id=rules[1].pk,
        explanation="Troisième moquerie ce mois-ci.",
        suspension_days=7,
    )


def record_url(community):
    return f"/c/{community.slug}/mon-dossier/"


def test_my_record_redirects_a_logged_out_reader_to_the_login_page(client, community):
    response = client.get(record_url(community))

    assert response.status_code == 302
    assert "/compte/login/" in response.url


def test_my_record_states_the_suspension_until_when_and_how_to_appeal(
    client_for, community, suspension, author, rules
):
    response = client_for(author).get(record_url(community))

    page = response.content.decode()
    sanction = response.context["sanction"]
    assert sanction.kind == Sanction.Kind.SUSPENSION
    assert sanction.until == suspension.suspended_until
    until = date_format(timezone.localtime(sanction.until), "j F Y, H:i")
    assert until in page
    assert 'class="notice danger sanction-notice"' in page
    assert rules[1].title in page
    assert "Troisième moquerie ce mois-ci." in page
    assert f"/c/{community.slug}/decisions/{suspension.pk}/" in page
    assert f"/c/{community.slug}/decisions/{suspension.pk}/recours/" in page


def test_my_record_states_a_ban(
    client_for, community, pending_comment, moderator, author
):
    decide(moderator, pending_comment, action="ban", reason="harassment")

    response = client_for(author).get(record_url(community))

    assert response.context["sanction"].kind == Sanction.Kind.BAN
    assert 'class="notice danger sanction-notice"' in response.content.decode()


def test_my_record_shows_the_appeal_under_way_instead_of_the_link(
    client_for, community, suspension, author
):
    services.appeal_decision(actor=author, decision_id=suspension.pk, text="Non.")

    response = client_for(author).get(record_url(community))

    assert response.context["sanction_row"]["appeal"].appellant == author
    assert response.context["sanction_row"]["can_file_appeal"] is False
    assert (
        f"/c/{community.slug}/decisions/{suspension.pk}/recours/"
        not in response.content.decode()
    )


def test_my_record_has_no_sanction_notice_once_the_suspension_ended(
    client_for, community, suspension, author, clock
):
    clock.advance(days=7, minutes=1)

    response = client_for(author).get(record_url(community))

    assert response.context["sanction"] is None
    assert "sanction-notice" not in response.content.decode()


def test_my_record_has_no_sanction_notice_once_an_appeal_reversed_it(
    client_for, community, suspension, author, second_moderator
):
    appeal = services.appeal_decision(
        actor=author, decision_id=suspension.pk, text="Non."
    )
    services.decide_appeal(
        actor=second_moderator, appeal_id=appeal.pk, outcome="reversed", explanation="."
    )

    response = client_for(author).get(record_url(community))

    assert response.context["sanction"] is None
    assert response.context["rows"][0]["appeal"].outcome == "reversed"


def test_my_record_lists_the_warnings_received(
    client_for, community, authored_post, flaggers, moderator, author, rules
):
    services.flag_item(actor=flaggers[0], post=authored_post, rule_id=rules[2].pk)
    warning = decide(
        moderator,
        authored_post,
        action="warn",
        rule_id=rules[2].pk,
        explanation="Indiquez que vous vendez ce houblon.",
    )

    response = client_for(author).get(record_url(community))

    assert [row["decision"] for row in response.context["rows"]] == [warning]
    assert "Indiquez que vous vendez ce houblon." in response.content.decode()
    assert response.context["sanction"] is None


def test_my_record_shows_only_the_viewers_own_decisions(
    client_for, community, suspension, flaggers
):
    response = client_for(flaggers[0]).get(record_url(community))

    assert response.context["rows"] == []
    assert response.context["sanction"] is None


def test_my_record_shows_the_accuracy_of_the_viewers_flags(
    client_for, community, suspension, flaggers, authored_post
):
    services.flag_item(actor=flaggers[0], post=authored_post, reason="spam")

    response = client_for(flaggers[0]).get(record_url(community))

    accuracy = response.context["accuracy"]
    assert (accuracy["upheld"], accuracy["rejected"], accuracy["open"]) == (1, 0, 1)
    assert accuracy["share"] == 1.0
    assert accuracy["factor"] == 1.0  # fewer than five flags decided


def test_community_page_links_a_member_to_their_record(client_for, community, author):
    response = client_for(author).get(community.get_absolute_url())

    assert record_url(community) in response.content.decode()


def test_community_page_offers_no_record_to_a_logged_out_reader(client, community):
    response = client.get(community.get_absolute_url())

    assert record_url(community) not in response.content.decode()
