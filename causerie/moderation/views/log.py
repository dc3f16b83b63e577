"""The public moderation log and its Atom feed: open to everyone, logged out too."""

from django.shortcuts import render

from causerie.communities import selectors as community_selectors
from causerie.core.views import handles_domain_errors
from causerie.moderation import selectors
from causerie.moderation.appeal_forms import LogFilterForm
from causerie.moderation.feeds import ModerationLogFeed, SiteLogFeed


@handles_domain_errors
def public_log(request, slug):
    community = community_selectors.community_by_slug(slug=slug)
    form = LogFilterForm(
        request.GET,
        moderator_handles=selectors.log_moderator_handles(community=community),
    )
    filters = form.filters()
    page = selectors.public_log(
        community=community, page=request.GET.get("page", 1), **filters
    )
    return render(
        request,
        "moderation/log.html",
        {
            "community": community,
            "form": form,
            "page": page,
            "is_filtered": any(filters.values()),
            "filtered_post_id": filters["post_id"],
        },
    )


@handles_domain_errors
def log_feed(request, slug):
    return ModerationLogFeed()(request, slug=slug)


def site_log(request):
    """Acts that belong to no community (site-wide hats), public like the
    communities' logs."""
    page = selectors.site_log(page=request.GET.get("page", 1))
    return render(request, "moderation/site_log.html", {"page": page})


def site_log_feed(request):
    return SiteLogFeed()(request)
