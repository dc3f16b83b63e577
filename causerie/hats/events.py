"""Events of the hats app."""

from causerie.core.events import event


@event
class HatRequested:
    hat_id: int


@event
class HatDecided:
    """Granted, refused or removed: `status` says which."""

    hat_id: int
    status: str
    actor_id: int
