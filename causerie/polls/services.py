"""Polls: adding one to a billet, changing, closing and deleting it, voting.

Every rule lives here. Votes lock the poll's row, so that the stored counters
move one ballot at a time; the unique constraints on Ballot and PollVote hold
the "one vote per member" rule even where locks are ignored (SQLite).
"""

from collections.abc import Sequence
from datetime import datetime

from django.db import IntegrityError, transaction
from django.db.models import Count, F
from django.utils import timezone
from django.utils.translation import gettext as _

from causerie.accounts.models import User
from causerie.communities import selectors as community_selectors
from causerie.communities.exceptions import CommunitySuspended, GuideNotAccepted
from causerie.core.events import emit
from causerie.core.validation import check_text
from causerie.polls import exceptions, permissions
from causerie.polls.events import PollAdded, PollClosed
from causerie.polls.models import (
    MAX_OPTIONS,
    MIN_OPTIONS,
    Ballot,
    Poll,
    PollKind,
    PollOption,
    PollVote,
    ResultsVisibility,
)
from causerie.publishing.models import ModerationState, Post

QUESTION_MAX = 300
OPTION_MAX = 200


def _is_moderator(actor: User, community) -> bool:
    return actor.is_authenticated and actor.pk in community_selectors.moderator_ids(
        community=community
    )


def _require_manager(actor: User, post: Post) -> bool:
    """Raise unless the actor may manage the billet's poll; return whether the
    actor acts as a moderator on someone else's billet (that act is logged)."""
    if post.community.is_suspended:
        raise CommunitySuspended()
    is_moderator = _is_moderator(actor, post.community)
    if not permissions.can_manage_poll(actor, post, is_moderator=is_moderator):
        if post.is_deleted or post.moderation_state == ModerationState.REMOVED:
            raise exceptions.PostCannotHavePoll()
        raise exceptions.NotAllowedToManagePoll()
    return actor.pk != post.author_id


def _log_moderator_act(actor: User, post: Post, explanation: str) -> None:
    """A moderator changing someone else's poll answers for it in the public log."""
    from causerie.moderation import services as moderation_services
    from causerie.moderation.models import LogAction

    moderation_services.record_log_entry(
        community=post.community,
        actor=actor,
        action=LogAction.EDIT,
        post=post,
        target_title=post.title,
        target_url=post.get_absolute_url(),
        explanation=explanation,
    )


def _clean(
    *,
    question: str,
    options: Sequence[str],
    kind: str,
    results_visibility: str,
    closes_at: datetime | None,
    now: datetime,
) -> tuple[str, list[str]]:
    """The question and the non-blank options, stripped; errors name the form
    field they concern (option_N counts the blanks the member left)."""
    check_text(question=question)
    question = question.strip()
    if not question:
        raise exceptions.EmptyQuestion(field="question")
    if len(question) > QUESTION_MAX:
        raise exceptions.QuestionTooLong(field="question")
    labels: list[str] = []
    seen: set[str] = set()
    for index, raw in enumerate(options, start=1):
        field = f"option_{index}"
        check_text(**{field: raw})
        label = raw.strip()
        if not label:
            continue
        if len(label) > OPTION_MAX:
            raise exceptions.OptionTooLong(field=field)
        if label.casefold() in seen:
            raise exceptions.DuplicateOption(field=field)
        seen.add(label.casefold())
        labels.append(label)
    if len(labels) < MIN_OPTIONS:
        raise exceptions.TooFewOptions(field="option_1")
    if len(labels) > MAX_OPTIONS:
        raise exceptions.TooManyOptions()
    if kind not in PollKind.values:
        raise exceptions.InvalidRequest(field="kind")
    if results_visibility not in ResultsVisibility.values:
        raise exceptions.InvalidRequest(field="results_visibility")
    if closes_at is not None and closes_at <= now:
        raise exceptions.ClosingDateInThePast(field="closes_at")
    return question, labels


