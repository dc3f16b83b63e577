"""Forms for billets and comments."""

from django import forms
from django.utils.translation import gettext_lazy as _

from causerie.communities.models import Tag
from causerie.publishing.models import Intent

INTENT_HELP = {
    Intent.INFORMATION: _("Facts, a how-to, news: you inform."),
    Intent.OPINION: _("Your point of view, open to debate."),
    Intent.PROMOTION: _("You present your own product, service, event or work."),
    Intent.SPONSORED: _("Someone paid or gave you something for this post."),
}


class IntentSelect(forms.RadioSelect):
    option_template_name = "publishing/_intent_option.html"

    def create_option(
        self, name, value, label, selected, index, subindex=None, attrs=None
    ):
        option = super().create_option(
            name, value, label, selected, index, subindex, attrs
        )
        option["help"] = INTENT_HELP.get(value, "")
        return option


class PostForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    body = forms.CharField(
        label=_("Text"),
        max_length=50000,
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=_(
            "Markdown: **bold**, *italics*, [link](https://…), lists, > quotes, "
            "`code`. Mention a member with @handle."
        ),
    )
    intent = forms.ChoiceField(
        label=_("Intent"),
        choices=Intent.choices,
        widget=IntentSelect,
        help_text=_("Readers see it as a label on your post."),
        error_messages={
            "required": _("Say why you write this post: choose an intent.")
        },
    )
    sponsor_name = forms.CharField(
        label=_("Sponsor"),
        max_length=120,
        required=False,
        help_text=_("Required for a sponsored post: who paid or gave something."),
    )
    sponsor_url = forms.URLField(
        label=_("Sponsor's link (optional)"),
        max_length=300,
        required=False,
        assume_scheme="https",
    )
    is_question = forms.BooleanField(
        label=_("This post asks a question"),
        required=False,
        help_text=_(
            "You will be able to mark one answer as the accepted one, and to ask "
            "members likely to know."
        ),
    )
    tags = forms.ModelMultipleChoiceField(
        label=_("Tags"),
        queryset=Tag.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, community, member=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tags"].queryset = Tag.objects.filter(community=community).order_by(
            "name"
        )
        if not self.fields["tags"].queryset.exists():
            del self.fields["tags"]
        add_hat_field(self, member=member, community=community)
        from causerie.transparency.forms import limit_intent_choices

        limit_intent_choices(self, community=community)


def add_hat_field(form, *, member, community) -> None:
    """ "Speak as": offered only to members with a hat usable here."""
    from causerie.hats.selectors import wearable_hats

    if member is None:
        return
    hats = wearable_hats(member=member, community=community)
    if not hats.exists():
        return
    form.fields["hat"] = forms.ModelChoiceField(
        label=_("Wear a hat"),
        queryset=hats,
        required=False,
        empty_label=_("No hat: I speak for myself"),
        help_text=_("Readers see the organisation you speak for beside your name."),
    )


class CommentForm(forms.Form):
    body = forms.CharField(
        label=_("Your comment"),
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Markdown is allowed. Mention a member with @handle."),
    )
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, community=None, member=None, **kwargs):
        super().__init__(*args, **kwargs)
        if community is not None:
            add_hat_field(self, member=member, community=community)
