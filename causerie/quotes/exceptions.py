"""Errors of the quotes app."""

from django.utils.translation import gettext_lazy as _

from causerie.core.exceptions import Conflict, InvalidRequest, NotAllowed, NotFound


class QuoteNotFound(NotFound):
    code = "quote_not_found"
    message = _("This quote does not exist.")


class NotTheQuotedMember(NotAllowed):
    code = "not_the_quoted_member"
    message = _("Only the quoted member may reply to this quote.")


class QuoteAlreadyAnswered(Conflict):
    code = "quote_already_answered"
    message = _("You already replied to this quote: a reply is given once.")


class EmptyQuoteReply(InvalidRequest):
    code = "quote_reply_empty"
    message = _("Write your reply.")


class QuoteReplyTooLong(InvalidRequest):
    code = "quote_reply_too_long"
    message = _("A reply to a quote is at most %(count)s characters long.")


class NothingToQuote(InvalidRequest):
    code = "nothing_to_quote"
    message = _(
        "This passage cannot be quoted: it is not, or no longer, in the text "
        "it comes from."
    )
