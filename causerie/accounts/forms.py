"""Sign-up and profile forms."""

from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.core.validators import URLValidator
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from causerie.accounts.services import MAX_PROFILE_LINKS
from causerie.transparency.services import MAX_OWN_SITES


class SignupForm(AllauthSignupForm):
    display_name = forms.CharField(
        label=_("Display name"),
        max_length=80,
        required=False,
        help_text=_("Shown beside what you write; your @handle stays the same."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("Handle")
        self.fields["username"].help_text = _(
            "Lowercase letters, digits and _; others mention you with @handle."
        )
        self.fields["username"].widget.attrs["placeholder"] = _(
            "for example: camille_d"
        )
        self.fields["username"].widget.attrs["autocapitalize"] = "none"


class ProfileForm(forms.Form):
    display_name = forms.CharField(
        label=_("Display name"), max_length=80, required=False
    )
    bio = forms.CharField(
        label=_("Short bio"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    links = forms.CharField(
        label=_("Links"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        # format_lazy: translated when shown, in the reader's language.
        help_text=format_lazy(
            _("One address per line (at most {count})."), count=MAX_PROFILE_LINKS
        ),
    )

    def clean_links(self):
        lines = [line.strip() for line in self.cleaned_data["links"].splitlines()]
        links = [line for line in lines if line]
        if len(links) > MAX_PROFILE_LINKS:
            raise forms.ValidationError(
                _("A profile may list at most %(count)s links."),
                params={"count": MAX_PROFILE_LINKS},
            )
        validate = URLValidator(schemes=["http", "https"])
        for link in links:
            try:
                validate(link)
            except forms.ValidationError:
                raise forms.ValidationError(
                    _(
                        "“%(link)s” is not a web address starting with http:// or https://."
                    ),
                    params={"link": link[:200]},
                ) from None
        return links

    own_sites = forms.CharField(
        label=_("My sites"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=format_lazy(
            _(
                "Sites that are yours (a blog, a shop, your employer's site), one "
                "per line, at most {count}: exemple.fr or "
                "https://www.exemple.fr/page. Posts and comments linking to them "
                "are marked “self-promotion”."
            ),
            count=MAX_OWN_SITES,
        ),
    )

    def clean_own_sites(self):
        """The rule is transparency.services.normalise_own_sites."""
        from causerie.core.exceptions import DomainError
        from causerie.transparency.services import normalise_own_sites

        lines = self.cleaned_data["own_sites"].splitlines()
        try:
            return normalise_own_sites(lines)
        except DomainError as error:
            raise forms.ValidationError(str(error.message)) from None


class LanguageForm(forms.Form):
    language = forms.ChoiceField(label=_("Language"))
    next = forms.CharField(required=False)

    def __init__(self, *args, **kwargs):
        from django.conf import settings

        super().__init__(*args, **kwargs)
        self.fields["language"].choices = settings.LANGUAGES
