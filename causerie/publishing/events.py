"""Events of the publishing app."""

from causerie.core.events import event


@event
class PostPublished:
    post_id: int


@event
class PostEdited:
    post_id: int


@event
class CommentPosted:
    comment_id: int


@event
class CommentEdited:
    comment_id: int


@event
class PostDeleted:
    """The author deleted the billet (moderation decisions emit ItemDecided)."""

    post_id: int


@event
class CommentDeleted:
    """The author deleted the comment (moderation decisions emit ItemDecided)."""

    comment_id: int
