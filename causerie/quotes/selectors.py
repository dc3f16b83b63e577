"""Reads on verified quotes: what a page shows of the quotes in its texts
(one query), the quote a "citer" link or a selection asks for, the passage to
mark on a source page."""

import re
from dataclasses import dataclass, field

from django.db.models import QuerySet

from causerie.core.markdown import source_text
from causerie.core.validation import parse_id
from causerie.quotes import markup
from causerie.quotes.exceptions import NothingToQuote, QuoteNotFound
from causerie.quotes.models import Quote

QUOTE_META = "<!--quote-meta:"
MAX_SELECTION = 5000


PAGE_QUOTE_FIELDS = (
    "citing_post_id",
    "citing_comment_id",
    "position",
    "source_author_id",
    "source_revision",
    "start",
    "end",
    "text",
    "context_before",
    "context_after",
    "status",
    "current_start",
    "current_end",
    "source_post__community__slug",
    "source_comment__depth",
    "source_comment__parent_id",
    "reply__body",
    "reply__author__handle",
)


@dataclass
class PageQuotes:
    """The quotes of the texts of one page, by (citing comment id or None for
    the billet, position), and the quote whose passage the page marks."""

    by_item: dict[tuple[int | None, int], Quote] = field(default_factory=dict)
    passage: Quote | None = None


def page_quotes(
    *, post, items=(), passage_id=None, others=(), with_post: bool = True
) -> PageQuotes:
    """One query for the quotes made in the billet and the page's comments
    (thread `items`, and `others` shown outside it), none when no text of
    the page holds a verified quote; one more when the page is asked to mark
    a passage (`?passage=<quote id>`)."""
    page = PageQuotes()
    texts = [
        *([post.body_html] if with_post else []),
        *(item.comment.body_html for item in items),
        *(comment.body_html for comment in others),
    ]
    if any(QUOTE_META in text for text in texts):
        quotes = (
            Quote.objects.filter(citing_post=post)
            .select_related("source_post__community", "source_comment", "reply__author")
            # Only what quotes.rendering shows: a source billet's text and its
            # community's policy would be read and decoded once per quote.
            .only(*PAGE_QUOTE_FIELDS)
        )
        page.by_item = {
            (quote.citing_comment_id, quote.position): quote for quote in quotes
        }
    passage_id = parse_id(passage_id)
    if passage_id is not None:
        page.passage = (
            Quote.objects.filter(pk=passage_id, source_post=post)
            .exclude(status="deleted")
            .first()
        )
    return page


def quotes_in(item) -> QuerySet[Quote]:
    """The quotes made in a billet's own text or in a comment."""
    from causerie.publishing.models import Comment

    if isinstance(item, Comment):
        return Quote.objects.filter(citing_post_id=item.post_id, citing_comment=item)
    return Quote.objects.filter(citing_post=item, citing_comment__isnull=True)


def known_quote_keys(*, item) -> frozenset:
    """The markup.source_key of the quotes a billet's own text or a comment
    holds now (one query; none for an item not saved yet)."""
    if item.pk is None:
        return frozenset()
    quotes = quotes_in(item).only(
        "source_comment_id", "source_post_id", "source_revision", "start", "end"
    )
    return frozenset(markup.source_key(quote) for quote in quotes)


def quotes_of_items(*, items) -> dict[tuple[int, int | None], list[Quote]]:
    """The quotes made in each of these billets' own texts and comments, by
    (billet id, comment id or None): one query, none when no text holds a
    verified quote."""
    from django.db.models import Q

    from causerie.publishing.models import Comment

    comment_ids, post_ids = [], []
    for item in items:
        if QUOTE_META in item.body_html:
            (comment_ids if isinstance(item, Comment) else post_ids).append(item.pk)
    found: dict[tuple[int, int | None], list[Quote]] = {}
    if not comment_ids and not post_ids:
        return found
    condition = Q(citing_comment_id__in=comment_ids) | Q(
        citing_post_id__in=post_ids, citing_comment__isnull=True
    )
    for quote in Quote.objects.filter(condition).select_related(
        "source_post__community", "source_comment", "reply__author"
    ):
        found.setdefault((quote.citing_post_id, quote.citing_comment_id), []).append(
            quote
        )
    return found


