"""Hats ("casquettes"): the organisation or project a member speaks for,
granted by moderators (or site administrators for site-wide hats)."""

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from causerie.core.models import BaseModel


class HatStatus(models.TextChoices):
    REQUESTED = "requested", _("requested")
    GRANTED = "granted", _("granted")
    REFUSED = "refused", _("refused")
    REMOVED = "removed", _("removed")
    WITHDRAWN = "withdrawn", _("withdrawn by the member")


class Hat(BaseModel):
    """One request and, once decided, one hat. Never edited after the
    decision: billets that wore it keep showing it as it was (marked removed
    once removed); a member whose role changes requests a new hat."""

    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="hats"
    )
    # Null: a site-wide hat, decided by site administrators.
    community = models.ForeignKey(
        "communities.Community",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="hats",
    )
    organisation = models.CharField(
        _("organisation or project you speak for"), max_length=120
    )
    role = models.CharField(_("your role"), max_length=120)
    proof_url = models.URLField(_("public link proving it"), max_length=300)
    note_to_moderators = models.TextField(
        _("private note to the moderators"), max_length=1000, blank=True
    )
    status = models.CharField(
        max_length=10, choices=HatStatus.choices, default=HatStatus.REQUESTED
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_reason = models.TextField(max_length=1000, blank=True)
    removed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    removed_at = models.DateTimeField(null=True, blank=True)
    removal_reason = models.TextField(max_length=1000, blank=True)

    class Meta:
        verbose_name = _("hat")
        verbose_name_plural = _("hats")
        indexes = [models.Index(fields=["community", "status"], name="hat_queue")]
        # One open request or granted hat per member, organisation (whatever its
        # case) and scope; the service says so first, these hold under races.
        constraints = [
            models.UniqueConstraint(
                "member",
                "community",
                Lower("organisation"),
                condition=models.Q(
                    community__isnull=False, status__in=["requested", "granted"]
                ),
                name="one_open_hat_per_organisation",
            ),
            models.UniqueConstraint(
                "member",
                Lower("organisation"),
                condition=models.Q(
                    community__isnull=True, status__in=["requested", "granted"]
                ),
                name="one_open_site_hat_per_organisation",
            ),
        ]

    def __str__(self):
        return self.label

    @property
    def label(self) -> str:
        """What readers see beside the name: "Role · Organisation"."""
        return f"{self.role} · {self.organisation}"

    @property
    def is_worn_now(self) -> bool:
        return self.status == HatStatus.GRANTED

    @property
    def is_site_wide(self) -> bool:
        return self.community_id is None

    @property
    def is_open(self) -> bool:
        return self.status == HatStatus.REQUESTED
