"""Reactions of standing to recognition events (run as tasks after commit:
a request never waits for a recomputation)."""

from causerie.core.events import handles
from causerie.recognition.events import RecognitionGiven, RecognitionWithdrawn
from causerie.standing import services


@handles(RecognitionGiven)
def update_standing_for_recognition(event: RecognitionGiven) -> None:
    services.take_recognition_into_account(recognition_id=event.recognition_id)


@handles(RecognitionWithdrawn)
def recompute_after_withdrawal(event: RecognitionWithdrawn) -> None:
    # Taking a recognition back locally would need what it passed on at the
    # time; the debounced full recomputation is exact instead.
    services.mark_stale(community_id=event.community_id)
