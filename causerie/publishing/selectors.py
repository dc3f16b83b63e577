"""Reads on billets and comments, each bounded in queries whatever the size."""

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.core.paginator import Page, Paginator
from django.db.models import Count, F, Prefetch, Q, QuerySet
from django.utils import timezone

from causerie.accounts import selectors as account_selectors
from causerie.communities.models import Community, Tag, TagMute
from causerie.publishing.exceptions import CommentNotFound, PostNotFound
from causerie.publishing.models import (
    Bookmark,
    Comment,
    ModerationState,
    Post,
    PostRevision,
)

THREAD_LEVELS = 6  # levels shown on one page before "continuer ce fil"


def comment_page_url(post_url: str, comment) -> str:
    """The page that shows a comment: the billet's (at `post_url`), or the
    thread page of its parent once the billet's page stops showing levels."""
    if comment.depth < THREAD_LEVELS:
        return post_url
    return f"{post_url}commentaires/{comment.parent_id}/"


def comment_location(post_url: str, comment) -> str:
    """Where a comment is seen, at its anchor."""
    return f"{comment_page_url(post_url, comment)}#c{comment.pk}"


# Billets the moderation hid or deleted leave the listings; pending ones stay, marked.
UNLISTED_STATES = (ModerationState.HIDDEN, ModerationState.REMOVED)
# What the author of a moderated item still reads of it (with the reasons).
AUTHOR_READABLE_STATES = (ModerationState.PENDING, ModerationState.HIDDEN)
FEED_ORDERS = {
    "recent": ("-published_at",),
    "active": ("-last_activity_at",),
}
# An unread billet is "nouveau" this long after it is published (after that,
# only new comments on billets the member read make one "nouveau").
NEW_POST_DAYS = 7


def _listed_posts() -> QuerySet[Post]:
    return (
        Post.objects.filter(deleted_at__isnull=True)
        .exclude(moderation_state__in=UNLISTED_STATES)
        # The hat worn shows beside the author's name in every listing.
        .select_related("author", "community", "hat")
        .prefetch_related(Prefetch("tags", queryset=Tag.objects.order_by("name")))
    )


def _without_muted_tags(posts: QuerySet[Post], viewer) -> QuerySet[Post]:
    if viewer is None or not viewer.is_authenticated:
        return posts
    return posts.exclude(
        tags__in=TagMute.objects.filter(member=viewer).values("tag_id")
    )


def _with_muted_tags(posts: QuerySet[Post], viewer) -> QuerySet[Post]:
    return posts.filter(
        tags__in=TagMute.objects.filter(member=viewer).values("tag_id")
    ).distinct()


def community_feed(
    *,
    community: Community,
    viewer=None,
    order: str = "recent",
    page: int | str = 1,
    per_page: int = 20,
    show_muted: bool = False,
    intent: str | None = None,
) -> Page:
    """Billets of one community, pinned first, then newest or most active.
    With a viewer: billets with a tag they muted are left out (unless
    `show_muted`), and each billet carries `is_new` (one more query).
    `intent`: only billets declaring it (transparency.selectors.intent_filter)."""
    ordering = FEED_ORDERS.get(order, FEED_ORDERS["recent"])
    posts = (
        _listed_posts()
        .filter(community=community)
        .order_by(F("pinned_at").desc(nulls_last=True), *ordering, "-pk")
    )
    if intent:
        posts = posts.filter(intent=intent)
    if not show_muted:
        posts = _without_muted_tags(posts, viewer)
    feed = Paginator(posts, per_page).get_page(page)
    feed.object_list = mark_new_posts(posts=feed.object_list, viewer=viewer)
    return feed


def tag_feed(
    *,
    tag: Tag,
    viewer=None,
    page: int | str = 1,
    per_page: int = 20,
    intent: str | None = None,
) -> Page:
    """Visible billets carrying a tag, pinned first, then newest, each with
    `is_new` for the viewer. A muted tag's own page still lists its billets.
    `intent`: only billets declaring it."""
    posts = (
        _listed_posts()
        .filter(tags=tag, moderation_state=ModerationState.VISIBLE)
        .order_by(F("pinned_at").desc(nulls_last=True), "-published_at", "-pk")
    )
    if intent:
        posts = posts.filter(intent=intent)
    feed = Paginator(posts, per_page).get_page(page)
    feed.object_list = mark_new_posts(posts=feed.object_list, viewer=viewer)
    return feed