def add_poll(
    *,
    actor: User,
    post: Post,
    question: str,
    options: Sequence[str],
    kind: str = PollKind.SINGLE,
    results_visibility: str = ResultsVisibility.ALWAYS,
    closes_at: datetime | None = None,
    now: datetime | None = None,
) -> Poll:
    """Attach a poll to a billet. The billet's author or a moderator; 2 to 10
    options (blank ones are skipped); a closing date, if any, in the future.
    Emits PollAdded. Raises PollAlreadyExists when the billet has one."""
    now = now or timezone.now()
    moderator_act = _require_manager(actor, post)
    question, labels = _clean(
        question=question,
        options=options,
        kind=kind,
        results_visibility=results_visibility,
        closes_at=closes_at,
        now=now,
    )
    try:
        with transaction.atomic():
            poll = Poll.objects.create(
                post=post,
                created_by=actor,
                question=question,
                kind=kind,
                results_visibility=results_visibility,
                closes_at=closes_at,
            )
            PollOption.objects.bulk_create(
                PollOption(poll=poll, position=position, label=label)
                for position, label in enumerate(labels, start=1)
            )
            if moderator_act:
                _log_moderator_act(actor, post, _("Poll added by a moderator."))
            emit(PollAdded(poll_id=poll.pk, post_id=post.pk))
    except IntegrityError:
        # Two requests at once: the one-to-one on the billet kept the first.
        raise exceptions.PollAlreadyExists() from None
    return poll


def _locked_poll(poll_id: int) -> Poll:
    try:
        return (
            Poll.objects.select_for_update(of=("self",))
            .select_related("post__community")
            .get(pk=poll_id)
        )
    except Poll.DoesNotExist:
        raise exceptions.PollNotFound() from None


@transaction.atomic
def edit_poll(
    *,
    actor: User,
    poll: Poll,
    question: str,
    options: Sequence[str],
    kind: str,
    results_visibility: str,
    closes_at: datetime | None,
    now: datetime | None = None,
) -> Poll:
    """Change an open poll. Once a member has voted, only the closing date may
    change (PollHasVotes otherwise): voters chose among these options under
    these terms. Closed polls are read-only (PollIsClosed)."""
    now = now or timezone.now()
    poll = _locked_poll(poll.pk)
    post = poll.post
    moderator_act = _require_manager(actor, post)
    if poll.is_closed(now):
        raise exceptions.PollIsClosed()
    question, labels = _clean(
        question=question,
        options=options,
        kind=kind,
        results_visibility=results_visibility,
        closes_at=closes_at,
        now=now,
    )
    current = list(poll.options.order_by("position"))
    terms_changed = (
        question != poll.question
        or labels != [option.label for option in current]
        or kind != poll.kind
        or results_visibility != poll.results_visibility
    )
    if terms_changed and Ballot.objects.filter(poll=poll).exists():
        raise exceptions.PollHasVotes()
    poll.question, poll.kind = question, kind
    poll.results_visibility, poll.closes_at = results_visibility, closes_at
    poll.save(
        update_fields=[
            "question",
            "kind",
            "results_visibility",
            "closes_at",
            "updated_at",
        ]
    )
    if labels != [option.label for option in current]:
        # No ballot exists (checked above): the options can be replaced outright.
        PollOption.objects.filter(poll=poll).delete()
        PollOption.objects.bulk_create(
            PollOption(poll=poll, position=position, label=label)
            for position, label in enumerate(labels, start=1)
        )
    if moderator_act:
        _log_moderator_act(actor, post, _("Poll changed by a moderator."))
    return poll


@transaction.atomic
def close_poll(*, actor: User, poll: Poll, now: datetime | None = None) -> Poll:
    """Close the poll now: it becomes read-only, results show to everyone.
    Safe to call on a closed poll (nothing changes). Emits PollClosed."""
    now = now or timezone.now()
    poll = _locked_poll(poll.pk)
    post = poll.post
    moderator_act = _require_manager(actor, post)
    if poll.is_closed(now):
        return poll
    poll.closed_at, poll.closed_by = now, actor
    poll.save(update_fields=["closed_at", "closed_by", "updated_at"])
    if moderator_act:
        _log_moderator_act(actor, post, _("Poll closed by a moderator."))
    emit(PollClosed(poll_id=poll.pk, post_id=post.pk))
    return poll


