"""Events of the governance app."""

from causerie.core.events import event


@event
class GuidePublished:
    community_id: int
    version_id: int
