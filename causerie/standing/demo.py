"""Standing in the French demo: computed right after the recognition demo, so
that contribution profiles, explanations and the hidden-experts page show
from the first `make run` (the background task keeps them up to date then)."""

from causerie.standing import services


def load(*, members, communities, now) -> int:
    """Recompute every demo community; creates no content (returns 0)."""
    for slug in sorted(communities):
        services.recompute_community(community=communities[slug], now=now)
    return 0
