"""A notice for one member about something that concerns them."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from causerie.core.models import BaseModel


class Notification(BaseModel):
    class Kind(models.TextChoices):
        REPLY = "reply", _("reply")
        MENTION = "mention", _("mention")
        WARNING = "warning", _("warning")
        DECISION = "decision", _("moderation decision")
        APPEAL_DECIDED = "appeal_decided", _("appeal decided")
        APPEAL_TO_REVIEW = "appeal_to_review", _("appeal to review")

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(max_length=16, choices=Kind.choices)
    post = models.ForeignKey(
        "publishing.Post", on_delete=models.CASCADE, related_name="+"
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

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        indexes = [
            models.Index(fields=["recipient", "read_at"], name="notification_unread")
        ]
        constraints = [
            # A retried handler or a re-edited text must not notify twice.
            models.UniqueConstraint(
                fields=["recipient", "kind", "comment"],
                condition=models.Q(comment__isnull=False, decision__isnull=True),
                name="one_notification_per_comment",
            ),
            models.UniqueConstraint(
                fields=["recipient", "kind", "post"],
                condition=models.Q(comment__isnull=True, decision__isnull=True),
                name="one_notification_per_post",
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
