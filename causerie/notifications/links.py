"""Where a notification leads, absolute addresses for emails, and the signed
unsubscribe tokens."""

from django.conf import settings
from django.core import signing
from django.urls import reverse

from causerie.notifications.exceptions import InvalidUnsubscribeLink
from causerie.notifications.models import Notification

# One salt per purpose: a token signed for unsubscribing is worth nothing elsewhere.
UNSUBSCRIBE_SALT = "causerie.notifications.unsubscribe"
ALL_KINDS = ""


def target_path(notification: Notification) -> str:
    """The comment, billet, decision, appeal, vote or election a notification is
    about. Needs post__community, comment and, for moderation kinds,
    decision__community and decision__appeal loaded."""
    if notification.post_id is None:
        return subject_path(notification.subject_url)
    if notification.decision_id:
        decision = notification.decision
        slug = decision.community.slug
        appeal = getattr(decision, "appeal", None)
        if notification.kind == Notification.Kind.APPEAL_TO_REVIEW and appeal:
            return reverse(
                "moderation:appeal-decide",
                kwargs={"slug": slug, "appeal_id": appeal.pk},
            )
        return reverse(
            "moderation:decision", kwargs={"slug": slug, "decision_id": decision.pk}
        )
    if notification.comment_id:
        return reverse(
            "publishing:comment-detail",
            kwargs={
                "slug": notification.post.community.slug,
                "post_id": notification.post_id,
                "comment_id": notification.comment_id,
            },
        )
    return notification.post.get_absolute_url()


def subject_path(url: str) -> str:
    """A notification's subject is a path on this site; anything else (another
    host, `//host`, a scheme) leads to the notifications page instead, so that
    opening a notification never redirects elsewhere."""
    if url.startswith("/") and not url.startswith(("//", "/\\")):
        return url
    return reverse("notifications:list")


def absolute_url(path: str) -> str:
    return settings.CAUSERIE_SITE_URL.rstrip("/") + path


def unsubscribe_token(*, member_id: int, kind: str | None) -> str:
    """A token for one member and one kind (None: every kind). It does not expire:
    an old email's link must still work."""
    return signing.Signer(salt=UNSUBSCRIBE_SALT).sign_object(
        {"member": member_id, "kind": kind or ALL_KINDS}
    )


def read_unsubscribe_token(token: str) -> tuple[int, str | None]:
    """The member id and kind (None: every kind) of a token; raises
    InvalidUnsubscribeLink when it was changed or is not one of ours."""
    try:
        payload = signing.Signer(salt=UNSUBSCRIBE_SALT).unsign_object(token)
    except (signing.BadSignature, ValueError) as error:
        raise InvalidUnsubscribeLink() from error
    if not isinstance(payload, dict):
        raise InvalidUnsubscribeLink()
    member_id, kind = payload.get("member"), payload.get("kind")
    if not isinstance(member_id, int) or not isinstance(kind, str):
        raise InvalidUnsubscribeLink()
    if kind != ALL_KINDS and kind not in Notification.Kind.values:
        raise InvalidUnsubscribeLink()
    return member_id, kind or None


def unsubscribe_url(*, member_id: int, kind: str | None) -> str:
    token = unsubscribe_token(member_id=member_id, kind=kind)
    return absolute_url(reverse("notifications:unsubscribe", kwargs={"token": token}))
