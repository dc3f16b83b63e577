"""Selectors of the communities app."""

import pytest
from django.contrib.auth.models import AnonymousUser

from causerie.communities import selectors, services
from causerie.communities.exceptions import CommunityNotFound
from causerie.core.testing import make_community, make_post


def test_discover_communities_leaves_out_suspended_communities(member, member_factory):
    open_community = make_community(founder=member, slug="ouverte", name="Ouverte")
    suspended = make_community(founder=member, slug="fermee", name="Fermée")
    superuser = member_factory("admin_site", is_superuser=True)
    services.suspend_community(actor=superuser, community=suspended, notice="")

    assert selectors.discover_communities() == [open_community]


def test_discover_communities_lists_the_most_recently_active_first(member):
    quiet = make_community(founder=member, slug="calme", name="Calme")
    busy = make_community(founder=member, slug="active", name="Active")
    make_post(community=busy, author=member)

    assert selectors.discover_communities() == [busy, quiet]


def test_all_communities_lists_the_largest_first_then_by_name(member, other_member):
    small = make_community(founder=member, slug="b-petite", name="B petite")
    also_small = make_community(founder=member, slug="a-petite", name="A petite")
    large = make_community(founder=member, slug="grande", name="Grande")
    services.join_community(
        actor=other_member,
        community=large,
        accepted_guide_version=large.guide_version_number,
    )

    page = selectors.all_communities(page=1)

    assert list(page) == [large, also_small, small]


def test_viewer_roles_tells_a_member_from_a_moderator_and_a_visitor(
    community, member, other_member, member_factory
):
    services.join_community(
        actor=other_member,
        community=community,
        accepted_guide_version=community.guide_version_number,
    )
    stranger = member_factory("etrangere")

    assert selectors.viewer_roles(viewer=member, community=community) == {
        "is_member": True,
        "is_moderator": True,
    }
    assert selectors.viewer_roles(viewer=other_member, community=community) == {
        "is_member": True,
        "is_moderator": False,
    }
    assert selectors.viewer_roles(viewer=stranger, community=community) == {
        "is_member": False,
        "is_moderator": False,
    }
    assert selectors.viewer_roles(viewer=AnonymousUser(), community=community) == {
        "is_member": False,
        "is_moderator": False,
    }


def test_recent_members_lists_the_newest_members_first(community, member, other_member):
    services.join_community(
        actor=other_member,
        community=community,
        accepted_guide_version=community.guide_version_number,
    )

    assert selectors.recent_members(community=community) == [other_member, member]


def test_member_communities_lists_only_the_member_communities(member, other_member):
    mine = make_community(founder=member, slug="a-moi", name="À moi")
    make_community(founder=other_member, slug="autre", name="Autre")

    assert selectors.member_communities(member=member) == [mine]


def test_community_by_slug_raises_community_not_found_for_an_unknown_slug(db):
    with pytest.raises(CommunityNotFound) as refusal:
        selectors.community_by_slug(slug="inconnue")

    assert refusal.value.code == "community_not_found"
