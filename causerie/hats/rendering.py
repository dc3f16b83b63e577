"""The hat badge beside a name: "Role · Organisation", linking to the hat on
the member's profile (where its proof link and history are), marked when the
hat was removed since. Built in Python so that a thread of any length pays
nothing per comment; every value is escaped here."""

from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, pgettext

from causerie.hats.models import HatStatus


def badge_html(
    *, hat_id: int, role: str, organisation: str, status: str, handle: str
) -> SafeString:
    url = reverse("accounts:profile", kwargs={"handle": handle})
    # <bdi>: a right-to-left name cannot reorder the text around the badge.
    label = f"<bdi>{escape(role)} · {escape(organisation)}</bdi>"
    if status == HatStatus.REMOVED:
        title = escape(gettext("Hat worn when this was written, removed since"))
        removed = escape(pgettext("hat", "(hat removed)"))
        return mark_safe(
            f'<span class="hat hat-removed"><a href="{url}#casquette-{hat_id}" '
            f'title="{title}">{label}</a> <span class="hat-note">{removed}</span>'
            "</span>"
        )
    title = escape(gettext("Speaks for this organisation: hat granted by moderators"))
    return mark_safe(
        f'<span class="hat"><a href="{url}#casquette-{hat_id}" title="{title}">'
        f"{label}</a></span>"
    )


def hat_badge(hat, *, handle: str | None = None) -> SafeString:
    """The badge of a hat row; `handle`: its wearer's, when the page has it
    already (otherwise the member is loaded)."""
    return badge_html(
        hat_id=hat.pk,
        role=hat.role,
        organisation=hat.organisation,
        status=hat.status,
        handle=handle or hat.member.handle,
    )
