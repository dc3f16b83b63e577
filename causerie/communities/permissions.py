"""Who may do what in a community. Functions work on rows already loaded:
`is_member` and `is_moderator` come from the caller's selectors."""

from causerie.communities.models import Community


def can_found_community(actor) -> bool:
    return actor.is_authenticated and actor.is_active


def can_join_community(actor, community: Community, *, is_member: bool) -> bool:
    return actor.is_authenticated and not community.is_suspended and not is_member


def can_post_in(actor, community: Community, *, is_member: bool) -> bool:
    return actor.is_authenticated and is_member and not community.is_suspended


def can_moderate(actor, community: Community, *, is_moderator: bool) -> bool:
    return actor.is_authenticated and is_moderator and not community.is_suspended


def can_follow_tag(actor, community: Community) -> bool:
    # Every community is public: whoever can read its billets may follow or
    # mute its tags, member or not. Muting and following are personal
    # settings, so a suspended community's tags can be too.
    return actor.is_authenticated and actor.is_active


def can_suspend_community(actor) -> bool:
    return actor.is_authenticated and actor.is_superuser


def can_view_health(actor, *, is_member: bool, is_moderator: bool) -> bool:
    # Issue 8: the health page is for the community's members and moderators.
    return actor.is_authenticated and (is_member or is_moderator)
