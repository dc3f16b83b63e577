"""Fixtures of the quotes tests: a billet by Ines, a comment by Samir that
quotes it, members who joined the community."""

import pytest

from causerie.core.testing import join, make_member, make_post
from causerie.quotes import selectors

SOURCE_TEXT = (
    "Le marché ouvre à huit heures. Les producteurs arrivent tôt.\n\n"
    "Nous voulons des *paniers* moins chers pour tous les habitants. "
    "Mais pas au détriment des producteurs.\n\n"
    "Rendez-vous samedi."
)


@pytest.fixture
def author(community):
    return join(make_member("ines"), community)


@pytest.fixture
def quoter(community):
    return join(make_member("samir"), community)


@pytest.fixture
def billet(community, author):
    return make_post(
        community=community, author=author, title="Le marché", body=SOURCE_TEXT
    )


def paragraph_block(billet, text: str) -> str:
    """The block "citer" gives for the paragraph of the billet holding `text`."""
    start = billet.body.index(text)
    end = start + len(text)
    return selectors.citation(
        post=billet,
        source=f"p{billet.pk}",
        revision=billet.revision_count,
        start=start,
        end=end,
    ).block


@pytest.fixture
def client_for(db):
    """A test client logged in as the given member."""
    from django.test import Client

    def logged_in(user) -> Client:
        client = Client()
        client.force_login(user)
        return client

    return logged_in
