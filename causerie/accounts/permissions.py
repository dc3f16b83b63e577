"""Who may do what with accounts."""

from causerie.accounts.models import User


def can_mute_member(actor: User, member: User) -> bool:
    return actor.is_authenticated and actor.pk != member.pk


def can_edit_profile(actor: User, member: User) -> bool:
    return actor.is_authenticated and actor.pk == member.pk


def can_grant_trust_level(actor: User) -> bool:
    """Level 4 (référent) is granted by site administrators only."""
    return actor.is_authenticated and actor.is_active and actor.is_superuser
