"""Shared pytest fixtures: members, communities, billets, built through the services,
and a recorder of the domain events they emit."""

import os

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# Filled by `record_event`, which the `emitted` fixture subscribes to every event
# type. Module level because handlers run as tasks found by their dotted path.
RECEIVED_EVENTS: list = []


def record_event(event) -> None:
    RECEIVED_EVENTS.append(event)


@pytest.fixture(autouse=True)
def _plain_static_files(settings):
    # The manifest storage needs collectstatic; tests serve app files directly.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {
            "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        },
    }


@pytest.fixture
def emitted():
    """The events delivered after commit, in order (use with
    django_capture_on_commit_callbacks(execute=True))."""
    from causerie.core.events import EVENT_TYPES, HANDLERS

    RECEIVED_EVENTS.clear()
    # A snapshot: an events module imported lazily during the test adds types
    # that were never subscribed.
    names = list(EVENT_TYPES)
    for name in names:
        HANDLERS[name].append(record_event)
    yield RECEIVED_EVENTS
    for name in names:
        HANDLERS[name].remove(record_event)
    RECEIVED_EVENTS.clear()


@pytest.fixture
def member_factory(db):
    from causerie.core.testing import make_member

    return make_member


@pytest.fixture
def member(member_factory):
    return member_factory("camille")


@pytest.fixture
def other_member(member_factory):
    return member_factory("dominique")


@pytest.fixture
def community(member):
    from causerie.core.testing import make_community

    return make_community(founder=member)


@pytest.fixture
def post(community, member):
    from causerie.core.testing import make_post

    return make_post(community=community, author=member)


@pytest.fixture(scope="module")
def hostile():
    """The shared hostile-input corpora as (source, string) pairs."""
    from causerie.core.testing import load_hostile_strings

    return load_hostile_strings()


@pytest.fixture
def client_for(db):
    """client_for(member) is a test client logged in as that member."""
    from django.test import Client

    def logged_in(user, **options) -> Client:
        client = Client(**options)
        client.force_login(user)
        return client

    return logged_in


@pytest.fixture
def postgresql_only():
    """Races: SQLite ignores row locks, so they run in the PostgreSQL lane
    (`pytestmark = pytest.mark.usefixtures("postgresql_only")`)."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("SQLite ignores row locks: races run in the PostgreSQL lane")
