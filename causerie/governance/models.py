"""Mandates, the participation guide, and the member votes that change them:
amendments and recalls."""

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from causerie.core.models import BaseModel


class Mandate(BaseModel):
    """A moderator's term. Founding a community creates a founding mandate that
    lasts until the first election (DESIGN, Defaults)."""

    class Kind(models.TextChoices):
        FOUNDING = "founding", _("founding mandate")
        ELECTED = "elected", _("elected")

    community = models.ForeignKey(
        "communities.Community", on_delete=models.CASCADE, related_name="mandates"
    )
    holder = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mandates"
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    started_at = models.DateTimeField(_("started at"))
    ends_at = models.DateTimeField(_("ends at"), null=True, blank=True)
    ended_at = models.DateTimeField(_("ended at"), null=True, blank=True)

    class Meta:
        verbose_name = _("mandate")
        verbose_name_plural = _("mandates")
        constraints = [
            models.UniqueConstraint(
                fields=["community", "holder"],
                condition=models.Q(ended_at__isnull=True),
                name="one_current_mandate_per_holder",
            )
        ]

    def __str__(self):
        return f"{self.holder} — {self.community}"


class GuideVersion(BaseModel):
    """One published state of a community's participation guide. Immutable:
    a change is a new version (by moderators now, by adopted amendment later)."""

    community = models.ForeignKey(
        "communities.Community", on_delete=models.CASCADE, related_name="guide_versions"
    )
    number = models.PositiveIntegerField(_("version"))
    introduction = models.TextField(_("introduction"), max_length=10000, blank=True)
    introduction_html = models.TextField(blank=True, editable=False)
    policy = models.JSONField(_("policy"), default=dict)
    summary = models.CharField(_("what changed"), max_length=300, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("guide version")
        verbose_name_plural = _("guide versions")
        ordering = ["community", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["community", "number"], name="one_guide_version_number"
            )
        ]

    def __str__(self):
        return f"{self.community} v{self.number}"


class GuideRule(BaseModel):
    version = models.ForeignKey(
        GuideVersion, on_delete=models.CASCADE, related_name="rules"
    )
    number = models.PositiveIntegerField(_("number"))
    title = models.CharField(_("rule"), max_length=200)
    body = models.TextField(_("explanation"), max_length=5000, blank=True)
    body_html = models.TextField(blank=True, editable=False)

    class Meta:
        verbose_name = _("rule")
        verbose_name_plural = _("rules")
        ordering = ["version", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["version", "number"], name="one_rule_number"
            )
        ]

    def __str__(self):
        return f"{self.number}. {self.title}"


class Vote(BaseModel):
    """The voting phase of an amendment or a recall. Quorum and majority are
    copied from the policy when it opens: changing those rules later does not
    change a vote already open (issue "Member power")."""

    class Subject(models.TextChoices):
        AMENDMENT = "amendment", _("amendment")
        RECALL = "recall", _("recall")

    class Outcome(models.TextChoices):
        ADOPTED = "adopted", _("adopted")
        NO_QUORUM = "no_quorum", _("rejected: quorum not reached")
        NO_MAJORITY = "no_majority", _("rejected: majority not reached")
        SUPERSEDED = "superseded", _("not applied: the guide changed meanwhile")

    community = models.ForeignKey(
        "communities.Community", on_delete=models.CASCADE, related_name="votes"
    )
    subject = models.CharField(max_length=16, choices=Subject.choices)
    opened_at = models.DateTimeField(_("opened at"))
    closes_at = models.DateTimeField(_("closes at"))
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    # Snapshots taken at opening.
    quorum = models.PositiveIntegerField(_("quorum"))
    majority = models.CharField(_("majority"), max_length=8)
    active_members = models.PositiveIntegerField(default=0)
    eligible_voters = models.PositiveIntegerField(default=0)
    # The published tally, filled at the close from the stored ballots.
    votes_for = models.PositiveIntegerField(null=True, blank=True)
    votes_against = models.PositiveIntegerField(null=True, blank=True)
    abstentions = models.PositiveIntegerField(null=True, blank=True)
    outcome = models.CharField(max_length=16, choices=Outcome.choices, blank=True)

    class Meta:
        verbose_name = _("vote")
        verbose_name_plural = _("votes")
        indexes = [
            models.Index(fields=["closed_at", "closes_at"], name="vote_deadline")
        ]

    def __str__(self):
        return f"{self.subject} vote {self.pk}"

    @property
    def is_closed(self) -> bool:
        return self.closed_at is not None

    @property
    def turnout(self) -> int:
        return (
            (self.votes_for or 0) + (self.votes_against or 0) + (self.abstentions or 0)
        )


class Ballot(models.Model):
    """A secret ballot. `voter_key` is an HMAC of (vote, voter) under the
    site's secret key, not the voter: the ballot can be changed by its voter
    until the close, while the table alone does not say who chose what. No
    timestamps and a random key, so that row order does not match the public
    participation list (docs/amendments.md says what this does not protect)."""

    class Choice(models.TextChoices):
        FOR = "for", pgettext_lazy("ballot", "for")
        AGAINST = "against", pgettext_lazy("ballot", "against")
        ABSTAIN = "abstain", pgettext_lazy("ballot", "abstain")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    vote = models.ForeignKey(Vote, on_delete=models.CASCADE, related_name="ballots")
    voter_key = models.CharField(max_length=64)
    choice = models.CharField(max_length=8, choices=Choice.choices)

    class Meta:
        verbose_name = _("ballot")
        verbose_name_plural = _("ballots")
        constraints = [
            models.UniqueConstraint(
                fields=["vote", "voter_key"], name="one_ballot_per_voter"
            )
        ]

    def __str__(self):
        return f"ballot in vote {self.vote_id}"


