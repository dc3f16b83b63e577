"""Admin for mandates, amendments and recalls: read-only, so that every change
goes through a service (and its log entry). Ballots are not listed: the
admin is no way around their secrecy."""

from django.contrib import admin

from causerie.governance.models import Amendment, Mandate, Recall


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Mandate)
class MandateAdmin(ReadOnlyAdmin):
    list_display = ["holder", "community", "kind", "started_at", "ends_at", "ended_at"]
    list_filter = ["kind"]
    search_fields = ["holder__handle", "community__name"]
    list_select_related = ["holder", "community"]


@admin.register(Amendment)
class AmendmentAdmin(ReadOnlyAdmin):
    list_display = ["number", "community", "summary", "proposer", "status"]
    list_filter = ["status"]
    search_fields = ["summary", "community__name", "proposer__handle"]
    list_select_related = ["community", "proposer"]


@admin.register(Recall)
class RecallAdmin(ReadOnlyAdmin):
    list_display = ["number", "community", "mandate", "initiator", "status"]
    list_filter = ["status"]
    list_select_related = ["community", "mandate__holder", "initiator"]
