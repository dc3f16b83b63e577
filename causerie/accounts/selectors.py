"""Reads on members."""

from causerie.accounts.exceptions import MemberNotFound
from causerie.accounts.models import Mute, User


def member_by_handle(*, handle: str) -> User:
    member = User.objects.filter(handle=handle.lower(), is_active=True).first()
    if member is None:
        raise MemberNotFound()
    return member


def muted_member_ids(*, viewer: User) -> set[int]:
    if not viewer.is_authenticated:
        return set()
    return set(Mute.objects.filter(member=viewer).values_list("muted_id", flat=True))


def existing_handles(*, handles: set[str]) -> set[str]:
    if not handles:
        return set()
    return set(User.objects.filter(handle__in=handles).values_list("handle", flat=True))
