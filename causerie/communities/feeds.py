"""Atom feeds of a community's billets and of a tag's billets (the 30 newest
public ones)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from causerie.communities import selectors
from causerie.communities.models import Community, Tag
from causerie.publishing import selectors as publishing_selectors
from causerie.publishing.feeds import FEED_LENGTH, PostFeed


class CommunityFeed(PostFeed):
    def get_object(self, request, slug):
        return selectors.community_by_slug(slug=slug)

    def title(self, community: Community):
        return _("Posts of %(community)s") % {"community": community.name}

    def subtitle(self, community: Community):
        return _("The latest posts published in %(community)s.") % {
            "community": community.name
        }

    def link(self, community: Community):
        return self.absolute(community.get_absolute_url())

    def feed_url(self, community: Community):
        return self.absolute_feed(reverse("communities:feed", args=[community.slug]))

    def items(self, community: Community):
        return self.with_quotes(
            publishing_selectors.public_posts(
                community=community, limit=FEED_LENGTH, intent=self.intent
            )
        )


class TagFeed(PostFeed):
    def get_object(self, request, slug, tag_slug):
        community = selectors.community_by_slug(slug=slug)
        return selectors.tag_for_page(
            community=community, tag_slug=tag_slug, viewer=request.user
        )

    def title(self, tag: Tag):
        return _("Posts tagged %(tag)s in %(community)s") % {
            "tag": tag.name,
            "community": tag.community.name,
        }

    def subtitle(self, tag: Tag):
        return tag.description or self.title(tag)

    def link(self, tag: Tag):
        return self.absolute(
            reverse("communities:tag-detail", args=[tag.community.slug, tag.slug])
        )

    def feed_url(self, tag: Tag):
        return self.absolute_feed(
            reverse("communities:tag-feed", args=[tag.community.slug, tag.slug])
        )

    def items(self, tag: Tag):
        return self.with_quotes(
            publishing_selectors.public_posts(
                tag=tag, limit=FEED_LENGTH, intent=self.intent
            )
        )
