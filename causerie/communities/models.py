"""Communities, their members and their curated tags."""

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from causerie.communities.policy import CommunityPolicy
from causerie.core.models import BaseModel

SLUG_VALIDATOR = RegexValidator(
    r"^[a-z0-9]+(?:-[a-z0-9]+)*$",
    _("Use lowercase letters without accents, digits and hyphens."),
    code="invalid_slug",
)


class Community(BaseModel):
    name = models.CharField(_("name"), max_length=80)
    slug = models.CharField(
        _("address"), max_length=50, unique=True, validators=[SLUG_VALIDATOR]
    )
    description = models.TextField(_("description"), max_length=5000, blank=True)
    description_html = models.TextField(blank=True, editable=False)
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default="fr"
    )
    founder = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="founded_communities",
    )
    member_count = models.PositiveIntegerField(default=0)
    post_count = models.PositiveIntegerField(default=0)
    last_activity_at = models.DateTimeField(null=True, blank=True)
    # Copied from the current guide version when it is published, so that
    # pages read the policy without loading the guide.
    guide_version_number = models.PositiveIntegerField(default=0)
    policy_values = models.JSONField(default=dict, blank=True, editable=False)
    suspended_at = models.DateTimeField(_("suspended at"), null=True, blank=True)
    suspension_notice = models.TextField(_("suspension notice"), blank=True)

    class Meta:
        verbose_name = _("community")
        verbose_name_plural = _("communities")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("communities:detail", kwargs={"slug": self.slug})

    @property
    def is_suspended(self) -> bool:
        return self.suspended_at is not None

    @property
    def policy(self) -> CommunityPolicy:
        return CommunityPolicy.from_json(self.policy_values)


class Membership(BaseModel):
    community = models.ForeignKey(
        Community, on_delete=models.CASCADE, related_name="memberships"
    )
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    accepted_guide_version = models.PositiveIntegerField(
        _("guide version accepted"), default=0
    )

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["community", "member"], name="one_membership_per_member"
            )
        ]

    def __str__(self):
        return f"{self.member} in {self.community}"


class Tag(BaseModel):
    community = models.ForeignKey(
        Community, on_delete=models.CASCADE, related_name="tags"
    )
    name = models.CharField(_("name"), max_length=40)
    slug = models.CharField(max_length=50)
    description = models.CharField(_("short description"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("tag")
        verbose_name_plural = _("tags")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["community", "slug"], name="one_tag_slug")
        ]

    def __str__(self):
        return self.name


class TagFollow(BaseModel):
    """A member follows a tag: its new billets concern them (notifications)."""

    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="tag_follows"
    )
    tag = models.ForeignKey(Tag, on_delete=models.CASCADE, related_name="follows")

    class Meta:
        verbose_name = _("followed tag")
        verbose_name_plural = _("followed tags")
        constraints = [
            models.UniqueConstraint(fields=["member", "tag"], name="one_follow_per_tag")
        ]

    def __str__(self):
        return f"{self.member_id} follows {self.tag_id}"


class TagMute(BaseModel):
    """A member mutes a tag: its billets leave the listings they read."""

    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="tag_mutes"
    )
    tag = models.ForeignKey(Tag, on_delete=models.CASCADE, related_name="mutes")

    class Meta:
        verbose_name = _("muted tag")
        verbose_name_plural = _("muted tags")
        constraints = [
            models.UniqueConstraint(fields=["member", "tag"], name="one_mute_per_tag")
        ]

    def __str__(self):
        return f"{self.member_id} mutes {self.tag_id}"
