"""The poll block of a billet page: `{% post_poll post %}`."""

from django import template

from causerie.communities import selectors as community_selectors
from causerie.polls import selectors

register = template.Library()


@register.inclusion_tag("polls/_poll_block.html", takes_context=True)
def post_poll(context, post):
    user = context["request"].user
    # The billet page already knows the viewer's roles; other pages may not.
    if "is_member" in context and "is_moderator" in context:
        roles = {
            "is_member": context["is_member"],
            "is_moderator": context["is_moderator"],
        }
    else:
        roles = community_selectors.viewer_roles(viewer=user, community=post.community)
    return {
        **selectors.poll_panel(viewer=user, post=post, **roles),
        "post": post,
        "community": post.community,
        "user": user,
        "request": context["request"],
        "csrf_token": context.get("csrf_token"),
    }
