"""Forms of the public record's pages: the log's filters, an appeal, its review."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from causerie.moderation.models import Appeal, LogAction


class LogFilterForm(forms.Form):
    """Filters of the public log, sent by GET; an invalid value is ignored."""

    action = forms.ChoiceField(label=_("Action"), required=False)
    moderator = forms.ChoiceField(label=_("Moderator"), required=False)
    rule = forms.IntegerField(
        label=_("Rule number"), required=False, min_value=1, max_value=1000
    )
    billet = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)

    def __init__(self, *args, moderator_handles, **kwargs):
        super().__init__(*args, **kwargs)
        everything = ("", pgettext_lazy("log filter", "All"))
        self.fields["action"].choices = [everything, *LogAction.choices]
        self.fields["moderator"].choices = [
            everything,
            *((handle, f"@{handle}") for handle in moderator_handles),
        ]

    def filters(self) -> dict:
        """The valid filters, as keyword arguments of selectors.public_log."""
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        return {
            "action": cleaned.get("action") or "",
            "moderator": cleaned.get("moderator") or "",
            "rule_number": cleaned.get("rule"),
            "post_id": cleaned.get("billet"),
        }


class AppealForm(forms.Form):
    text = forms.CharField(
        label=_("Your appeal"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "Say why the decision should be reconsidered. A moderator other than "
            "the one who decided will read it."
        ),
        error_messages={"required": _("Say in a few words why you appeal.")},
    )


class AppealDecisionForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Outcome"),
        choices=Appeal.Outcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose whether the decision stands.")},
    )
    explanation = forms.CharField(
        label=_("Public explanation"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Shown in the public moderation log and to the member."),
        error_messages={"required": _("Explain the outcome in a few words.")},
    )
