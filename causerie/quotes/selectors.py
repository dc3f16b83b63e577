"""Reads on verified quotes: what a page shows of the quotes in its texts
(one query), the quote a "citer" link or a selection asks for, the passage to
mark on a source page."""

import re
from dataclasses import dataclass, field

from causerie.core.markdown import source_text
from causerie.quotes import markup
from causerie.quotes.exceptions import NothingToQuote, QuoteNotFound
from causerie.quotes.models import Quote

QUOTE_META = "<!--quote-meta:"
MAX_SELECTION = 5000


@dataclass
class PageQuotes:
    """The quotes of the texts of one page, by (citing comment id or None for
    the billet, position), and the quote whose passage the page marks."""

    by_item: dict[tuple[int | None, int], Quote] = field(default_factory=dict)
    passage: Quote | None = None


def page_quotes(*, post, items=(), passage_id=None) -> PageQuotes:
    """One query for the quotes made in the billet and the page's comments,
    and none when no text of the page holds a verified quote; one more when
    the page is asked to mark a passage (`?passage=<quote id>`)."""
    page = PageQuotes()
    texts = [post.body_html, *(item.comment.body_html for item in items)]
    if any(QUOTE_META in text for text in texts):
        quotes = Quote.objects.filter(citing_post=post).select_related(
            "source_author", "source_post__community", "source_comment", "reply__author"
        )
        page.by_item = {
            (quote.citing_comment_id, quote.position): quote for quote in quotes
        }
    if passage_id and str(passage_id).isdigit():
        page.passage = (
            Quote.objects.filter(pk=int(passage_id), source_post=post)
            .exclude(status="deleted")
            .first()
        )
    return page


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
    from causerie.publishing.models import Comment

    quotes = Quote.objects.filter(pk=quote_id).select_related(
        "source_post__community", "source_comment", "source_author"
    )
    if isinstance(item, Comment):
        quotes = quotes.filter(citing_comment=item)
    else:
        quotes = quotes.filter(citing_post=item, citing_comment__isnull=True)
    return quotes.first()


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
    if match is None or not str(revision).isdigit():
        raise NothingToQuote()
    kind, item_id = match.group(1), int(match.group(2))
    found, item = markup.load_revision(kind, item_id, int(revision))
    if found is None:
        raise NothingToQuote()
    item_post_id = item.pk if kind == "p" else item.post_id
    if item_post_id != post.pk:
        raise NothingToQuote()
    body = source_text(found.body)
    paragraph = None
    if str(start).isdigit() and str(end).isdigit():
        paragraph = (int(start), int(end))
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


EMPHASIS = r"[*_`~]*"
BETWEEN_WORDS = r"[*_`~]*[\s>]+[*_`~]*"
MARKS = "*_`~"


def _find_selection(body: str, selection: str, paragraph) -> tuple[int, int] | None:
    """Where the selected (rendered) text is in the Markdown source: inside
    the paragraph when one is given, else anywhere; None when not found."""
    words = selection.strip()[:MAX_SELECTION].split()
    if not words:
        return None
    pattern = re.compile(
        BETWEEN_WORDS.join(
            EMPHASIS.join(re.escape(character) for character in word) for word in words
        )
    )
    low, high = paragraph or (0, len(body))
    match = pattern.search(body, low, high)
    if match is None and paragraph is not None:
        match = pattern.search(body)
    if match is None:
        return None
    start, end = match.start(), match.end()
    # A selection starting or ending inside emphasis takes its marks along,
    # so that the quote renders as the source did.
    while start > 0 and body[start - 1] in MARKS:
        start -= 1
    while end < len(body) and body[end] in MARKS:
        end += 1
    return start, end
