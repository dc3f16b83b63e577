"""Writes on members: profile, language, muting, imported accounts."""

from django.db import IntegrityError, transaction

from causerie.accounts import permissions
from causerie.accounts.exceptions import (
    CannotMuteYourself,
    InvalidLink,
    MemberNotFound,
    TooManyLinks,
)
from causerie.accounts.models import Mute, User
from causerie.core.exceptions import NotAllowed
from causerie.core.validation import check_text, validate_model

MAX_PROFILE_LINKS = 5


@transaction.atomic
def update_profile(
    *, actor: User, member: User, display_name: str, bio: str, links: list[str]
) -> User:
    """Change a member's public profile. Only the member may."""
    if not permissions.can_edit_profile(actor, member):
        raise NotAllowed()
    check_text(display_name=display_name, bio=bio, links="".join(links))
    member.display_name = display_name
    member.bio = bio
    if len(links) > MAX_PROFILE_LINKS:
        message = TooManyLinks.message % {"count": MAX_PROFILE_LINKS}
        raise TooManyLinks(message, field="links")
    for link in links:  # the profile page renders each one as a link
        if not link.lower().startswith(("http://", "https://")):
            message = InvalidLink.message % {"link": link[:200]}
            raise InvalidLink(message, field="links")
    member.links = links
    validate_model(member, exclude=["password"])
    member.save(update_fields=["display_name", "bio", "links"])
    return member


def set_language(*, actor: User, language: str) -> User:
    """Remember the member's interface language."""
    actor.language = language
    validate_model(actor, exclude=["password"])
    actor.save(update_fields=["language"])
    return actor


def mute_member(*, actor: User, handle: str) -> Mute:
    """Collapse a member's billets and comments for the actor. Safe to call twice."""
    member = User.objects.filter(handle=handle).first()
    if member is None:
        raise MemberNotFound()
    if not permissions.can_mute_member(actor, member):
        raise CannotMuteYourself()
    try:
        with transaction.atomic():
            mute, _ = Mute.objects.get_or_create(member=actor, muted=member)
    except IntegrityError:  # a concurrent request created it
        mute = Mute.objects.get(member=actor, muted=member)
    return mute


def unmute_member(*, actor: User, handle: str) -> None:
    Mute.objects.filter(member=actor, muted__handle=handle).delete()


def create_imported_member(
    *, handle: str, display_name: str = "", bio: str = ""
) -> User:
    """A member brought in by an importer: no email, no password, cannot log in
    until the account is claimed."""
    member = User(handle=handle, display_name=display_name, bio=bio, email=None)
    member.set_unusable_password()
    validate_model(member, exclude=["password"])
    member.save()
    return member


def record_read(*, member, post) -> None:
    """Remember that a signed-in member opened a billet (an input of trust
    levels; never shown as a count). Safe to call on every view."""
    if not member.is_authenticated:
        return
    from causerie.accounts.models import PostRead

    PostRead.objects.get_or_create(member=member, post=post)
