"""Form helpers of transparency: the intents a community's guide allows on
the post form."""

from causerie.publishing.exceptions import IntentForbidden
from causerie.publishing.models import Intent


def forbidden_intents(community) -> list[str]:
    """The intents the community's policy forbids (key `forbidden_intents`)."""
    return [
        value
        for value in community.policy.forbidden_intents.split(",")
        if value in Intent.values
    ]


def limit_intent_choices(form, *, community) -> None:
    """Offer only the intents the community allows. On an edit, the billet's
    current intent stays offered even if it became forbidden since (the
    service accepts keeping it). Sets `form.forbidden_intent_labels` for the
    note that says why some intents are missing."""
    forbidden = set(forbidden_intents(community))
    current = form.initial.get("intent")
    field = form.fields["intent"]
    field.choices = [
        (value, label)
        for value, label in Intent.choices
        if value not in forbidden or value == current
    ]
    field.error_messages["invalid_choice"] = IntentForbidden.message
    form.forbidden_intent_labels = [
        label for value, label in Intent.choices if value in forbidden
    ]
