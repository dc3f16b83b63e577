"""Followed billets and tags: who follows automatically, the button, and the
notifications followers get."""

import pytest

from causerie.accounts import services as account_services
from causerie.communities import services as community_services
from causerie.core.testing import make_post
from causerie.notifications import handlers, selectors, services
from causerie.notifications.exceptions import PostNotFollowable
from causerie.notifications.models import Notification, PostFollow
from causerie.publishing import services as publishing_services
from causerie.publishing.events import CommentPosted


def followed(post) -> list[str]:
    return sorted(
        PostFollow.objects.filter(post=post, unfollowed_at=None).values_list(
            "member__handle", flat=True
        )
    )


def followed_post_notifications() -> list[tuple]:
    return list(
        Notification.objects.filter(kind="followed_post")
        .order_by("recipient__handle")
        .values_list("recipient__handle", "actor__handle", "comment")
    )


@pytest.fixture
def published(community, member, committed):
    """Camille's billet, published with its handlers run."""
    return committed(make_post, community=community, author=member)


def test_follow_own_post_makes_the_author_follow_their_billet(published):
    assert followed(published) == ["camille"]


def test_follow_commented_post_makes_the_commenter_follow_the_billet(
    published, other_member, reply
):
    reply(post=published, author=other_member)

    assert followed(published) == ["camille", "dominique"]


def test_unfollow_post_holds_when_the_member_comments_again(
    published, other_member, reply
):
    reply(post=published, author=other_member)
    services.unfollow_post(actor=other_member, post_id=published.pk)

    reply(post=published, author=other_member, body="Encore un mot.")

    assert followed(published) == ["camille"]


def test_follow_post_follows_again_after_an_unfollow(published, other_member):
    services.unfollow_post(actor=other_member, post_id=published.pk)

    follow = services.follow_post(actor=other_member, post_id=published.pk)

    assert follow.unfollowed_at is None
    assert selectors.is_following(member=other_member, post_id=published.pk)
    assert PostFollow.objects.filter(member=other_member).count() == 1


def test_follow_post_refuses_a_deleted_billet(published, member, other_member):
    publishing_services.delete_post(actor=member, post=published)

    with pytest.raises(PostNotFollowable) as refused:
        services.follow_post(actor=other_member, post_id=published.pk)

    assert refused.value.code == "post_not_followable"
    assert followed(published) == ["camille"]


# Notifications to followers


def test_notify_post_followers_tells_followers_except_the_commenter(
    published, member, other_member, member_factory, reply
):
    third = member_factory("eloise")
    services.follow_post(actor=third, post_id=published.pk)
    first = reply(post=published, author=other_member)
    Notification.objects.all().delete()

    second = reply(post=published, author=third, body="Je réponds au billet.")

    # Camille (the author) gets a reply notification instead.
    assert followed_post_notifications() == [("dominique", "eloise", second.pk)]
    assert first.pk != second.pk
    assert Notification.objects.get(recipient=member).kind == "reply"


def test_notify_post_followers_skips_the_member_who_gets_the_reply(
    published, member, other_member, reply
):
    parent = reply(post=published, author=other_member)
    Notification.objects.all().delete()

    answer = reply(post=published, author=member, parent=parent)

    assert followed_post_notifications() == []
    assert list(Notification.objects.values_list("recipient__handle", "comment")) == [
        ("dominique", answer.pk)
    ]


def test_notify_post_followers_skips_followers_who_muted_the_commenter(
    published, member, other_member, member_factory, reply
):
    third = member_factory("eloise")
    services.follow_post(actor=third, post_id=published.pk)
    account_services.mute_member(actor=third, handle=other_member.handle)

    reply(post=published, author=other_member)

    assert followed_post_notifications() == []


def test_notify_post_followers_creates_no_duplicate_when_the_handler_runs_twice(
    published, other_member, member_factory, reply
):
    third = member_factory("eloise")
    services.follow_post(actor=third, post_id=published.pk)
    comment = reply(post=published, author=other_member)

    handlers.notify_post_followers(CommentPosted(comment_id=comment.pk))

    assert followed_post_notifications() == [("eloise", "dominique", comment.pk)]


def test_notification_list_shows_a_followed_billet_comment(
    client, published, other_member, member_factory, reply
):
    third = member_factory("eloise")
    services.follow_post(actor=third, post_id=published.pk)
    reply(post=published, author=other_member)
    client.force_login(third)

    page = client.get("/notifications/").content.decode()

    assert "Dominique a commenté « Premier billet », un billet que vous suivez" in page


# The button on the billet page


def test_post_page_shows_follow_then_unfollow(client, published, other_member):
    client.force_login(other_member)
    url = published.get_absolute_url()
    assert ">Suivre</button>" in client.get(url).content.decode()

    response = client.post(
        f"/notifications/billets/{published.pk}/suivre/", {"following": "1"}
    )

    assert response.status_code == 302
    assert response["Location"] == url
    page = client.get(url).content.decode()
    assert ">Ne plus suivre</button>" in page
    assert "Vous suivez ce billet" in page


def test_post_follow_view_unfollows(client, published, member):
    client.force_login(member)

    response = client.post(
        f"/notifications/billets/{published.pk}/suivre/", {"following": "0"}
    )

    assert response["Location"] == published.get_absolute_url()
    assert followed(published) == []


def test_post_page_shows_no_follow_button_to_a_visitor(client, published):
    page = client.get(published.get_absolute_url()).content.decode()

    assert "/suivre/" not in page


def test_post_follow_view_refuses_a_get_and_a_visitor(client, published, member):
    url = f"/notifications/billets/{published.pk}/suivre/"

    assert client.post(url, {"following": "1"}).status_code == 302
    client.force_login(member)
    assert client.get(url).status_code == 405


def test_post_follow_view_answers_404_for_a_missing_billet(client, member):
    client.force_login(member)

    response = client.post("/notifications/billets/999/suivre/", {"following": "1"})

    assert response.status_code == 404


# Followed tags (communities.TagFollow, from the tags part of issue 8)


@pytest.mark.skipif(
    not hasattr(community_services, "follow_tag"),
    reason="communities.TagFollow does not exist yet",
)
def test_notify_tag_followers_tells_the_followers_of_a_billet_tag(
    community, member, other_member, member_factory, committed
):
    community_services.create_tag(
        actor=member, community=community, name="Houblon", description=""
    )
    tag = community.tags.get()
    reader = member_factory("eloise")
    for follower in (other_member, reader, member):
        community_services.follow_tag(actor=follower, tag=tag)
    community_services.join_community(
        actor=reader,
        community=community,
        accepted_guide_version=community.guide_version_number,
    )

    post = committed(
        make_post,
        community=community,
        author=member,
        tags=[tag],
        body="Une question pour @eloise.",
    )

    # The author is not told; Éloise is told by the mention instead.
    assert list(
        Notification.objects.order_by("recipient__handle").values_list(
            "recipient__handle", "kind", "post"
        )
    ) == [("dominique", "followed_tag", post.pk), ("eloise", "mention", post.pk)]
