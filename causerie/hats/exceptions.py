"""Errors of the hats app."""

from django.utils.translation import gettext_lazy as _

from causerie.core.exceptions import InvalidRequest


class HatNotWearable(InvalidRequest):
    code = "hat_not_wearable"
    message = _(
        "You cannot wear this hat here: it is not one of your granted hats for "
        "this community."
    )
