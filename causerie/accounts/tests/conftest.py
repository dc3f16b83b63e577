"""Fixtures of the accounts tests: a clean cache (allauth keeps its rate limits
there) and a mailbox that survives the database setup."""

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def outbox(db, mailoutbox):
    # Django's test case setup replaces mail.outbox: ask for it after the database.
    return mailoutbox
