"""Forms of the polls app: adding or changing a poll, voting."""

from django import forms
from django.utils.translation import gettext_lazy as _

from causerie.polls.models import MAX_OPTIONS, Poll, PollKind, ResultsVisibility
from causerie.polls.services import OPTION_MAX, QUESTION_MAX

OPTION_FIELDS = [f"option_{number}" for number in range(1, MAX_OPTIONS + 1)]


class ClosingDateInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%dT%H:%M")


class PollForm(forms.Form):
    question = forms.CharField(
        label=_("Question"),
        max_length=QUESTION_MAX,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    kind = forms.ChoiceField(
        label=_("Members may choose"),
        choices=[
            (PollKind.SINGLE, _("one option")),
            (PollKind.MULTIPLE, _("several options")),
        ],
        initial=PollKind.SINGLE,
        widget=forms.RadioSelect,
    )
    results_visibility = forms.ChoiceField(
        label=_("Results are shown"),
        choices=ResultsVisibility.choices,
        initial=ResultsVisibility.ALWAYS,
        widget=forms.RadioSelect,
    )
    closes_at = forms.DateTimeField(
        label=_("Closing date (optional)"),
        required=False,
        widget=ClosingDateInput(),
        help_text=_("Leave empty to close the poll yourself when you wish."),
    )

    def __init__(self, *args, terms_locked: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        for number, name in enumerate(OPTION_FIELDS, start=1):
            self.fields[name] = forms.CharField(
                label=_("Option %(number)s") % {"number": number},
                max_length=OPTION_MAX,
                required=False,
                widget=forms.TextInput(attrs={"autocomplete": "off"}),
            )
        if terms_locked:
            # Once members have voted only the closing date may change (the
            # service refuses the rest); disabled fields keep their values.
            for name, field in self.fields.items():
                if name != "closes_at":
                    field.disabled = True

    @classmethod
    def initial_for(cls, poll: Poll) -> dict:
        initial = {
            "question": poll.question,
            "kind": poll.kind,
            "results_visibility": poll.results_visibility,
            "closes_at": poll.closes_at,
        }
        for name, option in zip(OPTION_FIELDS, poll.option_list, strict=False):
            initial[name] = option.label
        return initial

    def option_fields(self):
        return [self[name] for name in OPTION_FIELDS]

    def poll_data(self) -> dict:
        """What the services take, from the cleaned data."""
        data = self.cleaned_data
        return {
            "question": data["question"],
            "options": [data.get(name, "") for name in OPTION_FIELDS],
            "kind": data["kind"],
            "results_visibility": data["results_visibility"],
            "closes_at": data["closes_at"],
        }


class VoteForm(forms.Form):
    """Reads the chosen option ids; the poll's rules are the service's."""

    options = forms.TypedMultipleChoiceField(
        coerce=int,
        error_messages={
            "required": _("Choose an option."),
            "invalid_choice": _("This option is not part of the poll."),
        },
    )

    def __init__(self, *args, poll: Poll, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["options"].choices = [
            (option.pk, option.label) for option in poll.option_list
        ]
