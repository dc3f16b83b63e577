""" "nouveau" markers: comments written by others since the member's previous
visit to a billet, and billets published or commented on since the member last
read them, in the listings."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from causerie.accounts import services as account_services
from causerie.accounts.models import PostRead
from causerie.communities import services as community_services
from causerie.core.testing import make_comment, make_member, make_post

BADGE = '<span class="new-badge">nouveau</span>'


def comment_html(page: str, comment) -> str:
    """The markup of one comment of the thread, without its replies."""
    match = re.search(rf'<li id="c{comment.pk}">(.*?)</article>', page, re.S)
    assert match, f"comment {comment.pk} not on the page"
    return match.group(1)


def row_html(page: str, post) -> str:
    """The listing row of one billet."""
    match = re.search(
        rf'<li class="post-row">((?:(?!</li>).)*?href="{post.get_absolute_url()}".*?)</li>',
        page,
        re.S,
    )
    assert match, f"billet {post.pk} not listed"
    return match.group(1)


# Reads


def test_record_read_keeps_the_first_read_and_returns_the_previous_visit(post, reader):
    assert account_services.record_read(member=reader, post=post) is None
    first = PostRead.objects.get(member=reader, post=post)

    previous = account_services.record_read(member=reader, post=post)

    again = PostRead.objects.get(member=reader, post=post)
    assert previous == first.last_read_at
    assert again.read_at == first.read_at
    assert again.last_read_at > first.last_read_at


# On the billet page


def test_billet_page_marks_comments_written_since_the_previous_visit(
    client_for, post, member, reader, writer
):
    client = client_for(reader)
    before = make_comment(post=post, author=writer, body="Avant la visite")
    client.get(post.get_absolute_url())
    after = make_comment(post=post, author=writer, body="Après la visite")

    page = client.get(post.get_absolute_url()).content.decode()

    assert BADGE in comment_html(page, after)
    assert BADGE not in comment_html(page, before)


def test_billet_page_does_not_mark_the_viewers_own_comments(client_for, post, reader):
    client = client_for(reader)
    client.get(post.get_absolute_url())
    own = make_comment(post=post, author=reader, body="Le mien")

    page = client.get(post.get_absolute_url()).content.decode()

    assert BADGE not in comment_html(page, own)


def test_billet_page_marks_nothing_on_a_first_visit(client_for, post, writer, reader):
    make_comment(post=post, author=writer, body="Déjà là")

    page = client_for(reader).get(post.get_absolute_url()).content.decode()

    assert BADGE not in page


def test_billet_page_stops_marking_a_comment_once_seen(
    client_for, post, writer, reader
):
    client = client_for(reader)
    client.get(post.get_absolute_url())
    comment = make_comment(post=post, author=writer, body="Nouveau")
    client.get(post.get_absolute_url())

    page = client.get(post.get_absolute_url()).content.decode()

    assert BADGE not in comment_html(page, comment)


def test_billet_page_marks_nothing_for_a_visitor(client, post, writer):
    make_comment(post=post, author=writer, body="Visible de tous")

    assert BADGE not in client.get(post.get_absolute_url()).content.decode()


# In the listings


@pytest.fixture
def viewer(community):
    """A member who joined before the billets of these tests were published."""
    viewer = make_member("victor")
    community_services.join_community(
        actor=viewer,
        community=community,
        accepted_guide_version=community.guide_version_number,
    )
    return viewer


def test_community_page_marks_an_unread_billet_of_someone_else(
    client_for, community, viewer, writer
):
    post = make_post(community=community, author=writer, title="Tout frais")

    page = client_for(viewer).get("/c/brassage/").content.decode()

    assert BADGE in row_html(page, post)


def test_community_page_does_not_mark_the_viewers_own_billet(
    client_for, community, viewer
):
    post = make_post(community=community, author=viewer, title="Le mien")

    page = client_for(viewer).get("/c/brassage/").content.decode()

    assert BADGE not in row_html(page, post)


def test_community_page_does_not_mark_an_unread_billet_older_than_a_week(
    client_for, community, writer
):
    old = make_post(
        community=community,
        author=writer,
        title="Ancien",
        published_at=timezone.now() - timedelta(days=8),
    )
    # Joined long ago: only the week-long window keeps the billet from being new.
    viewer = make_member("victor", date_joined=timezone.now() - timedelta(days=30))

    page = client_for(viewer).get("/c/brassage/").content.decode()

    assert BADGE not in row_html(page, old)


def test_community_page_marks_a_read_billet_only_once_it_has_new_comments(
    client_for, community, viewer, writer
):
    post = make_post(community=community, author=writer, title="Déjà lu")
    client = client_for(viewer)
    client.get(post.get_absolute_url())

    assert BADGE not in row_html(client.get("/c/brassage/").content.decode(), post)

    make_comment(post=post, author=writer, body="Du nouveau")

    assert BADGE in row_html(client.get("/c/brassage/").content.decode(), post)


def test_tag_page_marks_new_billets_too(client_for, community, member, viewer, writer):
    tag = community_services.create_tag(
        actor=member, community=community, name="Houblon", description=""
    )
    post = make_post(community=community, author=writer, title="Frais", tags=[tag])

    page = client_for(viewer).get("/c/brassage/etiquettes/houblon/").content.decode()

    assert BADGE in row_html(page, post)


def test_listings_mark_nothing_for_a_visitor(client, community, writer):
    make_post(community=community, author=writer, title="Tout frais")

    assert BADGE not in client.get("/c/brassage/").content.decode()
