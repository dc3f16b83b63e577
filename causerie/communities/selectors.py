"""Reads on communities."""

from django.core.paginator import Page, Paginator
from django.db.models import Exists, F, Max, OuterRef, QuerySet, Value

from causerie.communities.exceptions import CommunityNotFound, TagNotFound
from causerie.communities.models import Community, Membership, Tag, TagFollow, TagMute
from causerie.governance.models import Mandate


def community_by_slug(*, slug: str) -> Community:
    community = Community.objects.filter(slug=slug).first()
    if community is None:
        raise CommunityNotFound()
    return community


def discover_communities(*, limit: int = 12) -> list[Community]:
    # PostgreSQL sorts NULL first in descending order: never-active ones go last.
    most_recently_active = F("last_activity_at").desc(nulls_last=True)
    return list(
        Community.objects.filter(suspended_at__isnull=True)
        .prefetch_related("tags")
        .order_by(most_recently_active, "-member_count", "name")[:limit]
    )


def all_communities(*, page: int = 1, per_page: int = 20) -> Page:
    communities = Community.objects.order_by("-member_count", "name")
    return Paginator(communities, per_page).get_page(page)


def is_member(*, member, community: Community) -> bool:
    if not member.is_authenticated:
        return False
    return Membership.objects.filter(community=community, member=member).exists()


def membership_of(*, member, community: Community) -> Membership | None:
    if not member.is_authenticated:
        return None
    return Membership.objects.filter(community=community, member=member).first()


def moderator_ids(*, community: Community) -> set[int]:
    return set(
        Mandate.objects.filter(community=community, ended_at__isnull=True).values_list(
            "holder_id", flat=True
        )
    )


def viewer_roles(*, viewer, community: Community) -> dict[str, bool]:
    """Whether the viewer is a member and a moderator, in at most two queries."""
    if not viewer.is_authenticated:
        return {"is_member": False, "is_moderator": False}
    return {
        "is_member": is_member(member=viewer, community=community),
        "is_moderator": viewer.pk in moderator_ids(community=community),
    }


def community_tags(*, community: Community) -> QuerySet[Tag]:
    return Tag.objects.filter(community=community).order_by("name")


def recent_members(*, community: Community, limit: int = 12) -> list:
    memberships = (
        Membership.objects.filter(community=community)
        .select_related("member")
        .order_by("-created_at")[:limit]
    )
    return [membership.member for membership in memberships]


def community_members(
    *, community: Community, page: int = 1, per_page: int = 50
) -> Page:
    memberships = (
        Membership.objects.filter(community=community)
        .select_related("member")
        .order_by("created_at")
    )
    return Paginator(memberships, per_page).get_page(page)


def member_communities(*, member) -> list[Community]:
    return list(Community.objects.filter(memberships__member=member).order_by("name"))


def tag_in(*, community: Community, tag_id: int) -> Tag:
    from causerie.core.exceptions import NotFound

    tag = (
        Tag.objects.filter(community=community, pk=tag_id)
        .select_related("community")
        .first()
    )
    if tag is None:
        raise NotFound()
    return tag


def tag_for_page(*, community: Community, tag_slug: str, viewer) -> Tag:
    """A tag of the community, with `is_followed` and `is_muted` for the viewer,
    in one query."""
    tags = Tag.objects.filter(community=community, slug=tag_slug)
    if viewer.is_authenticated:
        tags = tags.annotate(
            is_followed=Exists(
                TagFollow.objects.filter(member=viewer, tag=OuterRef("pk"))
            ),
            is_muted=Exists(TagMute.objects.filter(member=viewer, tag=OuterRef("pk"))),
        )
    else:
        tags = tags.annotate(is_followed=Value(False), is_muted=Value(False))
    tag = tags.first()
    if tag is None:
        raise TagNotFound()
    tag.community = community
    return tag


def tag_follower_ids(*, tag_ids: list[int]) -> set[int]:
    """Members following at least one of these tags (for notifications)."""
    if not tag_ids:
        return set()
    return set(
        TagFollow.objects.filter(tag_id__in=tag_ids).values_list("member_id", flat=True)
    )


def next_number(items: QuerySet) -> int:
    """The number after the highest among `items` (1 when there is none).
    Callers hold the community's row lock, so that two writers never take
    the same number (amendments, recalls, elections)."""
    return (items.aggregate(highest=Max("number"))["highest"] or 0) + 1
