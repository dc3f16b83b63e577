"""Polls attached to billets: options, one ballot per member, its votes."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from causerie.core.models import BaseModel

MIN_OPTIONS = 2
MAX_OPTIONS = 10


class PollKind(models.TextChoices):
    SINGLE = "single", _("Single choice")
    MULTIPLE = "multiple", _("Multiple choice")


class ResultsVisibility(models.TextChoices):
    ALWAYS = "always", _("Always, even before voting")
    AFTER_VOTE = "after_vote", _("Only after voting, or once the poll is closed")


class Poll(BaseModel):
    post = models.OneToOneField(
        "publishing.Post", on_delete=models.CASCADE, related_name="poll"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    question = models.CharField(_("question"), max_length=300)
    kind = models.CharField(
        _("kind of poll"),
        max_length=10,
        choices=PollKind.choices,
        default=PollKind.SINGLE,
    )
    results_visibility = models.CharField(
        _("results visible"),
        max_length=12,
        choices=ResultsVisibility.choices,
        default=ResultsVisibility.ALWAYS,
    )
    closes_at = models.DateTimeField(_("closes at"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    # Stored counter, kept with F() under the poll's row lock; rebuilt by
    # services.recount_poll.
    voter_count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("poll")
        verbose_name_plural = _("polls")

    def __str__(self):
        return self.question

    def get_absolute_url(self):
        return self.post.get_absolute_url() + "#poll"

    def closing_time(self):
        """When the poll closed or will close: the author's early close wins."""
        if self.closed_at and (
            self.closes_at is None or self.closed_at < self.closes_at
        ):
            return self.closed_at
        return self.closes_at

    def is_closed(self, now) -> bool:
        return self.closed_at is not None or (
            self.closes_at is not None and self.closes_at <= now
        )

    @property
    def is_multiple(self) -> bool:
        return self.kind == PollKind.MULTIPLE


class PollOption(BaseModel):
    poll = models.ForeignKey(Poll, on_delete=models.CASCADE, related_name="options")
    position = models.PositiveSmallIntegerField()
    label = models.CharField(_("option"), max_length=200)
    vote_count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("poll option")
        verbose_name_plural = _("poll options")
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(
                fields=["poll", "position"], name="poll_option_position_unique"
            )
        ]

    def __str__(self):
        return self.label


class Ballot(BaseModel):
    """One per member and poll: the row that makes "one vote per member" hold
    even when two requests of the same member arrive at once."""

    poll = models.ForeignKey(Poll, on_delete=models.CASCADE, related_name="ballots")
    voter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="poll_ballots"
    )

    class Meta:
        verbose_name = _("poll ballot")
        verbose_name_plural = _("poll ballots")
        constraints = [
            models.UniqueConstraint(
                fields=["poll", "voter"], name="poll_ballot_one_per_voter"
            )
        ]

    def __str__(self):
        return f"{self.voter_id} → {self.poll_id}"


class PollVote(BaseModel):
    """One chosen option of a ballot (several for a multiple-choice poll)."""

    ballot = models.ForeignKey(Ballot, on_delete=models.CASCADE, related_name="votes")
    poll = models.ForeignKey(Poll, on_delete=models.CASCADE, related_name="+")
    voter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    option = models.ForeignKey(
        PollOption, on_delete=models.CASCADE, related_name="votes"
    )

    class Meta:
        verbose_name = _("poll vote")
        verbose_name_plural = _("poll votes")
        constraints = [
            models.UniqueConstraint(
                fields=["poll", "voter", "option"], name="poll_vote_unique"
            )
        ]

    def __str__(self):
        return f"{self.voter_id} → {self.option_id}"
