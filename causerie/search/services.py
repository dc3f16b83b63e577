"""Writes on the search index. Every function reads the current state of the
billets, comments and members it is given and rewrites their documents, so
running one late or twice cannot leave an older state in the index."""

from collections.abc import Callable, Iterable

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from causerie.accounts.models import User
from causerie.communities.models import Community
from causerie.publishing.models import Comment, ModerationState, Post
from causerie.search.engines import engine
from causerie.search.models import SearchDocument
from causerie.search.text import clean_text, plain_text

BATCH_SIZE = 500


def index_post(*, post_id: int) -> None:
    """Index one billet (or drop it if it no longer exists), and make its
    comments follow its visibility."""
    index_posts(post_ids=[post_id], with_comments=True)


def index_comment(*, comment_id: int) -> None:
    index_comments(comment_ids=[comment_id])


def index_member(*, member_id: int) -> None:
    index_members(member_ids=[member_id])


def remove_post(*, post_id: int) -> None:
    _remove(SearchDocument.objects.filter(post_id=post_id))


def remove_comment(*, comment_id: int) -> None:
    _remove(SearchDocument.objects.filter(comment_id=comment_id))


def remove_member(*, member_id: int) -> None:
    _remove(SearchDocument.objects.filter(member_id=member_id))


@transaction.atomic
def index_posts(*, post_ids: Iterable[int], with_comments: bool = False) -> int:
    """Rewrite the documents of these billets. The billets are locked while
    their state is read and written, so two tasks indexing the same billet
    write one after the other, each with what was committed before it."""
    post_ids = sorted(set(post_ids))
    posts = list(
        Post.objects.select_for_update(of=("self",))
        .filter(pk__in=post_ids)
        .select_related("community")
        .prefetch_related("tags")
        .order_by("pk")
    )
    _remove(
        SearchDocument.objects.filter(
            post_id__in=set(post_ids) - {post.pk for post in posts}
        )
    )
    documents = _save(
        SearchDocument.Kind.POST,
        "post_id",
        {
            post.pk: {
                "community_id": post.community_id,
                "author_id": post.author_id,
                "language": _language(post.community),
                "published_at": post.published_at,
                "title": clean_text(post.title),
                "body": plain_text(post.body_html),
                "is_public": _post_is_public(post),
                "intent": post.intent,
            }
            for post in posts
        },
    )
    _set_tags(
        documents, {post.pk: [tag.pk for tag in post.tags.all()] for post in posts}
    )
    if with_comments:
        _follow_billets(posts)
    return len(documents)


@transaction.atomic
def index_comments(*, comment_ids: Iterable[int]) -> int:
    comment_ids = sorted(set(comment_ids))
    comments = list(
        Comment.objects.select_for_update(of=("self",))
        .filter(pk__in=comment_ids)
        .select_related("post__community")
        .defer("post__body", "post__body_html")
        .order_by("pk")
    )
    _remove(
        SearchDocument.objects.filter(
            comment_id__in=set(comment_ids) - {comment.pk for comment in comments}
        )
    )
    documents = _save(
        SearchDocument.Kind.COMMENT,
        "comment_id",
        {
            comment.pk: {
                "community_id": comment.post.community_id,
                "author_id": comment.author_id,
                "language": _language(comment.post.community),
                "published_at": comment.created_at,
                "title": "",
                "body": plain_text(comment.body_html),
                "is_public": _comment_is_public(comment),
                "intent": "",
            }
            for comment in comments
        },
    )
    return len(documents)


@transaction.atomic
def index_members(*, member_ids: Iterable[int]) -> int:
    """Member documents are not matched by full text: member results search
    the profiles themselves (see causerie.search.selectors.search_members)."""
    member_ids = sorted(set(member_ids))
    members = list(User.objects.filter(pk__in=member_ids).order_by("pk"))
    _remove(
        SearchDocument.objects.filter(
            member_id__in=set(member_ids) - {member.pk for member in members}
        )
    )
    documents = _save(
        SearchDocument.Kind.MEMBER,
        "member_id",
        {
            member.pk: {
                "community_id": None,
                "author_id": member.pk,
                "language": "fr",
                "published_at": member.date_joined,
                "title": clean_text(f"{member.display_name} @{member.handle}".strip()),
                "body": clean_text(member.bio),
                "is_public": member.is_active,
                "intent": "",
            }
            for member in members
        },
    )
    return len(documents)


