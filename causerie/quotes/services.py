"""Writes on verified quotes: the Quote rows of a written text, their status
when the source changes, and the quoted member's reply."""

import re

from django.db import IntegrityError, transaction

from causerie.accounts.models import User
from causerie.core.events import emit
from causerie.core.markdown import source_text
from causerie.core.validation import check_text
from causerie.quotes import markup
from causerie.quotes.events import MemberQuoted, QuoteAnswered
from causerie.quotes.exceptions import (
    EmptyQuoteReply,
    NotTheQuotedMember,
    QuoteAlreadyAnswered,
    QuoteReplyTooLong,
)
from causerie.quotes.models import REPLY_MAX_LENGTH, Quote, QuoteReply, QuoteStatus

CONTEXT_SENTENCES = 2
CONTEXT_MAX_CHARACTERS = 600
SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\n\s*\n")


def record_quotes(*, item) -> None:
    """Called by publishing services inside the write transaction of a billet
    or comment: its verified quote blocks become Quote rows. A row whose
    source, range and text are unchanged is kept (with its reply) across an
    edit; the others are deleted. Emits MemberQuoted for each new row (the
    quoted member is notified, unless they quoted themselves)."""
    from causerie.publishing.models import Comment

    is_comment = isinstance(item, Comment)
    citing = {
        "citing_post_id": item.post_id if is_comment else item.pk,
        "citing_comment_id": item.pk if is_comment else None,
    }
    blocks = markup.verified_blocks(item.body) if markup.has_marker(item.body) else []
    existing = {
        _key(quote): quote
        for quote in Quote.objects.filter(**citing).select_for_update()
    }
    kept: set[int] = set()
    for block in blocks:
        key = (
            block.source_post_id,
            block.source_comment_id,
            block.source_revision,
            block.start,
            block.end,
            block.text,
        )
        quote = existing.get(key)
        if quote is not None and quote.pk not in kept:
            kept.add(quote.pk)
            if quote.position != block.position:
                quote.position = block.position
                quote.save(update_fields=["position", "updated_at"])
            continue
        before, after = _context(block.source_body, block.start, block.end)
        quote = Quote(
            **citing,
            position=block.position,
            source_post_id=block.source_post_id,
            source_comment_id=block.source_comment_id,
            source_author_id=block.source_author_id,
            source_revision=block.source_revision,
            start=block.start,
            end=block.end,
            text=block.text,
            context_before=before,
            context_after=after,
        )
        _set_status(quote, _current_source(quote))
        quote.save()
        kept.add(quote.pk)
        if block.source_author_id != item.author_id:
            emit(MemberQuoted(quote_id=quote.pk))
    Quote.objects.filter(**citing).exclude(pk__in=kept).delete()


def _key(quote: Quote) -> tuple:
    return (
        quote.source_post_id,
        quote.source_comment_id,
        quote.source_revision,
        quote.start,
        quote.end,
        quote.text,
    )


def _context(body: str, start: int, end: int) -> tuple[str, str]:
    """A couple of sentences before and after the range, as source text."""
    before = body[max(0, start - 4 * CONTEXT_MAX_CHARACTERS) : start]
    after = body[end : end + 4 * CONTEXT_MAX_CHARACTERS]
    # Cut before: after the end of the sentence (CONTEXT_SENTENCES + 1) back,
    # since the quote may start inside a sentence.
    cuts = [match.end() for match in SENTENCE_END.finditer(before)]
    if len(cuts) > CONTEXT_SENTENCES:
        before = before[cuts[-(CONTEXT_SENTENCES + 1)] :]
    cuts = [match.start() for match in SENTENCE_END.finditer(after)]
    if len(cuts) > CONTEXT_SENTENCES:
        after = after[: cuts[CONTEXT_SENTENCES]]
    # Kept next to the passage as they are (spaces included), so that
    # before + passage + after reads as the source did.
    return (
        before[-CONTEXT_MAX_CHARACTERS:].lstrip(),
        after[:CONTEXT_MAX_CHARACTERS].rstrip(),
    )


