"""Events of the communities app."""

from causerie.core.events import event


@event
class CommunityFounded:
    community_id: int
    founder_id: int
