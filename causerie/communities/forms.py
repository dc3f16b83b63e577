"""Forms for founding and editing communities and their tags."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from causerie.communities.models import SLUG_VALIDATOR
from causerie.governance.forms import GUIDE_TEXT_HELP, GUIDE_TEXT_MAX_LENGTH
from causerie.governance.guide_text import default_guide_text


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
    guide = forms.CharField(
        label=_("Participation guide"),
        max_length=GUIDE_TEXT_MAX_LENGTH,
        required=False,
        initial=default_guide_text,
        widget=forms.Textarea(attrs={"rows": 18}),
        help_text=GUIDE_TEXT_HELP,
    )

    def __init__(self, *args, editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = settings.LANGUAGES
        if editing:
            # The guide changes through a new version, on the guide's own page.
            del self.fields["slug"]
            del self.fields["guide"]

    def clean_slug(self):
        return self.cleaned_data["slug"].lower()

    def clean_guide(self):
        # A client that sends no guide at all gets the template (found_community's
        # default); a guide sent empty is refused by the service, next to the field.
        if "guide" not in self.data:
            return None
        return self.cleaned_data["guide"]


class TagForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=40)
    description = forms.CharField(
        label=_("Short description"), max_length=200, required=False
    )
