"""Fixtures of the recognition tests: a community with tags, an author and her
billet and comment, a reader who recognises, a movable clock, logged-in clients.
The `emitted` event recorder lives in the root conftest."""

from datetime import timedelta

import pytest
from django.utils import timezone

from causerie.core.testing import (
    join,
    make_comment,
    make_community,
    make_member,
    make_post,
)


@pytest.fixture(autouse=True, scope="session")
def _every_event_declared():
    """Declare every app's events before `emitted` subscribes to them: a
    handler importing an events module lazily would otherwise add event types
    while a test records them."""
    from importlib import import_module
    from importlib.util import find_spec

    from django.apps import apps

    for config in apps.get_app_configs():
        if config.name.startswith("causerie.") and find_spec(f"{config.name}.events"):
            import_module(f"{config.name}.events")


@pytest.fixture
def community(member):
    return make_community(founder=member, tags=["houblon", "levures"])


@pytest.fixture
def tags(community):
    return {tag.slug: tag for tag in community.tags.all()}


@pytest.fixture
def author(community):
    return join(make_member("ines"), community)


@pytest.fixture
def reader(community):
    return join(make_member("jules"), community)


@pytest.fixture
def outsider(db):
    return make_member("passant")


@pytest.fixture
def authored_post(community, author, tags):
    return make_post(
        community=community,
        author=author,
        title="Quel houblon pour une pale ale ?",
        body="Je cherche un houblon aromatique pour une pale ale de 20 litres.",
        tags=[tags["houblon"]],
    )


@pytest.fixture
def question(community, author, tags):
    return make_post(
        community=community,
        author=author,
        title="Pourquoi ma bière est-elle trouble ?",
        body="Ma pale ale reste trouble après trois semaines.",
        tags=[tags["levures"]],
        is_question=True,
    )


@pytest.fixture
def authored_comment(authored_post, author):
    return make_comment(post=authored_post, author=author, body="Du Cascade, 40 g.")


@pytest.fixture
def answer(question, reader):
    return make_comment(post=question, author=reader, body="Un collage à froid.")


@pytest.fixture
def later():
    """A clock an hour and a minute ahead, past the hourly limit's window."""
    return timezone.now() + timedelta(hours=1, minutes=1)
