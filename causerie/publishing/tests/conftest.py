"""Fixtures of the publishing tests: roles in the community, logged-in clients,
and a recorder of the domain events the services emit."""

import pytest
from django.test import Client

from causerie.communities import services as community_services
from causerie.core.events import EVENT_TYPES, HANDLERS
from causerie.core.testing import make_member

# Filled by `record_event`, the handler the `emitted` fixture subscribes to every
# event type. It lives at module level because handlers run as tasks found by path.
RECEIVED_EVENTS: list = []


def record_event(event) -> None:
    RECEIVED_EVENTS.append(event)


@pytest.fixture
def emitted():
    """The events delivered after commit, in order (use with
    django_capture_on_commit_callbacks(execute=True))."""
    RECEIVED_EVENTS.clear()
    for name in EVENT_TYPES:
        HANDLERS[name].append(record_event)
    yield RECEIVED_EVENTS
    for name in EVENT_TYPES:
        HANDLERS[name].remove(record_event)
    RECEIVED_EVENTS.clear()


@pytest.fixture
def moderator(member, community):
    """The founder holds the founding mandate: the community's moderator."""
    return member


@pytest.fixture
def writer(community):
    """A member who is not a moderator."""
    writer = make_member("ines")
    community_services.join_community(
        actor=writer,
        community=community,
        accepted_guide_version=community.guide_version_number,
    )
    return writer


@pytest.fixture
def reader(other_member, community):
    """Another member of the community (not a moderator)."""
    community_services.join_community(
        actor=other_member,
        community=community,
        accepted_guide_version=community.guide_version_number,
    )
    return other_member


@pytest.fixture
def admin_member(db):
    return make_member("sysadmin", is_staff=True, is_superuser=True)


@pytest.fixture
def client_for(db):
    """A test client logged in as the given member."""

    def logged_in(user, **options) -> Client:
        client = Client(**options)
        client.force_login(user)
        return client

    return logged_in
