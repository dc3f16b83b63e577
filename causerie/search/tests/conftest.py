"""Fixtures of the search tests: content is published through the services and
indexed by the real handlers (on-commit callbacks executed, immediate tasks)."""

import pytest

from causerie.communities import services as community_services
from causerie.core import testing
from causerie.search import selectors
from causerie.search.tests import relevance_fixture


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run a builder or service and its after-commit handlers, like a request would."""

    def run(function, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return function(**kwargs)

    return run


@pytest.fixture
def publish(committed, community, member):
    """Publish a billet (in `community` by `member` unless told) and index it."""

    def run(title="Un billet", body="Du texte.", **kwargs):
        kwargs.setdefault("community", community)
        kwargs.setdefault("author", member)
        return committed(testing.make_post, title=title, body=body, **kwargs)

    return run


@pytest.fixture
def reply(committed, other_member):
    def run(post, body="Merci !", author=None, **kwargs):
        return committed(
            testing.make_comment, post=post, author=author or other_member, body=body
        )

    return run


@pytest.fixture
def english_community(committed, member):
    return committed(
        community_services.found_community,
        actor=member,
        name="Riverside",
        slug="riverside",
        description="An English-speaking community.",
        language="en",
        guide=None,
    )


@pytest.fixture
def relevance_posts(publish, community, english_community, member):
    """The relevance fixture, published: {key: post}."""
    posts = {}
    for key, (title, body) in relevance_fixture.FRENCH_POSTS.items():
        posts[key] = publish(title=title, body=body)
    for key, (title, body) in relevance_fixture.ENGLISH_POSTS.items():
        posts[key] = publish(title=title, body=body, community=english_community)
    return posts


@pytest.fixture
def titles(db):
    """Search, and give the titles of the results (a comment gives its billet's)."""

    def run(text, **kwargs):
        outcome = selectors.search(text=text, **kwargs)
        if outcome.page is None:
            return []
        return [result.title for result in outcome.page]

    return run
