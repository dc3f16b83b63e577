"""Elections of moderators: the election and its phases, candidacies, secret
ranked ballots and the public list of who voted."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from causerie.core.models import BaseModel


class Election(BaseModel):
    class Phase(models.TextChoices):
        NOMINATION = "nomination", pgettext_lazy("election phase", "Nominations")
        QUESTIONS = (
            "questions",
            pgettext_lazy("election phase", "Questions to candidates"),
        )
        VOTING = "voting", pgettext_lazy("election phase", "Voting")
        FINISHED = "finished", pgettext_lazy("election phase", "Results published")
        VOID = "void", pgettext_lazy("election phase", "No candidate")

    class Reason(models.TextChoices):
        FIRST = "first", pgettext_lazy("election reason", "first election")
        TERM_END = "term_end", pgettext_lazy("election reason", "terms ending")
        VACANCY = "vacancy", pgettext_lazy("election reason", "vacant seat")
        CALLED = "called", pgettext_lazy("election reason", "called by a moderator")
        RECALL = "recall", pgettext_lazy("election reason", "after a recall")

    OPEN_PHASES = (Phase.NOMINATION, Phase.QUESTIONS, Phase.VOTING)

    community = models.ForeignKey(
        "communities.Community", on_delete=models.CASCADE, related_name="elections"
    )
    number = models.PositiveIntegerField(_("number"))
    reason = models.CharField(_("reason"), max_length=16, choices=Reason.choices)
    # The first election ends the founding mandates (DESIGN, Defaults).
    is_first = models.BooleanField(default=False)
    phase = models.CharField(
        _("phase"), max_length=12, choices=Phase.choices, default=Phase.NOMINATION
    )
    # Policy values in force when the election was called: a later amendment
    # does not change an election under way.
    seats = models.PositiveSmallIntegerField(_("seats"))
    term_months = models.PositiveSmallIntegerField(_("term (months)"))
    candidacy_trust_level = models.PositiveSmallIntegerField()
    candidacy_member_days = models.PositiveSmallIntegerField()
    called_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    called_at = models.DateTimeField(_("called at"))
    questions_at = models.DateTimeField(_("nominations close at"))
    voting_opens_at = models.DateTimeField(_("voting opens at"))
    voting_closes_at = models.DateTimeField(_("voting closes at"))
    closed_at = models.DateTimeField(null=True, blank=True)
    questions_post = models.ForeignKey(
        "publishing.Post",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    eligible_voter_count = models.PositiveIntegerField(default=0)
    voter_count = models.PositiveIntegerField(default=0)
    # The published count (counting.CountResult.to_json) and the anonymised
    # ballots in BLT format, fixed when the results are published.
    result = models.JSONField(default=dict, blank=True)
    blt = models.TextField(blank=True)

    class Meta:
        verbose_name = _("election")
        verbose_name_plural = _("elections")
        ordering = ["community", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["community", "number"], name="one_election_number"
            ),
            models.UniqueConstraint(
                fields=["community"],
                condition=Q(phase__in=["nomination", "questions", "voting"]),
                name="one_open_election_per_community",
            ),
        ]

    def __str__(self):
        return f"{self.community} election {self.number}"

    @property
    def is_open(self) -> bool:
        return self.phase in self.OPEN_PHASES

    def get_absolute_url(self):
        return reverse(
            "elections:detail",
            kwargs={"slug": self.community.slug, "number": self.number},
        )

    def get_results_url(self):
        return reverse(
            "elections:results",
            kwargs={"slug": self.community.slug, "number": self.number},
        )


class Candidacy(BaseModel):
    election = models.ForeignKey(
        Election, on_delete=models.CASCADE, related_name="candidacies"
    )
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="candidacies"
    )
    statement = models.TextField(_("statement"), max_length=5000)
    statement_html = models.TextField(blank=True, editable=False)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    elected = models.BooleanField(default=False)
    # The term the count gave this candidate (governance.Mandate).
    mandate = models.ForeignKey(
        "governance.Mandate",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("candidacy")
        verbose_name_plural = _("candidacies")
        constraints = [
            models.UniqueConstraint(
                fields=["election", "member"], name="one_candidacy_per_member"
            )
        ]

    def __str__(self):
        return f"{self.member_id} in election {self.election_id}"


class Ballot(models.Model):
    """A secret ranked ballot. No voter and no timestamps: `voter_key` is an
    HMAC of (election, voter) under the site's secret key, so that a voter can
    replace their ballot until the close while the stored rows link to no one.
    `ranking` lists candidacy ids, first preference first (empty: blank vote).
    The key is random too: sequential ids would follow the participation
    rows' order and so name the voters."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    election = models.ForeignKey(
        Election, on_delete=models.CASCADE, related_name="ballots"
    )
    voter_key = models.CharField(max_length=64)
    ranking = models.JSONField(default=list)

    class Meta:
        verbose_name = _("ballot")
        verbose_name_plural = _("ballots")
        constraints = [
            models.UniqueConstraint(
                fields=["election", "voter_key"], name="one_election_ballot_per_voter"
            )
        ]

    def __str__(self):
        return f"ballot in election {self.election_id}"


class Participation(BaseModel):
    """Public: this member voted in this election (never how)."""

    election = models.ForeignKey(
        Election, on_delete=models.CASCADE, related_name="participations"
    )
    voter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        verbose_name = _("participation")
        verbose_name_plural = _("participations")
        constraints = [
            models.UniqueConstraint(
                fields=["election", "voter"],
                name="one_election_participation_per_voter",
            )
        ]

    def __str__(self):
        return f"{self.voter_id} voted in {self.election_id}"
