"""Errors of the notifications app."""

from django.utils.translation import gettext_lazy as _

from causerie.core.exceptions import InvalidRequest, NotFound


class InvalidUnsubscribeLink(InvalidRequest):
    code = "invalid_unsubscribe_link"
    message = _(
        "This unsubscribe link is not valid: it may have been cut or changed. "
        "Copy the whole link from the email, or change your notification "
        "settings after logging in."
    )


class UnknownNotificationKind(InvalidRequest):
    code = "unknown_notification_kind"
    message = _("This kind of notification does not exist.")


class PostNotFollowable(NotFound):
    code = "post_not_followable"
    message = _("This post does not exist or can no longer be followed.")
