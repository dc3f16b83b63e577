"""The search form: the words, what to search, filters and order (a GET form)."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from causerie.publishing.models import Intent
from causerie.search.selectors import Filters, Kind, Order


class SearchInput(forms.TextInput):
    input_type = "search"


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Words to find"), required=False, widget=SearchInput)
    type = forms.ChoiceField(
        label=_("Look in"),
        required=False,
        choices=[
            (Kind.ALL, _("Everything")),
            (Kind.POSTS, _("Posts")),
            (Kind.COMMENTS, _("Comments")),
            (Kind.MEMBERS, _("Members")),
        ],
    )
    tri = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[
            (Order.RELEVANCE, _("Relevance")),
            (Order.NEWEST, pgettext_lazy("search order", "Newest")),
        ],
    )
    communaute = forms.ChoiceField(label=_("Community"), required=False)
    etiquette = forms.CharField(label=_("Tag"), required=False, max_length=50)
    auteur = forms.CharField(
        label=_("Author"),
        required=False,
        max_length=40,
        widget=forms.TextInput(attrs={"placeholder": _("@handle")}),
    )
    intention = forms.ChoiceField(
        label=_("Intent"),
        required=False,
        choices=[("", _("Any intent")), *Intent.choices],
    )
    du = forms.DateField(
        label=_("From"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    au = forms.DateField(
        label=_("To"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, *args, communities=None, community=None, tags=(), **kwargs):
        """Site-wide, `communities` are offered; inside `community`, its tags."""
        super().__init__(*args, **kwargs)
        # Queries are cut and cleaned, never refused (no "null character" error).
        self.fields["q"].validators = []
        self.community = community
        if community is not None:
            del self.fields["communaute"]
            self.fields["etiquette"] = forms.ChoiceField(
                label=_("Tag"),
                required=False,
                choices=[("", _("Any tag")), *((tag.slug, tag.name) for tag in tags)],
            )
            self.communities = {}
        else:
            self.communities = {item.slug: item for item in communities or []}
            self.fields["communaute"].choices = [
                ("", _("All communities")),
                *((item.slug, item.name) for item in self.communities.values()),
            ]

    @property
    def shows_filters(self) -> bool:
        """Filters open when one is set or wrong."""
        if not self.is_bound:
            return False
        filter_names = [name for name in self.fields if name != "q"]
        return any(self.data.get(name) for name in filter_names) or any(
            name in self.errors for name in filter_names
        )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("du"), cleaned.get("au")
        if start and end and start > end:
            self.add_error("au", _("The end date is before the start date."))
        return cleaned

    def filters(self) -> Filters:
        data = self.cleaned_data
        return Filters(
            community=self.community or self.communities.get(data.get("communaute")),
            tag=data.get("etiquette") or "",
            author=data.get("auteur") or "",
            intent=data.get("intention") or "",
            date_from=data.get("du"),
            date_to=data.get("au"),
        )
