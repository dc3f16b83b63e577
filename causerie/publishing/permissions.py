"""Who may do what with billets and comments."""

from causerie.publishing.models import Comment, ModerationState, Post


def can_edit_post(actor, post: Post) -> bool:
    return (
        actor.is_authenticated
        and actor.pk == post.author_id
        and not post.is_deleted
        and not post.community.is_suspended
    )


def can_delete_post(actor, post: Post) -> bool:
    return can_edit_post(actor, post)


def can_bookmark_post(actor, post: Post) -> bool:
    return (
        actor.is_authenticated
        and not post.is_deleted
        and post.moderation_state
        not in (ModerationState.HIDDEN, ModerationState.REMOVED)
    )


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


def can_comment_on(actor, post: Post, *, is_member: bool) -> bool:
    """A locked discussion, or a billet deleted by its author or the moderation,
    takes no new comments."""
    return (
        actor.is_authenticated
        and is_member
        and not post.is_deleted
        and post.locked_at is None
        and post.moderation_state != ModerationState.REMOVED
        and not post.community.is_suspended
    )


def can_read_moderated_text(actor, item, *, is_moderator: bool) -> bool:
    """The text of a moderated billet or comment stays readable by the community's
    moderators, and by its author while it is pending or hidden."""
    if item.moderation_state == ModerationState.VISIBLE:
        return True
    if not actor.is_authenticated:
        return False
    if is_moderator:
        return True
    return actor.pk == item.author_id and item.moderation_state in (
        ModerationState.PENDING,
        ModerationState.HIDDEN,
    )


def can_read_history(actor, item, *, is_moderator: bool) -> bool:
    """A history shows every version of the text: it is as private as the
    text itself once the author deleted it or the moderation hid it."""
    if item.is_deleted and not can_see_deleted_text(actor, is_moderator=is_moderator):
        return False
    return can_read_moderated_text(actor, item, is_moderator=is_moderator)