def recent_posts(
    *,
    viewer=None,
    limit: int = 15,
    show_muted: bool = False,
    intent: str | None = None,
) -> list[Post]:
    """The newest billets of every open community; without those carrying a
    tag the viewer muted, unless `show_muted`. `intent`: only billets
    declaring it."""
    posts = _listed_posts().filter(community__suspended_at__isnull=True)
    if intent:
        posts = posts.filter(intent=intent)
    if not show_muted:
        posts = _without_muted_tags(posts, viewer)
    return list(posts.order_by("-published_at")[:limit])


def muted_post_count(
    *, viewer, community: Community | None = None, since: datetime | None = None
) -> int:
    """How many listed billets carry a tag the viewer muted: in one community,
    or in every open one published since `since` (the home page's span). No
    query for a visitor."""
    if not viewer.is_authenticated:
        return 0
    posts = _with_muted_tags(
        Post.objects.filter(deleted_at__isnull=True).exclude(
            moderation_state__in=UNLISTED_STATES
        ),
        viewer,
    )
    if community is not None:
        posts = posts.filter(community=community)
    else:
        posts = posts.filter(community__suspended_at__isnull=True)
    if since is not None:
        posts = posts.filter(published_at__gte=since)
    return posts.count()


def mark_new_posts(*, posts: Iterable[Post], viewer) -> list[Post]:
    """Set `is_new` on each billet: published since the viewer last opened it
    (within NEW_POST_DAYS when never opened, and not their own), or commented
    on since. One query for the whole list, none for a visitor."""
    posts = list(posts)
    if viewer is None or not viewer.is_authenticated:
        for post in posts:
            post.is_new = False
        return posts
    reads = account_selectors.last_reads(
        viewer=viewer, post_ids=[post.pk for post in posts]
    )
    unread_since = max(
        viewer.date_joined, timezone.now() - timedelta(days=NEW_POST_DAYS)
    )
    for post in posts:
        last_read_at = reads.get(post.pk)
        if last_read_at is None:
            post.is_new = (
                post.author_id != viewer.pk and post.published_at > unread_since
            )
        else:
            post.is_new = post.last_activity_at > last_read_at
    return posts


def recent_comments(*, limit: int = 8) -> list[Comment]:
    return list(
        Comment.objects.filter(
            deleted_at__isnull=True,
            moderation_state=ModerationState.VISIBLE,
            post__deleted_at__isnull=True,
            post__community__suspended_at__isnull=True,
        )
        .exclude(post__moderation_state__in=UNLISTED_STATES)
        .select_related("author", "post__community")
        .order_by("-created_at")[:limit]
    )


def post_for_page(*, community: Community, post_id: int) -> Post:
    post = (
        Post.objects.filter(community=community, pk=post_id)
        .select_related("author", "community", "moderation_rule")
        .prefetch_related(Prefetch("tags", queryset=Tag.objects.order_by("name")))
        .first()
    )
    if post is None:
        raise PostNotFound()
    post.community = community
    return post


def comment_for_page(*, post: Post, comment_id: int) -> Comment:
    comment = (
        Comment.objects.filter(post=post, pk=comment_id)
        .select_related("author", "moderation_rule")
        .first()
    )
    if comment is None:
        raise CommentNotFound()
    comment.post = post
    return comment


def related_posts(*, post: Post, limit: int = 5) -> list[Post]:
    """Billets of the same community sharing the most tags with this one."""
    tag_ids = [tag.pk for tag in post.tags.all()]
    if not tag_ids:
        return []
    return list(
        Post.objects.filter(
            community_id=post.community_id, deleted_at__isnull=True, tags__in=tag_ids
        )
        .exclude(pk=post.pk)
        .exclude(moderation_state__in=UNLISTED_STATES)
        .annotate(shared=Count("tags", filter=Q(tags__in=tag_ids)))
        .select_related("community")
        .order_by("-shared", "-published_at")[:limit]
    )


def member_posts(*, member, limit: int = 10) -> list[Post]:
    return list(_listed_posts().filter(author=member).order_by("-published_at")[:limit])


def _public_posts() -> QuerySet[Post]:
    """What a feed may publish: visible, not deleted, in an open community."""
    return (
        Post.objects.filter(
            deleted_at__isnull=True,
            moderation_state=ModerationState.VISIBLE,
            community__suspended_at__isnull=True,
        )
        .select_related("author", "community")
        .prefetch_related(Prefetch("tags", queryset=Tag.objects.order_by("name")))
    )


def public_posts(
    *,
    community: Community | None = None,
    tag: Tag | None = None,
    author=None,
    limit: int = 30,
    intent: str | None = None,
) -> list[Post]:
    """The newest public billets of a community, a tag or an author (feeds),
    only those declaring `intent` when given."""
    posts = _public_posts()
    if intent:
        posts = posts.filter(intent=intent)
    if community is not None:
        posts = posts.filter(community=community)
    if tag is not None:
        posts = posts.filter(tags=tag)
    if author is not None:
        posts = posts.filter(author=author)
    return list(posts.order_by("-published_at", "-pk")[:limit])


