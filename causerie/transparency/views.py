"""The public page explaining intents, own sites and the self-promotion share."""

from django.shortcuts import render

from causerie.communities.policy import CommunityPolicy
from causerie.transparency.selectors import SHARE_WINDOW_DAYS
from causerie.transparency.services import MAX_OWN_SITES


def rules(request):
    """Mirrors docs/transparency.md: update them together."""
    return render(
        request,
        "transparency/rules.html",
        {
            "default_limit": CommunityPolicy().self_promotion_share_percent,
            "window_days": SHARE_WINDOW_DAYS,
            "max_own_sites": MAX_OWN_SITES,
        },
    )
