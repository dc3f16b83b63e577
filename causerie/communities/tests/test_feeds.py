"""Atom feeds of a community and of a tag: valid Atom (parsed by feedparser),
absolute links, dates, the 30 newest public billets only; pages announce them."""

from datetime import timedelta

import feedparser
import pytest
from django.utils import timezone, translation

from causerie.communities import services
from causerie.core.testing import make_member, make_post
from causerie.moderation import services as moderation_services
from causerie.moderation.models import FlaggedItem
from causerie.publishing import services as publishing_services

COMMUNITY_FEED = "/c/brassage/atom/"
TAG_FEED = "/c/brassage/etiquettes/houblon/atom/"


@pytest.fixture
def houblon(community, member):
    return services.create_tag(
        actor=member, community=community, name="Houblon", description="Amertume."
    )


def french(message: str, **values) -> str:
    """The French a reader gets for an English message id."""
    with translation.override("fr"):
        return translation.gettext(message) % values


COMMUNITY_TITLE = ("Posts of %(community)s", {"community": "Brassage"})
TAG_TITLE = (
    "Posts tagged %(tag)s in %(community)s",
    {"tag": "Houblon", "community": "Brassage"},
)


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


def hide(post, moderator):
    flagger = make_member(f"signaleur{post.pk}")
    make_post(community=post.community, author=flagger, title="Pour rejoindre")
    moderation_services.flag_item(actor=flagger, post=post, reason="spam")
    moderation_services.decide_item(
        actor=moderator,
        flagged_item_id=FlaggedItem.objects.get(post=post).pk,
        action="hide",
        reason="spam",
    )


def test_community_feed_is_valid_atom_with_absolute_links_and_dates(
    client, community, member, houblon
):
    post = make_post(
        community=community,
        author=member,
        title="Cascade ou Citra ?",
        body="Le *Cascade* est plus floral.",
        tags=[houblon],
    )

    feed = parse(client, COMMUNITY_FEED)

    assert feed.feed.title == french(COMMUNITY_TITLE[0], **COMMUNITY_TITLE[1])
    assert feed.feed.link == "http://testserver/c/brassage/"
    [entry] = feed.entries
    assert entry.title == "Cascade ou Citra ?"
    assert entry.link == f"http://testserver{post.get_absolute_url()}"
    assert entry.id == entry.link
    assert entry.author == "Camille"
    assert entry.published_parsed is not None
    assert entry.updated_parsed is not None
    assert "<em>Cascade</em>" in entry.summary
    assert [tag.term for tag in entry.tags] == ["Houblon"]


def test_community_feed_dates_an_edited_billet_by_its_edit(client, community, member):
    post = make_post(
        community=community,
        author=member,
        title="Avant",
        published_at=timezone.now() - timedelta(days=2),
    )
    publishing_services.edit_post(
        actor=member,
        post=post,
        title="Après",
        body="Corrigé.",
        intent=post.intent,
        tags=[],
    )

    [entry] = parse(client, COMMUNITY_FEED).entries

    assert entry.title == "Après"
    assert entry.updated_parsed > entry.published_parsed


def test_community_feed_leaves_out_deleted_and_hidden_billets(
    client, community, member, other_member
):
    make_post(community=community, author=member, title="Public")
    deleted = make_post(community=community, author=other_member, title="Effacé")
    publishing_services.delete_post(actor=other_member, post=deleted)
    hide(make_post(community=community, author=other_member, title="Masqué"), member)

    feed = parse(client, COMMUNITY_FEED)

    assert [entry.title for entry in feed.entries] == ["Pour rejoindre", "Public"]


def test_community_feed_holds_the_30_newest_billets(client, community, member):
    start = timezone.now() - timedelta(days=1)
    for number in range(35):
        make_post(
            community=community,
            author=member,
            title=f"Billet {number}",
            published_at=start + timedelta(minutes=number),
        )

    feed = parse(client, COMMUNITY_FEED)

    assert len(feed.entries) == 30
    assert feed.entries[0].title == "Billet 34"
    assert feed.entries[-1].title == "Billet 5"


def test_community_feed_is_empty_while_the_community_is_suspended(
    client, community, member, superuser
):
    make_post(community=community, author=member, title="Public")
    services.suspend_community(actor=superuser, community=community, notice="Spam.")

    assert parse(client, COMMUNITY_FEED).entries == []


def test_community_feed_answers_404_for_an_unknown_community(client, db):
    assert client.get("/c/inconnue/atom/").status_code == 404


def test_tag_feed_lists_only_the_tags_public_billets(
    client, community, member, houblon
):
    tagged = make_post(
        community=community, author=member, title="Houblon", tags=[houblon]
    )
    make_post(community=community, author=member, title="Sans étiquette")
    hide(
        make_post(community=community, author=member, title="Masqué", tags=[houblon]),
        member,
    )

    feed = parse(client, TAG_FEED)

    assert feed.feed.title == french(TAG_TITLE[0], **TAG_TITLE[1])
    assert feed.feed.link == "http://testserver/c/brassage/etiquettes/houblon/"
    assert [entry.link for entry in feed.entries] == [
        f"http://testserver{tagged.get_absolute_url()}"
    ]


def test_tag_feed_answers_404_for_an_unknown_tag(client, community):
    assert client.get("/c/brassage/etiquettes/malt/atom/").status_code == 404


def test_community_and_tag_pages_announce_their_feeds(client, community, houblon):
    community_page = client.get("/c/brassage/").content.decode()
    tag_page = client.get("/c/brassage/etiquettes/houblon/").content.decode()

    community_title = french(COMMUNITY_TITLE[0], **COMMUNITY_TITLE[1])
    tag_title = french(TAG_TITLE[0], **TAG_TITLE[1])

    assert (
        '<link rel="alternate" type="application/atom+xml" '
        f'title="{community_title}" href="{COMMUNITY_FEED}">'
    ) in community_page
    assert (
        '<link rel="alternate" type="application/atom+xml" '
        f'title="{tag_title}" href="{TAG_FEED}">'
    ) in tag_page