class Participation(BaseModel):
    """Who voted (public), never how."""

    vote = models.ForeignKey(
        Vote, on_delete=models.CASCADE, related_name="participations"
    )
    voter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        verbose_name = _("participation")
        verbose_name_plural = _("participations")
        constraints = [
            models.UniqueConstraint(
                fields=["vote", "voter"], name="one_participation_per_voter"
            )
        ]


class Amendment(BaseModel):
    """A member's proposal for a new guide text and policy: discussed, then put
    to the vote; adopted, it becomes the next guide version."""

    class Status(models.TextChoices):
        DISCUSSION = "discussion", _("in discussion")
        VOTING = "voting", _("under vote")
        ADOPTED = "adopted", _("adopted")
        REJECTED = "rejected", _("rejected")
        WITHDRAWN = "withdrawn", _("withdrawn")

    community = models.ForeignKey(
        "communities.Community", on_delete=models.CASCADE, related_name="amendments"
    )
    number = models.PositiveIntegerField(_("number"))
    proposer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    summary = models.CharField(_("summary"), max_length=300)
    # The whole proposed guide (guide_text format) and every policy value; the
    # latest revision, copied here for lists.
    text = models.TextField(_("proposed guide"))
    policy = models.JSONField(_("proposed policy"), default=dict)
    # The version the text was written against: the diff is shown against it,
    # and adoption is refused if the guide changed since (no silent revert).
    base_version = models.ForeignKey(
        GuideVersion, on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(
        max_length=16, choices=Status.choices, default=Status.DISCUSSION
    )
    discussion_ends_at = models.DateTimeField(_("discussion ends at"))
    discussion_post = models.ForeignKey(
        "publishing.Post",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    vote = models.OneToOneField(
        Vote, on_delete=models.PROTECT, null=True, blank=True, related_name="amendment"
    )
    adopted_version = models.ForeignKey(
        GuideVersion, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("amendment")
        verbose_name_plural = _("amendments")
        ordering = ["community", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["community", "number"], name="one_amendment_number"
            )
        ]
        indexes = [
            models.Index(
                fields=["status", "discussion_ends_at"], name="amendment_phase"
            )
        ]

    def __str__(self):
        return f"{self.community} #{self.number}"

    def get_absolute_url(self):
        return reverse(
            "governance:amendment",
            kwargs={"slug": self.community.slug, "number": self.number},
        )


class AmendmentRevision(BaseModel):
    """Each state of an amendment's text during the discussion, kept."""

    amendment = models.ForeignKey(
        Amendment, on_delete=models.CASCADE, related_name="revisions"
    )
    number = models.PositiveIntegerField()
    text = models.TextField()
    policy = models.JSONField(default=dict)
    summary = models.CharField(max_length=300)
    base_version = models.ForeignKey(
        GuideVersion, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["amendment", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["amendment", "number"], name="one_amendment_revision_number"
            )
        ]


class Recall(BaseModel):
    """A petition to end a moderator's mandate; at its threshold of signatures,
    a recall vote."""

    class Status(models.TextChoices):
        PETITION = "petition", _("petition")
        VOTING = "voting", _("under vote")
        RECALLED = "recalled", _("moderator recalled")
        # French agrees with "révocation" (feminine), unlike "amendement".
        REJECTED = "rejected", pgettext_lazy("recall", "rejected")
        LAPSED = "lapsed", pgettext_lazy("recall", "lapsed")

    community = models.ForeignKey(
        "communities.Community", on_delete=models.CASCADE, related_name="recalls"
    )
    number = models.PositiveIntegerField(_("number"))
    mandate = models.ForeignKey(
        Mandate, on_delete=models.PROTECT, related_name="recalls"
    )
    initiator = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    reason = models.TextField(_("reason"), max_length=2000)
    status = models.CharField(
        max_length=16, choices=Status.choices, default=Status.PETITION
    )
    vote = models.OneToOneField(
        Vote, on_delete=models.PROTECT, null=True, blank=True, related_name="recall"
    )
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("recall")
        verbose_name_plural = _("recalls")
        ordering = ["community", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["community", "number"], name="one_recall_number"
            ),
            models.UniqueConstraint(
                fields=["mandate"],
                condition=models.Q(status__in=["petition", "voting"]),
                name="one_open_recall_per_mandate",
            ),
        ]

    def __str__(self):
        return f"{self.community} recall #{self.number}"

    def get_absolute_url(self):
        return reverse(
            "governance:recall",
            kwargs={"slug": self.community.slug, "number": self.number},
        )


class RecallSignature(BaseModel):
    recall = models.ForeignKey(
        Recall, on_delete=models.CASCADE, related_name="signatures"
    )
    signer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        verbose_name = _("recall signature")
        verbose_name_plural = _("recall signatures")
        constraints = [
            models.UniqueConstraint(
                fields=["recall", "signer"], name="one_signature_per_member"
            )
        ]
