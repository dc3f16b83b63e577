"""Publishing events turn into notifications, once, for the right people."""

from causerie.communities import services as community_services
from causerie.core.testing import make_comment, make_post
from causerie.notifications import handlers
from causerie.notifications.models import Notification
from causerie.publishing import services as publishing_services
from causerie.publishing.events import CommentPosted, PostPublished


def notifications():
    """Reply and mention notifications (followers of the billet are in
    test_follow.py)."""
    return list(
        Notification.objects.exclude(kind="followed_post")
        .order_by("pk")
        .values_list("recipient__handle", "actor__handle", "kind", "post", "comment")
    )


def test_notify_reply_tells_the_billet_author_about_a_comment(
    post, other_member, reply
):
    comment = reply(post=post, author=other_member)

    assert notifications() == [("camille", "dominique", "reply", post.pk, comment.pk)]


def test_notify_reply_tells_the_comment_author_about_a_reply(
    post, member, other_member, member_factory, reply
):
    third = member_factory("eloise")
    parent = reply(post=post, author=other_member)
    Notification.objects.all().delete()

    answer = reply(post=post, author=third, parent=parent)

    assert notifications() == [("dominique", "eloise", "reply", post.pk, answer.pk)]


def test_notify_reply_does_nothing_when_authors_answer_themselves(
    post, member, other_member, reply
):
    reply(post=post, author=member)
    parent = reply(post=post, author=other_member)
    Notification.objects.all().delete()

    reply(post=post, author=other_member, parent=parent)

    assert notifications() == []


def test_notify_reply_creates_no_duplicate_when_the_handler_runs_twice(
    post, other_member, reply
):
    comment = reply(post=post, author=other_member)

    handlers.notify_reply(CommentPosted(comment_id=comment.pk))

    assert len(notifications()) == 1


def test_notify_reply_does_nothing_before_the_transaction_commits(post, other_member):
    make_comment(post=post, author=other_member)

    assert notifications() == []


def test_notify_comment_mentions_tells_a_mentioned_member_of_the_community(
    post, member, other_member, member_factory, reply
):
    mentioned = member_factory("eloise")
    community_services.join_community(
        actor=mentioned,
        community=post.community,
        accepted_guide_version=post.community.guide_version_number,
    )

    comment = reply(post=post, author=member, body="Qu'en penses-tu, @Eloise ?")

    assert notifications() == [("eloise", "camille", "mention", post.pk, comment.pk)]


def test_notify_comment_mentions_skips_the_member_already_told_of_the_reply(
    post, member, other_member, reply
):
    comment = reply(post=post, author=other_member, body="D'accord avec @camille.")

    assert notifications() == [("camille", "dominique", "reply", post.pk, comment.pk)]


def test_notify_comment_mentions_ignores_a_member_outside_the_community(
    post, member, member_factory, reply
):
    member_factory("eloise")

    reply(post=post, author=member, body="Qu'en penses-tu, @eloise ?")

    assert notifications() == []


def test_notify_comment_mentions_ignores_the_author_mentioning_themselves(
    post, member, reply
):
    reply(post=post, author=member, body="Note pour @camille : relire.")

    assert notifications() == []


def test_notify_comment_mentions_creates_no_duplicate_when_the_comment_is_edited(
    post, other_member, member_factory, committed, reply
):
    mentioned = member_factory("eloise")
    community_services.join_community(
        actor=mentioned,
        community=post.community,
        accepted_guide_version=post.community.guide_version_number,
    )
    comment = reply(post=post, author=other_member, body="Bonjour @eloise")
    Notification.objects.filter(kind="reply").delete()

    committed(
        publishing_services.edit_comment,
        actor=other_member,
        comment=comment,
        body="Bonjour @eloise, je corrige.",
    )

    assert notifications() == [("eloise", "dominique", "mention", post.pk, comment.pk)]


def test_notify_comment_mentions_notifies_twenty_members_at_most(
    post, member, member_factory, reply
):
    handles = [f"lecteur{number:02d}" for number in range(25)]
    for handle in handles:
        community_services.join_community(
            actor=member_factory(handle),
            community=post.community,
            accepted_guide_version=post.community.guide_version_number,
        )

    reply(post=post, author=member, body=" ".join(f"@{handle}" for handle in handles))

    assert Notification.objects.filter(kind="mention").count() == 20


def test_notify_post_mentions_tells_a_mentioned_member_about_a_billet(
    community, member, other_member, committed
):
    community_services.join_community(
        actor=other_member,
        community=community,
        accepted_guide_version=community.guide_version_number,
    )

    post = committed(
        make_post,
        community=community,
        author=member,
        body="Merci à @dominique pour la recette.",
    )

    assert notifications() == [("dominique", "camille", "mention", post.pk, None)]


def test_notify_post_mentions_creates_no_duplicate_when_the_handler_runs_twice(
    community, member, other_member, committed
):
    community_services.join_community(
        actor=other_member,
        community=community,
        accepted_guide_version=community.guide_version_number,
    )
    post = committed(
        make_post, community=community, author=member, body="Salut @dominique"
    )

    handlers.notify_post_mentions(PostPublished(post_id=post.pk))

    assert len(notifications()) == 1
