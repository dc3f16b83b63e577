"""Fixtures of the moderation tests: the community's moderator, an author and
their items, members who flag, logged-in clients, and the events emitted.

Other test modules of this folder may use them; add fixtures, don't change these."""

import pytest
from django.test import Client

from causerie.communities import services as community_services
from causerie.core.events import EVENT_TYPES, HANDLERS
from causerie.core.testing import make_comment, make_community, make_member, make_post
from causerie.moderation import selectors, services

# Filled by `record_event`, which the `emitted` fixture subscribes to every event
# type. Module level because handlers run as tasks found by their dotted path.
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


def join(member, community):
    community_services.join_community(
        actor=member,
        community=community,
        accepted_guide_version=community.guide_version_number,
    )
    return member


@pytest.fixture
def moderator(member, community):
    """The founder holds the founding mandate: the community's moderator."""
    return member


@pytest.fixture
def author(community):
    """A member (not a moderator) whose billet and comment get flagged."""
    return join(make_member("ines"), community)


@pytest.fixture
def authored_post(community, author):
    return make_post(
        community=community,
        author=author,
        title="Houblon du jardin",
        body="Mon texte **contesté** sur le houblon.",
    )


@pytest.fixture
def authored_comment(authored_post, author):
    return make_comment(
        post=authored_post, author=author, body="Un commentaire *contesté*."
    )


@pytest.fixture
def flagger_factory(community):
    """Members of the community who may flag (trust level 1 unless told)."""

    def make(handle: str, *, trust_level: int = 1):
        return join(make_member(handle, trust_level=trust_level), community)

    return make


@pytest.fixture
def flaggers(flagger_factory):
    """Three members of trust level 1: weight 2 each, so together (6) they pass
    the default threshold (5) and none of them reaches it alone."""
    return [flagger_factory(handle) for handle in ("albane", "basile", "cyrille")]


@pytest.fixture
def rules(community):
    """The rules of the community's current guide, rule 1 first."""
    return selectors.citable_rules(community=community)


@pytest.fixture
def pending_comment(authored_comment, flaggers, rules):
    """A comment three members flagged citing rule 2: hidden pending review."""
    for flagger in flaggers:
        services.flag_item(actor=flagger, comment=authored_comment, rule_id=rules[1].pk)
    authored_comment.refresh_from_db()
    return authored_comment


@pytest.fixture
def other_community(db):
    """Another community, with its own moderator."""
    return make_community(
        founder=make_member("ophelie"), slug="ailleurs", name="Ailleurs"
    )


@pytest.fixture
def client_for(db):
    """A test client logged in as the given member."""

    def logged_in(user, **options) -> Client:
        client = Client(**options)
        client.force_login(user)
        return client

    return logged_in
