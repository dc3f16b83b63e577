"""Billets (Post), threaded comments and their revisions."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from causerie.core.models import BaseModel


class Intent(models.TextChoices):
    """Why a billet was written. Keep in step with the help text of the
    billet form and docs/publishing.md."""

    INFORMATION = "information", pgettext_lazy("intent", "Information")
    OPINION = "opinion", pgettext_lazy("intent", "Opinion")
    PROMOTION = "promotion", pgettext_lazy("intent", "Promotion")
    SPONSORED = "sponsored", pgettext_lazy("intent", "Sponsored")


class ModerationState(models.TextChoices):
    VISIBLE = "visible", _("visible")
    PENDING = "pending", _("hidden pending moderation")
    HIDDEN = "hidden", _("hidden by the moderators")
    REMOVED = "removed", _("deleted by the moderators")


class Moderated(models.Model):
    """What moderation set on a billet or comment; written only through
    publishing.services.set_moderation_state."""

    moderation_state = models.CharField(
        max_length=10, choices=ModerationState.choices, default=ModerationState.VISIBLE
    )
    moderation_rule = models.ForeignKey(
        "governance.GuideRule",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    moderation_reason = models.CharField(max_length=20, blank=True)

    class Meta:
        abstract = True

    @property
    def is_visible(self) -> bool:
        return self.moderation_state == ModerationState.VISIBLE


class Post(Moderated, BaseModel):
    community = models.ForeignKey(
        "communities.Community", on_delete=models.CASCADE, related_name="posts"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="posts"
    )
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"), max_length=50000)
    body_html = models.TextField(editable=False)
    intent = models.CharField(_("intent"), max_length=16, choices=Intent.choices)
    # Required with the intent "sponsored": who paid or gave, shown in the label.
    sponsor_name = models.CharField(_("sponsor"), max_length=120, blank=True)
    sponsor_url = models.URLField(_("sponsor's link"), max_length=300, blank=True)
    hat = models.ForeignKey(
        "hats.Hat",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("hat worn"),
    )
    # The text links to a site its author declared as their own ("mes sites"):
    # counted as self-promotion whatever the intent says.
    links_own_site = models.BooleanField(default=False)
    tags = models.ManyToManyField("communities.Tag", blank=True, related_name="posts")
    published_at = models.DateTimeField(_("published at"), db_index=True)
    edited_at = models.DateTimeField(_("edited at"), null=True, blank=True)
    deleted_at = models.DateTimeField(_("deleted at"), null=True, blank=True)
    pinned_at = models.DateTimeField(_("pinned at"), null=True, blank=True)
    locked_at = models.DateTimeField(_("locked at"), null=True, blank=True)
    comment_count = models.PositiveIntegerField(default=0)
    last_activity_at = models.DateTimeField(db_index=True)
    revision_count = models.PositiveIntegerField(default=1)
    # A question: its asker may mark one top-level comment as the accepted answer.
    is_question = models.BooleanField(_("this post asks a question"), default=False)
    accepted_comment = models.ForeignKey(
        "publishing.Comment",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("post")
        verbose_name_plural = _("posts")
        indexes = [
            models.Index(
                fields=["community", "pinned_at", "published_at"], name="post_feed_new"
            ),
            models.Index(
                fields=["community", "pinned_at", "last_activity_at"],
                name="post_feed_active",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse(
            "publishing:post-detail",
            kwargs={"slug": self.community.slug, "post_id": self.pk},
        )

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None


class PostRevision(BaseModel):
    """One published state of a billet. Revision 1 is the original."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()
    editor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(max_length=200)
    body = models.TextField()
    intent = models.CharField(max_length=16, choices=Intent.choices)
    sponsor_name = models.CharField(max_length=120, blank=True)
    sponsor_url = models.URLField(max_length=300, blank=True)
    tag_names = models.JSONField(default=list)

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(
                fields=["post", "number"], name="one_post_revision_number"
            )
        ]

    def __str__(self):
        return f"{self.post_id} r{self.number}"


class Comment(Moderated, BaseModel):
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="comments")
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="replies"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="comments"
    )
    depth = models.PositiveIntegerField(default=0)
    body = models.TextField(_("comment"), max_length=20000)
    body_html = models.TextField(editable=False)
    edited_at = models.DateTimeField(_("edited at"), null=True, blank=True)
    deleted_at = models.DateTimeField(_("deleted at"), null=True, blank=True)
    revision_count = models.PositiveIntegerField(default=1)
    hat = models.ForeignKey(
        "hats.Hat",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("hat worn"),
    )
    links_own_site = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        indexes = [models.Index(fields=["post", "created_at"], name="comment_thread")]

    def __str__(self):
        return f"{self.author_id} on {self.post_id}"

    def get_absolute_url(self):
        return reverse(
            "publishing:comment-detail",
            kwargs={
                "slug": self.post.community.slug,
                "post_id": self.post_id,
                "comment_id": self.pk,
            },
        )

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None


class CommentRevision(BaseModel):
    comment = models.ForeignKey(
        Comment, on_delete=models.CASCADE, related_name="revisions"
    )
    number = models.PositiveIntegerField()
    editor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    body = models.TextField()

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(
                fields=["comment", "number"], name="one_comment_revision_number"
            )
        ]

    def __str__(self):
        return f"{self.comment_id} r{self.number}"


class Bookmark(BaseModel):
    """A billet a member keeps "à relire" (to read again); private to them."""

    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="bookmarks"
    )
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="bookmarks")

    class Meta:
        verbose_name = _("bookmark")
        verbose_name_plural = _("bookmarks")
        constraints = [
            models.UniqueConstraint(
                fields=["member", "post"], name="one_bookmark_per_post"
            )
        ]
        indexes = [models.Index(fields=["member", "-created_at"], name="bookmark_list")]

    def __str__(self):
        return f"{self.member_id} keeps {self.post_id}"
