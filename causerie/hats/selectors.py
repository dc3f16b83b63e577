"""Reads of hats: the ones a member may wear, the deciders' queues, a
member's hats with their history, and the badges shown beside names."""

from django.core.paginator import Page, Paginator
from django.db.models import Q, QuerySet
from django.utils.safestring import SafeString

from causerie.hats import permissions
from causerie.hats.exceptions import HatNotFound
from causerie.hats.models import Hat, HatStatus
from causerie.hats.rendering import badge_html

# Statuses anyone may read on a profile: a hat worn, or worn once.
PUBLIC_STATUSES = (HatStatus.GRANTED, HatStatus.REMOVED)
PROFILE_LIMIT = 50


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


def hat_in(*, hat_id: int) -> Hat:
    hat = (
        Hat.objects.filter(pk=hat_id)
        .select_related("member", "community", "decided_by", "removed_by")
        .first()
    )
    if hat is None:
        raise HatNotFound()
    return hat


def _queue(community) -> QuerySet[Hat]:
    scope = Q(community=community) if community else Q(community__isnull=True)
    return (
        Hat.objects.filter(scope, status=HatStatus.REQUESTED)
        .select_related("member", "community")
        .order_by("created_at", "pk")
    )


def hat_queue(*, community, page: int | str = 1, per_page: int = 20) -> Page:
    """Requests waiting in a community (None: site-wide requests), oldest
    first, with the member loaded. Two queries per page."""
    return Paginator(_queue(community), per_page).get_page(page)


def open_request_count(*, community) -> int:
    return _queue(community).count()


def granted_hats(*, community, page: int | str = 1, per_page: int = 20) -> Page:
    """Hats worn now in a community (None: site-wide ones), newest first: what
    the deciders may remove."""
    scope = Q(community=community) if community else Q(community__isnull=True)
    hats = (
        Hat.objects.filter(scope, status=HatStatus.GRANTED)
        .select_related("member", "community", "decided_by")
        .order_by("-decided_at", "-pk")
    )
    return Paginator(hats, per_page).get_page(page)


def member_hats(*, member, page: int | str = 1, per_page: int = 30) -> Page:
    """Every hat and request of the member, newest first: their own page."""
    hats = (
        Hat.objects.filter(member=member)
        .select_related("community", "decided_by", "removed_by")
        .order_by("-created_at", "-pk")
    )
    return Paginator(hats, per_page).get_page(page)


def moderated_community_ids(*, viewer) -> set[int]:
    """Communities where the viewer holds a current mandate (one query)."""
    from causerie.governance.models import Mandate

    if not viewer.is_authenticated:
        return set()
    return set(
        Mandate.objects.filter(holder=viewer, ended_at__isnull=True).values_list(
            "community_id", flat=True
        )
    )


def profile_hats(*, member, viewer) -> list[Hat]:
    """The hats a profile lists with their history: granted and removed ones
    for everyone; requests and refusals only for the member and for whoever
    decides on them. Withdrawn requests: the member only. At most two
    queries, the newest PROFILE_LIMIT hats."""
    hats = Hat.objects.filter(member=member)
    is_self = viewer.is_authenticated and viewer.pk == member.pk
    if not is_self:
        # The same rule as permissions.can_see_pending_hats, in SQL, so that
        # hats the viewer may not see never take a place in the list.
        visible = Q(status__in=PUBLIC_STATUSES)
        pending = Q(status__in=(HatStatus.REQUESTED, HatStatus.REFUSED))
        if viewer.is_authenticated:
            moderated = moderated_community_ids(viewer=viewer)
            visible |= pending & Q(community_id__in=moderated)
        if permissions.is_site_administrator(viewer):
            visible |= pending & Q(community__isnull=True)
        hats = hats.filter(visible)
    return list(
        hats.select_related("community", "decided_by", "removed_by").order_by(
            "-created_at", "-pk"
        )[:PROFILE_LIMIT]
    )


def hat_labels(*, hat_ids) -> dict[int, SafeString]:
    """The badge of each hat, for a page that shows many (a thread): one
    query, none without hats."""
    hat_ids = {hat_id for hat_id in hat_ids if hat_id is not None}
    if not hat_ids:
        return {}
    rows = Hat.objects.filter(pk__in=hat_ids).values_list(
        "pk", "role", "organisation", "status", "member__handle"
    )
    return {
        pk: badge_html(
            hat_id=pk,
            role=role,
            organisation=organisation,
            status=status,
            handle=handle,
        )
        for pk, role, organisation, status, handle in rows
    }


def moderates(user, community) -> bool:
    """Whether the user holds a mandate in the community of a hat; False for
    a site-wide hat (community None) and for visitors (one query)."""
    from causerie.communities import selectors as community_selectors

    if community is None or not user.is_authenticated:
        return False
    return user.pk in community_selectors.moderator_ids(community=community)