@transaction.atomic
def delete_poll(*, actor: User, poll: Poll) -> None:
    """Remove the poll with its votes (open or closed). The billet stays."""
    poll = _locked_poll(poll.pk)
    post = poll.post
    moderator_act = _require_manager(actor, post)
    if moderator_act:
        _log_moderator_act(
            actor,
            post,
            _("Poll “%(question)s” deleted by a moderator.")
            % {"question": poll.question},
        )
    poll.delete()


def _require_voter(actor: User, post: Post) -> None:
    """Voting asks what commenting asks, without the new-member rate limits
    (a vote is not a contribution others have to read)."""
    from causerie.moderation import selectors as moderation_selectors

    community = post.community
    if community.is_suspended:
        raise CommunitySuspended()
    if post.is_deleted or post.moderation_state == ModerationState.REMOVED:
        raise exceptions.PostUnavailable()
    if post.locked_at is not None:
        raise exceptions.PollLocked()
    membership = community_selectors.membership_of(member=actor, community=community)
    if not permissions.can_vote(actor, post, is_member=membership is not None):
        raise exceptions.NotAllowedToVote()
    if membership.accepted_guide_version < community.guide_version_number:
        raise GuideNotAccepted()
    if moderation_selectors.active_sanction(member=actor, community=community):
        raise exceptions.VoterSanctioned()


def vote(
    *,
    actor: User,
    poll: Poll,
    option_ids: Sequence[int],
    now: datetime | None = None,
) -> Ballot:
    """Cast or change the member's vote: one option, or a set of options for a
    multiple-choice poll. Changing replaces the previous choice. Raises
    PollIsClosed once the poll is closed."""
    now = now or timezone.now()
    chosen = set(option_ids)
    if not chosen:
        raise exceptions.VoteNeedsAnOption(field="options")
    with transaction.atomic():
        # The poll's row lock orders concurrent ballots: each one reads the
        # previous choice after the other has committed its counters.
        poll = _locked_poll(poll.pk)
        _require_voter(actor, poll.post)
        if poll.is_closed(now):
            raise exceptions.PollIsClosed()
        if not poll.is_multiple and len(chosen) > 1:
            raise exceptions.OneOptionOnly(field="options")
        valid = set(
            PollOption.objects.filter(poll=poll, pk__in=chosen).values_list(
                "pk", flat=True
            )
        )
        if valid != chosen:
            raise exceptions.UnknownOption(field="options")
        ballot, created = Ballot.objects.get_or_create(poll=poll, voter=actor)
        previous = set(
            PollVote.objects.filter(ballot=ballot).values_list("option_id", flat=True)
        )
        removed, added = previous - chosen, chosen - previous
        if removed:
            PollVote.objects.filter(ballot=ballot, option_id__in=removed).delete()
            PollOption.objects.filter(pk__in=removed).update(
                vote_count=F("vote_count") - 1
            )
        if added:
            PollVote.objects.bulk_create(
                PollVote(ballot=ballot, poll=poll, voter=actor, option_id=option_id)
                for option_id in added
            )
            PollOption.objects.filter(pk__in=added).update(
                vote_count=F("vote_count") + 1
            )
        if created:
            Poll.objects.filter(pk=poll.pk).update(voter_count=F("voter_count") + 1)
        else:
            ballot.save(update_fields=["updated_at"])
    return ballot


@transaction.atomic
def recount_poll(*, poll_id: int) -> Poll:
    """Rebuild the stored counters from the stored votes."""
    poll = _locked_poll(poll_id)
    counts = dict(
        PollOption.objects.filter(poll=poll)
        .annotate(stored=Count("votes"))
        .values_list("pk", "stored")
    )
    for option_id, stored in counts.items():
        PollOption.objects.filter(pk=option_id).update(vote_count=stored)
    poll.voter_count = Ballot.objects.filter(poll=poll).count()
    poll.save(update_fields=["voter_count", "updated_at"])
    return poll
