"""Fixtures of the publishing tests: roles in the community and logged-in
clients. The `emitted` event recorder lives in the root conftest."""

import pytest

from causerie.communities import services as community_services
from causerie.core.testing import make_member


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
