"""Reads of hats."""

from django.db.models import Q

from causerie.hats.models import Hat, HatStatus


def wearable_hats(*, member, community):
    """The member's granted hats usable in this community: its own and the
    site-wide ones."""
    if not member.is_authenticated:
        return Hat.objects.none()
    return Hat.objects.filter(
        Q(community=community) | Q(community__isnull=True),
        member=member,
        status=HatStatus.GRANTED,
    ).order_by("organisation", "role")
