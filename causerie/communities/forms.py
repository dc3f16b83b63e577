"""Forms for founding and editing communities and their tags."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from causerie.communities.models import SLUG_VALIDATOR


class CommunityForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=80)
    slug = forms.CharField(
        label=_("Address"),
        max_length=50,
        validators=[SLUG_VALIDATOR],
        help_text=_(
            "Used in the community's address: /c/address/. Cannot be changed later."
        ),
    )
    description = forms.CharField(
        label=_("Description"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Markdown. What the community is about and who it is for."),
    )
    language = forms.ChoiceField(label=_("Language"), initial="fr")

    def __init__(self, *args, editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = settings.LANGUAGES
        if editing:
            del self.fields["slug"]

    def clean_slug(self):
        return self.cleaned_data["slug"].lower()


class TagForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=40)
    description = forms.CharField(
        label=_("Short description"), max_length=200, required=False
    )
