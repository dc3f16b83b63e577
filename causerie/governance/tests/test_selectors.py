"""Reads on mandates."""

from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from causerie.core.testing import make_community
from causerie.governance import selectors
from causerie.governance.models import Mandate


def test_current_mandates_lists_the_moderators_of_one_community(member, other_member):
    community = make_community(founder=member)
    make_community(founder=other_member, slug="cuisine")

    mandates = list(selectors.current_mandates(community=community))

    assert [mandate.holder for mandate in mandates] == [member]


def test_current_mandates_leaves_out_ended_mandates(community):
    # No service ends a mandate yet (elections come later): end it in place.
    Mandate.objects.filter(community=community).update(ended_at=timezone.now())

    assert list(selectors.current_mandates(community=community)) == []


def test_moderated_community_ids_lists_the_communities_a_member_moderates(
    member, other_member
):
    first = make_community(founder=member)
    second = make_community(founder=member, slug="cuisine")
    make_community(founder=other_member, slug="jardin")

    assert selectors.moderated_community_ids(member=member) == {first.pk, second.pk}


def test_moderated_community_ids_is_empty_for_a_visitor(community):
    assert selectors.moderated_community_ids(member=AnonymousUser()) == set()
