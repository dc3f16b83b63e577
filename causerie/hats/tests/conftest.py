"""Fixtures of the hats tests: a community whose founder moderates it, a member
who asks for hats, a second moderator, a moderator of another community, a
site administrator, logged-in clients and a request builder."""

import pytest

from causerie.core.testing import join, make_community, make_member
from causerie.governance.models import Mandate
from causerie.hats import services


@pytest.fixture
def moderator(member, community):
    """The founder (camille) holds the founding mandate."""
    return member


@pytest.fixture
def second_moderator(community):
    other = join(make_member("sacha"), community)
    Mandate.objects.create(
        community=community,
        holder=other,
        kind=Mandate.Kind.ELECTED,
        started_at=community.created_at,
    )
    return other


@pytest.fixture
def asker(community):
    return join(make_member("ines"), community)


@pytest.fixture
def outsider_moderator(db):
    """Founder, hence moderator, of another community."""
    founder = make_member("odile")
    make_community(founder=founder, slug="ailleurs", name="Ailleurs")
    return founder


@pytest.fixture
def admin(db):
    return make_member("admin", is_superuser=True, is_staff=True)


@pytest.fixture
def make_request(community, asker):
    def build(*, actor=None, scope="community", **fields):
        values = {
            "organisation": "Association des Jardins de l'Ouest",
            "role": "Trésorière",
            "proof_url": "https://jardins-ouest.example.org/bureau",
            "note_to_moderators": "Mon nom est en bas de la page.",
        }
        values.update(fields)
        return services.request_hat(
            actor=actor or asker,
            community=community if scope == "community" else None,
            **values,
        )

    return build


@pytest.fixture
def hat_request(make_request):
    return make_request()


@pytest.fixture
def granted_hat(hat_request, moderator):
    return services.grant_hat(
        actor=moderator, hat_id=hat_request.pk, reason="Lien vérifié."
    )
