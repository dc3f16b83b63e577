"""Verified quote blocks in member-written Markdown.

"citer" inserts a marker line then the quoted text as a blockquote:

    [citation:c123/r2/45-120]
    > the quoted text

(`p77` for a billet: item, revision number, character range in that
revision's text as core.markdown.source_text counts it). When the text is
written, a block whose source is readable by anyone and whose revision holds
exactly that text (spaces aside) is rendered as a verified quote; any other
block stays a plain quote, its marker dropped. See docs/quotes.md.
"""

import re
from dataclasses import dataclass
from html import escape

from causerie.core.markdown import QUOTE_MARKER, render_markdown, source_text

# More blocks than this in one text are left plain: verifying costs a query each.
MAX_QUOTES_PER_ITEM = 20
MAX_QUOTE_LENGTH = 5000
SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class VerifiedBlock:
    """A quote block found true to its source, in the order of the text."""

    position: int
    source_post_id: int
    source_comment_id: int | None
    source_author_id: int
    source_revision: int
    start: int
    end: int
    text: str
    source_body: str


def squash(text: str) -> str:
    """Spaces and line ends do not count when a quote is compared to its source."""
    return SPACES.sub(" ", text).strip()


def squash_with_offsets(
    text: str, *, drop: str = "", spaces: str = ""
) -> tuple[str, list[int]]:
    """`text` with each run of whitespace (and of `spaces` characters) as one
    space and the `drop` characters left out, with the offset in `text` of
    each character kept. Searching the squashed text with `str.find` and
    mapping back is linear; a regular expression allowing spaces or marks
    between words backtracks on hostile input."""
    kept: list[str] = []
    offsets: list[int] = []
    in_space = False
    for offset, character in enumerate(text):
        if character in drop:
            continue
        if character.isspace() or character in spaces:
            if in_space:
                continue
            in_space = True
            character = " "
        else:
            in_space = False
        kept.append(character)
        offsets.append(offset)
    return "".join(kept), offsets


def find_squashed(
    text: str,
    needle: str,
    *,
    drop: str = "",
    spaces: str = "",
    near: int = 0,
    within: tuple[int, int] | None = None,
) -> tuple[int, int] | None:
    """Where `needle` lies in `text` when both are squashed alike (see
    squash_with_offsets): the occurrence nearest to offset `near`, inside
    `within` (offsets in `text`) when given; None when absent."""
    from bisect import bisect_left

    squashed, offsets = squash_with_offsets(text, drop=drop, spaces=spaces)
    needle = squash_with_offsets(needle, drop=drop, spaces=spaces)[0].strip()
    if not needle:
        return None
    low, high = 0, len(squashed)
    if within is not None:
        low, high = bisect_left(offsets, within[0]), bisect_left(offsets, within[1])
    pivot = min(max(bisect_left(offsets, near), low), high)
    after = squashed.find(needle, pivot, high)
    before = squashed.rfind(needle, low, min(high, pivot + len(needle) - 1))
    found = [index for index in (after, before) if index >= 0]
    if not found:
        return None
    index = min(found, key=lambda index: abs(offsets[index] - near))
    return offsets[index], offsets[index + len(needle) - 1] + 1


def marker(
    *, comment_id: int | None, post_id: int, revision: int, start: int, end: int
):
    source = f"c{comment_id}" if comment_id else f"p{post_id}"
    return f"[citation:{source}/r{revision}/{start}-{end}]"


def quote_block(
    *, comment_id: int | None, post_id: int, revision: int, start: int, end: int, text
) -> str:
    """The Markdown "citer" puts in the editor for `text` (the exact slice)."""
    lines = "\n".join(f"> {line}".rstrip() for line in text.split("\n"))
    head = marker(
        comment_id=comment_id, post_id=post_id, revision=revision, start=start, end=end
    )
    return f"{head}\n{lines}\n"


