"""Shared pytest fixtures: members, communities, billets, built through the services."""

import os

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


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
