"""Members (custom user model) and the mutes they set."""

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from causerie.accounts.validators import HANDLE_VALIDATORS
from causerie.core.models import BaseModel


class UserManager(BaseUserManager):
    use_in_migrations = True

    def create_user(self, handle, email=None, password=None, **fields):
        email = self.normalize_email(email) or None
        user = self.model(handle=handle.lower(), email=email, **fields)
        user.set_password(password)  # None gives an unusable password
        user.save(using=self._db)
        return user

    def create_superuser(self, handle, email=None, password=None, **fields):
        fields.setdefault("is_staff", True)
        fields.setdefault("is_superuser", True)
        return self.create_user(handle, email, password, **fields)


class User(AbstractBaseUser, PermissionsMixin):
    """A member. Imported members may have neither email nor usable password:
    they cannot log in until they claim the account."""

    handle = models.CharField(
        _("handle"),
        max_length=30,
        unique=True,
        validators=HANDLE_VALIDATORS,
        help_text=_("Used for @mentions and your profile address."),
    )
    email = models.EmailField(_("email address"), blank=True, null=True, unique=True)
    display_name = models.CharField(_("display name"), max_length=80, blank=True)
    bio = models.TextField(_("short bio"), max_length=500, blank=True)
    links = models.JSONField(_("links"), default=list, blank=True)
    # "Mes sites": domains the member declares as their own; links to them
    # count as self-promotion (docs/transparency.md).
    own_sites = models.JSONField(_("my sites"), default=list, blank=True)
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default="fr"
    )
    trust_level = models.PositiveSmallIntegerField(_("trust level"), default=0)
    # Level 4 ("référent") is granted by site administrators, never computed.
    trust_level_granted = models.BooleanField(_("trust level granted"), default=False)
    is_staff = models.BooleanField(_("staff status"), default=False)
    is_active = models.BooleanField(_("active"), default=True)
    date_joined = models.DateTimeField(_("member since"), default=timezone.now)
    # Handle, name and bio lowercased without accents: member search matches
    # "amelie" with "Amélie" on both databases. Kept by save(); bulk writers
    # fill it with folded_profile().
    search_folded = models.TextField(editable=False, blank=True, default="")

    objects = UserManager()

    USERNAME_FIELD = "handle"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["email"]

    class Meta:
        verbose_name = _("member")
        verbose_name_plural = _("members")

    def __str__(self):
        return f"@{self.handle}"

    def save(self, *args, **kwargs):
        self.search_folded = folded_profile(
            handle=self.handle, display_name=self.display_name, bio=self.bio
        )
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "search_folded"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("accounts:profile", kwargs={"handle": self.handle})

    @property
    def name(self) -> str:
        return self.display_name or self.handle

    @property
    def can_log_in(self) -> bool:
        return bool(self.email) and self.has_usable_password()


class Mute(BaseModel):
    """A member hides another member's billets and comments from their own view."""

    member = models.ForeignKey(User, on_delete=models.CASCADE, related_name="mutes")
    muted = models.ForeignKey(User, on_delete=models.CASCADE, related_name="muted_by")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["member", "muted"], name="one_mute_per_pair"
            ),
            models.CheckConstraint(
                condition=~models.Q(member=models.F("muted")), name="no_self_mute"
            ),
        ]

    def __str__(self):
        return f"{self.member} mutes {self.muted}"


class VisitDay(models.Model):
    """A day on which a signed-in member visited (for trust levels)."""

    member = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="visit_days"
    )
    day = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["member", "day"], name="one_visit_per_day")
        ]

    def __str__(self):
        return f"{self.member_id} {self.day}"


class PostRead(models.Model):
    """A billet a signed-in member opened (for trust levels; never shown as a
    count). `read_at` is the first read, `last_read_at` the latest: what came
    after it is "nouveau" for the member."""

    member = models.ForeignKey(User, on_delete=models.CASCADE, related_name="reads")
    post = models.ForeignKey(
        "publishing.Post", on_delete=models.CASCADE, related_name="+"
    )
    read_at = models.DateTimeField(auto_now_add=True)
    last_read_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["member", "post"], name="one_read_per_post")
        ]

    def __str__(self):
        return f"{self.member_id} read {self.post_id}"


def folded_profile(*, handle: str, display_name: str, bio: str) -> str:
    from causerie.search.text import fold

    return fold(f"{handle}\n{display_name}\n{bio}")
