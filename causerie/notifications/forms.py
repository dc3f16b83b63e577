"""The notification settings form: for each kind, in-app or not, and how to
email it."""

from dataclasses import dataclass

from django import forms
from django.utils.translation import gettext_lazy as _

from causerie.notifications.models import ALWAYS_IN_APP, EmailMode, Notification

# Shown under each kind on the settings page (docs/notifications.md lists the
# same kinds).
KIND_HELP = {
    Notification.Kind.REPLY: _("Someone answers your post or your comment."),
    Notification.Kind.MENTION: _(
        "Someone writes your @handle in a community you belong to."
    ),
    Notification.Kind.WARNING: _("The moderators send you a warning."),
    Notification.Kind.DECISION: _("The moderators decide about your post or comment."),
    Notification.Kind.APPEAL_DECIDED: _(
        "An appeal you filed, or one against your decision, is decided."
    ),
    Notification.Kind.APPEAL_TO_REVIEW: _(
        "As a moderator: an appeal waits for someone other than its moderator."
    ),
    Notification.Kind.FOLLOWED_POST: _(
        "A new comment on a post you follow (yours, those you commented on, "
        "those you chose to follow)."
    ),
    Notification.Kind.FOLLOWED_TAG: _("A new post with a tag you follow."),
    Notification.Kind.RECOGNISED: _(
        "Members found your post or comment useful. Recognitions of the same "
        "item are gathered in one notification until you read it."
    ),
    Notification.Kind.VOTE_OPENED: _(
        "A vote on an amendment or a recall, or a moderator election, opens in "
        "one of your communities."
    ),
    Notification.Kind.VOTE_CLOSED: _(
        "A vote or an election closes in one of your communities: its result is "
        "published."
    ),
    Notification.Kind.CALLED_TO_ANSWER: _(
        "A member asks you to answer their question because you may know the "
        "answer. Turn it off both in your notifications and by email, and nobody "
        "can ask you any more."
    ),
    Notification.Kind.QUOTED: _(
        "A member quoted a passage of your post or comment with its source: "
        "you may reply under the quote."
    ),
    Notification.Kind.QUOTE_REPLY: _("The member you quoted replied under your quote."),
    Notification.Kind.HAT_REQUESTED: _(
        "A member asks for a hat in a community you moderate (or, for site "
        "administrators, a site-wide hat)."
    ),
    Notification.Kind.HAT_DECIDED: _(
        "Your hat request was granted or refused, or your hat removed."
    ),
}


@dataclass
class PreferenceRow:
    kind: str
    label: str
    help_text: str
    in_app: forms.BoundField
    email: forms.BoundField
    is_always_in_app: bool


class PreferencesForm(forms.Form):
    def __init__(self, *args, preferences: dict, **kwargs):
        super().__init__(*args, **kwargs)
        for kind in Notification.Kind.values:
            always = kind in ALWAYS_IN_APP
            self.fields[f"in_app_{kind}"] = forms.BooleanField(
                label=_("Show in my notifications"),
                required=False,
                initial=preferences[kind].in_app or always,
                disabled=always,
            )
            self.fields[f"email_{kind}"] = forms.ChoiceField(
                label=_("Email"),
                choices=EmailMode.choices,
                initial=preferences[kind].email,
                widget=forms.RadioSelect,
            )

    def rows(self) -> list[PreferenceRow]:
        return [
            PreferenceRow(
                kind=kind,
                label=Notification.Kind(kind).label,
                help_text=KIND_HELP[kind],
                in_app=self[f"in_app_{kind}"],
                email=self[f"email_{kind}"],
                is_always_in_app=kind in ALWAYS_IN_APP,
            )
            for kind in Notification.Kind.values
        ]

    def preferences(self) -> dict[str, tuple[bool, str]]:
        return {
            kind: (
                self.cleaned_data[f"in_app_{kind}"],
                self.cleaned_data[f"email_{kind}"],
            )
            for kind in Notification.Kind.values
        }
