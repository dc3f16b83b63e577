"""Events of the governance app."""

from causerie.core.events import event


@event
class GuidePublished:
    community_id: int
    version_id: int


@event
class VoteOpened:
    """A vote (amendment, recall) or an election opened its voting phase; the
    community's members are told (notifications handle it)."""

    community_id: int
    # "amendment", "recall" or "election"
    subject: str
    title: str
    # Site path of the page where members vote.
    path: str
    # Who opened it; None when a deadline did.
    actor_id: int | None = None


@event
class VoteClosed:
    community_id: int
    subject: str
    title: str
    # Site path of the result page.
    path: str
    # A short outcome in English for logs (the page says it in the reader's language).
    outcome: str = ""
