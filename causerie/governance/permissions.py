"""Who may change the participation guide."""


def can_publish_guide_version(actor, community, *, is_moderator: bool) -> bool:
    """Moderators publish new versions until member amendments exist (issue
    "Member power"); then this becomes "only by an adopted amendment"."""
    return actor.is_authenticated and is_moderator and not community.is_suspended
