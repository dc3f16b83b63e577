"""Fixtures of the communities tests."""

import pytest

from causerie.communities.tests import recorder


@pytest.fixture
def recorded_events():
    """Every event emitted during the test, in order, once its transaction commits."""
    from causerie.core.events import EVENT_TYPES, HANDLERS

    recorder.RECORDED.clear()
    for name in EVENT_TYPES:
        HANDLERS[name].append(recorder.record)
    yield recorder.RECORDED
    for name in EVENT_TYPES:
        HANDLERS[name].remove(recorder.record)
    recorder.RECORDED.clear()


@pytest.fixture
def superuser(member_factory):
    return member_factory("admin_site", is_staff=True, is_superuser=True)