def quote_for_page(*, quote_id: int) -> Quote:
    quote = (
        Quote.objects.filter(pk=quote_id)
        .select_related(
            "citing_post__community",
            "citing_comment",
            "source_post__community",
            "source_comment",
            "source_author",
            "reply__author",
        )
        .first()
    )
    if quote is None:
        raise QuoteNotFound()
    return quote


def quote_in_item(*, item, quote_id: int) -> Quote | None:
    """A quote made in this billet (its own text) or comment, with its
    source, for the flag "quoted out of context"."""
    return (
        quotes_in(item)
        .filter(pk=quote_id)
        .select_related("source_post__community", "source_comment", "source_author")
        .first()
    )


@dataclass
class Citation:
    """What "citer" puts in the reply form: the quote block and the comment
    replied to (None when quoting the billet)."""

    block: str
    parent: object | None


SOURCE = re.compile(r"([pc])(\d{1,12})")


def citation(*, post, source: str, revision, start, end, selection: str = ""):
    """The quote block for a paragraph (`start`-`end` in revision `revision`)
    or, when `selection` (text selected by the reader) is found in that
    paragraph, spaces and emphasis marks aside, for just the selection.
    Raises NothingToQuote when the source is not on this billet or not
    readable, or the range is not in that revision."""
    match = SOURCE.fullmatch(source or "")
    revision = parse_id(revision)
    if match is None or revision is None:
        raise NothingToQuote()
    kind, item_id = match.group(1), int(match.group(2))
    found, item = markup.load_revision(kind, item_id, revision)
    if found is None:
        raise NothingToQuote()
    item_post_id = item.pk if kind == "p" else item.post_id
    if item_post_id != post.pk:
        raise NothingToQuote()
    body = source_text(found.body)
    paragraph = None
    start, end = parse_id(start), parse_id(end)
    if start is not None and end is not None:
        paragraph = (start, end)
        if not 0 <= paragraph[0] < paragraph[1] <= len(body):
            paragraph = None
    selected = _find_selection(body, selection, paragraph) if selection else None
    span = selected or paragraph
    if span is None or span[1] - span[0] > markup.MAX_QUOTE_LENGTH:
        raise NothingToQuote()
    if not body[span[0] : span[1]].strip():
        raise NothingToQuote()
    block = markup.quote_block(
        comment_id=item.pk if kind == "c" else None,
        post_id=item_post_id,
        revision=found.number,
        start=span[0],
        end=span[1],
        text=body[span[0] : span[1]],
    )
    return Citation(block=block, parent=item if kind == "c" else None)


MARKS = "*_`~"


def _find_selection(body: str, selection: str, paragraph) -> tuple[int, int] | None:
    """Where the selected (rendered) text is in the Markdown source: inside
    the paragraph when one is given, else anywhere; None when not found."""
    # Emphasis marks are left out on both sides and ">" (a quote's line
    # prefix) counts as a space: the rendered selection has neither.
    selection = selection[:MAX_SELECTION]
    options = {"drop": MARKS, "spaces": ">"}
    found = None
    if paragraph is not None:
        found = markup.find_squashed(
            body, selection, near=paragraph[0], within=paragraph, **options
        )
    if found is None:
        found = markup.find_squashed(body, selection, **options)
    if found is None:
        return None
    start, end = found
    # A selection starting or ending inside emphasis takes its marks along,
    # so that the quote renders as the source did.
    while start > 0 and body[start - 1] in MARKS:
        start -= 1
    while end < len(body) and body[end] in MARKS:
        end += 1
    return start, end
