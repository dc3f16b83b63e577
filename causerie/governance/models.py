"""Mandates: who moderates a community, since when, by what right."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

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
