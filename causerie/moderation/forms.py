"""Forms of the flag and decision pages. They only shape the input: the
services check every rule (window, limits, the current guide, the duration)."""

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from causerie.moderation.models import Action, Reason

NOTE_MAX = 1000  # issue 4: "optional note up to 1,000 characters"


def rule_label(rule) -> str:
    return gettext("Rule %(number)s — %(title)s") % {
        "number": rule.number,
        "title": rule.title,
    }


def cause_choices(rules) -> list[tuple[str, str]]:
    """Each rule of the current guide, then the built-in reasons, as radio
    values "rule:<id>" and "reason:<value>"."""
    return [(f"rule:{rule.pk}", rule_label(rule)) for rule in rules] + [
        (f"reason:{value}", label) for value, label in Reason.choices
    ]


def cause_value(*, rule_id: int | None, reason: str) -> str:
    if rule_id:
        return f"rule:{rule_id}"
    return f"reason:{reason}" if reason else ""


class CauseField(forms.ChoiceField):
    """One rule or one built-in reason; cleans to (rule_id, reason)."""

    widget = forms.RadioSelect

    def clean(self, value):
        value = super().clean(value)
        kind, _separator, key = value.partition(":")
        if kind == "rule":
            return int(key), ""
        return None, key


class FlagForm(forms.Form):
    cause = CauseField(
        label=_("What does it break?"),
        error_messages={
            "required": _("Choose the rule or the reason you are flagging this for.")
        },
    )
    note = forms.CharField(
        label=_("Note for the moderators"),
        max_length=NOTE_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Optional, except for “Something else”. Only the moderators read it; "
            "the author never learns who flagged."
        ),
    )

    def __init__(self, *args, rules, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cause"].choices = cause_choices(rules)

    def service_arguments(self) -> dict:
        rule_id, reason = self.cleaned_data["cause"]
        return {"rule_id": rule_id, "reason": reason, "note": self.cleaned_data["note"]}


class DecisionForm(forms.Form):
    action = forms.ChoiceField(
        label=_("Decision"),
        choices=Action.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose what to do with this item.")},
    )
    cause = CauseField(
        label=_("Rule or reason cited"),
        help_text=_("Shown in the public moderation log."),
        error_messages={
            "required": _(
                "Every decision cites a rule of the guide or a built-in reason."
            )
        },
    )
    explanation = forms.CharField(
        label=_("Public explanation"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Optional. Shown in the public log with the decision."),
    )
    edited_body = forms.CharField(
        label=_("Edited text (for “Edit”)"),
        max_length=50000,
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Saved as a new public revision, in your name."),
    )
    suspension_days = forms.IntegerField(
        label=_("Days of suspension (for “Suspend”)"),
        min_value=1,
        max_value=365,
        required=False,
    )

    def __init__(self, *args, rules, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cause"].choices = cause_choices(rules)

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        rule_id, reason = data["cause"]
        return {
            "action": data["action"],
            "rule_id": rule_id,
            "reason": reason,
            "explanation": data["explanation"],
            "edited_body": data["edited_body"],
            "suspension_days": data["suspension_days"],
        }
