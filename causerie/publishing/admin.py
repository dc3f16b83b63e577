"""Admin for billets and comments: browse and search; changes go through the site."""

from django.contrib import admin

from causerie.publishing.models import Comment, CommentRevision, Post, PostRevision


class ReadOnlyAdmin(admin.ModelAdmin):
    """Edits must leave a public revision, which only the services record."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class PostRevisionInline(admin.TabularInline):
    model = PostRevision
    fields = ["number", "editor", "title", "intent", "created_at"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Post)
class PostAdmin(ReadOnlyAdmin):
    list_display = [
        "title",
        "community",
        "author",
        "intent",
        "published_at",
        "comment_count",
        "pinned_at",
        "deleted_at",
    ]
    list_filter = ["intent", "community", ("deleted_at", admin.EmptyFieldListFilter)]
    search_fields = ["title", "body", "author__handle"]
    list_select_related = ["community", "author"]
    date_hierarchy = "published_at"
    inlines = [PostRevisionInline]


@admin.register(Comment)
class CommentAdmin(ReadOnlyAdmin):
    list_display = [
        "__str__",
        "post",
        "author",
        "depth",
        "created_at",
        "edited_at",
        "deleted_at",
    ]
    list_filter = [("deleted_at", admin.EmptyFieldListFilter)]
    search_fields = ["body", "author__handle", "post__title"]
    list_select_related = ["post", "author"]
    raw_id_fields = ["post", "parent", "author"]


@admin.register(CommentRevision)
class CommentRevisionAdmin(ReadOnlyAdmin):
    list_display = ["comment", "number", "editor", "created_at"]
    list_select_related = ["editor"]
    raw_id_fields = ["comment", "editor"]