def public_post(*, community: Community, post_id: int) -> Post:
    """A billet a feed may publish, or PostNotFound."""
    post = _public_posts().filter(community=community, pk=post_id).first()
    if post is None:
        raise PostNotFound()
    return post


def public_comments(*, post: Post, limit: int = 30) -> list[Comment]:
    """The newest visible comments of a public billet (its feed)."""
    comments = (
        Comment.objects.filter(
            post=post, deleted_at__isnull=True, moderation_state=ModerationState.VISIBLE
        )
        .select_related("author")
        .order_by("-created_at", "-pk")[:limit]
    )
    result = list(comments)
    for comment in result:
        comment.post = post
    return result


def is_bookmarked(*, viewer, post: Post) -> bool:
    if not viewer.is_authenticated:
        return False
    return Bookmark.objects.filter(member=viewer, post=post).exists()


def member_bookmarks(*, member, page: int | str = 1, per_page: int = 20) -> Page:
    """The member's "à relire" list, newest first, in two queries per page
    (count and rows). The page shows deleted or moderated billets as such:
    their text is not loaded."""
    bookmarks = (
        Bookmark.objects.filter(member=member)
        .select_related("post__community", "post__author")
        .defer("post__body", "post__body_html")
        .order_by("-created_at", "-pk")
    )
    return Paginator(bookmarks, per_page).get_page(page)


def member_comments(*, member, limit: int = 10) -> list[Comment]:
    return list(
        Comment.objects.filter(
            author=member,
            deleted_at__isnull=True,
            moderation_state=ModerationState.VISIBLE,
            post__deleted_at__isnull=True,
        )
        .exclude(post__moderation_state__in=UNLISTED_STATES)
        .select_related("post__community")
        .order_by("-created_at")[:limit]
    )


@dataclass(slots=True)
class ThreadAuthor:
    pk: int
    handle: str
    display_name: str

    @property
    def name(self) -> str:
        return self.display_name or self.handle


@dataclass(slots=True)
class ThreadComment:
    """What a thread shows of a comment; built from one row, not a model instance
    (model instances cost more to build than the whole thread costs to render)."""

    pk: int
    parent_id: int | None
    author_id: int
    depth: int
    body_html: str
    created_at: datetime
    edited_at: datetime | None
    deleted_at: datetime | None
    author: ThreadAuthor
    post: Post
    # What moderation set: the state, and the rule (number, title) or reason cited.
    moderation_state: str = ModerationState.VISIBLE
    rule_number: int | None = None
    rule_title: str | None = None
    moderation_reason: str = ""
    hat_id: int | None = None
    links_own_site: bool = False
    revision_count: int = 1

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None


@dataclass
class ThreadItem:
    """One comment in display order, with what the page needs to nest it."""

    comment: ThreadComment
    level: int
    has_children: bool = False
    closes: range = range(0)
    hidden_replies: int = 0


def comment_thread(
    *,
    post: Post,
    root: Comment | None = None,
    newest_first: bool = False,
    max_levels: int = THREAD_LEVELS,
) -> list[ThreadItem]:
    """The whole thread in one query, flattened depth-first for rendering.

    Comments deeper than `max_levels` below the root are not listed; the last
    listed level carries `hidden_replies` so the page can offer "continuer ce fil".
    """
    rows = (
        Comment.objects.filter(post=post)
        .order_by("created_at", "pk")
        .values_list(
            "pk", "parent_id", "author_id", "depth", "body_html", "created_at",
            "edited_at", "deleted_at", "author__handle", "author__display_name",
            "moderation_state", "moderation_rule__number", "moderation_rule__title",
            "moderation_reason", "hat_id", "links_own_site", "revision_count",
        )
    )  # fmt: skip
    authors: dict[int, ThreadAuthor] = {}
    by_parent: dict[int | None, list[ThreadComment]] = {}
    by_id: dict[int, ThreadComment] = {}
    for row in rows:
        author = authors.get(row[2])
        if author is None:
            author = authors[row[2]] = ThreadAuthor(row[2], row[8], row[9])
        comment = ThreadComment(*row[:8], author, post, *row[10:])
        by_id[comment.pk] = comment
        by_parent.setdefault(comment.parent_id, []).append(comment)
    if newest_first:
        for siblings in by_parent.values():
            siblings.reverse()

    def count(comment_id: int) -> int:
        # Iterative like the walk below; the subtrees counted never overlap.
        total, pending = 0, [comment_id]
        while pending:
            children = by_parent.get(pending.pop(), [])
            total += len(children)
            pending.extend(child.pk for child in children)
        return total

    if root is not None:
        starts = [by_id[root.pk]] if root.pk in by_id else []
    else:
        starts = by_parent.get(None, [])
    items: list[ThreadItem] = []
    # Iterative depth-first walk: threads can be deeper than Python's recursion limit.
    stack = [(comment, 0) for comment in reversed(starts)]
    while stack:
        comment, level = stack.pop()
        children = by_parent.get(comment.pk, [])
        item = ThreadItem(comment=comment, level=level)
        if children and level + 1 < max_levels:
            item.has_children = True
            stack.extend((child, level + 1) for child in reversed(children))
        elif children:
            item.hidden_replies = sum(1 + count(child.pk) for child in children)
        items.append(item)
    # How many nested lists close after each item: the drop in level to the next one.
    for index, item in enumerate(items):
        next_level = items[index + 1].level if index + 1 < len(items) else 0
        if not item.has_children:
            item.closes = range(item.level - next_level)
    return items


