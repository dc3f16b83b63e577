"""Fixtures of the accounts tests: a clean cache (allauth keeps its rate limits
there, visits their daily key), a mailbox that survives the database setup, and
a clock."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def outbox(db, mailoutbox):
    # Django's test case setup replaces mail.outbox: ask for it after the database.
    return mailoutbox


class Clock:
    """The time django.utils.timezone.now returns while the `clock` fixture is on."""

    def __init__(self, now):
        self.now = now

    def advance(self, **delta) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock(monkeypatch):
    """Moves the clock of the code under test (and of auto_now fields)."""
    moved = Clock(timezone.now())
    monkeypatch.setattr(timezone, "now", lambda: moved.now)
    return moved
