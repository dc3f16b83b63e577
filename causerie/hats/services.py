"""Writes on hats: request, decide, remove, and the check made when one is worn."""

from causerie.hats.exceptions import HatNotWearable
from causerie.hats.models import Hat, HatStatus


def check_wearable(*, actor, community, hat: Hat | None) -> None:
    """Called by publishing services: a billet or comment may wear only one of
    its author's granted hats, of this community or site-wide."""
    if hat is None:
        return
    if (
        hat.member_id != actor.pk
        or hat.status != HatStatus.GRANTED
        or hat.community_id not in (None, community.pk)
    ):
        raise HatNotWearable(field="hat")
