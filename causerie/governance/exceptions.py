"""Errors of the governance app."""

from django.utils.translation import gettext_lazy as _

from causerie.core.exceptions import Conflict, InvalidRequest, NotAllowed, NotFound


class GuideNeedsARule(InvalidRequest):
    code = "guide_needs_a_rule"
    message = _(
        "The guide needs at least one rule: start each rule with a line “## Title”."
    )


class RuleTitleTooLong(InvalidRequest):
    code = "rule_title_too_long"
    message = _("A rule's title is limited to 200 characters.")


class TooManyRules(InvalidRequest):
    code = "too_many_rules"
    message = _("A guide is limited to 50 rules.")


class InvalidPolicyValue(InvalidRequest):
    code = "invalid_policy_value"
    message = _("This value is out of bounds.")


class GuideVersionNotFound(NotFound):
    code = "guide_version_not_found"
    message = _("This version of the guide does not exist.")


class NotAllowedToCoOpt(NotAllowed):
    code = "not_allowed_to_co_opt"
    message = _("Only a moderator holding a founding mandate may add a moderator.")


class CoOptNeedsAMember(InvalidRequest):
    code = "co_opt_needs_a_member"
    message = _("Only a member of the community can become one of its moderators.")


class NotAllowedToPropose(NotAllowed):
    code = "not_allowed_to_propose"
    message = _(
        "Proposing an amendment needs trust level %(level)s and %(days)s days "
        "of membership in the community."
    )

    def __init__(self, *, level: int, days: int, **kwargs) -> None:
        super().__init__(self.message % {"level": level, "days": days}, **kwargs)


class AmendmentChangesNothing(InvalidRequest):
    code = "amendment_changes_nothing"
    message = _("This proposal changes neither the text of the guide nor its policy.")


class AmendmentNotFound(NotFound):
    code = "amendment_not_found"
    message = _("This amendment does not exist.")


class NotAllowedToRevise(NotAllowed):
    code = "not_allowed_to_revise"
    message = _("Only its author may revise an amendment, during the discussion.")


class AmendmentNotInDiscussion(Conflict):
    code = "amendment_not_in_discussion"
    message = _("The discussion of this amendment is over.")


class VoteNotOpen(Conflict):
    code = "vote_not_open"
    message = _("This vote is not open: ballots can no longer be cast or changed.")


class NotEligibleToVote(NotAllowed):
    code = "not_eligible_to_vote"
    message = _(
        "Only members who joined the community before the vote opened and "
        "reached trust level 1 may vote."
    )


class InvalidChoice(InvalidRequest):
    code = "invalid_choice"
    message = _("Choose for, against or abstain.")


class RecallNotFound(NotFound):
    code = "recall_not_found"
    message = _("This recall does not exist.")


class NotAllowedToSignRecall(NotAllowed):
    code = "not_allowed_to_sign_recall"
    message = _(
        "Only members of the community at trust level 1 or more may sign a "
        "recall petition."
    )


class NotAModeratorToRecall(InvalidRequest):
    code = "not_a_moderator_to_recall"
    message = _("This member does not currently moderate the community.")


class RecallNeedsAReason(InvalidRequest):
    code = "recall_needs_a_reason"
    message = _("Say why this moderator should be recalled.")


class PetitionClosed(Conflict):
    code = "petition_closed"
    message = _("This petition is closed: it no longer takes signatures.")
