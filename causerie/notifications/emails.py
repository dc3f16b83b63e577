"""Notification emails: one notice, or the daily digest, in the member's language,
as plain text with an HTML alternative and a one-click unsubscribe link."""

import re

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import ngettext

from causerie.accounts.models import User
from causerie.notifications import links
from causerie.notifications.models import Notification

SUBJECT_PREFIX = "[Causerie] "
DIGEST_MAX_ITEMS = 50  # past this, the digest points to the notifications page


def _sentence(notification: Notification) -> str:
    text = render_to_string(
        "notifications/notification_sentence.txt", {"notification": notification}
    )
    return re.sub(r"\s+", " ", text).strip()


def _item(notification: Notification) -> dict:
    comment = notification.comment
    excerpt = ""
    if comment is not None and comment.is_visible and not comment.is_deleted:
        excerpt = comment.body
    return {
        "notification": notification,
        "sentence": _sentence(notification),
        "url": links.absolute_url(links.target_path(notification)),
        "excerpt": excerpt,
    }


def _message(
    *, member: User, subject: str, template: str, context: dict, kind: str | None
) -> EmailMultiAlternatives:
    unsubscribe_url = links.unsubscribe_url(member_id=member.pk, kind=kind)
    context = {
        **context,
        "member": member,
        "kind_label": Notification.Kind(kind).label if kind else "",
        "unsubscribe_url": unsubscribe_url,
        "preferences_url": links.absolute_url(reverse("notifications:preferences")),
        "notifications_url": links.absolute_url(reverse("notifications:list")),
        "site_url": links.absolute_url("/"),
    }
    message = EmailMultiAlternatives(
        subject=SUBJECT_PREFIX + subject,
        body=render_to_string(f"notifications/{template}.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[member.email],
        headers={
            # RFC 8058: mail clients offer a button that POSTs to this address.
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Auto-Submitted": "auto-generated",
        },
    )
    message.attach_alternative(
        render_to_string(f"notifications/{template}.html", context), "text/html"
    )
    return message


def notification_email(notification: Notification) -> EmailMultiAlternatives:
    """One notification, sent as soon as it is created ("immediately")."""
    member = notification.recipient
    with translation.override(member.language):
        item = _item(notification)
        return _message(
            member=member,
            subject=item["sentence"],
            template="notification_email",
            context={"item": item},
            kind=notification.kind,
        )


def digest_email(
    *, member: User, notifications: list[Notification]
) -> EmailMultiAlternatives:
    """Every notification of the day in one email; its unsubscribe link stops all
    notification emails."""
    with translation.override(member.language):
        count = len(notifications)
        subject = ngettext(
            "Your daily digest: %(count)s notification",
            "Your daily digest: %(count)s notifications",
            count,
        ) % {"count": count}
        items = [_item(n) for n in notifications[:DIGEST_MAX_ITEMS]]
        return _message(
            member=member,
            subject=subject,
            template="digest_email",
            context={
                "items": items,
                "left_out": max(0, count - DIGEST_MAX_ITEMS),
            },
            kind=None,
        )