def _current_source(quote: Quote):
    """The source item as it is now, or None when readers cannot see it."""
    from causerie.publishing.models import Comment, ModerationState, Post

    if quote.source_comment_id:
        item = Comment.objects.filter(pk=quote.source_comment_id).first()
    else:
        item = Post.objects.filter(pk=quote.source_post_id).first()
    if (
        item is None
        or item.deleted_at is not None
        or item.moderation_state in (ModerationState.HIDDEN, ModerationState.REMOVED)
    ):
        return None
    return item


def locate(body: str, quote: Quote) -> tuple[int, int] | None:
    """Where the quoted text is in `body` (spaces aside), nearest to where it
    was, or None."""
    body = source_text(body)
    if body[quote.start : quote.end] == quote.text:
        return quote.start, quote.end
    words = markup.squash(quote.text).split(" ")
    pattern = re.compile(r"\s+".join(re.escape(word) for word in words))
    matches = list(pattern.finditer(body))
    if not matches:
        return None
    best = min(matches, key=lambda match: abs(match.start() - quote.start))
    return best.start(), best.end()


def _set_status(quote: Quote, item) -> None:
    if item is None:
        quote.status = QuoteStatus.DELETED
        quote.current_start = quote.current_end = None
        return
    found = locate(item.body, quote)
    if found is None:
        quote.status = QuoteStatus.MODIFIED
        quote.current_start = quote.current_end = None
    else:
        quote.status = QuoteStatus.CURRENT
        quote.current_start, quote.current_end = found


@transaction.atomic
def refresh_quotes_of(*, post_id: int, comment_id: int | None = None) -> int:
    """Re-check the quotes whose source is this billet (comment_id None) or
    comment after it was edited, deleted or moderated: CURRENT while the
    passage is still in the current revision, MODIFIED when not, DELETED
    while the source is deleted, hidden or removed. Returns how many changed."""
    quotes = list(
        Quote.objects.select_for_update().filter(
            source_post_id=post_id, source_comment_id=comment_id
        )
    )
    if not quotes:
        return 0
    item = _current_source(quotes[0])
    changed = 0
    for quote in quotes:
        before = (quote.status, quote.current_start, quote.current_end)
        _set_status(quote, item)
        if (quote.status, quote.current_start, quote.current_end) != before:
            quote.save(
                update_fields=["status", "current_start", "current_end", "updated_at"]
            )
            changed += 1
    return changed


def reply_to_quote(*, actor: User, quote: Quote, body: str) -> QuoteReply:
    """The quoted member's "droit de réponse": once per quote (a second one
    raises QuoteAlreadyAnswered, also when two arrive together), not empty,
    at most REPLY_MAX_LENGTH characters, shown as plain text. Emits
    QuoteAnswered (the quoting author is notified)."""
    if not actor.is_authenticated or actor.pk != quote.source_author_id:
        raise NotTheQuotedMember()
    check_text(body=body)
    body = body.strip()
    if not body:
        raise EmptyQuoteReply(field="body")
    if len(body) > REPLY_MAX_LENGTH:
        raise QuoteReplyTooLong(
            QuoteReplyTooLong.message % {"count": REPLY_MAX_LENGTH}, field="body"
        )
    try:
        with transaction.atomic():
            # The lock makes a concurrent reply wait, then see this one.
            Quote.objects.select_for_update().filter(pk=quote.pk).first()
            if QuoteReply.objects.filter(quote=quote).exists():
                raise QuoteAlreadyAnswered()
            reply = QuoteReply.objects.create(quote=quote, author=actor, body=body)
            emit(QuoteAnswered(reply_id=reply.pk))
    except IntegrityError:  # the one-to-one caught a concurrent reply
        raise QuoteAlreadyAnswered() from None
    return reply
