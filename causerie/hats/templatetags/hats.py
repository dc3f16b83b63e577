"""`{% hat_badge hat %}`: the hat worn beside an author's name;
`{% post_hat_badge post %}`: the billet's hat, loaded with the hats of its
thread in one query (the thread reuses them as `page_hat_labels`);
`{% hat_request_count community as count %}`: the moderators' link to the
hat queue (one query, moderators' pages only)."""

from django import template

from causerie.hats import rendering, selectors

register = template.Library()


@register.simple_tag
def hat_badge(hat, handle=None):
    """`handle`: the wearer's, already loaded (the author of the billet)."""
    if hat is None:
        return ""
    return rendering.hat_badge(hat, handle=handle)


@register.simple_tag
def hat_request_count(community) -> int:
    return selectors.open_request_count(community=community)


@register.simple_tag(takes_context=True)
def post_hat_badge(context, post):
    thread = context.get("thread") or []
    labels = selectors.hat_labels(
        hat_ids={post.hat_id, *(item.comment.hat_id for item in thread)}
    )
    # Read by publishing's {% comment_thread %}, rendered further down.
    context["page_hat_labels"] = labels
    return labels.get(post.hat_id, "")
