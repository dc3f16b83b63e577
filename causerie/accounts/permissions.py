"""Who may do what with accounts."""

from causerie.accounts.models import User


def can_mute_member(actor: User, member: User) -> bool:
    return actor.is_authenticated and actor.pk != member.pk


def can_edit_profile(actor: User, member: User) -> bool:
    return actor.is_authenticated and actor.pk == member.pk
