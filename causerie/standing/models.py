"""Standing computed from recognitions, and what imports bring without voters.

Rows here are results: the background computation rewrites them; nothing else
writes them (docs/recognition.md explains the method).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from causerie.core.models import BaseModel


class AnonymousVotes(BaseModel):
    """Up- and down-votes an import brought for one item on one day, without
    voters (Stack Exchange dumps do not say who voted). They weigh little and
    are never a member's recognition."""

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
    day = models.DateField()
    up = models.PositiveIntegerField(default=0)
    down = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("anonymous votes")
        verbose_name_plural = _("anonymous votes")
        constraints = [
            models.UniqueConstraint(
                fields=["post", "day"],
                condition=models.Q(comment__isnull=True),
                name="one_vote_count_per_post_day",
            ),
            models.UniqueConstraint(
                fields=["comment", "day"],
                condition=models.Q(comment__isnull=False),
                name="one_vote_count_per_comment_day",
            ),
        ]


class Standing(BaseModel):
    """A member's standing in a community (tag null) or in one of its domains
    (a tag), with the counts that explain it in words."""

    community = models.ForeignKey(
        "communities.Community", on_delete=models.CASCADE, related_name="+"
    )
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="standings"
    )
    tag = models.ForeignKey(
        "communities.Tag",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    # Relative within the community or domain (1.0 = the highest); never shown raw.
    score = models.FloatField(default=0.0)
    contributions = models.PositiveIntegerField(default=0)
    recognitions = models.PositiveIntegerField(default=0)
    recognisers = models.PositiveIntegerField(default=0)
    # Distinct recognisers who are themselves recognised in this domain.
    recognised_recognisers = models.PositiveIntegerField(default=0)
    # Recognition received per contribution, relative (1.0 = the highest):
    # what the hidden-experts page ranks by.
    per_contribution = models.FloatField(default=0.0)
    # The unnormalised fixed-point value, kept so that one new recognition can
    # be taken into account locally between two full recomputations.
    mass = models.FloatField(default=0.0)

    class Meta:
        verbose_name = _("standing")
        verbose_name_plural = _("standings")
        indexes = [
            models.Index(fields=["community", "tag", "-score"], name="standing_rank"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["community", "member"],
                condition=models.Q(tag__isnull=True),
                name="one_standing_per_community",
            ),
            models.UniqueConstraint(
                fields=["community", "member", "tag"],
                condition=models.Q(tag__isnull=False),
                name="one_standing_per_domain",
            ),
        ]


class ContributionProfile(BaseModel):
    """What kind of contributor a member is in a community (DESIGN, Recognition)."""

    class Kind(models.TextChoices):
        RECOGNISED_EXPERT = "expert", _("Recognised expert")
        SPECIALIST = "specialist", _("Specialist")
        DISCREET_EXPERT = "discreet", _("Discreet expert")
        NEWCOMER = "new", _("New")

    community = models.ForeignKey(
        "communities.Community", on_delete=models.CASCADE, related_name="+"
    )
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="contribution_profiles",
    )
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.NEWCOMER)
    # For moderators only (review queue context), never shown publicly.
    loud_little_recognised = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("contribution profile")
        verbose_name_plural = _("contribution profiles")
        constraints = [
            models.UniqueConstraint(
                fields=["community", "member"], name="one_profile_per_community"
            )
        ]


class SuspiciousCluster(BaseModel):
    """A group of members whose recognition of one another the last
    recomputation damped (ring resistance), for the moderators' report."""

    community = models.ForeignKey(
        "communities.Community", on_delete=models.CASCADE, related_name="+"
    )
    member_ids = models.JSONField(default=list)
    # Codes: "mutual", "created_together", "new_recognisers".
    reasons = models.JSONField(default=list)
    # Share of the members' received recognition that comes from inside the group.
    internal_share = models.FloatField(default=0.0)

    class Meta:
        verbose_name = _("suspicious cluster")
        verbose_name_plural = _("suspicious clusters")

    def __str__(self):
        return f"{self.community_id}: {len(self.member_ids)} members"


class StandingState(BaseModel):
    """When a community's standing was last fully recomputed, and whether
    recognitions arrived since (the periodic task recomputes those)."""

    community = models.OneToOneField(
        "communities.Community", on_delete=models.CASCADE, related_name="+"
    )
    computed_at = models.DateTimeField(null=True, blank=True)
    stale_since = models.DateTimeField(null=True, blank=True)
    # Per-domain normalisers of the last full run ({"tag id or 0": max mass}).
    scales = models.JSONField(default=dict)

    class Meta:
        verbose_name = _("standing state")
        verbose_name_plural = _("standing states")

    def __str__(self):
        return f"{self.community_id}: {self.computed_at}"


# --- Imports (Stack Exchange dumps): causerie/standing/importer/ ------------
# What an import brought, so that a second run creates nothing twice and an
# interrupted run resumes where it stopped (docs/import.md).


class ImportedItem(BaseModel):
    """One row of a dump that became one of our rows: a member, a tag, a
    billet (question), a comment (answer or comment) or a recognition (an
    accepted answer). Keyed by the site, not the dump folder: a newer dump of
    the same site imported into the same community only adds what is new."""

    class Kind(models.TextChoices):
        MEMBER = "member", _("member")
        TAG = "tag", _("tag")
        QUESTION = "question", _("question")
        ANSWER = "answer", _("answer")
        COMMENT = "comment", _("comment")
        ACCEPTANCE = "accepted", _("accepted answer")

    community = models.ForeignKey(
        "communities.Community", on_delete=models.CASCADE, related_name="+"
    )
    site = models.CharField(max_length=100)
    kind = models.CharField(max_length=10, choices=Kind.choices)
    source_id = models.BigIntegerField()
    # Primary key of our row (User, Tag, Post, Comment or Recognition).
    target_id = models.BigIntegerField()
    # Questions only: the dump's id of the answer its asker accepted.
    accepted_source_id = models.BigIntegerField(null=True, blank=True)

    class Meta:
        verbose_name = _("imported item")
        verbose_name_plural = _("imported items")
        constraints = [
            models.UniqueConstraint(
                fields=["community", "site", "kind", "source_id"],
                name="one_import_per_source_item",
            )
        ]
        indexes = [
            models.Index(fields=["kind", "target_id"], name="imported_item_target")
        ]

    def __str__(self):
        return f"{self.site} {self.kind} {self.source_id} -> {self.target_id}"


class ImportCheckpoint(BaseModel):
    """The last row of a dump file taken into account, for files whose rows
    leave no row of their own to look up (votes are added into per-day
    counts): rows up to `last_source_id` are skipped on the next run."""

    community = models.ForeignKey(
        "communities.Community", on_delete=models.CASCADE, related_name="+"
    )
    site = models.CharField(max_length=100)
    file = models.CharField(max_length=40)
    last_source_id = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = _("import checkpoint")
        verbose_name_plural = _("import checkpoints")
        constraints = [
            models.UniqueConstraint(
                fields=["community", "site", "file"], name="one_checkpoint_per_file"
            )
        ]

    def __str__(self):
        return f"{self.site} {self.file} <= {self.last_source_id}"
