"""Fixtures of the transparency tests: a founder's community, an author who
joined it, logged-in clients, and a way to change the community's policy
through the guide (as an adopted amendment would)."""

import pytest

from causerie.communities import services as community_services
from causerie.core.testing import join, make_member
from causerie.governance import services as governance_services


@pytest.fixture
def author(community):
    return join(make_member("ines"), community)


@pytest.fixture
def reader(community):
    return join(make_member("samir"), community)


@pytest.fixture
def set_policy(community, member):
    """Publish a guide version with these policy values; the given members
    accept it again (they could not post otherwise)."""

    def publish(*members, **values):
        governance_services.publish_guide_version(
            actor=member,
            community=community,
            text="Nouvelle version.\n\n## Respect\n\nToujours.\n",
            policy=values,
            summary="Politique",
        )
        community.refresh_from_db()
        for someone in (member, *members):
            community_services.accept_guide(
                actor=someone,
                community=community,
                version_number=community.guide_version_number,
            )
        return community

    return publish