def load_revision(kind: str, item_id: int, number: int, *, readable_only=True):
    """The source revision of a marker with its item, or (None, None) when
    there is none or, with `readable_only`, when the item is not readable by
    everyone (deleted, moderated, or a comment of such a billet)."""
    from causerie.publishing.models import (
        CommentRevision,
        ModerationState,
        PostRevision,
    )

    visible = ModerationState.VISIBLE
    if kind == "p":
        revisions = PostRevision.objects.filter(post_id=item_id, number=number)
        if readable_only:
            revisions = revisions.filter(
                post__deleted_at__isnull=True, post__moderation_state=visible
            )
        revision = revisions.select_related("post__author", "post__community").first()
        return revision, revision and revision.post
    revisions = CommentRevision.objects.filter(comment_id=item_id, number=number)
    if readable_only:
        revisions = revisions.filter(
            comment__deleted_at__isnull=True,
            comment__moderation_state=visible,
            comment__post__deleted_at__isnull=True,
            comment__post__moderation_state=visible,
        )
    revision = revisions.select_related(
        "comment__author", "comment__post__community"
    ).first()
    return revision, revision and revision.comment


def source_key(quote) -> tuple:
    """What identifies the source of a Quote row or a VerifiedBlock (same
    attribute names): its marker's values, as _check reads them."""
    item = (
        ("c", quote.source_comment_id)
        if quote.source_comment_id
        else ("p", quote.source_post_id)
    )
    return item, quote.source_revision, quote.start, quote.end


def _check(
    match: re.Match, quoted: str, position: int, known: frozenset
) -> tuple | None:
    """`known`: the source_key of the quotes the text held before this edit.
    Those stay verified when their source became unreadable since (their
    status says so); a new block needs a source readable by everyone."""
    kind, item_id, number, start, end = match.groups()
    item_id, number, start, end = int(item_id), int(number), int(start), int(end)
    if not 0 <= start < end or end - start > MAX_QUOTE_LENGTH:
        return None
    is_known = ((kind, item_id), number, start, end) in known
    revision, item = load_revision(kind, item_id, number, readable_only=not is_known)
    if revision is None:
        return None
    body = source_text(revision.body)
    if end > len(body) or squash(body[start:end]) != squash(quoted):
        return None
    if not squash(quoted):
        return None
    return VerifiedBlock(
        position=position,
        source_post_id=item.pk if kind == "p" else item.post_id,
        source_comment_id=None if kind == "p" else item.pk,
        source_author_id=item.author_id,
        source_revision=number,
        start=start,
        end=end,
        text=body[start:end],
        source_body=body,
    ), item


def _verified_html(block: VerifiedBlock, item) -> str:
    quoted = render_markdown(block.text, ranges=False)
    handle = escape(item.author.handle)
    if block.source_comment_id:
        source_url = f"{item.post.get_absolute_url()}commentaires/{item.pk}/"
    else:
        source_url = item.get_absolute_url()
    return (
        f'<blockquote class="verified-quote" data-quote-position="{block.position}">'
        f'<div class="quote-text">{quoted}</div>'
        f'<p class="quote-source">— <a href="/@{handle}/">@{handle}</a>, '
        f'<a href="{escape(source_url)}">source</a></p>'
        f"<!--quote-meta:{block.position}--></blockquote>\n"
    )


def _scan(
    text: str,
    *,
    mention_handles=None,
    collect: list | None = None,
    known: frozenset = frozenset(),
) -> str:
    checked = 0

    def callback(match, quoted, position):
        nonlocal checked
        checked += 1
        if checked > MAX_QUOTES_PER_ITEM:
            return None
        found = _check(match, quoted, position, known)
        if found is None:
            return None
        block, item = found
        if collect is not None:
            collect.append(block)
        return _verified_html(block, item)

    return render_markdown(
        text, mention_handles=mention_handles, quote_block=callback, ranges=True
    )


def render(
    text: str,
    *,
    mention_handles: set[str] | None = None,
    known: frozenset = frozenset(),
) -> str:
    """Member-written Markdown to sanitised HTML, verified quotes included;
    `known`: see _check."""
    return _scan(text, mention_handles=mention_handles, known=known)


def verified_blocks(text: str, *, known: frozenset = frozenset()) -> list:
    """The quote blocks of a text that are true to their source, in order."""
    blocks: list[VerifiedBlock] = []
    _scan(text, collect=blocks, known=known)
    return blocks


def has_marker(text: str) -> bool:
    return QUOTE_MARKER.search(text) is not None
