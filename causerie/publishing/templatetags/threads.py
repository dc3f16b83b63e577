"""`{% comment_thread %}`: the thread of the page, rendered by publishing.rendering."""

from django import template

from causerie.publishing.rendering import render_thread

register = template.Library()


@register.simple_tag(takes_context=True)
def comment_thread(context):
    user = context["user"]
    community = context["community"]
    # What the page shows of recognition (recognition.selectors.page_recognition).
    recognition = context.get("page_recognition")
    recognition_options = {}
    if recognition is not None:
        recognition_options = {
            "profiles": context.get("profile_labels") or {},
            "can_recognise": bool(context.get("can_recognise")),
            "recognised_ids": recognition.given,
            "received": recognition.received,
            "accepted_id": recognition.accepted_comment_id,
            "can_accept": bool(context.get("can_accept")),
            "has_domains": bool(context.get("has_domains")),
        }
    # Hats worn in the thread: loaded with the billet's own hat when it wears
    # one ({% post_hat_badge %}), else one query, none when no comment wears one.
    from causerie.hats.selectors import hat_labels

    labels = context.get("page_hat_labels")
    if labels is None:
        labels = hat_labels(hat_ids={item.comment.hat_id for item in context["thread"]})
    return render_thread(
        context["thread"],
        hat_labels=labels,
        post_url=context["post_url"],
        viewer_id=user.pk if user.is_authenticated else None,
        muted_ids=context.get("muted_ids") or set(),
        can_reply=bool(context.get("can_reply")) and not community.is_suspended,
        can_see_deleted=bool(context.get("can_see_deleted")),
        can_change_own=not community.is_suspended,
        can_flag=bool(context.get("can_flag")) and not community.is_suspended,
        can_see_moderated=bool(context.get("can_see_deleted")),
        own_causes=context.get("own_causes"),
        new_since=context.get("new_since"),
        # Verified quotes and "citer" links (quotes.rendering.for_page).
        decorate_body=_quote_decorator(context.get("page_quotes")),
        **recognition_options,
    )


def _quote_decorator(page_quotes):
    """The thread's texts pass through quotes.rendering only when the page
    has something to add to them."""
    if page_quotes is None or not page_quotes.needed:
        return None
    return page_quotes.for_comment
