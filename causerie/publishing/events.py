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
