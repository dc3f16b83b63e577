"""Writes on communities: founding, joining, leaving, tags, suspension."""

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify

from causerie.accounts.models import User
from causerie.communities import permissions, selectors
from causerie.communities.exceptions import (
    BannedFromCommunity,
    CommunitySuspended,
    GuideChangedWhileReading,
    InvalidTagName,
    LastModeratorCannotLeave,
    NotAModerator,
    SlugTaken,
    TagTaken,
)
from causerie.communities.models import Community, Membership, Tag, TagFollow, TagMute
from causerie.core.events import emit
from causerie.core.exceptions import NotAllowed
from causerie.core.markdown import render_markdown
from causerie.core.validation import check_text, validate_model
from causerie.governance import services as governance_services


def found_community(
    *,
    actor: User,
    name: str,
    slug: str,
    description: str,
    language: str,
    guide: str | None = None,
) -> Community:
    """Create a community; the founder joins it, holds its founding mandate and
    publishes version 1 of its guide (the default template when `guide` is None).
    Emits CommunityFounded. Raises SlugTaken when the address is in use."""
    from causerie.communities.events import CommunityFounded
    from causerie.governance.guide_text import default_guide_text

    if not permissions.can_found_community(actor):
        raise NotAllowed()
    check_text(name=name, description=description)
    community = Community(
        name=name.strip(),
        slug=slug,
        description=description,
        description_html=render_markdown(description),
        language=language,
        founder=actor,
    )
    validate_model(community, validate_unique=False)
    try:
        with transaction.atomic():
            community.save()
            Membership.objects.create(community=community, member=actor)
            Community.objects.filter(pk=community.pk).update(member_count=1)
            governance_services.grant_founding_mandate(
                community=community, founder=actor
            )
            governance_services.publish_first_guide(
                community=community,
                founder=actor,
                text=default_guide_text() if guide is None else guide,
            )
    except IntegrityError:
        raise SlugTaken(field="slug") from None
    community.refresh_from_db()
    emit(CommunityFounded(community_id=community.pk, founder_id=actor.pk))
    return community


@transaction.atomic
def update_community(
    *, actor: User, community: Community, name: str, description: str, language: str
) -> Community:
    """Moderators change the name, description and language (not the address)."""
    _require_moderator(actor, community)
    check_text(name=name, description=description)
    community.name = name.strip()
    community.description = description
    community.description_html = render_markdown(description)
    community.language = language
    validate_model(community)
    community.save(
        update_fields=["name", "description", "description_html", "language"]
    )
    return community


def join_community(
    *, actor: User, community: Community, accepted_guide_version: int
) -> Membership:
    """Become a member by accepting the current guide version (the number the
    member read). Safe to call twice. Refused while the community is suspended,
    to banned members, and when the guide changed while the member was reading."""
    from causerie.moderation import selectors as moderation_selectors

    if community.is_suspended:
        raise CommunitySuspended()
    if not actor.is_authenticated:
        raise NotAllowed()
    if accepted_guide_version != community.guide_version_number:
        raise GuideChangedWhileReading()
    if moderation_selectors.active_sanction(
        member=actor, community=community, ban_only=True
    ):
        raise BannedFromCommunity()
    try:
        with transaction.atomic():
            membership, created = Membership.objects.get_or_create(
                community=community,
                member=actor,
                defaults={"accepted_guide_version": accepted_guide_version},
            )
            if created:
                Community.objects.filter(pk=community.pk).update(
                    member_count=F("member_count") + 1
                )
    except IntegrityError:
        return Membership.objects.get(community=community, member=actor)
    return membership


@transaction.atomic
def leave_community(*, actor: User, community: Community) -> None:
    """Stop being a member. The only moderator cannot leave (the community
    would be left without anyone to moderate it)."""
    membership = (
        Membership.objects.select_for_update()
        .filter(community=community, member=actor)
        .first()
    )
    if membership is None:
        return
    moderator_ids = selectors.moderator_ids(community=community)
    if actor.pk in moderator_ids and len(moderator_ids) == 1:
        raise LastModeratorCannotLeave()
    membership.delete()
    governance_services.end_mandates_of_departing_member(
        community=community, member=actor
    )
    Community.objects.filter(pk=community.pk).update(member_count=F("member_count") - 1)


def create_tag(
    *, actor: User, community: Community, name: str, description: str
) -> Tag:
    """Moderators curate the tags authors choose from."""
    _require_moderator(actor, community)
    slug = slugify(name)
    if not slug:
        raise InvalidTagName(field="name")
    tag = Tag(
        community=community, name=name.strip(), slug=slug, description=description
    )
    # The one_tag_slug constraint is checked by the database: TagTaken below.
    validate_model(tag, validate_unique=False, validate_constraints=False)
    try:
        with transaction.atomic():
            tag.save()
    except IntegrityError:
        raise TagTaken(field="name") from None
    return tag


