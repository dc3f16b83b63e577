"""Errors of the elections app."""

from django.utils.translation import gettext_lazy as _

from causerie.core.exceptions import Conflict, InvalidRequest, NotAllowed, NotFound


class ElectionNotFound(NotFound):
    code = "election_not_found"
    message = _("This election does not exist.")


class NotAllowedToCallElection(NotAllowed):
    code = "not_allowed_to_call_election"
    message = _("Only a moderator of the community may call an election.")


class ElectionAlreadyOpen(Conflict):
    code = "election_already_open"
    message = _("An election is already under way in this community.")


class NoSeatToFill(InvalidRequest):
    code = "no_seat_to_fill"
    message = _("Every seat is held and no term ends soon: there is nothing to elect.")


class NominationsClosed(InvalidRequest):
    code = "nominations_closed"
    message = _("Nominations are closed for this election.")


class NotEligibleToStand(NotAllowed):
    code = "not_eligible_to_stand"
    message = _("You cannot stand in this election.")


class EmptyStatement(InvalidRequest):
    code = "empty_statement"
    message = _("Write a statement: members read it before they vote.")


class NotACandidate(InvalidRequest):
    code = "not_a_candidate"
    message = _("You are not a candidate in this election.")


class WithdrawalClosed(InvalidRequest):
    code = "withdrawal_closed"
    message = _("The vote is closed: a candidacy can no longer be withdrawn.")


class VotingNotOpen(InvalidRequest):
    code = "voting_not_open"
    message = _("Voting is not open.")


class VotingClosed(InvalidRequest):
    code = "voting_closed"
    message = _("Voting is closed: ballots can no longer be cast or changed.")


class NotEligibleToVote(NotAllowed):
    code = "not_eligible_to_vote"
    message = _(
        "Only members who joined before voting opened and reached trust level 1 "
        "may vote in this election."
    )


class InvalidRanking(InvalidRequest):
    code = "invalid_ranking"
    message = _("Give each ranked candidate a different rank.")


class ResultsNotPublished(NotFound):
    code = "results_not_published"
    message = _("The results of this election are not published yet.")
