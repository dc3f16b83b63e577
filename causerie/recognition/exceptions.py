"""Errors of the recognition app."""

from django.utils.translation import gettext_lazy as _

from causerie.core.exceptions import Conflict, InvalidRequest, NotAllowed


class CannotRecogniseOwnItem(NotAllowed):
    code = "cannot_recognise_own_item"
    message = _("You cannot mark what you wrote yourself as useful.")


class ItemNotRecognisable(InvalidRequest):
    code = "item_not_recognisable"
    message = _("This was deleted or hidden: it can no longer be marked as useful.")


class AlreadyRecognised(Conflict):
    code = "already_recognised"
    message = _("You have already marked this as useful.")


class DomainNotInCommunity(InvalidRequest):
    code = "domain_not_in_community"
    message = _("Choose the domain among this community's tags.")


class RecognitionLimitReached(InvalidRequest):
    code = "recognition_limit_reached"
    message = _(
        "You have marked %(count)s items as useful in the last hour: take a "
        "break and try again a little later."
    )


class NotTheAsker(NotAllowed):
    code = "not_the_asker"
    message = _("Only the member who asked the question may do this.")


class NotAQuestion(InvalidRequest):
    code = "not_a_question"
    message = _("This post does not ask a question.")


class NotAnAnswer(InvalidRequest):
    code = "not_an_answer"
    message = _(
        "Only a direct answer to this post (not a reply to a comment) can be accepted."
    )


class CannotAcceptOwnAnswer(InvalidRequest):
    code = "cannot_accept_own_answer"
    message = _("You cannot accept your own answer.")


class NoMembersChosen(InvalidRequest):
    code = "no_members_chosen"
    message = _("Choose at least one member to ask.")


class TooManyMembersAsked(InvalidRequest):
    code = "too_many_members_asked"
    message = _("You can ask at most %(count)s members per question.")


class NotSuggested(InvalidRequest):
    code = "not_suggested"
    message = _("Ask members of this community, other than yourself.")


class AnswersAlreadyRequested(Conflict):
    code = "answers_already_requested"
    message = _("You have already asked members to answer this question.")


class QuestionAlreadyAnswered(InvalidRequest):
    code = "question_already_answered"
    message = _("This question already has an accepted answer.")


class AnswerRequestLimitReached(InvalidRequest):
    code = "answer_request_limit_reached"
    message = _(
        "You can ask members to answer %(count)s questions a day. Try again tomorrow."
    )
