"""Reads for transparency: links to the author's own sites, self-promotion shares."""

import re
from urllib.parse import urlsplit

_HREF = re.compile(r'<a href="([^"]+)"')


def own_site_links(*, member, html: str) -> list[str]:
    """The declared own domains ("mes sites") that a rendered text links to,
    a subdomain counting for its domain."""
    domains = [domain.lower() for domain in (member.own_sites or []) if domain]
    if not domains or "<a " not in html:
        return []
    found = []
    for href in _HREF.findall(html):
        host = (urlsplit(href.replace("&amp;", "&")).hostname or "").lower()
        if host.startswith("www."):
            host = host[4:]
        for domain in domains:
            if (host == domain or host.endswith("." + domain)) and domain not in found:
                found.append(domain)
    return found
