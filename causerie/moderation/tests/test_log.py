"""The public moderation log over HTTP: open to logged-out readers, filtered,
flaggers never shown, bounded queries, and its Atom feed."""

import xml.etree.ElementTree as ElementTree

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from causerie.communities import services as community_services
from causerie.core.testing import make_comment, make_member, make_post
from causerie.governance import services as governance_services
from causerie.moderation import services
from causerie.moderation.models import LogAction
from causerie.moderation.tests.conftest import decide

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def hidden(decision):
    """The founder hid a comment flagged by three members, citing rule 2."""
    return decision


def log_url(community, query=""):
    return f"/c/{community.slug}/journal/{query}"


def shown_actions(response) -> list[str]:
    return [entry.action for entry in response.context["page"]]


# What the log shows


def test_public_log_shows_a_decision_to_a_logged_out_reader(
    client, community, hidden, rules
):
    response = client.get(log_url(community))

    page = response.content.decode()
    assert response.status_code == 200
    assert shown_actions(response) == [LogAction.HIDE]
    assert rules[1].title in page
    assert f'/c/{community.slug}/guide/#regle-2"' in page
    assert "Moquerie envers un autre membre." in page
    assert 'href="/@camille/"' in page
    assert f"/c/{community.slug}/decisions/{hidden.pk}/" in page


def test_public_log_never_shows_who_flagged(client, community, hidden, flaggers):
    response = client.get(log_url(community))

    page = response.content.decode()
    for flagger in flaggers:
        assert flagger.handle not in page
        assert flagger.name not in page


def test_public_log_links_a_target_that_is_still_visible(
    client, community, pending_comment, moderator
):
    decide(moderator, pending_comment, action="keep", reason="other")

    response = client.get(log_url(community))

    assert pending_comment.get_absolute_url() in response.content.decode()


def test_public_log_shows_only_the_title_of_a_removed_target(
    client, community, pending_comment, moderator, authored_post
):
    decide(moderator, pending_comment, action="delete", reason="harassment")

    response = client.get(log_url(community))

    page = response.content.decode()
    assert authored_post.title in page
    assert pending_comment.get_absolute_url() not in page
    assert f'href="{authored_post.get_absolute_url()}"' not in page


def test_public_log_shows_only_the_title_of_a_billet_deleted_by_its_author(
    client, community, authored_post, flaggers, moderator, author
):
    from causerie.publishing import services as publishing_services

    services.flag_item(actor=flaggers[0], post=authored_post, reason="spam")
    decide(moderator, authored_post, action="warn", reason="spam")
    publishing_services.delete_post(actor=author, post=authored_post)

    response = client.get(log_url(community))

    page = response.content.decode()
    assert authored_post.title in page
    assert f'href="{authored_post.get_absolute_url()}"' not in page


def test_public_log_shows_the_outcome_of_an_appeal(
    client, community, hidden, author, second_moderator
):
    appeal = services.appeal_decision(
        actor=author, decision_id=hidden.pk, text="C'était de l'humour."
    )
    services.decide_appeal(
        actor=second_moderator,
        appeal_id=appeal.pk,
        outcome="reversed",
        explanation="Humour entre habitués.",
    )

    response = client.get(log_url(community))

    assert shown_actions(response) == [
        LogAction.APPEAL_REVERSED,
        LogAction.MODERATOR_ADDED,
        LogAction.HIDE,
    ]
    page = response.content.decode()
    assert "Humour entre habitués." in page
    assert 'href="/@gaspard/"' in page


def test_public_log_links_a_new_guide_version(client, community, moderator):
    governance_services.publish_guide_version(
        actor=moderator,
        community=community,
        text="Bienvenue.\n\n## Restez courtois\n\nPas d'insultes.\n",
        policy={},
        summary="Une seule règle.",
    )

    response = client.get(log_url(community))

    assert shown_actions(response) == [LogAction.GUIDE_PUBLISHED]
    page = response.content.decode()
    assert f"/c/{community.slug}/guide/versions/2/" in page
    assert "Une seule règle." in page


def test_public_log_links_its_atom_feed(client, community):
    response = client.get(log_url(community))

    assert (
        '<link rel="alternate" type="application/atom+xml"' in response.content.decode()
    )
    assert f"/c/{community.slug}/journal/atom/" in response.content.decode()


def test_public_log_is_a_404_for_an_unknown_community(client, db):
    response = client.get("/c/inconnue/journal/")

    assert response.status_code == 404


# Filters


@pytest.fixture
def three_entries(
    community, pending_comment, authored_post, flaggers, moderator, second_moderator
):
    """After the founder co-opts a second moderator: a comment hidden for rule 2
    by the founder, a billet warned about for rule 1 by the second moderator,
    and another billet kept for spam by the founder."""
    rules = community.guide_versions.get(number=1).rules.order_by("number")
    decide(moderator, pending_comment, rule_id=rules[1].pk)
    services.flag_item(actor=flaggers[0], post=authored_post, rule_id=rules[0].pk)
    decide(second_moderator, authored_post, action="warn", rule_id=rules[0].pk)
    other = make_post(community=community, author=flaggers[1], title="Autre billet")
    services.flag_item(actor=flaggers[2], post=other, reason="spam")
    decide(moderator, other, action="keep", reason="spam")
    return {"other_post": other}


