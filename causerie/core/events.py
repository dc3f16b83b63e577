"""Domain events: services emit them; handlers run as background tasks after commit.

A handler is registered with `@handles(EventClass)` in an app's `handlers.py`
(imported by the app's `ready()`). Each handler runs in its own task so one
failing handler cannot stop another.
"""

import dataclasses
from collections import defaultdict
from collections.abc import Callable

from django.db import transaction

EVENT_TYPES: dict[str, type] = {}
HANDLERS: dict[str, list[Callable]] = defaultdict(list)


def event(cls: type) -> type:
    """Declare an event: a frozen dataclass whose fields are ids and plain values."""
    cls = dataclasses.dataclass(frozen=True)(cls)
    EVENT_TYPES[cls.__name__] = cls
    return cls


def handles(event_type: type) -> Callable[[Callable], Callable]:
    def register(handler: Callable) -> Callable:
        if handler not in HANDLERS[event_type.__name__]:
            HANDLERS[event_type.__name__].append(handler)
        return handler

    return register


def emit(emitted: object) -> None:
    """Run the event's handlers as tasks once the current transaction commits."""
    from causerie.core.tasks import run_handler

    name = type(emitted).__name__
    payload = dataclasses.asdict(emitted)
    for handler in HANDLERS[name]:
        path = f"{handler.__module__}.{handler.__qualname__}"
        transaction.on_commit(
            lambda path=path: run_handler.enqueue(path, name, payload)
        )
