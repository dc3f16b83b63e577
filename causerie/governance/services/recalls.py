"""Recall of a moderator: a petition, then at its threshold a recall vote
(simple majority, amendment quorum). A recalled moderator's mandate ends at
once and a by-election is called (causerie.elections)."""

import logging
from datetime import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from causerie.accounts.models import User
from causerie.core.events import emit
from causerie.core.validation import check_text
from causerie.governance import permissions, selectors
from causerie.governance.events import VoteClosed, VoteOpened
from causerie.governance.exceptions import (
    NotAllowedToSignRecall,
    NotAModeratorToRecall,
    PetitionClosed,
    RecallNeedsAReason,
)
from causerie.governance.models import Mandate, Recall, RecallSignature, Vote
from causerie.governance.services import votes

REASON_MAX_LENGTH = 2000
logger = logging.getLogger(__name__)


def start_recall(
    *,
    actor: User,
    community,
    holder: User,
    reason: str,
    now: datetime | None = None,
) -> Recall:
    """Open a petition against a current moderator, signed by its initiator.
    If a petition against them is already open, the actor signs that one."""
    from causerie.communities import selectors as community_selectors
    from causerie.communities.models import Community

    now = now or timezone.now()
    membership = community_selectors.membership_of(member=actor, community=community)
    if not permissions.can_sign_recall(actor, community, membership=membership):
        raise NotAllowedToSignRecall()
    check_text(reason=reason)
    reason = reason.strip()
    if not reason:
        raise RecallNeedsAReason(field="reason")
    mandate = Mandate.objects.filter(
        community=community, holder=holder, ended_at__isnull=True
    ).first()
    if mandate is None:
        raise NotAModeratorToRecall()
    existing = selectors.open_recall_for(mandate=mandate)
    if existing is not None:
        existing.community = community
        return sign_recall(actor=actor, recall=existing, now=now)
    try:
        with transaction.atomic():
            Community.objects.select_for_update().filter(pk=community.pk).first()
            recall = Recall.objects.create(
                community=community,
                number=community_selectors.next_number(
                    Recall.objects.filter(community=community)
                ),
                mandate=mandate,
                initiator=actor,
                reason=reason[:REASON_MAX_LENGTH],
            )
            recall.community = community
            RecallSignature.objects.create(recall=recall, signer=actor)
            _log(recall, "RECALL_PETITION", explanation=recall.reason)
    except IntegrityError:
        # Someone opened a petition against this moderator at the same moment.
        existing = selectors.open_recall_for(mandate=mandate)
        if existing is None:
            raise
        existing.community = community
        return sign_recall(actor=actor, recall=existing, now=now)
    return _open_vote_at_threshold(recall=recall, now=now)


def sign_recall(*, actor: User, recall: Recall, now: datetime | None = None) -> Recall:
    """Sign an open petition (twice is the same as once); the signature that
    reaches the threshold opens the recall vote."""
    from causerie.communities import selectors as community_selectors

    now = now or timezone.now()
    community = recall.community
    membership = community_selectors.membership_of(member=actor, community=community)
    if not permissions.can_sign_recall(actor, community, membership=membership):
        raise NotAllowedToSignRecall()
    with transaction.atomic():
        locked = (
            Recall.objects.select_for_update()
            .select_related("mandate", "initiator")
            .get(pk=recall.pk)
        )
        locked.community = community
        if (
            locked.status != Recall.Status.PETITION
            or locked.mandate.ended_at is not None
        ):
            raise PetitionClosed()
        RecallSignature.objects.get_or_create(recall=locked, signer=actor)
    return _open_vote_at_threshold(recall=locked, now=now)


def _open_vote_at_threshold(*, recall: Recall, now: datetime) -> Recall:
    community = recall.community
    with transaction.atomic():
        locked = (
            Recall.objects.select_for_update()
            .select_related("mandate__holder", "initiator")
            .get(pk=recall.pk)
        )
        locked.community = community
        if locked.status != Recall.Status.PETITION:
            return locked
        signatures = RecallSignature.objects.filter(recall=locked).count()
        if signatures < selectors.recall_threshold(community=community, now=now):
            return locked
        locked.vote = votes.open_vote(
            community=community, subject=Vote.Subject.RECALL, now=now
        )
        locked.status = Recall.Status.VOTING
        locked.save(update_fields=["vote", "status", "updated_at"])
        _log(locked, "RECALL_VOTE")
        emit(
            VoteOpened(
                community_id=community.pk,
                subject=Vote.Subject.RECALL,
                title=_title(locked),
                path=locked.get_absolute_url(),
            )
        )
    return locked


