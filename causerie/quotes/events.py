"""Events of the quotes app."""

from causerie.core.events import event


@event
class MemberQuoted:
    """A new verified quote of someone's words was published."""

    quote_id: int


@event
class QuoteAnswered:
    """The quoted member replied to the quote."""

    reply_id: int
