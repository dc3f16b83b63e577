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


def moderate(*, moderator, flagger, action, post=None, comment=None, **options):
    """A flag on the billet or comment, then the moderator's decision on it
    (through the services), e.g. action=Action.HIDE or Action.EDIT with
    edited_body=...; returns the decision."""
    from causerie.moderation import services as moderation_services
    from causerie.moderation.models import Reason

    flag = moderation_services.flag_item(
        actor=flagger, post=post, comment=comment, reason=Reason.SPAM
    )
    return moderation_services.decide_item(
        actor=moderator,
        flagged_item_id=flag.flagged_item_id,
        action=action,
        reason=Reason.SPAM,
        **options,
    )
