"""The search index: one SearchDocument per billet, comment or member.

PostgreSQL matches on `vector` (GIN index, french_unaccent or english
configuration); SQLite matches on the FTS5 table `search_fts`, whose rowid is
the document's id. Both are created by the migration for their database only.
"""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from causerie.core.models import BaseModel

FTS_TABLE = "search_fts"
POSTGRES_CONFIGS = {"fr": "french_unaccent", "en": "english"}


class SearchDocument(BaseModel):
    class Kind(models.TextChoices):
        POST = "post", pgettext_lazy("search result kind", "Post")
        COMMENT = "comment", pgettext_lazy("search result kind", "Comment")
        MEMBER = "member", pgettext_lazy("search result kind", "Member")

    kind = models.CharField(max_length=8, choices=Kind.choices)
    post = models.OneToOneField(
        "publishing.Post",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="search_document",
    )
    comment = models.OneToOneField(
        "publishing.Comment",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="search_document",
    )
    member = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="search_document",
    )
    community = models.ForeignKey(
        "communities.Community",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    language = models.CharField(max_length=8, default="fr")
    published_at = models.DateTimeField()
    # Billets: their title. Comments: empty (the billet's title would make every
    # comment match it). Members: display name and handle.
    title = models.CharField(max_length=300, blank=True)
    body = models.TextField(blank=True)
    is_public = models.BooleanField(default=True)
    intent = models.CharField(max_length=16, blank=True)
    tags = models.ManyToManyField("communities.Tag", blank=True, related_name="+")
    vector = SearchVectorField(null=True, editable=False)

    class Meta:
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")
        indexes = [
            models.Index(fields=["is_public", "published_at"], name="search_newest"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(
                        kind="post",
                        post__isnull=False,
                        comment__isnull=True,
                        member__isnull=True,
                    )
                    | Q(
                        kind="comment",
                        post__isnull=True,
                        comment__isnull=False,
                        member__isnull=True,
                    )
                    | Q(
                        kind="member",
                        post__isnull=True,
                        comment__isnull=True,
                        member__isnull=False,
                    )
                ),
                name="search_document_one_target",
            )
        ]

    def __str__(self):
        return f"{self.kind} {self.post_id or self.comment_id or self.member_id}"
