"""The quoted member's reply page ("droit de réponse"): a thin view over
quotes.services.reply_to_quote. Quotes themselves show on billet and comment
pages (quotes.rendering)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from causerie.core.exceptions import DomainError
from causerie.core.forms import attach_refusal
from causerie.core.views import handles_domain_errors
from causerie.quotes import permissions, rendering, selectors, services
from causerie.quotes.exceptions import NotTheQuotedMember, QuoteAlreadyAnswered
from causerie.quotes.forms import QuoteReplyForm


@login_required
@handles_domain_errors
def quote_reply(request, quote_id):
    quote = selectors.quote_for_page(quote_id=quote_id)
    if request.user.pk != quote.source_author_id:
        raise NotTheQuotedMember()
    citing_url = rendering.citing_location(quote)
    if permissions.has_reply(quote):
        raise QuoteAlreadyAnswered()
    form = QuoteReplyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.reply_to_quote(
                actor=request.user, quote=quote, body=form.cleaned_data["body"]
            )
        except DomainError as error:
            attach_refusal(form, error)
        else:
            messages.success(request, _("Your reply is shown under the quote."))
            return redirect(citing_url)
    return render(
        request,
        "quotes/quote_reply.html",
        {
            "quote": quote,
            "form": form,
            "citing_url": citing_url,
            "passage_url": quote.get_passage_url(),
            "history_url": quote.get_history_url(),
        },
        status=400 if request.method == "POST" else 200,
    )
