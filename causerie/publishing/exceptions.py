"""Errors of the publishing app."""

from django.utils.translation import gettext_lazy as _

from causerie.core.exceptions import InvalidRequest, NotAllowed, NotFound


class PostNotFound(NotFound):
    code = "post_not_found"
    message = _("This post does not exist.")


class CommentNotFound(NotFound):
    code = "comment_not_found"
    message = _("This comment does not exist.")


class NotTheAuthor(NotAllowed):
    code = "not_the_author"
    message = _("Only the author may do this.")


class PostDeleted(InvalidRequest):
    code = "post_deleted"
    message = _("This post was deleted: it can no longer be changed or answered.")


class CommentDeleted(InvalidRequest):
    code = "comment_deleted"
    message = _("This comment was deleted: it can no longer be changed or answered.")


class TagNotInCommunity(InvalidRequest):
    code = "tag_not_in_community"
    message = _("Choose tags from this community's list.")


class EmptyText(InvalidRequest):
    code = "empty_text"
    message = _("Write something first.")


class ReplyToAnotherPost(InvalidRequest):
    code = "reply_to_another_post"
    message = _("The comment you answer belongs to another post.")


class PostLocked(NotAllowed):
    code = "post_locked"
    message = _("The moderators locked this discussion: it takes no new comments.")


class MemberSanctioned(NotAllowed):
    code = "member_sanctioned"
    message = _(
        "You are suspended or banned from this community: you can read it but not post."
    )


class NewMemberDailyLimit(InvalidRequest):
    code = "new_member_daily_limit"
    message = _(
        "New members can post %(count)s of these a day; this limit goes once you "
        "have taken part a little. Your text is kept below."
    )


class NewMemberTooManyLinks(InvalidRequest):
    code = "new_member_too_many_links"
    message = _("New members can put at most %(count)s links in one text.")


class NewMemberTooFast(InvalidRequest):
    code = "new_member_too_fast"
    message = _(
        "New members wait %(count)s seconds between two posts. Try again in a moment."
    )


class PostNotBookmarkable(InvalidRequest):
    code = "post_not_bookmarkable"
    message = _("This post is deleted or hidden: it cannot be kept to read again.")


class IntentForbidden(InvalidRequest):
    code = "intent_forbidden"
    message = _(
        "This community's guide does not allow posts with this intent. Choose "
        "another one if it fits, or post elsewhere."
    )


class SponsorRequired(InvalidRequest):
    code = "sponsor_required"
    message = _("Name the sponsor: readers see it in the label of a sponsored post.")


class InvalidSponsorLink(InvalidRequest):
    code = "sponsor_link_invalid"
    message = _("The sponsor's link must be a web address starting with https://.")
