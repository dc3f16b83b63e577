"""Errors of transparency: the member's declared own sites ("mes sites")."""

from django.utils.translation import gettext_lazy as _

from causerie.core.exceptions import InvalidRequest


class TooManyOwnSites(InvalidRequest):
    code = "too_many_own_sites"
    message = _("You may declare at most %(count)s sites.")


class InvalidOwnSite(InvalidRequest):
    code = "invalid_own_site"
    message = _(
        "“%(site)s” is not a domain name or a web address, such as exemple.fr "
        "or https://www.exemple.fr/page."
    )
