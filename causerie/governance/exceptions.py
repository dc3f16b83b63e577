"""Errors of the governance app."""

from django.utils.translation import gettext_lazy as _

from causerie.core.exceptions import InvalidRequest, NotAllowed, NotFound


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


class NotAllowedToChangeGuide(NotAllowed):
    code = "not_allowed_to_change_guide"
    message = _(
        "Only the community's moderators may publish a new version of its guide."
    )


class GuideVersionNotFound(NotFound):
    code = "guide_version_not_found"
    message = _("This version of the guide does not exist.")


class NotAllowedToCoOpt(NotAllowed):
    code = "not_allowed_to_co_opt"
    message = _("Only a moderator holding a founding mandate may add a moderator.")


class CoOptNeedsAMember(InvalidRequest):
    code = "co_opt_needs_a_member"
    message = _("Only a member of the community can become one of its moderators.")
