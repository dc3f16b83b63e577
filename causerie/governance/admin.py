"""Admin for mandates: read-only, so that every change goes through a service."""

from django.contrib import admin

from causerie.governance.models import Mandate


@admin.register(Mandate)
class MandateAdmin(admin.ModelAdmin):
    list_display = ["holder", "community", "kind", "started_at", "ends_at", "ended_at"]
    list_filter = ["kind"]
    search_fields = ["holder__handle", "community__name"]
    list_select_related = ["holder", "community"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
