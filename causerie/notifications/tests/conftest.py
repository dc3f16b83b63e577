"""Fixtures of the notifications tests: notifications come from real events,
so the builders run with on-commit callbacks executed."""

import pytest

from causerie.core import testing


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run a builder or service and its after-commit handlers, like a request would."""

    def run(function, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return function(**kwargs)

    return run


@pytest.fixture
def reply(committed):
    """Post a comment (optionally under `parent`) and run its handlers."""

    def post_reply(*, post, author, body="Merci !", parent=None):
        return committed(
            testing.make_comment, post=post, author=author, body=body, parent=parent
        )

    return post_reply
