"""Fixtures of the polls tests: a billet by a member who is not a moderator,
voters who joined the community, logged-in clients."""

import pytest

from causerie.core.testing import join, make_member, make_post
from causerie.polls import services


@pytest.fixture
def moderator(member, community):
    """The founder holds the founding mandate: the community's moderator."""
    return member


@pytest.fixture
def author(community):
    return make_member("ines")


@pytest.fixture
def billet(community, author):
    return make_post(
        community=community, author=author, title="Quel jour pour la rencontre ?"
    )


@pytest.fixture
def voter(community):
    return join(make_member("samir"), community)


@pytest.fixture
def second_voter(community):
    return join(make_member("hugo"), community)


@pytest.fixture
def stranger(db):
    """Logged in, not a member of the community."""
    return make_member("passant")


@pytest.fixture
def make_poll(billet, author):
    def build(*, options=("Samedi", "Dimanche"), **fields):
        return services.add_poll(
            actor=author,
            post=billet,
            question=fields.pop("question", "Quel jour vous convient ?"),
            options=list(options),
            **fields,
        )

    return build


@pytest.fixture
def poll(make_poll):
    return make_poll()
