"""Admin for hats: browse only; hats change through the site's services, so
that every decision is logged."""

from django.contrib import admin

from causerie.hats.models import Hat


@admin.register(Hat)
class HatAdmin(admin.ModelAdmin):
    list_display = ["role", "organisation", "member", "community", "status"]
    list_filter = ["status"]
    list_select_related = ["member", "community"]
    search_fields = ["organisation", "role", "member__handle"]
    raw_id_fields = ["member", "community", "decided_by", "removed_by"]

    def get_exclude(self, request, obj=None):
        # The private note is for the deciders: staff who are not site
        # administrators do not read it here either.
        return [] if request.user.is_superuser else ["note_to_moderators"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
