"""Errors of the hats app."""

from django.utils.translation import gettext_lazy as _

from causerie.core.exceptions import Conflict, InvalidRequest, NotAllowed, NotFound


class HatNotWearable(InvalidRequest):
    code = "hat_not_wearable"
    message = _(
        "You cannot wear this hat here: it is not one of your granted hats for "
        "this community."
    )


class HatNotFound(NotFound):
    code = "hat_not_found"
    message = _("This hat does not exist.")


class NotAMemberOfTheCommunity(NotAllowed):
    code = "hat_requires_membership"
    message = _("Join the community before asking for a hat in it.")


class HatFieldRequired(InvalidRequest):
    code = "hat_field_required"
    message = _("This field is required.")


class HatTextTooLong(InvalidRequest):
    code = "hat_text_too_long"
    message = _("Ensure this text has at most %(limit)s characters.")


class InvalidProofLink(InvalidRequest):
    code = "hat_invalid_proof_link"
    message = _(
        "Give a public web address starting with https:// or http:// that "
        "shows your role."
    )


class DuplicateHat(Conflict):
    code = "hat_duplicate"
    message = _(
        "You already have a hat, or a request waiting, for this organisation here."
    )


class HatRequestLimitReached(InvalidRequest):
    code = "hat_request_limit"
    # The raised message is built with ngettext (services.request_hat).
    message = _("You asked for too many hats in the last 24 hours.")


class NotAllowedToDecideHat(NotAllowed):
    code = "hat_decision_not_allowed"
    message = _(
        "Only the moderators of the community decide on its hats; site "
        "administrators decide on site-wide hats."
    )


class CannotDecideOwnHat(NotAllowed):
    code = "hat_own_request"
    message = _("Another moderator must decide on your own hat request.")


class HatAlreadyDecided(Conflict):
    code = "hat_already_decided"
    message = _(
        "This request was already decided or withdrawn (perhaps by another "
        "moderator just now): reload the page to see the decision."
    )


class HatReasonRequired(InvalidRequest):
    code = "hat_reason_required"
    message = _("Give a reason: the member and the public log will read it.")


class NotYourHat(NotAllowed):
    code = "not_your_hat"
    message = _("Only the member who asked can withdraw this request.")


class NotAllowedToRemoveHat(NotAllowed):
    code = "hat_removal_not_allowed"
    message = _(
        "Only the member, the community's moderators or, for a site-wide hat, "
        "the site administrators can remove this hat."
    )


class HatNotGranted(Conflict):
    code = "hat_not_granted"
    message = _("This hat is not worn any more: it cannot be removed again.")
