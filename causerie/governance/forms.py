"""Forms of the participation guide: an amendment, a ballot, a recall petition,
accepting a version, joining with the guide, comparing two versions."""

from django import forms
from django.utils.translation import gettext_lazy as _

from causerie.communities.policy import POLICY_FIELDS
from causerie.governance.models import Ballot

GUIDE_TEXT_MAX_LENGTH = 100_000

# Mirrors causerie/governance/guide_text.py: keep both in step.
GUIDE_TEXT_HELP = _(
    "Markdown. First an introduction, then one rule per section: a line "
    "“## Title of the rule” followed by its explanation. Rules are numbered in "
    "this order; members cite them when they flag something."
)


class AmendmentForm(forms.Form):
    """A proposed guide: the whole text, every policy value, and what changes
    (the same text format as the founding guide)."""

    text = forms.CharField(
        label=_("Proposed participation guide"),
        max_length=GUIDE_TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 24}),
        help_text=GUIDE_TEXT_HELP,
    )
    summary = forms.CharField(
        label=_("What changes"),
        max_length=300,
        help_text=_(
            "One or two sentences: the title of the amendment, shown in the list, "
            "in the public moderation log and, if adopted, in the guide's history."
        ),
        error_messages={"required": _("Say in a few words what changes.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for key, field in POLICY_FIELDS.items():
            if field.choices:
                # An empty value may be a choice ("no intent forbidden").
                self.fields[key] = forms.ChoiceField(
                    label=field.label,
                    choices=field.choices,
                    required=all(value != "" for value, _label in field.choices),
                )
            else:
                self.fields[key] = forms.IntegerField(
                    label=field.label, min_value=field.low, max_value=field.high
                )
        # Text first, then the policy, then the summary next to the button.
        self.order_fields(["text", *POLICY_FIELDS, "summary"])

    def policy_fields(self):
        return [self[key] for key in POLICY_FIELDS]

    def policy(self) -> dict:
        return {key: self.cleaned_data[key] for key in POLICY_FIELDS}


class BallotForm(forms.Form):
    choice = forms.ChoiceField(
        label=_("Your vote"),
        choices=Ballot.Choice.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose for, against or abstain.")},
    )


class RecallForm(forms.Form):
    reason = forms.CharField(
        label=_("Why should this moderator be recalled?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Public: shown on the petition and in the moderation log. Cite facts "
            "and, where you can, links to the decisions concerned."
        ),
        error_messages={"required": _("Say why this moderator should be recalled.")},
    )


class GuideAcceptanceForm(forms.Form):
    """The number of the version the member read, so that a version published
    meanwhile is not accepted unread."""

    version = forms.IntegerField(min_value=1, widget=forms.HiddenInput)


class JoinForm(GuideAcceptanceForm):
    accept = forms.BooleanField(
        label=_("I have read the guide and I accept it"),
        error_messages={
            "required": _(
                "Tick the box to say that you have read the guide and accept it."
            )
        },
    )


class CompareForm(forms.Form):
    """Two version numbers, sent by GET (?de=1&a=2) so that a diff has an address."""

    de = forms.TypedChoiceField(
        label=_("From version"),
        coerce=int,
        error_messages={
            "required": _("Choose a version."),
            "invalid_choice": _("There is no version “%(value)s” of this guide."),
        },
    )
    a = forms.TypedChoiceField(
        label=_("To version"),
        coerce=int,
        error_messages={
            "required": _("Choose a version."),
            "invalid_choice": _("There is no version “%(value)s” of this guide."),
        },
    )

    def __init__(self, *args, latest: int, **kwargs):
        super().__init__(*args, **kwargs)
        # Version numbers are consecutive from 1 (GuideVersion numbering).
        choices = [(number, str(number)) for number in range(latest, 0, -1)]
        self.fields["de"].choices = choices
        self.fields["a"].choices = choices
