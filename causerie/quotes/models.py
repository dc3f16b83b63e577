"""Verified quotes: a passage of a billet or comment quoted with its exact
source (item, revision, character range), and the quoted member's reply."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from causerie.core.models import BaseModel

REPLY_MAX_LENGTH = 1000


class QuoteStatus(models.TextChoices):
    # The passage is still in the source's current revision.
    CURRENT = "current", _("verified")
    MODIFIED = "modified", _("the source was modified since")
    # Deleted by its author (or its billet was).
    DELETED = "deleted", _("source deleted")
    # Hidden, pending review or removed by moderation (or its billet is).
    HIDDEN = "hidden", _("source hidden by the moderators")


class Quote(BaseModel):
    """A verified quote inside a billet (citing_comment null) or a comment."""

    citing_post = models.ForeignKey(
        "publishing.Post", on_delete=models.CASCADE, related_name="quotes_made"
    )
    citing_comment = models.ForeignKey(
        "publishing.Comment",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="quotes_made",
    )
    # Order of the quote inside its item's text (0, 1, ...).
    position = models.PositiveSmallIntegerField()
    source_post = models.ForeignKey(
        "publishing.Post", on_delete=models.CASCADE, related_name="quoted_in"
    )
    source_comment = models.ForeignKey(
        "publishing.Comment",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="quoted_in",
    )
    source_author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    source_revision = models.PositiveIntegerField()
    # Character range in the source revision's Markdown text.
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    text = models.TextField()
    # The sentences around the passage in that revision, for "voir le contexte".
    context_before = models.TextField(blank=True)
    context_after = models.TextField(blank=True)
    status = models.CharField(
        max_length=10, choices=QuoteStatus.choices, default=QuoteStatus.CURRENT
    )
    # Where the passage is in the current revision (while CURRENT).
    current_start = models.PositiveIntegerField(null=True, blank=True)
    current_end = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        verbose_name = _("verified quote")
        verbose_name_plural = _("verified quotes")
        indexes = [
            models.Index(fields=["citing_post"], name="quote_page"),
        ]

    def __str__(self):
        return f"quote {self.pk} of {self.source_post_id}/{self.source_comment_id}"

    def get_passage_url(self, *, post_url: str | None = None) -> str:
        """The page showing the source passage, marked (needs source_post
        with its community, and source_comment, loaded). `post_url`: the
        source billet's address when the caller has it already."""
        from causerie.publishing.selectors import comment_page_url

        post_url = post_url or self.source_post.get_absolute_url()
        if self.source_comment is not None:
            post_url = comment_page_url(post_url, self.source_comment)
        return f"{post_url}?passage={self.pk}#passage"

    def get_history_url(self) -> str:
        """The source's history at the revision quoted."""
        url = self.source_post.get_absolute_url()
        if self.source_comment_id:
            url = f"{url}commentaires/{self.source_comment_id}/"
        return f"{url}historique/#r{self.source_revision}"


class QuoteReply(BaseModel):
    """The quoted member's "droit de réponse": once per quote, shown under it
    wherever it appears."""

    quote = models.OneToOneField(Quote, on_delete=models.CASCADE, related_name="reply")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    body = models.TextField(_("your reply"), max_length=REPLY_MAX_LENGTH)

    class Meta:
        verbose_name = _("reply to a quote")
        verbose_name_plural = _("replies to quotes")

    def __str__(self):
        return f"reply to quote {self.quote_id}"
