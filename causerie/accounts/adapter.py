"""allauth adapter: new members keep the language they signed up in."""

from allauth.account.adapter import DefaultAccountAdapter
from django.utils import translation


class AccountAdapter(DefaultAccountAdapter):
    def clean_username(self, username, shallow=False):
        # Handles are stored in lowercase: "Camille" (a phone's capital) is fine.
        return super().clean_username(username.lower(), shallow=shallow)

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        user.display_name = form.cleaned_data.get("display_name", "")
        user.language = (translation.get_language() or "fr")[:2]
        if commit:
            user.save()
        return user
