"""Admin for polls: browse only; polls change through the site's services."""

from django.contrib import admin

from causerie.polls.models import Poll, PollOption


class PollOptionInline(admin.TabularInline):
    model = PollOption
    fields = ["position", "label", "vote_count"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Poll)
class PollAdmin(admin.ModelAdmin):
    list_display = ["question", "post", "kind", "voter_count", "closes_at", "closed_at"]
    list_select_related = ["post"]
    search_fields = ["question"]
    raw_id_fields = ["post", "created_by", "closed_by"]
    inlines = [PollOptionInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
