"""Template tags of recognition for other apps' pages."""

from django import template

from causerie.standing.models import ContributionProfile

register = template.Library()


@register.simple_tag(takes_context=True)
def is_loud_little_recognised(context, flagged_item) -> bool:
    """Whether the author of a review-queue item shows the "loud, little
    recognised" pattern (moderators' pages only: context, never a sanction).

    The flags of every author on the queue page (`page` in the context) are
    read in one query, once per request, so the queue's query count does not
    grow with its length."""
    request = context.get("request")
    community_id = flagged_item.community_id
    cache = getattr(request, "_loud_little_recognised", None)
    if cache is None:
        cache = {}
        if request is not None:
            request._loud_little_recognised = cache
    if community_id not in cache:
        page = context.get("page")
        items = list(page) if page is not None else [flagged_item]
        author_ids = {item.author_id for item in items} | {flagged_item.author_id}
        cache[community_id] = set(
            ContributionProfile.objects.filter(
                community_id=community_id,
                member_id__in=author_ids,
                loud_little_recognised=True,
            ).values_list("member_id", flat=True)
        )
    return flagged_item.author_id in cache[community_id]
