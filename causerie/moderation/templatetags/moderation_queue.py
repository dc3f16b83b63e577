"""`{% review_queue_size community as size %}`: the count on the moderators'
link to the review queue (one query, moderators' pages only)."""

from django import template

from causerie.moderation import selectors

register = template.Library()


@register.simple_tag
def review_queue_size(community) -> int:
    return selectors.open_item_count(community=community)
