"""Amendments to the participation guide: proposal, discussion (a billet in the
community, revisions kept), vote, and adoption as the next guide version.
Phase changes happen at their deadlines (advance_amendments, run by tasks.py)."""

from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from causerie.accounts.models import User
from causerie.core.events import emit
from causerie.core.validation import check_text
from causerie.governance import permissions, selectors
from causerie.governance.events import VoteClosed, VoteOpened
from causerie.governance.exceptions import (
    AmendmentChangesNothing,
    AmendmentNotInDiscussion,
    NotAllowedToPropose,
    NotAllowedToRevise,
)
from causerie.governance.models import Amendment, AmendmentRevision, Vote
from causerie.governance.services import votes

SUMMARY_MAX_LENGTH = 300
POST_TITLE_MAX_LENGTH = 200


def propose_amendment(
    *,
    actor: User,
    community,
    text: str,
    policy: dict,
    summary: str,
    now: datetime | None = None,
) -> Amendment:
    """A member with standing proposes a whole new guide text and policy. The
    discussion opens at once, in a billet of the community written in the
    proposer's name; the vote opens when it ends."""
    from causerie.communities import selectors as community_selectors
    from causerie.communities.models import Community

    now = now or timezone.now()
    membership = community_selectors.membership_of(member=actor, community=community)
    if not permissions.can_propose_amendment(
        actor, community, membership=membership, now=now
    ):
        policy_now = community.policy
        raise NotAllowedToPropose(
            level=policy_now.amendment_proposer_trust_level,
            days=policy_now.amendment_proposer_member_days,
        )
    current = selectors.current_guide(community=community)
    text, values, summary = _checked_proposal(
        community=community, base=current, text=text, policy=policy, summary=summary
    )
    with transaction.atomic():
        # The community row serialises numbering, as for guide versions.
        Community.objects.select_for_update().filter(pk=community.pk).first()
        amendment = Amendment.objects.create(
            community=community,
            number=community_selectors.next_number(
                Amendment.objects.filter(community=community)
            ),
            proposer=actor,
            summary=summary,
            text=text,
            policy=values,
            base_version=current,
            discussion_ends_at=now
            + timedelta(days=community.policy.amendment_discussion_days),
        )
        amendment.community = community
        AmendmentRevision.objects.create(
            amendment=amendment,
            number=1,
            text=text,
            policy=values,
            summary=summary,
            base_version=current,
        )
        amendment.discussion_post = _open_discussion(amendment=amendment, now=now)
        amendment.save(update_fields=["discussion_post", "updated_at"])
        _log(amendment, "AMENDMENT_PROPOSED", explanation=summary)
    return amendment


def revise_amendment(
    *,
    actor: User,
    amendment: Amendment,
    text: str,
    policy: dict,
    summary: str,
    now: datetime | None = None,
) -> AmendmentRevision:
    """The author changes the proposal during the discussion; every revision
    is kept. The text is rebased on the current guide."""
    now = now or timezone.now()
    community = amendment.community
    with transaction.atomic():
        locked = Amendment.objects.select_for_update().get(pk=amendment.pk)
        if not permissions.can_revise_amendment(actor, locked):
            if locked.proposer_id == actor.pk:
                raise AmendmentNotInDiscussion()
            raise NotAllowedToRevise()
        current = selectors.current_guide(community=community)
        text, values, summary = _checked_proposal(
            community=community,
            base=current,
            text=text,
            policy=policy,
            summary=summary,
        )
        last = locked.revisions.order_by("-number").first()
        revision = AmendmentRevision.objects.create(
            amendment=locked,
            number=last.number + 1,
            text=text,
            policy=values,
            summary=summary,
            base_version=current,
        )
        Amendment.objects.filter(pk=locked.pk).update(
            text=text,
            policy=values,
            summary=summary,
            base_version=current,
            updated_at=now,
        )
    amendment.refresh_from_db()
    amendment.community = community
    return revision


