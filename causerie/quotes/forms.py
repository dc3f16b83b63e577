"""The quoted member's reply form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from causerie.quotes.models import REPLY_MAX_LENGTH


class QuoteReplyForm(forms.Form):
    # No max_length here: the service refuses a longer text with its own
    # message, and the form keeps what was typed.
    body = forms.CharField(
        label=_("Your reply"),
        widget=forms.Textarea(attrs={"rows": 6, "maxlength": REPLY_MAX_LENGTH}),
        help_text=_(
            "Shown under the quote wherever it appears, as plain text. Up to "
            "1,000 characters, once: it cannot be changed afterwards."
        ),
        strip=False,
    )
