"""Writes of transparency: the domains a member declares as their own
("mes sites"), and the normalisation rule they follow (docs/transparency.md)."""

import re
from urllib.parse import urlsplit

from django.db import transaction

from causerie.accounts.models import User
from causerie.core.exceptions import NotAllowed
from causerie.core.validation import check_text
from causerie.transparency.exceptions import InvalidOwnSite, TooManyOwnSites
from causerie.transparency.selectors import canonical_host, displayed_site

MAX_OWN_SITES = 10
_LABEL = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$")


def normalise_own_site(text: str) -> str:
    """The host an own site stands for (selectors.canonical_host: lowercase,
    without "www.", IDN in punycode as the Markdown renderer writes link
    hosts). Accepts
    "exemple.fr" or "https://www.exemple.fr/page"; raises InvalidOwnSite
    otherwise (an IP address, a single label, a scheme other than http(s))."""
    raw = (text or "").strip()
    shown = raw[:100]
    if not raw or len(raw) > 300 or any(ord(c) < 33 or c == "\x7f" for c in raw):
        raise InvalidOwnSite(
            InvalidOwnSite.message % {"site": shown}, field="own_sites"
        )
    address = raw if "://" in raw else "https://" + raw
    try:
        parts = urlsplit(address)
        host = parts.hostname or ""
    except ValueError:
        raise InvalidOwnSite(
            InvalidOwnSite.message % {"site": shown}, field="own_sites"
        ) from None
    if parts.scheme.lower() not in ("http", "https") or parts.username is not None:
        raise InvalidOwnSite(
            InvalidOwnSite.message % {"site": shown}, field="own_sites"
        )
    try:
        host = canonical_host(host)
    except UnicodeError:
        raise InvalidOwnSite(
            InvalidOwnSite.message % {"site": shown}, field="own_sites"
        ) from None
    labels = host.split(".")
    # An internationalised label is made of letters, digits and hyphens too
    # (a replacement character from undecodable input is not).
    if not all(
        character.isalnum() or character == "-"
        for label in displayed_site(host).split(".")
        for character in label
    ):
        raise InvalidOwnSite(
            InvalidOwnSite.message % {"site": shown}, field="own_sites"
        )
    if (
        len(host) > 253
        or len(labels) < 2
        or not all(_LABEL.match(label) for label in labels)
        or labels[-1].isdigit()  # an IP address is not a site name
    ):
        raise InvalidOwnSite(
            InvalidOwnSite.message % {"site": shown}, field="own_sites"
        )
    return host


def normalise_own_sites(sites: list[str]) -> list[str]:
    """Every entry normalised, duplicates dropped, at most MAX_OWN_SITES."""
    result: list[str] = []
    for site in sites:
        if not (site or "").strip():
            continue
        host = normalise_own_site(site)
        if host not in result:
            result.append(host)
    if len(result) > MAX_OWN_SITES:
        message = TooManyOwnSites.message % {"count": MAX_OWN_SITES}
        raise TooManyOwnSites(message, field="own_sites")
    return result


@transaction.atomic
def set_own_sites(*, actor: User, member: User, sites: list[str]) -> User:
    """Replace the member's declared own sites. Only the member may. Billets
    and comments already published keep their self-promotion mark as it was
    computed when they were written (docs/transparency.md)."""
    if actor.pk != member.pk:
        raise NotAllowed()
    check_text(own_sites="".join(sites))
    member.own_sites = normalise_own_sites(sites)
    member.save(update_fields=["own_sites"])
    return member
