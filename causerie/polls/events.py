"""Events of the polls app."""

from causerie.core.events import event


@event
class PollAdded:
    poll_id: int
    post_id: int


@event
class PollClosed:
    poll_id: int
    post_id: int
