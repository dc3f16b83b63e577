"""Atom feed of a community's public moderation log (the last 50 entries)."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from causerie.communities import selectors as community_selectors
from causerie.moderation import selectors
from causerie.moderation.models import ModerationLogEntry

FEED_LENGTH = 50


class ModerationLogFeed(Feed):
    """One instance per request (see views.log.log_feed): it keeps the request
    to build absolute entry ids."""

    feed_type = Atom1Feed

    def get_object(self, request, slug):
        self.request = request
        self.community = community_selectors.community_by_slug(slug=slug)
        return self.community

    def title(self, community):
        return _("Moderation log of %(community)s") % {"community": community.name}

    def subtitle(self, community):
        return _(
            "Every moderation decision in %(community)s, with the rule cited. "
            "Members who flagged are never shown."
        ) % {"community": community.name}

    def link(self, community):
        return reverse("moderation:log", kwargs={"slug": community.slug})

    def feed_url(self, community):
        return reverse("moderation:log-feed", kwargs={"slug": community.slug})

    def items(self, community):
        return selectors.recent_log_entries(community=community, limit=FEED_LENGTH)

    def item_title(self, entry: ModerationLogEntry):
        target = _target(entry)
        if not target:
            return str(entry.get_action_display())
        return _("%(action)s: %(target)s") % {
            "action": entry.get_action_display(),
            "target": target,
        }

    def item_description(self, entry: ModerationLogEntry):
        parts = []
        if entry.rule_id:
            parts.append(
                _("Rule %(number)s — %(title)s")
                % {"number": entry.rule.number, "title": entry.rule.title}
            )
        elif entry.reason:
            parts.append(str(entry.get_reason_display()))
        if entry.hat_id:
            parts.append(_("Proof: %(url)s") % {"url": entry.hat.proof_url})
        if entry.explanation:
            parts.append(entry.explanation)
        return "\n\n".join(parts)

    def item_link(self, entry: ModerationLogEntry):
        if entry.decision_id:
            return reverse(
                "moderation:decision",
                kwargs={"slug": self.community.slug, "decision_id": entry.decision_id},
            )
        if entry.guide_version_id:
            return reverse(
                "governance:version",
                kwargs={
                    "slug": self.community.slug,
                    "number": entry.guide_version.number,
                },
            )
        return _log_anchor(self.community, entry)

    def item_guid(self, entry: ModerationLogEntry):
        # A decision and the appeal against it share a link; each entry keeps
        # its own id.
        return self.request.build_absolute_uri(_log_anchor(self.community, entry))

    def item_guid_is_permalink(self, entry):
        return False

    def item_author_name(self, entry: ModerationLogEntry):
        return f"@{entry.actor.handle}"

    def item_author_link(self, entry: ModerationLogEntry):
        return self.request.build_absolute_uri(entry.actor.get_absolute_url())

    def item_pubdate(self, entry: ModerationLogEntry):
        return entry.created_at

    def item_updateddate(self, entry: ModerationLogEntry):
        return entry.created_at


def _log_anchor(community, entry: ModerationLogEntry) -> str:
    log_url = reverse("moderation:log", kwargs={"slug": community.slug})
    return f"{log_url}#entree-{entry.pk}"


def _target(entry: ModerationLogEntry) -> str:
    if entry.hat_id:
        return _("the hat “%(hat)s” of @%(handle)s") % {
            "hat": entry.hat.label,
            "handle": entry.member.handle if entry.member_id else "",
        }
    if entry.guide_version_id:
        return _("version %(number)s of the guide") % {
            "number": entry.guide_version.number
        }
    return entry.target_title


class SiteLogFeed(ModerationLogFeed):
    """The site's log (acts without a community: site-wide hats)."""

    def get_object(self, request):
        self.request = request
        self.community = None
        return None

    def title(self, obj):
        return _("Site moderation log")

    def subtitle(self, obj):
        return _("Moderation acts that concern the whole site, such as site-wide hats.")

    def link(self, obj):
        return reverse("moderation:site-log")

    def feed_url(self, obj):
        return reverse("moderation:site-log-feed")

    def items(self, obj):
        return list(selectors.site_log(per_page=FEED_LENGTH).object_list)

    def item_link(self, entry: ModerationLogEntry):
        return f"{reverse('moderation:site-log')}#entree-{entry.pk}"

    def item_guid(self, entry: ModerationLogEntry):
        return self.request.build_absolute_uri(self.item_link(entry))