def own_flag_causes(*, viewer, post: Post, thread: list[ThreadItem]) -> dict:
    """Why the viewer's own billet or comments on this page wait for review: the
    causes of their open flags, never who flagged. One query, and none unless
    the viewer has such an item here."""
    if not viewer.is_authenticated:
        return {}
    pending = ModerationState.PENDING
    comment_ids = [
        item.comment.pk
        for item in thread
        if item.comment.moderation_state == pending
        and item.comment.author_id == viewer.pk
    ]
    post_ids = (
        [post.pk]
        if post.moderation_state == pending and post.author_id == viewer.pk
        else []
    )
    if not comment_ids and not post_ids:
        return {}
    from causerie.moderation import selectors as moderation_selectors

    return moderation_selectors.open_flag_causes(
        post_ids=post_ids, comment_ids=comment_ids
    )


def comment_ancestors(*, comment: Comment) -> list[Comment]:
    """Parents of a comment, root first (for the "continuer ce fil" page)."""
    comments = {
        c.pk: c
        for c in Comment.objects.filter(post_id=comment.post_id)
        .select_related("author")
        .only(
            "pk",
            "parent_id",
            "author__handle",
            "author__display_name",
            "body_html",
            "deleted_at",
            "created_at",
            "depth",
            "moderation_state",
        )
    }
    chain = []
    parent_id = comment.parent_id
    while parent_id is not None and parent_id in comments:
        chain.append(comments[parent_id])
        parent_id = comments[parent_id].parent_id
    return list(reversed(chain))


def post_revisions(*, post: Post) -> list[dict]:
    """Every revision, newest first, each with a diff against the one before."""
    revisions = list(PostRevision.objects.filter(post=post).select_related("editor"))
    entries = []
    previous = None
    for revision in revisions:
        entries.append(
            {
                "revision": revision,
                "title_changed": previous is not None
                and previous.title != revision.title,
                # The sponsor is part of the intent's label (docs/transparency.md).
                "intent_changed": previous is not None
                and (previous.intent, previous.sponsor_name, previous.sponsor_url)
                != (revision.intent, revision.sponsor_name, revision.sponsor_url),
                "tags_changed": previous is not None
                and previous.tag_names != revision.tag_names,
                "previous": previous,
                "diff": text_diff(previous.body if previous else "", revision.body)
                if previous
                else None,
            }
        )
        previous = revision
    return list(reversed(entries))


def comment_revisions(*, comment: Comment) -> list[dict]:
    revisions = list(comment.revisions.select_related("editor"))
    entries = []
    previous = None
    for revision in revisions:
        entries.append(
            {
                "revision": revision,
                "diff": text_diff(previous.body, revision.body) if previous else None,
            }
        )
        previous = revision
    return list(reversed(entries))


def text_diff(before: str, after: str) -> list[tuple[str, str]]:
    """A line diff as (kind, line) pairs: kind is "same", "added" or "removed"."""
    old_lines, new_lines = before.splitlines(), after.splitlines()
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    lines: list[tuple[str, str]] = []
    for operation, old_start, old_end, new_start, new_end in matcher.get_opcodes():
        if operation == "equal":
            lines.extend(("same", line) for line in old_lines[old_start:old_end])
            continue
        lines.extend(("removed", line) for line in old_lines[old_start:old_end])
        lines.extend(("added", line) for line in new_lines[new_start:new_end])
    return lines


def age_in_years(*, post: Post) -> int:
    return (timezone.now() - post.published_at).days // 365


def is_old(*, post: Post) -> bool:
    return (
        timezone.now() - post.published_at
    ).days >= post.community.policy.old_content_days
