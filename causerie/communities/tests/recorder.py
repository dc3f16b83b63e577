"""A test subscriber that records every domain event it is given.

It is registered like any handler (by import path), so events reach it only
through the real `emit`, after commit, through the task backend.
"""

RECORDED: list = []


def record(event) -> None:
    RECORDED.append(event)
