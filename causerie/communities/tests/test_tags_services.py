"""Following and muting tags: idempotent, exclusive of each other, open to
anyone logged in."""

import pytest
from django.contrib.auth.models import AnonymousUser

from causerie.communities import selectors, services
from causerie.communities.models import Tag, TagFollow, TagMute
from causerie.core.exceptions import NotAllowed
from causerie.core.testing import make_community


@pytest.fixture
def tag(member):
    community = make_community(founder=member, tags=["Houblon"])
    return Tag.objects.get(community=community, slug="houblon")


def test_follow_tag_is_safe_to_call_twice(tag, other_member):
    first = services.follow_tag(actor=other_member, tag=tag)
    second = services.follow_tag(actor=other_member, tag=tag)

    assert first.pk == second.pk
    assert TagFollow.objects.filter(member=other_member, tag=tag).count() == 1


def test_follow_tag_is_open_to_a_logged_in_non_member(tag, other_member):
    assert not selectors.is_member(member=other_member, community=tag.community)

    services.follow_tag(actor=other_member, tag=tag)

    assert selectors.tag_follower_ids(tag_ids=[tag.pk]) == {other_member.pk}


def test_follow_tag_refuses_a_visitor(tag):
    with pytest.raises(NotAllowed) as refusal:
        services.follow_tag(actor=AnonymousUser(), tag=tag)

    assert refusal.value.code == "not_allowed"
    assert not TagFollow.objects.exists()


def test_unfollow_tag_is_safe_to_call_twice(tag, other_member):
    services.follow_tag(actor=other_member, tag=tag)

    services.unfollow_tag(actor=other_member, tag=tag)
    services.unfollow_tag(actor=other_member, tag=tag)

    assert not TagFollow.objects.exists()


def test_mute_tag_is_safe_to_call_twice(tag, other_member):
    first = services.mute_tag(actor=other_member, tag=tag)
    second = services.mute_tag(actor=other_member, tag=tag)

    assert first.pk == second.pk
    assert TagMute.objects.filter(member=other_member, tag=tag).count() == 1


def test_unmute_tag_is_safe_to_call_twice(tag, other_member):
    services.mute_tag(actor=other_member, tag=tag)

    services.unmute_tag(actor=other_member, tag=tag)
    services.unmute_tag(actor=other_member, tag=tag)

    assert not TagMute.objects.exists()


def test_mute_tag_stops_following_it(tag, other_member):
    services.follow_tag(actor=other_member, tag=tag)

    services.mute_tag(actor=other_member, tag=tag)

    assert not TagFollow.objects.exists()
    assert TagMute.objects.filter(member=other_member, tag=tag).exists()


def test_follow_tag_stops_muting_it(tag, other_member):
    services.mute_tag(actor=other_member, tag=tag)

    services.follow_tag(actor=other_member, tag=tag)

    assert not TagMute.objects.exists()
    assert TagFollow.objects.filter(member=other_member, tag=tag).exists()


def test_tag_for_page_tells_the_viewer_what_they_follow_and_mute(
    tag, member, other_member
):
    services.mute_tag(actor=other_member, tag=tag)

    for_other = selectors.tag_for_page(
        community=tag.community, tag_slug="houblon", viewer=other_member
    )
    for_founder = selectors.tag_for_page(
        community=tag.community, tag_slug="houblon", viewer=member
    )

    assert (for_other.is_followed, for_other.is_muted) == (False, True)
    assert (for_founder.is_followed, for_founder.is_muted) == (False, False)
