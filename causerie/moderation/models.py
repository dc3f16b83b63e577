"""Flags, flagged items, decisions, sanctions, appeals and the public log."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from causerie.core.models import BaseModel

ONE_TARGET = Q(post__isnull=False, comment__isnull=True) | Q(
    post__isnull=True, comment__isnull=False
)
ONE_CAUSE = Q(rule__isnull=False, reason="") | (Q(rule__isnull=True) & ~Q(reason=""))


class Reason(models.TextChoices):
    """Built-in flag reasons. Keep in step with docs/moderation.md."""

    SPAM = "spam", pgettext_lazy("flag reason", "Spam")
    HARASSMENT = "harassment", pgettext_lazy("flag reason", "Harassment")
    ILLEGAL = "illegal", pgettext_lazy("flag reason", "Illegal content")
    OUT_OF_CONTEXT = (
        "out_of_context",
        pgettext_lazy("flag reason", "Quote taken out of context"),
    )
    UNDECLARED_INTENT = (
        "undeclared_intent",
        pgettext_lazy("flag reason", "Undeclared promotion or sponsorship"),
    )
    OTHER = "other", pgettext_lazy("flag reason", "Something else")


class ItemTarget(models.Model):
    """Exactly one billet or one comment (each concrete model adds the
    ONE_TARGET check constraint)."""

    post = models.ForeignKey(
        "publishing.Post",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    comment = models.ForeignKey(
        "publishing.Comment",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        abstract = True

    @property
    def item(self):
        return self.comment if self.comment_id else self.post


class Flag(ItemTarget, BaseModel):
    """A member signals a billet or comment to the moderators, citing exactly one
    rule of the guide or one built-in reason."""

    class Status(models.TextChoices):
        OPEN = "open", _("open")
        UPHELD = "upheld", _("upheld")
        REJECTED = "rejected", _("rejected")

    community = models.ForeignKey(
        "communities.Community", on_delete=models.CASCADE, related_name="flags"
    )
    flagged_item = models.ForeignKey(
        "moderation.FlaggedItem", on_delete=models.CASCADE, related_name="flags"
    )
    flagger = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="flags"
    )
    rule = models.ForeignKey(
        "governance.GuideRule",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    reason = models.CharField(
        _("reason"), max_length=20, choices=Reason.choices, blank=True
    )
    note = models.TextField(_("note"), max_length=1000, blank=True)
    # With the reason "quote taken out of context": the verified quote meant,
    # so that moderators see it beside its source.
    quote = models.ForeignKey(
        "quotes.Quote",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="flags",
    )
    weight = models.FloatField()
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.OPEN
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision = models.ForeignKey(
        "moderation.ModerationDecision",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="flags",
    )

    class Meta:
        verbose_name = _("flag")
        verbose_name_plural = _("flags")
        constraints = [
            models.CheckConstraint(condition=ONE_TARGET, name="flag_one_target"),
            models.CheckConstraint(condition=ONE_CAUSE, name="flag_one_cause"),
            models.UniqueConstraint(
                fields=["flagger", "post"],
                condition=Q(post__isnull=False),
                name="one_flag_per_member_per_post",
            ),
            models.UniqueConstraint(
                fields=["flagger", "comment"],
                condition=Q(comment__isnull=False),
                name="one_flag_per_member_per_comment",
            ),
        ]
        indexes = [models.Index(fields=["flagger", "status"], name="flag_accuracy")]

    def __str__(self):
        return f"flag {self.pk} by {self.flagger_id}"


class FlaggedItem(ItemTarget, BaseModel):
    """One billet or comment in the review queue, with the weight of its open flags."""

    class Status(models.TextChoices):
        OPEN = "open", _("waiting for review")
        DECIDED = "decided", _("decided")

    community = models.ForeignKey(
        "communities.Community", on_delete=models.CASCADE, related_name="flagged_items"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.OPEN
    )
    open_weight = models.FloatField(default=0)
    open_flag_count = models.PositiveIntegerField(default=0)
    first_flagged_at = models.DateTimeField()
    edited_after_flags_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("flagged item")
        verbose_name_plural = _("flagged items")
        constraints = [
            models.CheckConstraint(
                condition=ONE_TARGET, name="flagged_item_one_target"
            ),
            models.UniqueConstraint(
                fields=["post"],
                condition=Q(post__isnull=False),
                name="one_review_per_post",
            ),
            models.UniqueConstraint(
                fields=["comment"],
                condition=Q(comment__isnull=False),
                name="one_review_per_comment",
            ),
        ]
        indexes = [
            models.Index(
                fields=["community", "status", "-open_weight"],
                name="review_queue_order",
            )
        ]

    def __str__(self):
        return f"review {self.pk}"


class Action(models.TextChoices):
    """What a moderator decides. Keep in step with docs/moderation.md."""

    KEEP = "keep", pgettext_lazy("moderation action", "Keep")
    HIDE = "hide", pgettext_lazy("moderation action", "Hide")
    DELETE = "delete", pgettext_lazy("moderation action", "Delete")
    EDIT = "edit", pgettext_lazy("moderation action", "Edit")
    LOCK = "lock", pgettext_lazy("moderation action", "Lock the thread")
    WARN = "warn", pgettext_lazy("moderation action", "Warn the author")
    SUSPEND = (
        "suspend",
        pgettext_lazy("moderation action", "Suspend from the community"),
    )
    BAN = "ban", pgettext_lazy("moderation action", "Ban from the community")


class ModerationDecision(ItemTarget, BaseModel):
    community = models.ForeignKey(
        "communities.Community", on_delete=models.CASCADE, related_name="decisions"
    )
    flagged_item = models.ForeignKey(
        FlaggedItem,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="decisions",
    )
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="decisions_received",
        verbose_name=_("member concerned"),
    )
    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="decisions_taken",
    )
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    rule = models.ForeignKey(
        "governance.GuideRule",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    reason = models.CharField(
        _("reason"), max_length=20, choices=Reason.choices, blank=True
    )
    explanation = models.TextField(_("public explanation"), max_length=2000, blank=True)
    suspended_until = models.DateTimeField(null=True, blank=True)
    reversed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        constraints = [
            models.CheckConstraint(condition=ONE_CAUSE, name="decision_cites_a_rule"),
        ]

    def __str__(self):
        return f"{self.action} by {self.moderator_id}"


class Sanction(BaseModel):
    """A suspension (until a date) or a ban from one community."""

    class Kind(models.TextChoices):
        SUSPENSION = "suspension", _("suspension")
        BAN = "ban", _("ban")

    community = models.ForeignKey(
        "communities.Community", on_delete=models.CASCADE, related_name="sanctions"
    )
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sanctions"
    )
    decision = models.OneToOneField(
        ModerationDecision, on_delete=models.CASCADE, related_name="sanction"
    )
    kind = models.CharField(max_length=12, choices=Kind.choices)
    until = models.DateTimeField(null=True, blank=True)
    lifted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("sanction")
        verbose_name_plural = _("sanctions")
        indexes = [models.Index(fields=["community", "member"], name="sanction_lookup")]

    def __str__(self):
        return f"{self.kind} of {self.member_id}"


class Appeal(BaseModel):
    """The member concerned contests a decision, once; another moderator decides."""

    class Status(models.TextChoices):
        OPEN = "open", _("waiting for another moderator")
        ESCALATED = "escalated", _("sent to the site administrators")
        DECIDED = "decided", _("decided")

    class Outcome(models.TextChoices):
        UPHELD = "upheld", _("decision upheld")
        REVERSED = "reversed", _("decision reversed")

    decision = models.OneToOneField(
        ModerationDecision, on_delete=models.CASCADE, related_name="appeal"
    )
    appellant = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="appeals"
    )
    text = models.TextField(_("your appeal"), max_length=5000)
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.OPEN
    )
    outcome = models.CharField(max_length=10, choices=Outcome.choices, blank=True)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="appeals_reviewed",
    )
    explanation = models.TextField(_("explanation"), max_length=2000, blank=True)
    escalated_at = models.DateTimeField(null=True, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("appeal")
        verbose_name_plural = _("appeals")

    def __str__(self):
        return f"appeal of decision {self.decision_id}"


class LogAction(models.TextChoices):
    """Entries of the public moderation log."""

    KEEP = "keep", pgettext_lazy("log", "kept")
    HIDE = "hide", pgettext_lazy("log", "hidden")
    DELETE = "delete", pgettext_lazy("log", "deleted")
    EDIT = "edit", pgettext_lazy("log", "edited")
    LOCK = "lock", pgettext_lazy("log", "thread locked")
    WARN = "warn", pgettext_lazy("log", "author warned")
    SUSPEND = "suspend", pgettext_lazy("log", "member suspended")
    BAN = "ban", pgettext_lazy("log", "member banned")
    APPEAL_UPHELD = "appeal_upheld", pgettext_lazy("log", "appeal: decision upheld")
    APPEAL_REVERSED = (
        "appeal_reversed",
        pgettext_lazy("log", "appeal: decision reversed"),
    )
    GUIDE_PUBLISHED = "guide_published", pgettext_lazy("log", "new guide version")
    MODERATOR_ADDED = "moderator_added", pgettext_lazy("log", "moderator added")
    # Member power (amendments, elections, recall): every phase change is logged.
    AMENDMENT_PROPOSED = (
        "amendment_proposed",
        pgettext_lazy("log", "amendment proposed"),
    )
    AMENDMENT_VOTE = "amendment_vote", pgettext_lazy("log", "amendment put to the vote")
    AMENDMENT_ADOPTED = "amendment_adopted", pgettext_lazy("log", "amendment adopted")
    AMENDMENT_REJECTED = (
        "amendment_rejected",
        pgettext_lazy("log", "amendment rejected"),
    )
    AMENDMENT_WITHDRAWN = (
        "amendment_withdrawn",
        pgettext_lazy("log", "amendment withdrawn"),
    )
    ELECTION_CALLED = "election_called", pgettext_lazy("log", "election called")
    ELECTION_VOTING = "election_voting", pgettext_lazy("log", "election: voting open")
    ELECTION_RESULT = "election_result", pgettext_lazy("log", "election result")
    ELECTION_VOID = "election_void", pgettext_lazy("log", "election without candidate")
    MODERATOR_ELECTED = "moderator_elected", pgettext_lazy("log", "moderator elected")
    MANDATE_ENDED = "mandate_ended", pgettext_lazy("log", "term ended")
    RECALL_PETITION = "recall_petition", pgettext_lazy("log", "recall petition opened")
    RECALL_VOTE = "recall_vote", pgettext_lazy("log", "recall put to the vote")
    RECALL_ADOPTED = "recall_adopted", pgettext_lazy("log", "moderator recalled")
    RECALL_REJECTED = "recall_rejected", pgettext_lazy("log", "recall rejected")
    # Hats (docs/transparency.md): who speaks for whom is public.
    HAT_GRANTED = "hat_granted", pgettext_lazy("log", "hat granted")
    HAT_REFUSED = "hat_refused", pgettext_lazy("log", "hat refused")
    HAT_REMOVED = "hat_removed", pgettext_lazy("log", "hat removed")


class ModerationLogEntry(BaseModel):
    """One public line of the moderation log. Flaggers are never recorded here.
    Without a community: a site-wide act (a site-wide hat), in the site's log."""

    community = models.ForeignKey(
        "communities.Community",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="log_entries",
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    action = models.CharField(max_length=20, choices=LogAction.choices)
    decision = models.ForeignKey(
        ModerationDecision,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    appeal = models.ForeignKey(
        Appeal, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    guide_version = models.ForeignKey(
        "governance.GuideVersion",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    post = models.ForeignKey(
        "publishing.Post",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    comment = models.ForeignKey(
        "publishing.Comment",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    hat = models.ForeignKey(
        "hats.Hat",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    target_title = models.CharField(max_length=200, blank=True)
    # Where the entry's subject lives when it is not a billet, comment or member
    # (an amendment, an election, a recall), as a site path.
    target_url = models.CharField(max_length=300, blank=True)
    rule = models.ForeignKey(
        "governance.GuideRule",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    reason = models.CharField(max_length=20, choices=Reason.choices, blank=True)
    explanation = models.TextField(blank=True)

    class Meta:
        verbose_name = _("moderation log entry")
        verbose_name_plural = _("moderation log entries")
        indexes = [models.Index(fields=["community", "-created_at"], name="log_order")]

    def __str__(self):
        return f"{self.action} in {self.community_id}"
