"""Writes on verified quotes: the Quote rows of a written text, their status
when the source changes, and the quoted member's reply."""

import re

from django.db import IntegrityError, transaction

from causerie.accounts.models import User
from causerie.communities.exceptions import CommunitySuspended
from causerie.core.events import emit
from causerie.core.markdown import QUOTE_MARKER, source_text
from causerie.core.validation import check_text
from causerie.quotes import markup
from causerie.quotes.events import MemberQuoted, QuoteAnswered
from causerie.quotes.exceptions import (
    EmptyQuoteReply,
    NotTheQuotedMember,
    QuoteAlreadyAnswered,
    QuoteNotFound,
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
    from causerie.quotes.selectors import quotes_in

    is_comment = isinstance(item, Comment)
    citing = {
        "citing_post_id": item.post_id if is_comment else item.pk,
        "citing_comment_id": item.pk if is_comment else None,
    }
    existing = {_key(quote): quote for quote in quotes_in(item).select_for_update()}
    # A quote kept across an edit stays verified even when its source was
    # deleted or hidden since: its status says so, and its reply stays.
    known = frozenset(markup.source_key(quote) for quote in existing.values())
    blocks = (
        markup.verified_blocks(item.body, known=known)
        if markup.has_marker(item.body)
        else []
    )
    kept: set[int] = set()
    for block in blocks:
        quote = existing.get(_key(block))
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
        _set_status(quote, *_current_source(quote))
        quote.save()
        kept.add(quote.pk)
        if block.source_author_id != item.author_id:
            emit(MemberQuoted(quote_id=quote.pk))
    quotes_in(item).exclude(pk__in=kept).delete()


def _key(quote) -> tuple:
    """A Quote row and the VerifiedBlock it came from share their source and
    their words."""
    return markup.source_key(quote), quote.text


def _context(body: str, start: int, end: int) -> tuple[str, str]:
    """A couple of sentences before and after the range, as source text."""
    # Other quotes' marker lines are not part of what the author said.
    before = QUOTE_MARKER.sub(
        "", body[max(0, start - 4 * CONTEXT_MAX_CHARACTERS) : start]
    )
    after = body[end : end + 4 * CONTEXT_MAX_CHARACTERS]
    # Cut before: after the end of the sentence (CONTEXT_SENTENCES + 1) back,
    # since the quote may start inside a sentence.
    cuts = [match.end() for match in SENTENCE_END.finditer(before)]
    if len(cuts) > CONTEXT_SENTENCES:
        before = before[cuts[-(CONTEXT_SENTENCES + 1)] :]
    # Searched from the quote's last character, so that a quote ending its
    # sentence counts that end (a look-behind cannot see before the slice).
    tail = body[max(0, end - 1) : end + 4 * CONTEXT_MAX_CHARACTERS]
    shift = 1 if end > 0 else 0
    cuts = [
        match.start() - shift
        for match in SENTENCE_END.finditer(tail)
        if match.start() - shift >= 0
    ]
    if len(cuts) > CONTEXT_SENTENCES:
        after = after[: cuts[CONTEXT_SENTENCES]]
    after = QUOTE_MARKER.sub("", after)
    # Kept next to the passage as they are (spaces included), so that
    # before + passage + after reads as the source did.
    return (
        before[-CONTEXT_MAX_CHARACTERS:].lstrip(),
        after[:CONTEXT_MAX_CHARACTERS].rstrip(),
    )


def _unreadable_status(item, post) -> str | None:
    """DELETED when the author deleted the item or its billet, HIDDEN when
    moderation hid, removed or is reviewing either; None when readers see
    it."""
    from causerie.publishing.models import ModerationState

    if item is None or post is None or item.deleted_at or post.deleted_at:
        return QuoteStatus.DELETED
    visible = ModerationState.VISIBLE
    if item.moderation_state != visible or post.moderation_state != visible:
        return QuoteStatus.HIDDEN
    return None


def _current_source(quote: Quote) -> tuple:
    """The source item as it is now and its billet (two queries at most)."""
    from causerie.publishing.models import Comment, Post

    post = Post.objects.filter(pk=quote.source_post_id).first()
    if not quote.source_comment_id:
        return post, post
    return Comment.objects.filter(pk=quote.source_comment_id).first(), post


def locate(body: str, quote: Quote) -> tuple[int, int] | None:
    """Where the quoted text is in `body` (spaces aside), nearest to where it
    was, or None."""
    body = source_text(body)
    if body[quote.start : quote.end] == quote.text:
        return quote.start, quote.end
    return markup.find_squashed(body, quote.text, near=quote.start)


def _set_status(quote: Quote, item, post) -> None:
    unreadable = _unreadable_status(item, post)
    found = None if unreadable else locate(item.body, quote)
    quote.status = unreadable or (
        QuoteStatus.CURRENT if found else QuoteStatus.MODIFIED
    )
    quote.current_start, quote.current_end = found or (None, None)


@transaction.atomic
def refresh_quotes_of(*, post_id: int, comment_id: int | None = None) -> int:
    """Re-check the quotes whose source is this comment, or with `comment_id`
    None this billet and all its comments (what readers see of a comment
    follows its billet), after an edit, a deletion, a flag or a decision:
    CURRENT while the passage is still in the current revision, MODIFIED
    when not, DELETED or HIDDEN while readers cannot see the source.
    Returns how many changed. Three queries whatever the number of quotes,
    plus one per quote that changed."""
    from causerie.publishing.models import Comment, Post

    quotes = Quote.objects.select_for_update().filter(source_post_id=post_id)
    if comment_id is not None:
        quotes = quotes.filter(source_comment_id=comment_id)
    quotes = list(quotes)
    if not quotes:
        return 0
    post = Post.objects.filter(pk=post_id).first()
    comments = Comment.objects.in_bulk(
        {quote.source_comment_id for quote in quotes if quote.source_comment_id}
    )
    changed = 0
    for quote in quotes:
        item = (
            comments.get(quote.source_comment_id) if quote.source_comment_id else post
        )
        before = (quote.status, quote.current_start, quote.current_end)
        _set_status(quote, item, post)
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
    QuoteAnswered (the quoting author is notified).

    Raises NotTheQuotedMember; QuoteNotFound when the quoting text is no
    longer shown (deleted, moderated); CommunitySuspended when its community
    is read-only; MemberSanctioned when the member is suspended or banned
    there (they cannot speak there in any other way either)."""
    from causerie.moderation import selectors as moderation_selectors
    from causerie.publishing.exceptions import MemberSanctioned
    from causerie.publishing.models import ModerationState

    if not actor.is_authenticated or actor.pk != quote.source_author_id:
        raise NotTheQuotedMember()
    citing = quote.citing_comment or quote.citing_post
    community = quote.citing_post.community
    if (
        citing.deleted_at
        or quote.citing_post.deleted_at
        or citing.moderation_state != ModerationState.VISIBLE
    ):
        raise QuoteNotFound()
    if community.is_suspended:
        raise CommunitySuspended()
    if moderation_selectors.active_sanction(member=actor, community=community):
        raise MemberSanctioned()
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