def test_public_log_filters_by_action(client, community, three_entries):
    response = client.get(log_url(community, "?action=warn"))

    assert shown_actions(response) == [LogAction.WARN]


def test_public_log_filters_by_moderator(client, community, three_entries):
    response = client.get(log_url(community, "?moderator=camille"))

    assert shown_actions(response) == [
        LogAction.KEEP,
        LogAction.HIDE,
        LogAction.MODERATOR_ADDED,
    ]


def test_public_log_filters_by_rule_number(client, community, three_entries):
    response = client.get(log_url(community, "?rule=2"))

    assert shown_actions(response) == [LogAction.HIDE]


def test_public_log_filters_by_billet(client, community, three_entries):
    other = three_entries["other_post"]

    response = client.get(log_url(community, f"?billet={other.pk}"))

    assert shown_actions(response) == [LogAction.KEEP]
    assert response.context["filtered_post_id"] == other.pk


def test_public_log_offers_the_moderators_who_appear(client, community, three_entries):
    response = client.get(log_url(community))

    choices = [
        value for value, _ in response.context["form"].fields["moderator"].choices
    ]
    assert choices == ["", "camille", "gaspard"]


def test_public_log_ignores_invalid_filters(client, community, three_entries):
    response = client.get(log_url(community, "?action=nimporte&rule=abc&billet=x"))

    assert response.status_code == 200
    assert len(shown_actions(response)) == 4


# Queries


def test_public_log_query_count_does_not_grow_with_the_entries(
    client, community, authored_post, author, moderator, second_moderator, rules
):
    flaggers = []
    for handle in ("albane", "basile", "cyrille"):
        flagger = make_member(handle, trust_level=3)
        community_services.join_community(
            actor=flagger,
            community=community,
            accepted_guide_version=community.guide_version_number,
        )
        flaggers.append(flagger)
    decisions = [
        {"action": "hide", "rule_id": rules[1].pk, "explanation": "Moquerie."},
        {"action": "keep", "reason": "other"},
        {"action": "warn", "rule_id": rules[0].pk},
        {"action": "delete", "reason": "spam", "explanation": "Publicité."},
    ]

    def add_entries(count, start):
        for index in range(start, start + count):
            comment = make_comment(
                post=authored_post, author=author, body=f"Avis numéro {index}."
            )
            services.flag_item(
                actor=flaggers[index % 3], comment=comment, reason="harassment"
            )
            decide(
                (moderator, second_moderator)[index % 2],
                comment,
                **decisions[index % 4],
            )

    add_entries(5, 0)
    with CaptureQueriesContext(connection) as few:
        client.get(log_url(community))
    add_entries(55, 5)

    with CaptureQueriesContext(connection) as many:
        response = client.get(log_url(community))

    # 60 decisions and the co-opting of the second moderator.
    assert response.context["page"].paginator.count == 61
    assert len(many) == len(few)


# Atom feed


def parse_feed(response):
    assert response["Content-Type"].startswith("application/atom+xml")
    return ElementTree.fromstring(response.content)


def test_log_feed_is_valid_atom_with_absolute_links(client, community, hidden, rules):
    response = client.get(f"/c/{community.slug}/journal/atom/")

    feed = parse_feed(response)
    assert feed.tag == f"{ATOM}feed"
    assert feed.find(f"{ATOM}updated").text
    assert feed.find(f"{ATOM}id").text.startswith("http://testserver/")
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 1
    entry = entries[0]
    link = entry.find(f"{ATOM}link").get("href")
    assert link == f"http://testserver/c/{community.slug}/decisions/{hidden.pk}/"
    assert entry.find(f"{ATOM}id").text.startswith("http://testserver/")
    assert entry.find(f"{ATOM}updated").text
    assert entry.find(f"{ATOM}author/{ATOM}name").text == "@camille"
    assert rules[1].title in entry.find(f"{ATOM}summary").text
    assert "Moquerie envers un autre membre." in entry.find(f"{ATOM}summary").text


def test_log_feed_never_names_who_flagged(client, community, hidden, flaggers):
    response = client.get(f"/c/{community.slug}/journal/atom/")

    body = response.content.decode()
    assert not any(flagger.handle in body for flagger in flaggers)


def test_log_feed_gives_each_entry_its_own_id(
    client, community, hidden, author, second_moderator
):
    appeal = services.appeal_decision(actor=author, decision_id=hidden.pk, text="Non.")
    services.decide_appeal(
        actor=second_moderator, appeal_id=appeal.pk, outcome="upheld", explanation="."
    )

    feed = parse_feed(client.get(f"/c/{community.slug}/journal/atom/"))

    ids = [entry.find(f"{ATOM}id").text for entry in feed.findall(f"{ATOM}entry")]
    # The decision, the co-opting of the second moderator, the appeal.
    assert len(ids) == len(set(ids)) == 3


def test_log_feed_is_a_404_for_an_unknown_community(client, db):
    response = client.get("/c/inconnue/journal/atom/")

    assert response.status_code == 404
