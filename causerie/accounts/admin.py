"""Admin for members. Trust levels are read-only here: level 4 is granted or
removed with the actions, through accounts.services.grant_trust_level."""

from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from causerie.accounts import permissions, services
from causerie.accounts.models import Mute, User
from causerie.core.exceptions import DomainError


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = [
        "handle",
        "display_name",
        "email",
        "trust_level",
        "trust_level_granted",
        "is_active",
        "is_staff",
        "date_joined",
    ]
    list_filter = [
        "trust_level",
        "trust_level_granted",
        "is_active",
        "is_staff",
        "is_superuser",
        "language",
    ]
    search_fields = ["handle", "display_name", "email"]
    ordering = ["handle"]
    readonly_fields = ["trust_level", "trust_level_granted"]
    fieldsets = [
        (None, {"fields": ["handle", "email", "password"]}),
        (_("Profile"), {"fields": ["display_name", "bio", "links", "language"]}),
        (_("Trust"), {"fields": ["trust_level", "trust_level_granted"]}),
        (
            _("Permissions"),
            {"fields": ["is_active", "is_staff", "is_superuser", "groups"]},
        ),
        (_("Dates"), {"fields": ["date_joined", "last_login"]}),
    ]
    add_fieldsets = [(None, {"fields": ["handle", "email", "password1", "password2"]})]
    actions = ["grant_referent", "remove_referent"]

    @admin.action(
        description=_("Grant level 4 (référent)"), permissions=["grant_trust_level"]
    )
    def grant_referent(self, request, members):
        self._grant(request, members, granted=True)

    @admin.action(
        description=_("Remove level 4 (référent)"), permissions=["grant_trust_level"]
    )
    def remove_referent(self, request, members):
        self._grant(request, members, granted=False)

    def has_grant_trust_level_permission(self, request) -> bool:
        return permissions.can_grant_trust_level(request.user)

    def _grant(self, request, members, *, granted: bool) -> None:
        done = 0
        for member in members:
            try:
                services.grant_trust_level(
                    actor=request.user, member=member, granted=granted
                )
            except DomainError as error:
                self.message_user(request, str(error.message), messages.ERROR)
                return
            self.log_change(
                request,
                member,
                [{"changed": {"fields": ["trust_level", "trust_level_granted"]}}],
            )
            done += 1
        self.message_user(
            request,
            ngettext(
                "Trust level updated for %(count)s member.",
                "Trust level updated for %(count)s members.",
                done,
            )
            % {"count": done},
            messages.SUCCESS,
        )


@admin.register(Mute)
class MuteAdmin(admin.ModelAdmin):
    list_display = ["member", "muted", "created_at"]
    search_fields = ["member__handle", "muted__handle"]
    list_select_related = ["member", "muted"]
