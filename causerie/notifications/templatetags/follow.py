"""The "Follow / Unfollow" button of a billet page."""

from django import template

from causerie.notifications import permissions, selectors

register = template.Library()


@register.inclusion_tag("notifications/_follow_button.html", takes_context=True)
def follow_button(context, post):
    user = context["request"].user
    return {
        "post": post,
        "can_follow": permissions.can_follow_post(user, post),
        "is_following": selectors.is_following(member=user, post_id=post.pk),
        "csrf_token": context.get("csrf_token"),
    }
