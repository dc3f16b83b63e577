"""Recognitions: a member saying a billet or comment was useful, optionally in a domain."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from causerie.core.models import BaseModel


class Recognition(BaseModel):
    """One member recognising one item ("Utile"). One per member per item,
    never on one's own item (services check it). An accepted answer is a
    recognition from the asker of kind ACCEPTED_ANSWER."""

    class Kind(models.TextChoices):
        USEFUL = "useful", _("useful")
        ACCEPTED_ANSWER = "accepted", _("accepted answer")

    community = models.ForeignKey(
        "communities.Community", on_delete=models.CASCADE, related_name="+"
    )
    recogniser = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="recognitions_given",
    )
    # The author of the recognised item, denormalised: standing reads edges
    # (recogniser -> author) without joining billets and comments.
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="recognitions_received",
    )
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
    # The domain the item shows knowledge of: one of the community's tags.
    tag = models.ForeignKey(
        "communities.Tag",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.USEFUL)
    # When it was given (imports set the original date; created_at is when the row was written).
    given_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = _("recognition")
        verbose_name_plural = _("recognitions")
        indexes = [
            models.Index(fields=["community", "given_at"], name="recognition_order"),
            models.Index(fields=["author", "community"], name="recognition_author"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["recogniser", "post", "kind"],
                condition=models.Q(comment__isnull=True),
                name="one_recognition_per_post",
            ),
            models.UniqueConstraint(
                fields=["recogniser", "comment", "kind"],
                condition=models.Q(comment__isnull=False),
                name="one_recognition_per_comment",
            ),
        ]

    def __str__(self):
        return f"{self.recogniser_id} -> {self.author_id}"


class AnswerRequest(BaseModel):
    """The asker of a question asked one member to answer it ("Qui pourrait
    répondre ?"). Kept to rate-limit requests and to show who was asked."""

    post = models.ForeignKey(
        "publishing.Post", on_delete=models.CASCADE, related_name="+"
    )
    asker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        verbose_name = _("answer request")
        verbose_name_plural = _("answer requests")
        indexes = [
            models.Index(fields=["asker", "created_at"], name="answer_request_asker")
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["post", "member"], name="one_answer_request_per_member"
            )
        ]

    def __str__(self):
        return f"{self.asker_id} asks {self.member_id} on {self.post_id}"
