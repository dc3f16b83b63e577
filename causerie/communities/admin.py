"""Admin for communities, with suspension actions that go through the services."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from causerie.communities import permissions, services
from causerie.communities.models import Community, Membership, Tag


@admin.register(Community)
class CommunityAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "slug",
        "language",
        "member_count",
        "post_count",
        "suspended_at",
    ]
    list_filter = ["language", ("suspended_at", admin.EmptyFieldListFilter)]
    search_fields = ["name", "slug", "description"]
    readonly_fields = ["founder", "member_count", "post_count", "suspended_at"]
    actions = ["suspend", "lift_suspension"]

    def has_suspend_permission(self, request):
        # Staff who are not superusers would get NotAllowed (a 500) from the service.
        return permissions.can_suspend_community(request.user)

    @admin.action(
        description=_("Suspend the selected communities (read-only)"),
        permissions=["suspend"],
    )
    def suspend(self, request, queryset):
        for community in queryset:
            services.suspend_community(
                actor=request.user,
                community=community,
                notice=community.suspension_notice
                or _("This community is suspended by the site administrators."),
            )
        messages.success(request, _("Communities suspended."))

    @admin.action(
        description=_("Lift the suspension of the selected communities"),
        permissions=["suspend"],
    )
    def lift_suspension(self, request, queryset):
        for community in queryset:
            services.lift_suspension(actor=request.user, community=community)
        messages.success(request, _("Suspensions lifted."))


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["member", "community", "created_at"]
    search_fields = ["member__handle", "community__name"]
    list_select_related = ["member", "community"]


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ["name", "community", "description"]
    search_fields = ["name", "community__name"]
    list_select_related = ["community"]
