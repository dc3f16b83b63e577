"""Founding moderators co-opt members as moderators until the first election."""

import pytest

from causerie.communities import selectors as community_selectors
from causerie.core.exceptions import DomainError
from causerie.core.testing import join, make_member
from causerie.governance import services
from causerie.governance.models import Mandate
from causerie.moderation.models import ModerationLogEntry


def test_co_opt_moderator_adds_a_founding_mandate_and_logs_it(community, member):
    helper = join(make_member("helene"), community)

    mandate = services.co_opt_moderator(
        actor=member, community=community, member=helper
    )

    assert mandate.kind == Mandate.Kind.FOUNDING
    assert helper.pk in community_selectors.moderator_ids(community=community)
    entry = ModerationLogEntry.objects.get(action="moderator_added")
    assert (entry.actor, entry.member) == (member, helper)


def test_co_opt_moderator_refuses_a_member_without_a_founding_mandate(
    community, member
):
    plain = join(make_member("paul"), community)
    other = join(make_member("olga"), community)

    with pytest.raises(DomainError) as refusal:
        services.co_opt_moderator(actor=plain, community=community, member=other)

    assert refusal.value.code == "not_allowed_to_co_opt"
    assert community_selectors.moderator_ids(community=community) == {member.pk}
    assert not ModerationLogEntry.objects.filter(action="moderator_added").exists()


def test_co_opt_moderator_refuses_someone_outside_the_community(community, member):
    stranger = make_member("stephane")

    with pytest.raises(DomainError) as refusal:
        services.co_opt_moderator(actor=member, community=community, member=stranger)

    assert refusal.value.code == "co_opt_needs_a_member"
    assert community_selectors.moderator_ids(community=community) == {member.pk}


def test_members_page_offers_co_opting_to_the_founder_only(client, community, member):
    join(make_member("helene"), community)
    url = f"/c/{community.slug}/membres/"

    client.force_login(member)
    assert "/membres/helene/moderer/" in client.get(url).content.decode()
    client.logout()
    assert "/membres/helene/moderer/" not in client.get(url).content.decode()


def test_co_opt_view_makes_the_member_a_moderator(client, community, member):
    helper = join(make_member("helene"), community)
    client.force_login(member)

    response = client.post(f"/c/{community.slug}/membres/helene/moderer/")

    assert response.status_code == 302
    assert helper.pk in community_selectors.moderator_ids(community=community)


def test_co_opt_view_refuses_a_get(client, community, member):
    join(make_member("helene"), community)
    client.force_login(member)

    assert client.get(f"/c/{community.slug}/membres/helene/moderer/").status_code == 405
