"""Who may add, change, close or delete a poll, and who may vote. Pure
functions over rows already loaded; `is_member` and `is_moderator` come from
the caller's selectors."""

from causerie.publishing.models import ModerationState, Post


def can_manage_poll(actor, post: Post, *, is_moderator: bool) -> bool:
    """The billet's author, or one of the community's moderators."""
    return (
        actor.is_authenticated
        and (actor.pk == post.author_id or is_moderator)
        and not post.is_deleted
        and post.moderation_state != ModerationState.REMOVED
        and not post.community.is_suspended
    )


def can_vote(actor, post: Post, *, is_member: bool) -> bool:
    """Voting follows what commenting requires (publishing.permissions
    .can_comment_on): a member, on a billet still open to discussion."""
    return (
        actor.is_authenticated
        and is_member
        and not post.is_deleted
        and post.locked_at is None
        and post.moderation_state != ModerationState.REMOVED
        and not post.community.is_suspended
    )


def can_see_results(*, is_closed: bool, always_visible: bool, has_voted: bool) -> bool:
    """The author chose whether results show before voting; once the poll is
    closed they show to everyone."""
    return always_visible or has_voted or is_closed
