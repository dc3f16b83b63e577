"""Turn publishing events into notifications (run as background tasks)."""

from causerie.communities.models import Membership
from causerie.core.events import handles
from causerie.core.markdown import extract_mentions
from causerie.notifications import services
from causerie.notifications.models import Notification
from causerie.publishing.events import (
    CommentEdited,
    CommentPosted,
    PostEdited,
    PostPublished,
)
from causerie.publishing.models import Comment, Post

MAX_MENTIONS_NOTIFIED = 20  # a storm of @mentions notifies the first twenty only


def _mentioned_member_ids(*, text: str, community_id: int) -> list[int]:
    """Mentions notify members of the community only."""
    handles_mentioned = sorted(extract_mentions(text))[:MAX_MENTIONS_NOTIFIED]
    if not handles_mentioned:
        return []
    return list(
        Membership.objects.filter(
            community_id=community_id, member__handle__in=handles_mentioned
        ).values_list("member_id", flat=True)
    )


@handles(PostPublished)
@handles(PostEdited)
def notify_post_mentions(event) -> None:
    post = Post.objects.filter(pk=event.post_id, deleted_at__isnull=True).first()
    if post is None:
        return
    for member_id in _mentioned_member_ids(
        text=post.body, community_id=post.community_id
    ):
        services.notify(
            recipient_id=member_id,
            actor_id=post.author_id,
            kind=Notification.Kind.MENTION,
            post_id=post.pk,
        )


@handles(CommentPosted)
def notify_reply(event) -> None:
    comment = (
        Comment.objects.filter(pk=event.comment_id)
        .select_related("parent", "post")
        .first()
    )
    if comment is None or comment.is_deleted:
        return
    replied_to = comment.parent.author_id if comment.parent else comment.post.author_id
    services.notify(
        recipient_id=replied_to,
        actor_id=comment.author_id,
        kind=Notification.Kind.REPLY,
        post_id=comment.post_id,
        comment_id=comment.pk,
    )


@handles(CommentPosted)
@handles(CommentEdited)
def notify_comment_mentions(event) -> None:
    comment = (
        Comment.objects.filter(pk=event.comment_id)
        .select_related("parent", "post")
        .first()
    )
    if comment is None or comment.is_deleted:
        return
    # The member answered already gets a reply notification for this comment.
    replied_to = comment.parent.author_id if comment.parent else comment.post.author_id
    for member_id in _mentioned_member_ids(
        text=comment.body, community_id=comment.post.community_id
    ):
        if member_id == replied_to:
            continue
        services.notify(
            recipient_id=member_id,
            actor_id=comment.author_id,
            kind=Notification.Kind.MENTION,
            post_id=comment.post_id,
            comment_id=comment.pk,
        )