def update_tag(*, actor: User, tag: Tag, name: str, description: str) -> Tag:
    _require_moderator(actor, tag.community)
    slug = slugify(name)
    if not slug:
        raise InvalidTagName(field="name")
    tag.name, tag.slug, tag.description = name.strip(), slug, description
    validate_model(tag, validate_unique=False, validate_constraints=False)
    try:
        with transaction.atomic():
            tag.save()
    except IntegrityError:
        raise TagTaken(field="name") from None
    return tag


@transaction.atomic
def delete_tag(*, actor: User, tag: Tag) -> None:
    """Removing a tag removes it from billets too; their text is untouched."""
    _require_moderator(actor, tag.community)
    tag.delete()


@transaction.atomic
def follow_tag(*, actor: User, tag: Tag) -> TagFollow:
    """Follow a tag: its new billets concern the actor. Anyone logged in may
    follow a tag of a public community. Following a muted tag unmutes it. Safe
    to call twice."""
    if not permissions.can_follow_tag(actor, tag.community):
        raise NotAllowed()
    try:
        with transaction.atomic():
            TagMute.objects.filter(member=actor, tag=tag).delete()
            follow, _ = TagFollow.objects.get_or_create(member=actor, tag=tag)
    except IntegrityError:  # a concurrent request created it
        follow = TagFollow.objects.get(member=actor, tag=tag)
    return follow


def unfollow_tag(*, actor: User, tag: Tag) -> None:
    """Stop following a tag. Safe to call when not following it."""
    if not actor.is_authenticated:
        raise NotAllowed()
    TagFollow.objects.filter(member=actor, tag=tag).delete()


def mute_tag(*, actor: User, tag: Tag) -> TagMute:
    """Mute a tag: its billets leave the community page and the home page for
    the actor (they can still show them). Muting a followed tag stops following
    it. Same permission as following. Safe to call twice."""
    if not permissions.can_follow_tag(actor, tag.community):
        raise NotAllowed()
    try:
        with transaction.atomic():
            TagFollow.objects.filter(member=actor, tag=tag).delete()
            mute, _ = TagMute.objects.get_or_create(member=actor, tag=tag)
    except IntegrityError:  # a concurrent request created it
        mute = TagMute.objects.get(member=actor, tag=tag)
    return mute


def unmute_tag(*, actor: User, tag: Tag) -> None:
    """Stop muting a tag. Safe to call when not muting it."""
    if not actor.is_authenticated:
        raise NotAllowed()
    TagMute.objects.filter(member=actor, tag=tag).delete()


@transaction.atomic
def suspend_community(*, actor: User, community: Community, notice: str) -> Community:
    """Site administrators make an abusive community read-only, with a public notice."""
    if not permissions.can_suspend_community(actor):
        raise NotAllowed()
    community.suspended_at = timezone.now()
    community.suspension_notice = notice
    community.save(update_fields=["suspended_at", "suspension_notice"])
    return community


@transaction.atomic
def lift_suspension(*, actor: User, community: Community) -> Community:
    if not permissions.can_suspend_community(actor):
        raise NotAllowed()
    community.suspended_at = None
    community.suspension_notice = ""
    community.save(update_fields=["suspended_at", "suspension_notice"])
    return community


def accept_guide(*, actor: User, community: Community, version_number: int) -> None:
    """A member accepts the guide version they read; posting needs the current one."""
    if version_number != community.guide_version_number:
        raise GuideChangedWhileReading()
    Membership.objects.filter(community=community, member=actor).update(
        accepted_guide_version=version_number
    )


def apply_guide_version(*, community: Community, number: int, policy: dict) -> None:
    """Called by governance when a guide version is published: the community
    reads its policy from here."""
    Community.objects.filter(pk=community.pk).update(
        guide_version_number=number, policy_values=policy
    )
    community.guide_version_number, community.policy_values = number, policy


def touch_activity(*, community_id: int) -> None:
    """Called by publishing services when something is posted."""
    Community.objects.filter(pk=community_id).update(last_activity_at=timezone.now())


def _require_moderator(actor: User, community: Community) -> None:
    if community.is_suspended:
        raise CommunitySuspended()
    is_moderator = actor.is_authenticated and actor.pk in selectors.moderator_ids(
        community=community
    )
    if not permissions.can_moderate(actor, community, is_moderator=is_moderator):
        raise NotAModerator()
