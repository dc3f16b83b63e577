"""Reads for transparency: links to the author's own sites, the intent filter
of listings, self-promotion shares and the warnings shown before publishing
(docs/transparency.md)."""

import contextlib
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from urllib.parse import unquote, urlsplit

from django.db.models import Count, F, Q
from django.utils import timezone
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from causerie.publishing.models import Comment, Intent, Post

_HREF = re.compile(r'<a\s[^>]*?href="([^"]+)"')

# The window of the share compared with the community's limit (DESIGN, Defaults).
SHARE_WINDOW_DAYS = 90
# Intents that are promotional by declaration.
PROMOTIONAL_INTENTS = (Intent.PROMOTION, Intent.SPONSORED)
# The query parameter of listings and feeds, and its values (French in URLs).
INTENT_PARAMETER = "intention"
INTENT_FILTERS = {
    "information": Intent.INFORMATION,
    "opinion": Intent.OPINION,
    "promotion": Intent.PROMOTION,
    "sponsored": Intent.SPONSORED,
}


def canonical_host(host: str) -> str:
    """One spelling per host, for declared own sites and for link hosts
    alike: percent-escapes decoded (browsers decode them in a host),
    lowercase, without "www." nor a final dot, each internationalised label
    in plain punycode as the Markdown renderer writes it ("xn--" labels are
    decoded first, so both spellings meet; no IDNA 2003 mapping, which would
    turn "straße" into "strasse")."""
    host = unicodedata.normalize("NFC", unquote(host).rstrip(".").lower())
    labels = []
    for label in host.split("."):
        if label.startswith("xn--"):
            with contextlib.suppress(UnicodeError):
                label = label[4:].encode("ascii").decode("punycode").lower()
        if not label.isascii():
            label = "xn--" + label.encode("punycode").decode("ascii")
        labels.append(label)
    host = ".".join(labels)
    return host[4:] if host.startswith("www.") else host


def _host(href: str) -> str:
    try:
        host = urlsplit(href.replace("&amp;", "&")).hostname or ""
    except ValueError:  # a malformed address links nowhere
        return ""
    return canonical_host(host)


def own_site_links(*, member, html: str) -> list[str]:
    """The declared own domains ("mes sites") that a rendered text links to,
    a subdomain counting for its domain (blog.exemple.fr for exemple.fr; not
    exemple.fr.evil.com nor notexemple.fr)."""
    domains = [domain.lower() for domain in (member.own_sites or []) if domain]
    if not domains or "<a " not in html:
        return []
    found = []
    for href in _HREF.findall(html):
        host = _host(href)
        if not host:
            continue
        for domain in domains:
            if (host == domain or host.endswith("." + domain)) and domain not in found:
                found.append(domain)
    return found


def displayed_site(domain: str) -> str:
    """A stored own site as members read it (punycode shown in Unicode)."""
    labels = []
    for label in domain.split("."):
        if label.startswith("xn--"):
            with contextlib.suppress(UnicodeError):
                label = label[4:].encode("ascii").decode("punycode")
        labels.append(label)
    return ".".join(labels)


def intent_label_text(post) -> str:
    """The intent label as plain text: "Sponsorisé par <name>" for a
    sponsored billet, with "autopromotion" when its text links to the
    author's own sites while the intent says otherwise."""
    if post.intent == Intent.SPONSORED and post.sponsor_name:
        label = _("Sponsored by %(name)s") % {"name": post.sponsor_name}
    else:
        label = str(post.get_intent_display())
    if getattr(post, "links_own_site", False) and post.intent not in (
        PROMOTIONAL_INTENTS
    ):
        label += " · " + pgettext("label", "self-promotion")
    return label


def intent_label_html(post) -> str:
    """The intent label opening a feed entry (escaped, the sponsor linked)."""
    if post.intent == Intent.SPONSORED and post.sponsor_name and post.sponsor_url:
        sponsor = format_html(
            '<a href="{}" rel="sponsored nofollow noopener">{}</a>',
            post.sponsor_url,
            post.sponsor_name,
        )
        # Both parts are escaped: the translated sentence and the link.
        label = mark_safe(escape(_("Sponsored by %(name)s")) % {"name": sponsor})
    else:
        label = escape(intent_label_text(post))
    return format_html("<p><strong>{}</strong></p>", label)


# Listings filtered by intent.


@dataclass(frozen=True)
class IntentFilter:
    """The intent asked for by `?intention=`: `intent` is None for every
    billet; `error` says why an unknown value was ignored."""

    value: str = ""
    intent: str | None = None
    error: str = ""


