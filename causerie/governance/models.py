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
