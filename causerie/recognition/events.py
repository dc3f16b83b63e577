"""Events of the recognition app."""

from causerie.core.events import event


@event
class RecognitionGiven:
    recognition_id: int
    community_id: int
    recogniser_id: int
    author_id: int
    post_id: int
    comment_id: int | None = None


@event
class RecognitionWithdrawn:
    community_id: int
    recogniser_id: int
    author_id: int


@event
class AnswerRequested:
    """The asker (or a member) asked some members to answer a question."""

    post_id: int
    actor_id: int
    member_ids: tuple[int, ...] = ()