def intent_filter(value: str | None) -> IntentFilter:
    """Read `?intention=`: one of INTENT_FILTERS, or nothing. An unknown value
    lists every billet with a message saying so (never an error page)."""
    value = (value or "").strip()
    if not value:
        return IntentFilter()
    intent = INTENT_FILTERS.get(value.lower())
    if intent is None:
        return IntentFilter(
            error=_(
                "“%(value)s” is not an intent: the list shows every post. Choose "
                "information, opinion, promotion or sponsored."
            )
            % {"value": value[:60]}
        )
    return IntentFilter(value=value.lower(), intent=intent)


def intent_filter_links(*, current: IntentFilter, params) -> list[dict]:
    """The filter tabs of a listing: each keeps the other query parameters
    (order, muted tags) and starts again at page 1."""
    kept = params.copy()
    kept.pop("page", None)
    kept.pop(INTENT_PARAMETER, None)
    links = []
    for value, label in [("", _("All intents")), *_filter_labels()]:
        query = kept.copy()
        if value:
            query[INTENT_PARAMETER] = value
        encoded = query.urlencode()
        links.append(
            {
                "value": value,
                "label": label,
                "query": f"?{encoded}" if encoded else "?",
                "is_current": value == (current.value or ""),
            }
        )
    return links


def _filter_labels() -> list[tuple[str, str]]:
    labels = dict(Intent.choices)
    return [(value, str(labels[intent])) for value, intent in INTENT_FILTERS.items()]


# Self-promotion shares.


@dataclass
class Share:
    """A member's self-promotion share in one community: promotional items
    (billets declared promotion or sponsored or linking to their own sites,
    comments linking to them) over all their billets and comments, over the
    last SHARE_WINDOW_DAYS days and all time. Deleted items are left out."""

    community_id: int
    total: int = 0
    promotional: int = 0
    recent_total: int = 0
    recent_promotional: int = 0
    limit: int = 25
    community: object = field(default=None, repr=False)

    @property
    def percent(self) -> int:
        """The share over the window, in whole percent (rounded down)."""
        return _percent(self.recent_promotional, self.recent_total)

    @property
    def all_time_percent(self) -> int:
        return _percent(self.promotional, self.total)

    @property
    def is_above_limit(self) -> bool:
        return self.recent_total > 0 and (
            self.recent_promotional * 100 > self.limit * self.recent_total
        )


def _percent(part: int, whole: int) -> int:
    return part * 100 // whole if whole else 0


def _promotional_posts() -> Q:
    return Q(intent__in=PROMOTIONAL_INTENTS) | Q(links_own_site=True)


def _counted_rows(
    posts, comments, *, post_key: str, comment_key: str, now: datetime | None
):
    """The four counts of Share for billets grouped by `post_key` and for
    comments grouped by `comment_key`, as rows with a "key": two aggregate
    queries."""
    since = (now or timezone.now()) - timedelta(days=SHARE_WINDOW_DAYS)

    def counts(items, key, promotional: Q, recent: Q):
        return (
            items.order_by()
            .values(key=F(key))
            .annotate(
                total=Count("pk"),
                promotional=Count("pk", filter=promotional),
                recent_total=Count("pk", filter=recent),
                recent_promotional=Count("pk", filter=recent & promotional),
            )
        )

    return [
        *counts(posts, post_key, _promotional_posts(), Q(published_at__gte=since)),
        *counts(
            comments, comment_key, Q(links_own_site=True), Q(created_at__gte=since)
        ),
    ]


def _shares_of_rows(rows, new_share) -> dict:
    """One share per key of the rows, their counts added up; new_share(key)
    makes the share the first time a key is seen."""
    shares: dict = {}
    for row in rows:
        share = shares.setdefault(row["key"], new_share(row["key"]))
        share.total += row["total"]
        share.promotional += row["promotional"]
        share.recent_total += row["recent_total"]
        share.recent_promotional += row["recent_promotional"]
    return shares


def self_promotion_shares(
    *, member, communities=None, now: datetime | None = None
) -> dict[int, Share]:
    """The member's share per community, keyed by community id: in
    `communities` (Community rows, whose policy gives each limit) or in every
    community they wrote in. Two queries whatever the number of communities."""
    posts = Post.objects.filter(author=member, deleted_at__isnull=True)
    comments = Comment.objects.filter(author=member, deleted_at__isnull=True)
    if communities is not None:
        community_ids = [community.pk for community in communities]
        posts = posts.filter(community_id__in=community_ids)
        comments = comments.filter(post__community_id__in=community_ids)
    rows = _counted_rows(
        posts,
        comments,
        post_key="community_id",
        comment_key="post__community_id",
        now=now,
    )
    shares = _shares_of_rows(rows, Share)
    for community in communities or []:
        share = shares.setdefault(community.pk, Share(community.pk))
        share.community = community
        share.limit = community.policy.self_promotion_share_percent
    return shares


