"""Template helpers: relative localised dates, intent labels, pluralised counts."""

from django import template
from django.utils import timezone
from django.utils.html import format_html

from causerie.core.dates import exact, relative

register = template.Library()


@register.filter
def reltime(value):
    """A <time> element: relative text for readers, the exact date on hover."""
    if not value:
        return ""
    return format_html(
        '<time datetime="{}" title="{}">{}</time>',
        timezone.localtime(value).isoformat(timespec="minutes"),
        exact(value),
        relative(value),
    )


@register.simple_tag(takes_context=True)
def query_replace(context, **changes):
    """The current query string with some parameters replaced (for pagination)."""
    query = context["request"].GET.copy()
    for key, value in changes.items():
        query[key] = value
    return query.urlencode()
