"""Reads on the search index: billets and comments by full text with filters,
members by name, and the choices the search form offers. Each page costs the
same number of queries whatever the number of matches."""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.core.paginator import Page, Paginator
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.safestring import SafeString
from django.utils.text import slugify

from causerie.accounts.models import User
from causerie.communities.models import Community, Tag
from causerie.publishing.models import ModerationState
from causerie.search.engines import engine
from causerie.search.models import SearchDocument
from causerie.search.query import MAX_QUERY_LENGTH, ParsedQuery, parse_query
from causerie.search.text import fold, words

PER_PAGE = 20
MEMBERS_SHOWN = 5  # beside billets and comments; the "members" tab pages them
COMMUNITY_CHOICES = 100  # the site-wide form lists the largest communities


class Kind:
    """What the search looks through (the values are the page's GET values)."""

    do_not_call_in_templates = True

    ALL = ""
    POSTS = "billets"
    COMMENTS = "commentaires"
    MEMBERS = "membres"


class Order:
    do_not_call_in_templates = True
    RELEVANCE = "pertinence"
    NEWEST = "recent"


@dataclass(frozen=True, slots=True)
class Filters:
    community: Community | None = None
    tag: str = ""
    author: str = ""
    intent: str = ""
    date_from: date | None = None
    date_to: date | None = None

    @property
    def is_set(self) -> bool:
        return any((self.community, self.tag, self.author, self.intent)) or any(
            value is not None for value in (self.date_from, self.date_to)
        )


@dataclass(slots=True)
class SearchResult:
    kind: str
    url: str
    title: str
    community: Community
    author: User
    published_at: datetime
    snippet: SafeString | str
    intent: str = ""
    intent_label: str = ""


@dataclass(slots=True)
class SearchOutcome:
    query: ParsedQuery
    page: Page | None = None  # of SearchResult, or of User for the members tab
    members: list[User] = field(default_factory=list)
    has_more_members: bool = False
    community_is_suspended: bool = False

    @property
    def is_cut(self) -> bool:
        return self.query.is_cut

    @property
    def max_query_length(self) -> int:
        return MAX_QUERY_LENGTH

    @property
    def has_only_stop_words(self) -> bool:
        return self.query.has_only_stop_words


def visible_documents() -> QuerySet[SearchDocument]:
    """Billets and comments anyone may read. The live state of each item is
    checked too, so nothing hidden shows while its re-indexing task waits."""
    documents = SearchDocument.objects.filter(
        is_public=True, community__suspended_at__isnull=True
    )
    return documents.filter(
        Q(
            kind=SearchDocument.Kind.POST,
            post__deleted_at__isnull=True,
            post__moderation_state=ModerationState.VISIBLE,
        )
        | Q(
            kind=SearchDocument.Kind.COMMENT,
            comment__deleted_at__isnull=True,
            comment__moderation_state=ModerationState.VISIBLE,
            comment__post__deleted_at__isnull=True,
            comment__post__moderation_state=ModerationState.VISIBLE,
        )
    )


def search(
    *,
    text: str,
    filters: Filters | None = None,
    kind: str = Kind.ALL,
    order: str = Order.RELEVANCE,
    page: int | str = 1,
    per_page: int = PER_PAGE,
) -> SearchOutcome:
    """Billets and comments matching `text` (every word, phrases in quotes),
    narrowed by `filters`; with filters only, the newest matching items.
    Members whose handle, name or bio contains the words come alongside."""
    query = parse_query(text)
    outcome = SearchOutcome(query=query)
    filters = filters or Filters()
    community = filters.community
    if community is not None and community.is_suspended:
        outcome.community_is_suspended = True
        return outcome
    if kind == Kind.MEMBERS:
        if not query.is_empty:
            outcome.page = Paginator(
                _members(query, community=community), per_page
            ).get_page(page)
        return outcome
    if query.has_only_stop_words or (query.is_empty and not filters.is_set):
        return outcome
    documents = _filtered(visible_documents(), filters, kind=kind)
    if query.is_empty:
        documents = documents.order_by("-published_at", "-pk")
    else:
        documents = engine().match(documents, query, by_relevance=order != Order.NEWEST)
    documents = documents.select_related(
        "author", "community", "post", "comment__post"
    ).defer(
        "post__body",
        "post__body_html",
        "comment__body",
        "comment__body_html",
        "comment__post__body",
        "comment__post__body_html",
    )
    outcome.page = Paginator(documents, per_page).get_page(page)
    outcome.page.object_list = _results(list(outcome.page.object_list), query)
    show_members = (
        kind == Kind.ALL
        and not query.is_empty
        and outcome.page.number == 1
        and not (filters.tag or filters.author or filters.intent)
    )
    if show_members:
        found = list(_members(query, community=community)[: MEMBERS_SHOWN + 1])
        outcome.members = found[:MEMBERS_SHOWN]
        outcome.has_more_members = len(found) > MEMBERS_SHOWN
    return outcome


