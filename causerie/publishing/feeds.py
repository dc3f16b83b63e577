"""Atom feeds of billets (the base the community, tag and member feeds share)
and of a billet's comments. Only public items: visible, not deleted, in an
open community."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from causerie.communities import selectors as community_selectors
from causerie.publishing import selectors
from causerie.publishing.models import Comment, Post

FEED_LENGTH = 30


class RequestFeed(Feed):
    """An Atom feed built for one request (make one instance per request, as
    the views do): it keeps the request to build absolute links."""

    feed_type = Atom1Feed

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def absolute(self, path: str) -> str:
        return self.request.build_absolute_uri(path)

    def with_quotes(self, items: list) -> list:
        """Subclasses' `items` pass their list through here: the entries'
        verified quotes are loaded at once, shown with status and reply."""
        from causerie.quotes.rendering import FeedQuotes

        self.quotes = FeedQuotes(items)
        return items

    def body(self, item) -> str:
        # Sanitised when written (publishing.services.render_body).
        quotes = getattr(self, "quotes", None)
        return quotes.html(item) if quotes is not None else item.body_html


class PostFeed(RequestFeed):
    """Billets as entries; subclasses choose which (see `items`). Each entry
    starts with its intent label; `?intention=` keeps one intent
    (docs/transparency.md), an unknown value is refused with a message."""

    def __call__(self, request, *args, **kwargs):
        from causerie.core.exceptions import InvalidRequest
        from causerie.transparency.selectors import intent_filter

        self.intent_filter = intent_filter(request.GET.get("intention"))
        if self.intent_filter.error:
            raise InvalidRequest(self.intent_filter.error, field="intention")
        self.intent = self.intent_filter.intent
        return super().__call__(request, *args, **kwargs)

    def absolute_feed(self, path: str) -> str:
        """The feed's own address, keeping its intent filter."""
        query = f"?intention={self.intent_filter.value}" if self.intent else ""
        return self.absolute(path) + query

    def item_title(self, post: Post):
        return post.title

    def item_link(self, post: Post):
        return self.absolute(post.get_absolute_url())

    def item_guid(self, post: Post):
        return self.absolute(post.get_absolute_url())

    def item_description(self, post: Post):
        from causerie.transparency.selectors import intent_label_html

        return intent_label_html(post) + self.body(post)

    def item_author_name(self, post: Post):
        return post.author.name

    def item_author_link(self, post: Post):
        return self.absolute(post.author.get_absolute_url())

    def item_pubdate(self, post: Post):
        return post.published_at

    def item_updateddate(self, post: Post):
        return post.edited_at or post.published_at

    def item_categories(self, post: Post):
        return [tag.name for tag in post.tags.all()]


class PostCommentsFeed(RequestFeed):
    """The newest comments of one public billet."""

    def get_object(self, request, slug, post_id):
        community = community_selectors.community_by_slug(slug=slug)
        return selectors.public_post(community=community, post_id=post_id)

    def title(self, post: Post):
        return _("Comments on “%(title)s”") % {"title": post.title}

    def subtitle(self, post: Post):
        return _("The latest comments on a post of %(community)s.") % {
            "community": post.community.name
        }

    def link(self, post: Post):
        return self.absolute(post.get_absolute_url())

    def feed_url(self, post: Post):
        return self.absolute(
            reverse(
                "publishing:post-feed",
                kwargs={"slug": post.community.slug, "post_id": post.pk},
            )
        )

    def items(self, post: Post):
        return self.with_quotes(selectors.public_comments(post=post, limit=FEED_LENGTH))

    def item_title(self, comment: Comment):
        return _("%(name)s on “%(title)s”") % {
            "name": comment.author.name,
            "title": comment.post.title,
        }

    def item_link(self, comment: Comment):
        return self.absolute(comment.get_absolute_url())

    def item_guid(self, comment: Comment):
        return self.absolute(comment.get_absolute_url())

    def item_description(self, comment: Comment):
        return self.body(comment)

    def item_author_name(self, comment: Comment):
        return comment.author.name

    def item_author_link(self, comment: Comment):
        return self.absolute(comment.author.get_absolute_url())

    def item_pubdate(self, comment: Comment):
        return comment.created_at

    def item_updateddate(self, comment: Comment):
        return comment.edited_at or comment.created_at