def community_shares(
    *, community, member_ids, now: datetime | None = None
) -> dict[int, Share]:
    """The shares of several members in one community, keyed by member id
    (the review queue shows each author's). Two queries, none without members."""
    member_ids = list(member_ids)
    if not member_ids:
        return {}
    posts = Post.objects.filter(
        community=community, author_id__in=member_ids, deleted_at__isnull=True
    )
    comments = Comment.objects.filter(
        post__community=community, author_id__in=member_ids, deleted_at__isnull=True
    )
    rows = _counted_rows(
        posts, comments, post_key="author_id", comment_key="author_id", now=now
    )
    limit = community.policy.self_promotion_share_percent
    return _shares_of_rows(
        rows, lambda _: Share(community.pk, limit=limit, community=community)
    )


def profile_shares(*, member, viewer) -> list[Share]:
    """The shares a profile shows, for every community the member wrote in
    (one they left since included: leaving does not hide a share): all of
    them for the member themselves, only those above the community's limit
    for anyone else. Three queries, whatever the number of communities."""
    from causerie.communities.models import Community

    shares = self_promotion_shares(member=member)
    if not shares:
        return []
    is_self = viewer.is_authenticated and viewer.pk == member.pk
    shown = []
    for community in Community.objects.filter(pk__in=shares).order_by("name"):
        share = shares[community.pk]
        share.community = community
        share.limit = community.policy.self_promotion_share_percent
        if (is_self and share.total) or share.is_above_limit:
            shown.append(share)
    return shown


# Warnings before publishing.


@dataclass
class PublishingWarning:
    """What the member is told before publishing: the own sites linked while
    the intent does not say promotion, and the share the item would bring."""

    own_sites: list[str] = field(default_factory=list)
    share: Share | None = None
    share_after: int = 0
    # What "Publier quand même" sends back: it confirms this text only.
    confirmation: str = ""

    @property
    def own_sites_shown(self) -> list[str]:
        return [displayed_site(site) for site in self.own_sites]

    def __bool__(self) -> bool:
        return bool(self.own_sites or self.share)


def publishing_warnings(
    *,
    member,
    community,
    html: str,
    intent: str | None = None,
    is_edit: bool = False,
    was_promotional: bool = False,
    now: datetime | None = None,
) -> PublishingWarning:
    """Warnings for a billet (`intent` given) or a comment (`intent` None)
    about to be published or edited, from its rendered HTML:

    - it links to the member's own sites while its intent is neither
      promotion nor sponsored (a comment: any such link);
    - it is promotional while the member's share over SHARE_WINDOW_DAYS
      days is already above the community's limit (`share_after` says what
      it would become). An edit (`is_edit`) of an item that was already
      promotional (`was_promotional`) brings no share warning: it does not
      change the share.

    No query without own sites and without a promotional item."""
    warning = PublishingWarning()
    links = own_site_links(member=member, html=html)
    if links and intent not in PROMOTIONAL_INTENTS:
        warning.own_sites = links
    is_promotional = bool(links) or intent in PROMOTIONAL_INTENTS
    if not is_promotional or was_promotional:
        return warning
    share = self_promotion_shares(member=member, communities=[community], now=now)[
        community.pk
    ]
    if share.is_above_limit:
        total = share.recent_total + (0 if is_edit else 1)  # an edit is counted
        warning.share = share
        warning.share_after = _percent(share.recent_promotional + 1, total)
    return warning


def is_promotional(item) -> bool:
    """Whether a billet or comment counts as promotional in the share."""
    return bool(item.links_own_site) or getattr(item, "intent", None) in (
        PROMOTIONAL_INTENTS
    )


CONFIRM_PARAMETER = "publier_quand_meme"


def confirmation_for(*, body: str, intent: str | None) -> str:
    """A confirmation is good for the text and intent it was given for: a
    member who then adds another link or changes the intent is told again."""
    digest = hashlib.sha256(f"{intent or ''}\x00{body}".encode("utf-8", "replace"))
    return digest.hexdigest()[:24]


def warning_before_publishing(
    *, member, community, body: str, intent: str | None = None, item=None, data=None
) -> PublishingWarning | None:
    """The warning a publishing form shows before a billet (`intent` given) or
    a comment is published, or `item` edited; None when there is nothing to
    say or when the member already confirmed this very text (`data`, the
    POST, holds CONFIRM_PARAMETER with its confirmation_for)."""
    confirmation = confirmation_for(body=body, intent=intent)
    if data is not None and data.get(CONFIRM_PARAMETER) == confirmation:
        return None
    from causerie.publishing.services import render_body

    warning = publishing_warnings(
        member=member,
        community=community,
        # Without declared sites no link is the member's own: nothing to render.
        html=render_body(body) if member.own_sites else "",
        intent=intent,
        is_edit=item is not None,
        was_promotional=item is not None and is_promotional(item),
    )
    warning.confirmation = confirmation
    return warning or None