def _filtered(
    documents: QuerySet[SearchDocument], filters: Filters, *, kind: str
) -> QuerySet[SearchDocument]:
    if kind == Kind.POSTS or filters.tag or filters.intent:
        # Tags and intents belong to billets.
        documents = documents.filter(kind=SearchDocument.Kind.POST)
    elif kind == Kind.COMMENTS:
        documents = documents.filter(kind=SearchDocument.Kind.COMMENT)
    if filters.community is not None:
        documents = documents.filter(community=filters.community)
    if filters.tag:
        documents = documents.filter(tags__slug=slugify(filters.tag))
    if filters.author:
        documents = documents.filter(
            author__handle=filters.author.strip().lstrip("@").lower()
        )
    if filters.intent:
        documents = documents.filter(intent=filters.intent)
    if filters.date_from is not None:
        documents = documents.filter(published_at__gte=_start_of(filters.date_from))
    if filters.date_to is not None:
        documents = documents.filter(
            published_at__lt=_start_of(filters.date_to + timedelta(days=1))
        )
    return documents


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def _results(documents: list[SearchDocument], query: ParsedQuery) -> list[SearchResult]:
    from causerie.transparency.selectors import intent_label_text

    snippets = {} if query.is_empty else engine().snippets(documents, query)
    results = []
    for document in documents:
        snippet = snippets.get(document.pk) or document.body[:300]
        if document.kind == SearchDocument.Kind.POST:
            post = document.post
            post.community = document.community
            results.append(
                SearchResult(
                    kind=document.kind,
                    url=post.get_absolute_url(),
                    title=post.title,
                    community=document.community,
                    author=document.author,
                    published_at=document.published_at,
                    snippet=snippet,
                    intent=post.intent,
                    # "Sponsorisé par …", "· autopromotion" (docs/transparency.md).
                    intent_label=intent_label_text(post),
                )
            )
        else:
            comment = document.comment
            comment.post.community = document.community
            results.append(
                SearchResult(
                    kind=document.kind,
                    url=comment.get_absolute_url(),
                    title=comment.post.title,
                    community=document.community,
                    author=document.author,
                    published_at=document.published_at,
                    snippet=snippet,
                )
            )
    return results


def _members(query: ParsedQuery, *, community: Community | None) -> QuerySet[User]:
    """Active members whose handle, display name or bio contains every word
    typed, without a final "s", accents and case ignored (a substring match
    on the folded profile, see docs/search.md)."""
    members = User.objects.filter(is_active=True)
    for word in words(" ".join(" ".join(piece.words) for piece in query.pieces)):
        if len(word) >= 4 and word[-1] in "sS":  # "ruches" finds @ruche
            word = word[:-1]
        members = members.filter(search_folded__contains=fold(word))
    if community is not None:
        members = members.filter(memberships__community=community)
    return members.order_by("handle")


def community_choices(*, selected: str = "") -> list[Community]:
    """The communities the site-wide form offers: the largest open ones, and
    the one already chosen."""
    communities = list(
        Community.objects.filter(suspended_at__isnull=True)
        .filter(
            Q(
                pk__in=Community.objects.filter(suspended_at__isnull=True)
                .order_by("-member_count", "name")
                .values("pk")[:COMMUNITY_CHOICES]
            )
            | Q(slug=selected)
        )
        .order_by("name")
    )
    return communities


def tag_choices(*, community: Community) -> list[Tag]:
    return list(Tag.objects.filter(community=community).order_by("name"))
