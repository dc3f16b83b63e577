"""Domain events: handlers run as tasks once the transaction commits."""

import dataclasses

import pytest
from django.db import transaction

from causerie.core.events import EVENT_TYPES, emit, event, handles

RECEIVED: list = []


@event
class SomethingHappened:
    thing_id: int
    label: str


@handles(SomethingHappened)
def failing_handler(happened) -> None:
    if happened.label == "boom":
        raise RuntimeError("handler failure")


@handles(SomethingHappened)
def recording_handler(happened) -> None:
    RECEIVED.append(happened)


@pytest.fixture(autouse=True)
def _empty_inbox():
    RECEIVED.clear()
    yield
    RECEIVED.clear()


def test_event_is_a_frozen_dataclass_registered_by_name():
    happened = SomethingHappened(thing_id=1, label="x")

    assert EVENT_TYPES["SomethingHappened"] is SomethingHappened
    with pytest.raises(dataclasses.FrozenInstanceError):
        happened.thing_id = 2  # type: ignore[misc]


def test_handles_registers_a_handler_once_when_applied_twice():
    from causerie.core.events import HANDLERS

    handles(SomethingHappened)(recording_handler)

    assert HANDLERS["SomethingHappened"].count(recording_handler) == 1


@pytest.mark.django_db
def test_emit_runs_handlers_after_commit_when_the_transaction_commits(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        emit(SomethingHappened(thing_id=7, label="ok"))
        assert RECEIVED == []

    assert [SomethingHappened(thing_id=7, label="ok")] == RECEIVED


@pytest.mark.django_db
def test_emit_runs_nothing_when_the_transaction_rolls_back(
    django_capture_on_commit_callbacks,
):
    def emit_then_fail():
        with transaction.atomic():
            emit(SomethingHappened(thing_id=7, label="ok"))
            raise ValueError("rolled back")

    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(ValueError, match="rolled back"),
    ):
        emit_then_fail()

    assert callbacks == []
    assert RECEIVED == []


@pytest.mark.django_db
def test_emit_still_runs_other_handlers_when_one_handler_fails(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        emit(SomethingHappened(thing_id=8, label="boom"))

    assert [SomethingHappened(thing_id=8, label="boom")] == RECEIVED
