"""Relative, localised dates ("il y a 3 jours"), cheap enough for 200 per page.

Django's naturaltime formats two units and looks translations up each time;
a thread page shows hundreds of dates, so one unit is shown and each
(language, unit, count) phrase is built once.
"""

from datetime import datetime, tzinfo
from functools import lru_cache

from django.utils import timezone, translation
from django.utils.dates import MONTHS
from django.utils.translation import gettext, ngettext

MINUTE, HOUR, DAY = 60, 3600, 86400
UNITS = (
    (365 * DAY, "year"),
    (30 * DAY, "month"),
    (7 * DAY, "week"),
    (DAY, "day"),
    (HOUR, "hour"),
    (MINUTE, "minute"),
)


@lru_cache(maxsize=2048)
def _phrase(language: str, unit: str, count: int) -> str:
    with translation.override(language):
        if unit == "now":
            return gettext("just now")
        phrases = {
            "year": ngettext("%(count)s year ago", "%(count)s years ago", count),
            "month": ngettext("%(count)s month ago", "%(count)s months ago", count),
            "week": ngettext("%(count)s week ago", "%(count)s weeks ago", count),
            "day": ngettext("%(count)s day ago", "%(count)s days ago", count),
            "hour": ngettext("%(count)s hour ago", "%(count)s hours ago", count),
            "minute": ngettext("%(count)s minute ago", "%(count)s minutes ago", count),
        }
        return phrases[unit] % {"count": count}


@lru_cache(maxsize=8)
def _month_names(language: str) -> tuple[str, ...]:
    with translation.override(language):
        return tuple(str(MONTHS[number]) for number in range(1, 13))


def relative(value: datetime, now: datetime | None = None, language: str = "") -> str:
    """ "3 days ago" in the active language (pass `now` and `language` in loops)."""
    seconds = int(((now or timezone.now()) - value).total_seconds())
    language = language or translation.get_language() or "fr"
    for size, unit in UNITS:
        if seconds >= size:
            return _phrase(language, unit, seconds // size)
    return _phrase(language, "now", 0)


def exact(value: datetime, language: str = "", zone: tzinfo | None = None) -> str:
    """The full local date, e.g. "3 mars 2026, 14:05" (shown on hover)."""
    local = value.astimezone(zone or timezone.get_current_timezone())
    month = _month_names(language or translation.get_language() or "fr")[
        local.month - 1
    ]
    return f"{local.day} {month} {local.year}, {local:%H:%M}"
