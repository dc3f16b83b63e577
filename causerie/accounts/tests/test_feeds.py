"""Atom feed of a member's billets: valid Atom, absolute links, dates, only
public billets; the profile announces it."""

import feedparser
from django.utils import translation

from causerie.communities import services as community_services
from causerie.core.testing import make_community, make_member, make_post
from causerie.publishing import services as publishing_services

FEED_URL = "/@camille/atom/"


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


def feed_title() -> str:
    with translation.override("fr"):
        return translation.gettext("Posts by %(name)s (@%(handle)s)") % {
            "name": "Camille",
            "handle": "camille",
        }


def test_member_feed_is_valid_atom_with_absolute_links_and_dates(
    client, community, member
):
    post = make_post(community=community, author=member, title="Mon billet")

    feed = parse(client, FEED_URL)

    assert feed.feed.title == feed_title()
    assert feed.feed.link == "http://testserver/@camille/"
    [entry] = feed.entries
    assert entry.title == "Mon billet"
    assert entry.link == f"http://testserver{post.get_absolute_url()}"
    assert entry.author == "Camille"
    assert entry.published_parsed is not None
    assert entry.updated_parsed is not None


def test_member_feed_lists_only_the_members_public_billets(
    client, community, member, other_member
):
    superuser = make_member("admin_site", is_staff=True, is_superuser=True)
    make_post(community=community, author=member, title="Public")
    make_post(community=community, author=other_member, title="D'un autre")
    deleted = make_post(community=community, author=member, title="Effacé")
    publishing_services.delete_post(actor=member, post=deleted)
    elsewhere = make_community(
        founder=make_member("ophelie"), slug="ailleurs", name="Ailleurs"
    )
    make_post(community=elsewhere, author=member, title="Dans une suspendue")
    community_services.suspend_community(
        actor=superuser, community=elsewhere, notice="Spam."
    )

    feed = parse(client, FEED_URL)

    assert [entry.title for entry in feed.entries] == ["Public"]


def test_member_feed_answers_404_for_an_unknown_member(client, db):
    assert client.get("/@personne/atom/").status_code == 404


def test_profile_announces_the_members_feed(client, member):
    page = client.get("/@camille/").content.decode()

    assert (
        '<link rel="alternate" type="application/atom+xml" '
        f'title="{feed_title()}" href="{FEED_URL}">'
    ) in page
