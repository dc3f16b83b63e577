"""Bookmarks ("à relire"): the services, the button on the billet page and the
member's list, which shows deleted or hidden billets as such without their
title, in the same number of queries whatever its length."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext

from causerie.core.exceptions import NotAllowed
from causerie.core.testing import make_member, make_post
from causerie.moderation import services as moderation_services
from causerie.moderation.models import FlaggedItem
from causerie.publishing import services
from causerie.publishing.exceptions import PostNotBookmarkable
from causerie.publishing.models import Bookmark

LIST_URL = "/a-relire/"


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


def listed(response) -> list:
    return [bookmark.post for bookmark in response.context["page"]]


# Services


def test_add_bookmark_is_safe_to_call_twice(post, reader):
    first = services.add_bookmark(actor=reader, post=post)
    second = services.add_bookmark(actor=reader, post=post)

    assert first.pk == second.pk
    assert Bookmark.objects.filter(member=reader, post=post).count() == 1


def test_remove_bookmark_is_safe_to_call_twice(post, reader):
    services.add_bookmark(actor=reader, post=post)

    services.remove_bookmark(actor=reader, post=post)
    services.remove_bookmark(actor=reader, post=post)

    assert not Bookmark.objects.exists()


def test_add_bookmark_refuses_a_deleted_billet(post, member, reader):
    services.delete_post(actor=member, post=post)

    with pytest.raises(PostNotBookmarkable) as refusal:
        services.add_bookmark(actor=reader, post=post)

    assert refusal.value.code == "post_not_bookmarkable"
    assert not Bookmark.objects.exists()


def test_add_bookmark_refuses_a_visitor(post):
    with pytest.raises(NotAllowed) as refusal:
        services.add_bookmark(actor=AnonymousUser(), post=post)

    assert refusal.value.code == "not_allowed"


# The button on the billet page


def test_post_bookmark_view_adds_then_removes_the_billet(client_for, post, reader):
    client = client_for(reader)
    url = post.get_absolute_url()
    assert "À relire" in client.get(url).content.decode()

    added = client.post(f"{url}a-relire/", {"bookmarked": "1"}, follow=True)

    assert Bookmark.objects.filter(member=reader, post=post).exists()
    with translation.override("fr"):
        remove_label = escape(gettext("Remove from “to read again”"))
    assert remove_label in added.content.decode()

    client.post(f"{url}a-relire/", {"bookmarked": "0"})

    assert not Bookmark.objects.exists()


def test_post_bookmark_view_sends_a_visitor_to_log_in(client, post):
    response = client.post(f"{post.get_absolute_url()}a-relire/", {"bookmarked": "1"})

    assert response.status_code == 302
    assert response["Location"].startswith("/compte/login/")
    assert not Bookmark.objects.exists()


def test_post_bookmark_view_returns_to_the_list_when_removing_from_it(
    client_for, post, reader
):
    services.add_bookmark(actor=reader, post=post)

    response = client_for(reader).post(
        f"{post.get_absolute_url()}a-relire/", {"bookmarked": "0", "next": "bookmarks"}
    )

    assert response["Location"] == LIST_URL


# The list


def test_bookmark_list_shows_the_members_bookmarks_newest_first(
    client_for, community, member, reader
):
    first = make_post(community=community, author=member, title="Premier")
    second = make_post(community=community, author=member, title="Second")
    services.add_bookmark(actor=reader, post=first)
    services.add_bookmark(actor=reader, post=second)
    services.add_bookmark(actor=member, post=first)

    response = client_for(reader).get(LIST_URL)

    assert response.status_code == 200
    assert listed(response) == [second, first]


def test_bookmark_list_shows_deleted_and_hidden_billets_without_their_title(
    client_for, community, member, writer, reader
):
    kept = make_post(community=community, author=writer, title="Toujours là")
    deleted = make_post(community=community, author=writer, title="Titre effacé")
    hidden = make_post(community=community, author=writer, title="Titre masqué")
    for post in (kept, deleted, hidden):
        services.add_bookmark(actor=reader, post=post)
    services.delete_post(actor=writer, post=deleted)
    hide(hidden, member)

    response = client_for(reader).get(LIST_URL)

    page = response.content.decode()
    assert len(listed(response)) == 3
    assert "Toujours là" in page
    assert "Titre effacé" not in page
    assert "Titre masqué" not in page
    assert "Billet supprimé par son auteur" in page
    assert "Billet masqué par la modération" in page


def test_bookmark_list_needs_a_login(client):
    response = client.get(LIST_URL)

    assert response.status_code == 302
    assert response["Location"].startswith("/compte/login/")


def test_bookmark_list_is_linked_from_the_header_for_members(
    client_for, client, reader
):
    link = f'<a href="{LIST_URL}">À relire</a>'

    assert link in client_for(reader).get("/").content.decode()
    assert link not in client.get("/").content.decode()


def test_bookmark_list_query_count_stays_the_same_with_more_bookmarks(
    client_for, community, member, writer, reader, django_assert_num_queries
):
    def bookmark(count, start):
        for number in range(start, start + count):
            author = (member, writer)[number % 2]
            post = make_post(community=community, author=author, title=f"B{number}")
            services.add_bookmark(actor=reader, post=post)
            if number % 5 == 0:
                services.delete_post(actor=author, post=post)

    client = client_for(reader)
    bookmark(5, 0)
    with CaptureQueriesContext(connection) as five:
        assert client.get(LIST_URL).status_code == 200
    expected = len(five)

    bookmark(25, 5)

    with django_assert_num_queries(expected):
        response = client.get(LIST_URL)
    assert len(listed(response)) == 20
    assert len(listed(client.get(f"{LIST_URL}?page=2"))) == 10
