"""Errors of the accounts app."""

from django.utils.translation import gettext_lazy as _

from causerie.core.exceptions import InvalidRequest, NotAllowed, NotFound


class MemberNotFound(NotFound):
    code = "member_not_found"
    message = _("No member has this handle.")


class CannotMuteYourself(InvalidRequest):
    code = "cannot_mute_yourself"
    message = _("You cannot mute yourself.")


class TooManyLinks(InvalidRequest):
    code = "too_many_links"
    message = _("A profile may list at most %(count)s links.")


class InvalidLink(InvalidRequest):
    code = "invalid_link"
    message = _("“%(link)s” is not a web address starting with http:// or https://.")


class NotASiteAdministrator(NotAllowed):
    code = "not_a_site_administrator"
    message = _("Only site administrators can grant or remove trust level 4.")
