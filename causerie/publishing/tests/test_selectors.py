"""Reads on billets and comments: thread flattening, revisions, related billets."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django.utils.html import strip_tags

from causerie.communities import services as community_services
from causerie.core.testing import make_comment, make_post
from causerie.publishing import selectors, services
from causerie.publishing.models import Comment


def shape(thread):
    """(text, level) of each listed comment; the text read back from its HTML."""
    return [(strip_tags(item.comment.body_html).strip(), item.level) for item in thread]


@pytest.fixture
def tree(post, member, reader):
    """a ─┬─ a1 ── a1x
       └─ a2
    b"""
    a = make_comment(post=post, author=member, body="a")
    a1 = make_comment(post=post, author=reader, body="a1", parent=a)
    make_comment(post=post, author=member, body="a1x", parent=a1)
    make_comment(post=post, author=reader, body="a2", parent=a)
    make_comment(post=post, author=reader, body="b")
    return a


def chain(post, authors, length, parent=None):
    """Replies to replies, `length` levels deep; returns every comment."""
    comments = []
    for depth in range(length):
        parent = make_comment(
            post=post,
            author=authors[depth % len(authors)],
            body=f"niveau {depth}",
            parent=parent,
        )
        comments.append(parent)
    return comments


def test_comment_thread_lists_comments_depth_first_with_their_level(post, tree):
    thread = selectors.comment_thread(post=post)

    assert shape(thread) == [("a", 0), ("a1", 1), ("a1x", 2), ("a2", 1), ("b", 0)]
    assert [item.has_children for item in thread] == [True, True, False, False, False]


def test_comment_thread_closes_each_nested_list_after_its_last_item(post, tree):
    thread = selectors.comment_thread(post=post)

    # a1x closes a1's list (back to level 1); a2 closes a's list (back to level 0).
    assert [len(item.closes) for item in thread] == [0, 0, 1, 1, 0]


def test_comment_thread_reverses_siblings_at_every_level_when_newest_first(post, tree):
    thread = selectors.comment_thread(post=post, newest_first=True)

    assert shape(thread) == [("b", 0), ("a", 0), ("a2", 1), ("a1", 1), ("a1x", 2)]


def test_comment_thread_stops_at_max_levels_and_counts_hidden_replies(
    post, member, reader
):
    comments = chain(post, [member, reader], 8)
    make_comment(post=post, author=reader, body="à côté", parent=comments[6])

    thread = selectors.comment_thread(post=post)

    assert shape(thread) == [(f"niveau {depth}", depth) for depth in range(6)]
    assert thread[-1].hidden_replies == 3
    assert not thread[-1].has_children
    assert len(thread[-1].closes) == 5


def test_comment_thread_starts_at_level_0_when_rooted_at_a_deep_comment(
    post, member, reader
):
    comments = chain(post, [member, reader], 8)

    thread = selectors.comment_thread(post=post, root=comments[5])

    assert shape(thread) == [("niveau 5", 0), ("niveau 6", 1), ("niveau 7", 2)]


def test_comment_thread_keeps_deleted_comments_in_place(post, member, reader, tree):
    services.delete_comment(actor=member, comment=tree)

    thread = selectors.comment_thread(post=post)

    assert shape(thread)[:2] == [("a", 0), ("a1", 1)]
    assert thread[0].comment.deleted_at is not None


def test_comment_thread_handles_a_chain_deeper_than_the_recursion_limit(post, member):
    # Built row by row only for volume: a chain of 1,500 replies.
    parent = make_comment(post=post, author=member, body="racine")
    for depth in range(1, 1500):
        parent = Comment.objects.create(
            post=post,
            author=member,
            parent=parent,
            depth=depth,
            body="x",
            body_html="<p>x</p>\n",
        )

    thread = selectors.comment_thread(post=post)

    assert len(thread) == selectors.THREAD_LEVELS
    assert thread[-1].hidden_replies == 1500 - selectors.THREAD_LEVELS


def test_comment_thread_loads_the_whole_thread_in_one_query(
    post, tree, django_assert_num_queries
):
    with django_assert_num_queries(1):
        thread = selectors.comment_thread(post=post)
        for item in thread:
            assert item.comment.author.name
            assert item.comment.body_html


def test_comment_ancestors_lists_parents_root_first(post, member, reader):
    comments = chain(post, [member, reader], 4)

    ancestors = selectors.comment_ancestors(comment=comments[3])

    assert [comment.pk for comment in ancestors] == [c.pk for c in comments[:3]]


def test_related_posts_ranks_billets_by_shared_tags(community, member):
    names = ("Levure", "Houblon", "Malt")
    tags = {
        name: community_services.create_tag(
            actor=member, community=community, name=name, description=""
        )
        for name in names
    }
    post = make_post(
        community=community, author=member, title="Sujet", tags=tags.values()
    )
    two = make_post(
        community=community,
        author=member,
        title="Deux en commun",
        tags=[tags["Levure"], tags["Malt"]],
    )
    one = make_post(
        community=community, author=member, title="Un", tags=[tags["Houblon"]]
    )
    make_post(community=community, author=member, title="Aucune")
    deleted = make_post(
        community=community, author=member, title="Supprimé", tags=[tags["Levure"]]
    )
    services.delete_post(actor=member, post=deleted)

    related = selectors.related_posts(post=post)

    assert [other.pk for other in related] == [two.pk, one.pk]


def test_related_posts_is_empty_when_the_billet_has_no_tags(post):
    assert selectors.related_posts(post=post) == []


def test_post_revisions_lists_newest_first(post, member):
    for number in range(2, 5):
        services.edit_post(
            actor=member,
            post=post,
            title=post.title,
            body=f"Version {number}",
            intent=post.intent,
        )

    entries = selectors.post_revisions(post=post)

    assert [entry["revision"].number for entry in entries] == [4, 3, 2, 1]
    assert entries[0]["diff"] == [("removed", "Version 3"), ("added", "Version 4")]


@pytest.mark.parametrize(("days", "expected"), [(729, False), (730, True)])
def test_is_old_compares_the_age_with_the_community_threshold(
    community, member, days, expected
):
    post = make_post(
        community=community,
        author=member,
        published_at=timezone.now() - timedelta(days=days),
    )

    assert selectors.is_old(post=post) is expected


def test_is_old_follows_the_community_policy_when_it_changes(community, member):
    from causerie.governance import services as governance_services
    from causerie.governance.guide_text import default_guide_text

    governance_services.publish_guide_version(
        actor=member,
        community=community,
        text=default_guide_text(),
        policy={"old_content_days": 30},
        summary="Billets anciens plus tôt",
    )
    post = make_post(
        community=community,
        author=member,
        published_at=timezone.now() - timedelta(days=45),
    )

    assert selectors.is_old(post=post) is True
    assert selectors.age_in_years(post=post) == 0
