"""Who may do what with verified quotes."""

from causerie.quotes.models import Quote


def can_reply_to_quote(actor, quote: Quote) -> bool:
    """The quoted member only, once."""
    return (
        actor.is_authenticated
        and actor.pk == quote.source_author_id
        and not has_reply(quote)
    )


def has_reply(quote: Quote) -> bool:
    # The reverse one-to-one raises when there is no reply; select_related
    # ("reply") loads it with the quote.
    try:
        return quote.reply is not None
    except Quote.reply.RelatedObjectDoesNotExist:
        return False
