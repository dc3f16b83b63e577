"""Errors of the polls app."""

from django.utils.translation import gettext_lazy as _

from causerie.core.exceptions import Conflict, InvalidRequest, NotAllowed, NotFound


class PollNotFound(NotFound):
    code = "poll_not_found"
    message = _("This post has no poll.")


class NotAllowedToManagePoll(NotAllowed):
    code = "not_allowed_to_manage_poll"
    message = _("Only the author of the post or a moderator may change its poll.")


class PostCannotHavePoll(InvalidRequest):
    code = "post_cannot_have_poll"
    message = _("A poll cannot be added to a deleted post or in a suspended community.")


class PollAlreadyExists(Conflict):
    code = "poll_already_exists"
    message = _("This post already has a poll.")


class EmptyQuestion(InvalidRequest):
    code = "poll_empty_question"
    message = _("Write the question of the poll.")


class QuestionTooLong(InvalidRequest):
    code = "poll_question_too_long"
    message = _("The question is limited to 300 characters.")


class TooFewOptions(InvalidRequest):
    code = "poll_too_few_options"
    message = _("A poll needs at least 2 options.")


class TooManyOptions(InvalidRequest):
    code = "poll_too_many_options"
    message = _("A poll has at most 10 options.")


class OptionTooLong(InvalidRequest):
    code = "poll_option_too_long"
    message = _("Each option is limited to 200 characters.")


class DuplicateOption(InvalidRequest):
    code = "poll_duplicate_option"
    message = _("Two options have the same text.")


class ClosingDateInThePast(InvalidRequest):
    code = "poll_closing_date_in_the_past"
    message = _("The closing date must be in the future.")


class PollHasVotes(Conflict):
    code = "poll_has_votes"
    message = _(
        "Members have already voted: the question, the options and how the poll "
        "works can no longer change. You may still change the closing date."
    )


class PollIsClosed(Conflict):
    code = "poll_closed"
    message = _("This poll is closed: votes can no longer be cast or changed.")


class NotAllowedToVote(NotAllowed):
    code = "not_allowed_to_vote"
    message = _("Only members of the community may vote.")


class VoteNeedsAnOption(InvalidRequest):
    code = "poll_vote_needs_an_option"
    message = _("Choose an option.")


class OneOptionOnly(InvalidRequest):
    code = "poll_one_option_only"
    message = _("This poll accepts only one option.")


class UnknownOption(InvalidRequest):
    code = "poll_unknown_option"
    message = _("This option is not part of the poll.")


class PollLocked(NotAllowed):
    code = "poll_locked"
    message = _("The moderators locked this discussion: its poll takes no new votes.")


class VoterSanctioned(NotAllowed):
    code = "poll_voter_sanctioned"
    message = _("You are suspended or banned from this community: you cannot vote.")


class PostUnavailable(InvalidRequest):
    code = "poll_post_unavailable"
    message = _("This post was deleted: its poll takes no votes.")
