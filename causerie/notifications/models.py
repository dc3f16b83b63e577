"""Notices for members, what each member wants to receive, and followed billets."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from causerie.core.models import BaseModel


class Notification(BaseModel):
    # A new kind needs a handler, a sentence in notifications/_notification_text.html,
    # a default in DEFAULT_PREFERENCES and a row in docs/notifications.md.
    class Kind(models.TextChoices):
        REPLY = "reply", _("reply")
        MENTION = "mention", _("mention")
        WARNING = "warning", _("warning")
        DECISION = "decision", _("moderation decision")
        APPEAL_DECIDED = "appeal_decided", _("appeal decided")
        APPEAL_TO_REVIEW = "appeal_to_review", _("appeal to review")
        FOLLOWED_POST = "followed_post", _("new comment on a followed post")
        FOLLOWED_TAG = "followed_tag", _("new post with a followed tag")
        RECOGNISED = "recognised", _("your contribution recognised")
        VOTE_OPENED = "vote_opened", _("a vote or election opens")
        VOTE_CLOSED = "vote_closed", _("a vote or election closes")
        CALLED_TO_ANSWER = "called_to_answer", _("asked to answer a question")
        QUOTED = "quoted", _("you are quoted")
        QUOTE_REPLY = "quote_reply", _("a reply to your quote")
        HAT_REQUESTED = "hat_requested", _("a hat request to review")
        HAT_DECIDED = "hat_decided", _("your hat request decided")

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    # Null when nobody in particular acted (a vote closing at its deadline).
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    kind = models.CharField(max_length=16, choices=Kind.choices)
    # Null for notifications about something else than a billet (a vote, an
    # election): subject_url and subject_title then say what and where.
    post = models.ForeignKey(
        "publishing.Post",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    subject_url = models.CharField(max_length=300, blank=True)
    subject_title = models.CharField(max_length=300, blank=True)
    # What the subject is, for the sentence: "amendment", "recall" or "election".
    subject_type = models.CharField(max_length=16, blank=True)
    # Where it happens, for notifications without a billet.
    community = models.ForeignKey(
        "communities.Community",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    comment = models.ForeignKey(
        "publishing.Comment",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    # Set for the moderation kinds: the decision the notification is about.
    decision = models.ForeignKey(
        "moderation.ModerationDecision",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    read_at = models.DateTimeField(null=True, blank=True)
    # False when the member turned the kind off in-app but still wants the email:
    # the row exists for the email and stays out of the list and the count.
    is_in_app = models.BooleanField(default=True)
    # Notifications of the same kind past the hourly limit, folded into this one.
    more_count = models.PositiveIntegerField(default=0)
    # Grouped kinds (RECOGNISED): the other members who did the same to the same
    # item while this notification was unread; `actor` is the latest of them.
    others_count = models.PositiveIntegerField(default=0)
    emailed_at = models.DateTimeField(null=True, blank=True)
    email_attempts = models.PositiveSmallIntegerField(default=0)
    email_error = models.CharField(max_length=500, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        indexes = [
            models.Index(fields=["recipient", "read_at"], name="notification_unread"),
            # The hourly limit counts one kind for one recipient.
            models.Index(
                fields=["recipient", "kind", "created_at"], name="notification_recent"
            ),
        ]
        constraints = [
            # A retried handler or a re-edited text must not notify twice.
            models.UniqueConstraint(
                fields=["recipient", "kind", "comment"],
                condition=models.Q(comment__isnull=False, decision__isnull=True)
                & ~models.Q(kind="recognised"),
                name="one_notification_per_comment",
            ),
            models.UniqueConstraint(
                fields=["recipient", "kind", "post"],
                condition=models.Q(
                    comment__isnull=True, decision__isnull=True, post__isnull=False
                )
                & ~models.Q(kind="recognised"),
                name="one_notification_per_post",
            ),
            # Recognitions are grouped: one unread notification per item, which
            # later recognitions fold into; once read, the next one starts anew.
            models.UniqueConstraint(
                fields=["recipient", "comment"],
                condition=models.Q(
                    kind="recognised", comment__isnull=False, read_at__isnull=True
                ),
                name="one_unread_recognition_per_comment",
            ),
            models.UniqueConstraint(
                fields=["recipient", "post"],
                condition=models.Q(
                    kind="recognised",
                    comment__isnull=True,
                    post__isnull=False,
                    read_at__isnull=True,
                ),
                name="one_unread_recognition_per_post",
            ),
            models.UniqueConstraint(
                fields=["recipient", "kind", "subject_url"],
                condition=models.Q(post__isnull=True),
                name="one_notification_per_subject",
            ),
            # One item can be decided several times; each decision notifies once.
            models.UniqueConstraint(
                fields=["recipient", "kind", "decision"],
                condition=models.Q(decision__isnull=False),
                name="one_notification_per_decision",
            ),
        ]

    def __str__(self):
        return f"{self.kind} for {self.recipient_id}"


class EmailMode(models.TextChoices):
    IMMEDIATE = "immediate", _("immediately")
    DIGEST = "digest", _("in the daily digest")
    NEVER = "never", _("never")


# What a member receives for a kind until they change it (docs/notifications.md
# shows this table: keep both in step).
DEFAULT_PREFERENCES: dict[str, tuple[bool, str]] = {
    Notification.Kind.REPLY: (True, EmailMode.DIGEST),
    Notification.Kind.MENTION: (True, EmailMode.DIGEST),
    Notification.Kind.WARNING: (True, EmailMode.DIGEST),
    Notification.Kind.DECISION: (True, EmailMode.DIGEST),
    Notification.Kind.APPEAL_DECIDED: (True, EmailMode.DIGEST),
    Notification.Kind.APPEAL_TO_REVIEW: (True, EmailMode.DIGEST),
    Notification.Kind.FOLLOWED_POST: (True, EmailMode.DIGEST),
    Notification.Kind.FOLLOWED_TAG: (True, EmailMode.NEVER),
    Notification.Kind.RECOGNISED: (True, EmailMode.NEVER),
    Notification.Kind.VOTE_OPENED: (True, EmailMode.DIGEST),
    Notification.Kind.VOTE_CLOSED: (True, EmailMode.NEVER),
    Notification.Kind.CALLED_TO_ANSWER: (True, EmailMode.IMMEDIATE),
    Notification.Kind.QUOTED: (True, EmailMode.DIGEST),
    Notification.Kind.QUOTE_REPLY: (True, EmailMode.DIGEST),
    Notification.Kind.HAT_REQUESTED: (True, EmailMode.DIGEST),
    Notification.Kind.HAT_DECIDED: (True, EmailMode.DIGEST),
}

# A sanction or its review must reach the member: these always show in-app.
ALWAYS_IN_APP = frozenset(
    {
        Notification.Kind.WARNING,
        Notification.Kind.DECISION,
        Notification.Kind.APPEAL_DECIDED,
    }
)


class NotificationPreference(BaseModel):
    """A member's choice for one kind; without a row, DEFAULT_PREFERENCES applies."""

    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notification_preferences",
    )
    kind = models.CharField(max_length=16, choices=Notification.Kind.choices)
    in_app = models.BooleanField(_("in my notifications"), default=True)
    email = models.CharField(
        _("by email"),
        max_length=10,
        choices=EmailMode.choices,
        default=EmailMode.DIGEST,
    )

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")
        constraints = [
            models.UniqueConstraint(
                fields=["member", "kind"], name="one_preference_per_kind"
            )
        ]

    def __str__(self):
        return f"{self.member_id} {self.kind}: {self.in_app}/{self.email}"


class PostFollow(BaseModel):
    """A member hears of new comments on a billet. Authors and commenters follow
    automatically; an explicit unfollow is kept (`unfollowed_at`) so that
    commenting again does not follow again."""

    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="post_follows"
    )
    post = models.ForeignKey(
        "publishing.Post", on_delete=models.CASCADE, related_name="follows"
    )
    unfollowed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("followed post")
        verbose_name_plural = _("followed posts")
        constraints = [
            models.UniqueConstraint(
                fields=["member", "post"], name="one_follow_per_post"
            )
        ]

    def __str__(self):
        return f"{self.member_id} follows {self.post_id}"
