"""Standing pages: hidden experts of a community or tag, and the moderators'
report of suspicious clusters. The profile section is rendered by the
accounts profile page from standing.pages.profile_sections."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from causerie.communities import selectors as community_selectors
from causerie.core.views import handles_domain_errors
from causerie.standing import pages


@handles_domain_errors
def hidden_experts(request, slug, tag_slug=None):
    community = community_selectors.community_by_slug(slug=slug)
    tag = None
    if tag_slug is not None:
        tag = community_selectors.tag_for_page(
            community=community, tag_slug=tag_slug, viewer=request.user
        )
    return render(
        request,
        "standing/hidden_experts.html",
        {
            "community": community,
            "tag": tag,
            "experts": pages.hidden_experts_page(community=community, tag=tag),
        },
    )


@login_required
@handles_domain_errors
def cluster_report(request, slug):
    community = community_selectors.community_by_slug(slug=slug)
    clusters = pages.cluster_report(viewer=request.user, community=community)
    return render(
        request,
        "standing/cluster_report.html",
        {"community": community, "clusters": clusters},
    )
