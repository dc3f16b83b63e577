"""Atom feed of a billet's comments: valid Atom, absolute links, dates, only
visible comments of a public billet; the billet page announces it."""

import feedparser
import pytest
from django.utils import translation

from causerie.core.testing import make_comment, make_member, make_post
from causerie.moderation import services as moderation_services
from causerie.moderation.models import FlaggedItem
from causerie.publishing import services


def feed_url(post) -> str:
    return f"{post.get_absolute_url()}atom/"


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


def hide(item, moderator):
    """Flag for spam, then the moderator hides it."""
    post = getattr(item, "post", item)
    flagger = make_member(f"signaleur{item.pk}")
    make_post(community=post.community, author=flagger, title="Pour rejoindre")
    target = {"comment": item} if hasattr(item, "parent_id") else {"post": item}
    moderation_services.flag_item(actor=flagger, reason="spam", **target)
    moderation_services.decide_item(
        actor=moderator,
        flagged_item_id=FlaggedItem.objects.get(**target).pk,
        action="hide",
        reason="spam",
    )


def test_comments_feed_is_valid_atom_with_absolute_links_and_dates(
    client, post, writer
):
    comment = make_comment(post=post, author=writer, body="Très *juste*.")

    feed = parse(client, feed_url(post))

    with translation.override("fr"):
        title = translation.gettext("Comments on “%(title)s”") % {"title": post.title}
    assert feed.feed.title == title
    assert feed.feed.link == f"http://testserver{post.get_absolute_url()}"
    [entry] = feed.entries
    assert entry.link == f"http://testserver{comment.get_absolute_url()}"
    assert entry.author == "Ines"
    assert entry.published_parsed is not None
    assert entry.updated_parsed is not None
    assert "<em>juste</em>" in entry.summary


def test_comments_feed_lists_only_visible_comments_newest_first(
    client, post, member, writer, reader
):
    first = make_comment(post=post, author=writer, body="Premier")
    deleted = make_comment(post=post, author=reader, body="Effacé")
    services.delete_comment(actor=reader, comment=deleted)
    hide(make_comment(post=post, author=reader, body="Masqué"), member)
    last = make_comment(post=post, author=writer, body="Dernier")

    feed = parse(client, feed_url(post))

    assert [entry.link for entry in feed.entries] == [
        f"http://testserver{last.get_absolute_url()}",
        f"http://testserver{first.get_absolute_url()}",
    ]
    assert "Effacé" not in str(feed)
    assert "Masqué" not in str(feed)


def test_comments_feed_holds_the_30_newest_comments(client, post, writer):
    for number in range(32):
        make_comment(post=post, author=writer, body=f"Commentaire {number}")

    assert len(parse(client, feed_url(post)).entries) == 30


@pytest.mark.parametrize("state", ["deleted", "hidden"])
def test_comments_feed_answers_404_when_the_billet_is_not_public(
    client, post, member, state
):
    make_comment(post=post, author=member, body="Sous un billet retiré")
    if state == "deleted":
        services.delete_post(actor=member, post=post)
    else:
        hide(post, member)  # the founder moderates

    response = client.get(feed_url(post))

    assert response.status_code == 404
    assert post.title not in response.content.decode()


def test_billet_page_announces_its_comments_feed(client, post):
    page = client.get(post.get_absolute_url()).content.decode()

    with translation.override("fr"):
        title = translation.gettext("Comments on “%(title)s”") % {"title": post.title}

    assert (
        '<link rel="alternate" type="application/atom+xml" '
        f'title="{title}" href="{feed_url(post)}">'
    ) in page


def test_deleted_billet_page_announces_no_feed(client, post, member):
    services.delete_post(actor=member, post=post)

    page = client.get(post.get_absolute_url()).content.decode()

    assert "application/atom+xml" not in page
