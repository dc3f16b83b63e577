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