def rebuild_index(
    *,
    batch_size: int = BATCH_SIZE,
    only_missing: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Index every billet, comment and member (or only those without a
    document), one transaction per batch. Documents of rows that no longer
    exist go with their rows (cascade). Calls `progress(done, total)` after
    each batch; returns the number of documents written."""
    sources = [
        (Post.objects.all(), index_posts, "post_ids"),
        (Comment.objects.all(), index_comments, "comment_ids"),
        (User.objects.all(), index_members, "member_ids"),
    ]
    if only_missing:
        sources = [
            (rows.filter(search_document__isnull=True), index, keyword)
            for rows, index, keyword in sources
        ]
    total = sum(rows.count() for rows, _, _ in sources)
    done = written = 0
    if progress:
        progress(done, total)
    for rows, index, keyword in sources:
        for ids in _batches(rows, batch_size):
            written += index(**{keyword: ids})
            done += len(ids)
            if progress:
                progress(done, total)
    return written


def index_missing() -> int:
    """Index what has no document yet (after the demo is loaded, or when the
    tasks of a bulk import have not run)."""
    return rebuild_index(only_missing=True)


def _batches(rows: QuerySet, size: int):
    """Primary keys in ascending batches, read one batch at a time."""
    last = 0
    while True:
        ids = list(
            rows.filter(pk__gt=last).order_by("pk").values_list("pk", flat=True)[:size]
        )
        if not ids:
            return
        yield ids
        last = ids[-1]


def _save(kind: str, target: str, fields_by_target: dict) -> list[SearchDocument]:
    """Create or update one document per target, then rewrite their text index."""
    existing = {
        getattr(document, target): document
        for document in SearchDocument.objects.filter(
            **{f"{target}__in": fields_by_target}
        )
    }
    to_create, to_update = [], []
    now = timezone.now()
    for target_id, fields in fields_by_target.items():
        document = existing.get(target_id)
        if document is None:
            to_create.append(SearchDocument(kind=kind, **{target: target_id}, **fields))
            continue
        for name, value in fields.items():
            setattr(document, name, value)
        document.updated_at = now
        to_update.append(document)
    if to_update:
        SearchDocument.objects.bulk_update(
            to_update, [*next(iter(fields_by_target.values())), "updated_at"]
        )
    created = SearchDocument.objects.bulk_create(to_create)
    if any(document.pk is None for document in created):  # backends without RETURNING
        created = list(
            SearchDocument.objects.filter(
                **{f"{target}__in": [getattr(d, target) for d in to_create]}
            )
        )
    documents = to_update + created
    engine().write(documents)
    return documents


def _set_tags(documents: list[SearchDocument], tag_ids: dict[int, list[int]]) -> None:
    through = SearchDocument.tags.through
    through.objects.filter(searchdocument_id__in=[d.pk for d in documents]).delete()
    through.objects.bulk_create(
        through(searchdocument_id=document.pk, tag_id=tag_id)
        for document in documents
        for tag_id in tag_ids.get(document.post_id, [])
    )


def _follow_billets(posts: list[Post]) -> None:
    """A comment is public only while its billet is: two updates, whatever the
    number of comments."""
    hidden = [post.pk for post in posts if not _post_is_public(post)]
    shown = [post.pk for post in posts if _post_is_public(post)]
    comments = SearchDocument.objects.filter(kind=SearchDocument.Kind.COMMENT)
    if hidden:
        comments.filter(comment__post_id__in=hidden, is_public=True).update(
            is_public=False
        )
    if shown:
        comments.filter(
            comment__post_id__in=shown,
            comment__deleted_at__isnull=True,
            comment__moderation_state=ModerationState.VISIBLE,
            is_public=False,
        ).update(is_public=True)


def _remove(documents: QuerySet) -> None:
    ids = list(documents.values_list("pk", flat=True))
    if ids:
        engine().delete(ids)
        SearchDocument.objects.filter(pk__in=ids).delete()


def _language(community: Community) -> str:
    return "en" if community.language == "en" else "fr"


def _post_is_public(post: Post) -> bool:
    """Suspended communities are left out when searching, not here: lifting a
    suspension emits no event."""
    return post.deleted_at is None and post.moderation_state == ModerationState.VISIBLE


def _comment_is_public(comment: Comment) -> bool:
    return (
        comment.deleted_at is None
        and comment.moderation_state == ModerationState.VISIBLE
        and _post_is_public(comment.post)
    )