def close_recall_vote(*, recall: Recall, now: datetime | None = None) -> bool:
    """Close a recall vote past its deadline. Recalled: the mandate ends now,
    and a by-election is called for the seat."""
    from causerie.governance.services.amendments import tally_text

    now = now or timezone.now()
    community = recall.community
    with transaction.atomic():
        locked = (
            Recall.objects.select_for_update()
            .select_related("mandate__holder", "initiator")
            .get(pk=recall.pk)
        )
        if locked.status != Recall.Status.VOTING:
            return False
        vote = Vote.objects.select_for_update().get(pk=locked.vote_id)
        if vote.closed_at is not None or vote.closes_at > now:
            return False
        community.refresh_from_db()
        locked.community = community
        vote = votes.close_vote(vote=vote, now=now)
        locked.vote = vote
        locked.ended_at = now
        mandate = Mandate.objects.select_for_update().get(pk=locked.mandate_id)
        recalled = vote.outcome == Vote.Outcome.ADOPTED and mandate.ended_at is None
        locked.status = Recall.Status.RECALLED if recalled else Recall.Status.REJECTED
        locked.save(update_fields=["status", "ended_at", "updated_at"])
        explanation = tally_text(vote=vote, language=community.language)
        _log(
            locked,
            "RECALL_ADOPTED" if recalled else "RECALL_REJECTED",
            explanation=explanation,
        )
        if recalled:
            mandate.ended_at = now
            mandate.save(update_fields=["ended_at", "updated_at"])
            _log(locked, "MANDATE_ENDED", member_id=mandate.holder_id)
        emit(
            VoteClosed(
                community_id=community.pk,
                subject=Vote.Subject.RECALL,
                title=_title(locked),
                path=locked.get_absolute_url(),
                outcome=vote.outcome,
            )
        )
    if recalled:
        _call_by_election(community=community, now=now)
    return True


def advance_recalls(*, now: datetime | None = None) -> int:
    """Close recall votes past their deadline; let petitions against a
    moderator whose mandate ended otherwise lapse."""
    now = now or timezone.now()
    changed = 0
    to_close = Recall.objects.filter(
        status=Recall.Status.VOTING,
        vote__closed_at__isnull=True,
        vote__closes_at__lte=now,
    ).select_related("community")
    for recall in to_close:
        changed += close_recall_vote(recall=recall, now=now)
    changed += Recall.objects.filter(
        status=Recall.Status.PETITION, mandate__ended_at__isnull=False
    ).update(status=Recall.Status.LAPSED, ended_at=now, updated_at=now)
    return changed


def _call_by_election(*, community, now: datetime) -> None:
    """The seat goes to a by-election, called by the elections app. Outside
    the recall's transaction: the recall stands even if calling fails."""
    try:
        from causerie.elections.services import call_election
    except ImportError:
        logger.error("No elections app to call a by-election in %s", community.slug)
        return
    try:
        call_election(community=community, reason="recall", actor=None, now=now)
    except Exception:
        # The recall stands; moderators or the next election fill the seat.
        logger.exception("Calling a by-election in %s failed", community.slug)


def _title(recall: Recall) -> str:
    with translation.override(recall.community.language):
        return _("Recall of @%(handle)s") % {"handle": recall.mandate.holder.handle}


def _log(recall: Recall, action: str, *, explanation: str = "", member_id=None) -> None:
    """Recall steps in the public log, in the initiator's name: they started
    what the signatures and the vote then decided (docs/amendments.md)."""
    from causerie.moderation import services as moderation_services
    from causerie.moderation.models import LogAction

    moderation_services.record_log_entry(
        community=recall.community,
        actor=recall.initiator,
        action=getattr(LogAction, action),
        member_id=member_id,
        target_title=_title(recall)[:200],
        target_url=recall.get_absolute_url(),
        explanation=explanation,
    )