def withdraw_amendment(
    *, actor: User, amendment: Amendment, now: datetime | None = None
) -> Amendment:
    """The author withdraws the proposal before the vote opens."""
    now = now or timezone.now()
    with transaction.atomic():
        locked = Amendment.objects.select_for_update().get(pk=amendment.pk)
        if not permissions.can_revise_amendment(actor, locked):
            if locked.proposer_id == actor.pk:
                raise AmendmentNotInDiscussion()
            raise NotAllowedToRevise()
        locked.status = Amendment.Status.WITHDRAWN
        locked.ended_at = now
        locked.save(update_fields=["status", "ended_at", "updated_at"])
        locked.community = amendment.community
        _log(locked, "AMENDMENT_WITHDRAWN")
    return locked


def open_amendment_vote(*, amendment: Amendment, now: datetime | None = None) -> bool:
    """Open the vote of an amendment whose discussion has ended; False when
    there is nothing to do (already open, withdrawn, not yet time)."""
    now = now or timezone.now()
    community = amendment.community
    with transaction.atomic():
        locked = Amendment.objects.select_for_update().get(pk=amendment.pk)
        if (
            locked.status != Amendment.Status.DISCUSSION
            or locked.discussion_ends_at > now
        ):
            return False
        community.refresh_from_db()
        locked.community = community
        locked.vote = votes.open_vote(
            community=community, subject=Vote.Subject.AMENDMENT, now=now
        )
        locked.status = Amendment.Status.VOTING
        locked.save(update_fields=["vote", "status", "updated_at"])
        _log(locked, "AMENDMENT_VOTE")
        emit(
            VoteOpened(
                community_id=community.pk,
                subject=Vote.Subject.AMENDMENT,
                title=locked.summary,
                path=locked.get_absolute_url(),
            )
        )
    return True


def close_amendment_vote(*, amendment: Amendment, now: datetime | None = None) -> bool:
    """Close a vote past its deadline: tally, publish, and if adopted publish
    the next guide version in the proposer's name. False when nothing to do."""
    from causerie.governance.services import publish_guide_version

    now = now or timezone.now()
    community = amendment.community
    with transaction.atomic():
        locked = (
            Amendment.objects.select_for_update()
            .select_related("proposer")
            .get(pk=amendment.pk)
        )
        if locked.status != Amendment.Status.VOTING:
            return False
        vote = Vote.objects.select_for_update().get(pk=locked.vote_id)
        if vote.closed_at is not None or vote.closes_at > now:
            return False
        community.refresh_from_db()
        locked.community = community
        vote = votes.close_vote(vote=vote, now=now)
        if (
            vote.outcome == Vote.Outcome.ADOPTED
            and locked.base_version_id
            != selectors.current_guide(community=community).pk
        ):
            # Another amendment changed the guide meanwhile: applying this text
            # would silently undo it.
            Vote.objects.filter(pk=vote.pk).update(outcome=Vote.Outcome.SUPERSEDED)
            vote.outcome = Vote.Outcome.SUPERSEDED
        locked.vote = vote
        locked.ended_at = now
        if vote.outcome == Vote.Outcome.ADOPTED:
            locked.adopted_version = publish_guide_version(
                actor=locked.proposer,
                community=community,
                text=locked.text,
                policy=_policy_changes(locked),
                summary=locked.summary,
            )
            locked.status = Amendment.Status.ADOPTED
        else:
            locked.status = Amendment.Status.REJECTED
        locked.save(
            update_fields=["status", "ended_at", "adopted_version", "updated_at"]
        )
        _log(
            locked,
            "AMENDMENT_ADOPTED"
            if locked.status == Amendment.Status.ADOPTED
            else "AMENDMENT_REJECTED",
            explanation=tally_text(vote=vote, language=community.language),
        )
        emit(
            VoteClosed(
                community_id=community.pk,
                subject=Vote.Subject.AMENDMENT,
                title=locked.summary,
                path=locked.get_absolute_url(),
                outcome=vote.outcome,
            )
        )
    return True


