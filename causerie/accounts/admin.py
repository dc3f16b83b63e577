"""Admin for members."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from causerie.accounts.models import Mute, User


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = [
        "handle",
        "display_name",
        "email",
        "is_active",
        "is_staff",
        "date_joined",
    ]
    list_filter = ["is_active", "is_staff", "is_superuser", "language"]
    search_fields = ["handle", "display_name", "email"]
    ordering = ["handle"]
    fieldsets = [
        (None, {"fields": ["handle", "email", "password"]}),
        (_("Profile"), {"fields": ["display_name", "bio", "links", "language"]}),
        (
            _("Permissions"),
            {"fields": ["is_active", "is_staff", "is_superuser", "groups"]},
        ),
        (_("Dates"), {"fields": ["date_joined", "last_login"]}),
    ]
    add_fieldsets = [(None, {"fields": ["handle", "email", "password1", "password2"]})]


@admin.register(Mute)
class MuteAdmin(admin.ModelAdmin):
    list_display = ["member", "muted", "created_at"]
    search_fields = ["member__handle", "muted__handle"]
    list_select_related = ["member", "muted"]
