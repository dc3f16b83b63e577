"""Who may recognise, accept answers and ask members to answer. Pure functions
on rows already loaded: `is_member` comes from the caller's selectors."""

from causerie.publishing.models import ModerationState


def is_recognisable(item, post) -> bool:
    """A billet or comment that is still there for everyone to read."""
    return (
        item.deleted_at is None
        and item.moderation_state == ModerationState.VISIBLE
        and post.deleted_at is None
        and post.moderation_state == ModerationState.VISIBLE
    )


def can_recognise_in(actor, post, *, is_member: bool) -> bool:
    """The actor may mark items of this billet's page useful (others' items)."""
    # Trust level 0 may recognise: new members' recognitions weigh little
    # (standing), they are not refused.
    return (
        actor.is_authenticated
        and is_member
        and not post.community.is_suspended
        and is_recognisable(post, post)
    )


def can_recognise(actor, item, post, *, is_member: bool) -> bool:
    return (
        can_recognise_in(actor, post, is_member=is_member)
        and actor.pk != item.author_id
        and is_recognisable(item, post)
    )


def can_see_recognisers(actor, item) -> bool:
    """Who recognised an item is shown to its author only (no public counters)."""
    return actor.is_authenticated and actor.pk == item.author_id


def can_accept_answers(actor, post) -> bool:
    return (
        actor.is_authenticated
        and actor.pk == post.author_id
        and post.is_question
        and post.deleted_at is None
        and not post.community.is_suspended
    )


def can_accept_comment(actor, post, comment) -> bool:
    return (
        can_accept_answers(actor, post)
        and comment.post_id == post.pk
        and comment.parent_id is None
        and comment.author_id != actor.pk
        and comment.deleted_at is None
        and comment.moderation_state == ModerationState.VISIBLE
    )


def can_request_answers(actor, post) -> bool:
    # The asker only: a member asking on someone else's question could page
    # strangers at will.
    return (
        can_accept_answers(actor, post)
        and post.accepted_comment_id is None
        and post.moderation_state == ModerationState.VISIBLE
    )
