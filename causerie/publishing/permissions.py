"""Who may do what with billets and comments."""

from causerie.publishing.models import Comment, Post


def can_edit_post(actor, post: Post) -> bool:
    return (
        actor.is_authenticated
        and actor.pk == post.author_id
        and not post.is_deleted
        and not post.community.is_suspended
    )


def can_delete_post(actor, post: Post) -> bool:
    return can_edit_post(actor, post)


def can_edit_comment(actor, comment: Comment, community) -> bool:
    return (
        actor.is_authenticated
        and actor.pk == comment.author_id
        and not comment.is_deleted
        and not community.is_suspended
    )


def can_delete_comment(actor, comment: Comment, community) -> bool:
    return can_edit_comment(actor, comment, community)


def can_see_deleted_text(actor, *, is_moderator: bool) -> bool:
    """Deleted text stays available to the community's moderators only."""
    return actor.is_authenticated and is_moderator