def advance_amendments(*, now: datetime | None = None) -> int:
    """Open the votes whose discussion ended and close the votes past their
    deadline, in every community. Returns how many phases changed."""
    now = now or timezone.now()
    changed = 0
    to_open = (
        Amendment.objects.filter(
            status=Amendment.Status.DISCUSSION, discussion_ends_at__lte=now
        )
        .select_related("community")
        .order_by("discussion_ends_at", "pk")
    )
    for amendment in to_open:
        changed += open_amendment_vote(amendment=amendment, now=now)
    to_close = (
        Amendment.objects.filter(
            status=Amendment.Status.VOTING,
            vote__closed_at__isnull=True,
            vote__closes_at__lte=now,
        )
        .select_related("community")
        .order_by("vote__closes_at", "pk")
    )
    # The oldest first: of two texts closing together, the first proposed wins.
    for amendment in to_close:
        changed += close_amendment_vote(amendment=amendment, now=now)
    return changed


def tally_text(*, vote: Vote, language: str) -> str:
    """The published tally as one line of the public log, in the community's
    language (the log stores text, not a message id)."""
    with translation.override(language):
        return _(
            "For: %(for)s, against: %(against)s, abstentions: %(abstain)s. "
            "Turnout: %(turnout)s of %(eligible)s eligible members; quorum "
            "%(quorum)s, majority %(majority)s of for + against. Result: %(outcome)s."
        ) % {
            "for": vote.votes_for,
            "against": vote.votes_against,
            "abstain": vote.abstentions,
            "turnout": vote.turnout,
            "eligible": vote.eligible_voters,
            "quorum": vote.quorum,
            "majority": vote.majority,
            "outcome": Vote.Outcome(vote.outcome).label,
        }


def _checked_proposal(*, community, base, text: str, policy: dict, summary: str):
    from causerie.governance.services import _checked_policy, check_guide_text

    check_text(summary=summary)
    summary = " ".join(summary.split())
    if not summary:
        raise AmendmentChangesNothing(field="summary")
    check_guide_text(text)
    text = selectors.normalised_text(text)
    values = {**community.policy.to_json(), **_checked_policy(policy)}
    base_values = community.policy.to_json()
    if text == selectors.guide_text(version=base) and values == base_values:
        raise AmendmentChangesNothing()
    return text, values, summary[:SUMMARY_MAX_LENGTH]


def _policy_changes(amendment: Amendment) -> dict:
    """Only the keys the amendment changes, so that its adoption does not undo
    a policy change adopted meanwhile."""
    from causerie.communities.policy import CommunityPolicy

    base = CommunityPolicy.from_json(amendment.base_version.policy).to_json()
    return {
        key: value for key, value in amendment.policy.items() if base.get(key) != value
    }


def _open_discussion(*, amendment: Amendment, now: datetime):
    """The discussion is a billet of the community by the proposer: threading,
    flags and notifications come with it."""
    from causerie.publishing import services as publishing_services
    from causerie.publishing.models import Intent

    community = amendment.community
    with translation.override(community.language):
        title = _("Amendment: %(summary)s") % {"summary": amendment.summary}
        if len(title) > POST_TITLE_MAX_LENGTH:
            title = title[: POST_TITLE_MAX_LENGTH - 1] + "…"
        body = _(
            "Discussion of amendment no. %(number)s to the participation guide: "
            "%(summary)s\n\nRead the proposal and its exact changes: [amendment "
            "%(number)s](%(path)s). The vote opens when the discussion ends."
        ) % {
            "number": amendment.number,
            "summary": amendment.summary,
            "path": amendment.get_absolute_url(),
        }
    return publishing_services.publish_post(
        actor=amendment.proposer,
        community=community,
        title=title,
        body=body,
        intent=Intent.INFORMATION,
        # Dated by the same clock as the amendment (tests, demo).
        published_at=now,
    )


def _log(amendment: Amendment, action: str, *, explanation: str = "") -> None:
    """Amendment steps in the public log, in the proposer's name: a deadline,
    not a person, moves them after the proposal (docs/amendments.md)."""
    from causerie.moderation import services as moderation_services
    from causerie.moderation.models import LogAction

    with translation.override(amendment.community.language):
        title = _("Amendment %(number)s: %(summary)s") % {
            "number": amendment.number,
            "summary": amendment.summary,
        }
    moderation_services.record_log_entry(
        community=amendment.community,
        actor=amendment.proposer,
        action=getattr(LogAction, action),
        target_title=title[:200],
        target_url=amendment.get_absolute_url(),
        explanation=explanation,
    )
