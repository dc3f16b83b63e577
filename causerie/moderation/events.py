"""Events of the moderation app."""

from causerie.core.events import event


@event
class ItemFlagged:
    flag_id: int


@event
class ItemDecided:
    decision_id: int


@event
class AppealFiled:
    appeal_id: int


@event
class AppealDecided:
    appeal_id: int


@event
class AppealEscalated:
    appeal_id: int
