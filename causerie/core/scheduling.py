"""Periodic work: tasks registered with `@periodic(every=...)`.

`manage.py run_scheduler` (started by `make run`) enqueues each one when it is
due; the task worker runs it. Deadlines of later features (votes closing,
elections opening) register here too.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta


@dataclass
class PeriodicTask:
    task: object
    every: timedelta


PERIODIC_TASKS: list[PeriodicTask] = []


def periodic(*, every: timedelta) -> Callable:
    def register(task_object: object) -> object:
        PERIODIC_TASKS.append(PeriodicTask(task=task_object, every=every))
        return task_object

    return register
