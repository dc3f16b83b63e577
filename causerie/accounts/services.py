"""Writes on members: profile, language, muting, imported accounts, visits,
reads and trust levels."""

from datetime import datetime

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.utils import timezone

from causerie.accounts import permissions, selectors, trust
from causerie.accounts.exceptions import (
    CannotMuteYourself,
    InvalidLink,
    MemberNotFound,
    NotASiteAdministrator,
    TooManyLinks,
)
from causerie.accounts.models import Mute, PostRead, User, VisitDay
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


def record_read(*, member, post) -> datetime | None:
    """Remember that a signed-in member opened a billet (an input of trust
    levels; never shown as a count) and when they last did. Safe to call on
    every view. Returns the previous visit's `last_read_at`: what came after it
    is "nouveau" for the member; None on a first visit or when logged out."""
    if not member.is_authenticated:
        return None
    now = timezone.now()
    read, created = PostRead.objects.get_or_create(
        member=member, post=post, defaults={"last_read_at": now}
    )
    if created:
        return None
    PostRead.objects.filter(pk=read.pk).update(last_read_at=now)
    return read.last_read_at


VISIT_CACHE_SECONDS = 24 * 3600


def record_visit(*, member: User) -> bool:
    """Remember that a signed-in member visited today (an input of trust levels).
    Called on every request: a cache key per member per day keeps it to one
    database write a day. Returns whether this call recorded the day."""
    if not member.is_authenticated:
        return False
    today = timezone.localdate()
    key = f"causerie:visit:{member.pk}:{today.isoformat()}"
    if not cache.add(key, True, timeout=VISIT_CACHE_SECONDS):
        return False
    # Processes that do not share the cache may both get here: the unique
    # constraint keeps one row.
    VisitDay.objects.bulk_create(
        [VisitDay(member=member, day=today)], ignore_conflicts=True
    )
    return True


def recompute_trust_level(*, member: User, now: datetime | None = None) -> int:
    """Bring a member's trust level in line with the rules of accounts.trust and
    return it. A level granted by site administrators is left alone. Called by
    the daily job and after a new member posts; safe to call at any time."""
    _, level = _recompute(member.pk, now=now or timezone.now())
    member.trust_level = level
    return level


def recompute_all_trust_levels(*, now: datetime | None = None) -> int:
    """The daily job: recompute the level of every member active in the trust
    window (and of level 3 holders, who lose it by staying away). Returns how
    many levels changed."""
    now = now or timezone.now()
    member_ids = list(
        selectors.members_to_reassess(now=now).values_list("pk", flat=True)
    )
    changed = 0
    for member_id in member_ids:
        before, after = _recompute(member_id, now=now)
        changed += before != after
    return changed


def _recompute(member_id: int, *, now: datetime) -> tuple[int, int]:
    """(level before, level after), the member's row locked meanwhile so that a
    grant by an administrator cannot be overwritten."""
    with transaction.atomic():
        member = User.objects.select_for_update().get(pk=member_id)
        level = trust.level_for(
            activity=selectors.trust_activity(member=member, now=now),
            current=member.trust_level,
            granted=member.trust_level_granted,
        )
        if level != member.trust_level:
            User.objects.filter(pk=member.pk).update(trust_level=level)
    return member.trust_level, level


def grant_trust_level(*, actor: User, member: User, granted: bool) -> User:
    """A site administrator grants level 4 (référent), or removes it: the member
    then gets the level the rules give (level 3 kept at 90% of its
    requirements, as for any level 3). Raises NotASiteAdministrator for anyone
    else. Safe to call twice."""
    if not permissions.can_grant_trust_level(actor):
        raise NotASiteAdministrator()
    with transaction.atomic():
        locked = User.objects.select_for_update().get(pk=member.pk)
        if granted:
            locked.trust_level, locked.trust_level_granted = trust.REFERENT, True
            locked.save(update_fields=["trust_level", "trust_level_granted"])
        elif locked.trust_level_granted:
            locked.trust_level_granted = False
            locked.save(update_fields=["trust_level_granted"])
            recompute_trust_level(member=locked)
    member.trust_level = locked.trust_level
    member.trust_level_granted = locked.trust_level_granted
    return member
