"""`{% quoted_body comment %}`: a comment shown outside the page's thread (the
accepted answer, ancestors, the comment replied to) with its verified quotes'
status and reply, through the page's quotes.rendering.Decorator."""

from django import template
from django.utils.safestring import mark_safe

register = template.Library()


@register.simple_tag(takes_context=True)
def quoted_body(context, comment):
    decorator = context.get("page_quotes")
    if decorator is None:
        # Sanitised when written (publishing.services.render_body).
        return mark_safe(comment.body_html)
    return decorator.for_other_comment(comment)
