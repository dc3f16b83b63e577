"""Errors of the moderation app."""

from django.utils.translation import gettext_lazy as _

from causerie.core.exceptions import Conflict, InvalidRequest, NotAllowed, NotFound


class CannotFlagOwnItem(NotAllowed):
    code = "cannot_flag_own_item"
    message = _("You cannot flag what you wrote yourself.")


class TrustTooLowToFlag(NotAllowed):
    code = "trust_too_low_to_flag"
    message = _(
        "New members cannot flag yet: flags open once you have taken part a little "
        "(trust level 1)."
    )


class AlreadyFlagged(Conflict):
    code = "already_flagged"
    message = _("You have already flagged this.")


class FlagWindowClosed(InvalidRequest):
    code = "flag_window_closed"
    message = _(
        "This is too old to be flagged (after %(days)s days only illegal content can be)."
    )


class FlagNeedsACause(InvalidRequest):
    code = "flag_needs_a_cause"
    message = _("Choose the rule or the reason you are flagging this for.")


class FlagNeedsANote(InvalidRequest):
    code = "flag_needs_a_note"
    message = _("Say in a few words what is wrong.")


class RuleNotInCurrentGuide(InvalidRequest):
    code = "rule_not_in_current_guide"
    message = _("Cite a rule of the community's current guide.")


class FlagLimitReached(InvalidRequest):
    code = "flag_limit_reached"
    message = _(
        "You have reached today's limit of %(count)s flags. Try again tomorrow."
    )


class NotAModerator(NotAllowed):
    code = "not_a_moderator"
    message = _("Only the community's moderators may do this.")


class AlreadyDecided(Conflict):
    code = "already_decided"
    message = _(
        "Another moderator has just decided this item; nothing was applied twice."
    )


class DecisionNeedsACause(InvalidRequest):
    code = "decision_needs_a_cause"
    message = _("Every decision cites a rule of the guide or a built-in reason.")


class SuspensionNeedsADuration(InvalidRequest):
    code = "suspension_needs_a_duration"
    message = _("Say for how many days (1 to 365) the member is suspended.")


class EditNeedsText(InvalidRequest):
    code = "edit_needs_text"
    message = _("Give the edited text.")


class NotYourDecision(NotAllowed):
    code = "not_your_decision"
    message = _("Only the member concerned by a decision may appeal it.")


class AlreadyAppealed(Conflict):
    code = "already_appealed"
    message = _(
        "This decision has already been appealed: each decision can be appealed once."
    )


class AppealWindowClosed(InvalidRequest):
    code = "appeal_window_closed"
    message = _("Decisions can be appealed within %(days)s days.")


class AppealNeedsAnotherModerator(NotAllowed):
    code = "appeal_needs_another_moderator"
    message = _(
        "An appeal is reviewed by someone other than the moderator who decided."
    )


class AppealAlreadyDecided(Conflict):
    code = "appeal_already_decided"
    message = _("This appeal has already been decided.")


class ItemNotFound(NotFound):
    code = "item_not_found"
    message = _("This item is not in the review queue.")


class ItemGone(InvalidRequest):
    code = "item_gone"
    message = _("Its author deleted it: there is nothing left to flag.")
