"""Who may ask for, decide on and remove hats. Pure functions over rows
already loaded; `is_member` and `is_moderator` come from the caller's
selectors (`is_moderator`: of the hat's community)."""

from causerie.hats.models import Hat, HatStatus


def is_site_administrator(actor) -> bool:
    """Site administrators are superusers (as for escalated appeals)."""
    return actor.is_authenticated and actor.is_active and actor.is_superuser


def can_request_hat(actor, community, *, is_member: bool) -> bool:
    """A hat for a community: its members; a site-wide hat: any member."""
    if not (actor.is_authenticated and actor.is_active):
        return False
    if community is None:
        return True
    return is_member and not community.is_suspended


def can_decide_hat(actor, hat: Hat, *, is_moderator: bool) -> bool:
    """The community's moderators, or site administrators for a site-wide hat."""
    if hat.community_id is None:
        return is_site_administrator(actor)
    return actor.is_authenticated and is_moderator and not hat.community.is_suspended


def can_withdraw_hat_request(actor, hat: Hat) -> bool:
    return (
        actor.is_authenticated
        and actor.pk == hat.member_id
        and hat.status == HatStatus.REQUESTED
    )


def can_remove_hat(actor, hat: Hat, *, is_moderator: bool) -> bool:
    """The member takes off their own hat; deciders may remove it."""
    if not actor.is_authenticated or hat.status != HatStatus.GRANTED:
        return False
    return actor.pk == hat.member_id or can_decide_hat(
        actor, hat, is_moderator=is_moderator
    )


def can_see_pending_hats(actor, hat: Hat, *, moderated_ids: set[int]) -> bool:
    """Requests and refusals are shown to the member and to whoever decides
    on them; `moderated_ids`: the communities the actor moderates."""
    if not actor.is_authenticated:
        return False
    if actor.pk == hat.member_id:
        return True
    if hat.community_id is None:
        return is_site_administrator(actor)
    return hat.community_id in moderated_ids
