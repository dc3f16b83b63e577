"""Errors of the communities app."""

from django.utils.translation import gettext_lazy as _

from causerie.core.exceptions import Conflict, InvalidRequest, NotAllowed, NotFound


class CommunityNotFound(NotFound):
    code = "community_not_found"
    message = _("This community does not exist.")


class SlugTaken(Conflict):
    code = "slug_taken"
    message = _("Another community already uses this address.")


class CommunitySuspended(NotAllowed):
    code = "community_suspended"
    message = _("This community is suspended: it can be read but not changed.")


class NotAMember(NotAllowed):
    code = "not_a_member"
    message = _("Join the community first.")


class NotAModerator(NotAllowed):
    code = "not_a_moderator"
    message = _("Only the community's moderators may do this.")


class LastModeratorCannotLeave(InvalidRequest):
    code = "last_moderator_cannot_leave"
    message = _("You are the community's only moderator: you cannot leave it yet.")


class TagTaken(Conflict):
    code = "tag_taken"
    message = _("This community already has a tag with this name.")


class TagNotFound(NotFound):
    code = "tag_not_found"
    message = _("This tag does not exist.")


class InvalidTagName(InvalidRequest):
    code = "invalid_tag_name"
    message = _("A tag name needs at least one letter or digit.")


class GuideChangedWhileReading(Conflict):
    code = "guide_changed_while_reading"
    message = _("The guide has just changed: read the new version, then accept it.")


class GuideNotAccepted(NotAllowed):
    code = "guide_not_accepted"
    message = _("The guide has a new version: read and accept it before posting again.")


class BannedFromCommunity(NotAllowed):
    code = "banned_from_community"
    message = _("You are banned from this community.")


class HealthIsForMembers(NotAllowed):
    code = "health_is_for_members"
    message = _("Members only: join the community to see how it is doing.")
