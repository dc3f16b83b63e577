"""Atom feed of a member's billets (the 30 newest public ones)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from causerie.accounts import selectors
from causerie.accounts.models import User
from causerie.publishing import selectors as publishing_selectors
from causerie.publishing.feeds import FEED_LENGTH, PostFeed


class MemberPostsFeed(PostFeed):
    def get_object(self, request, handle):
        return selectors.member_by_handle(handle=handle)

    def title(self, member: User):
        return _("Posts by %(name)s (@%(handle)s)") % {
            "name": member.name,
            "handle": member.handle,
        }

    def subtitle(self, member: User):
        return _("The latest posts %(name)s published.") % {"name": member.name}

    def link(self, member: User):
        return self.absolute(member.get_absolute_url())

    def feed_url(self, member: User):
        return self.absolute_feed(reverse("accounts:feed", args=[member.handle]))

    def author_name(self, member: User):
        return member.name

    def items(self, member: User):
        return self.with_quotes(
            publishing_selectors.public_posts(
                author=member, limit=FEED_LENGTH, intent=self.intent
            )
        )
