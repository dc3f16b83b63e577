"""Writes of recognition: "Utile" on billets and comments, accepted answers,
and asking members to answer a question.

Every write emits its event after commit (RecognitionGiven, RecognitionWithdrawn,
AnswerRequested): standing is recomputed and members are notified by handlers,
never inside the request.
"""

from collections.abc import Iterable
from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from causerie.accounts.models import User
from causerie.communities import selectors as community_selectors
from causerie.communities.exceptions import CommunitySuspended, NotAMember
from causerie.communities.models import Membership, Tag
from causerie.core.events import emit
from causerie.core.exceptions import NotAllowed
from causerie.publishing import services as publishing_services
from causerie.publishing.exceptions import MemberSanctioned, PostDeleted
from causerie.publishing.models import Comment, Post
from causerie.recognition import permissions
from causerie.recognition.events import (
    AnswerRequested,
    RecognitionGiven,
    RecognitionWithdrawn,
)
from causerie.recognition.exceptions import (
    AlreadyRecognised,
    AnswerRequestLimitReached,
    AnswersAlreadyRequested,
    CannotAcceptOwnAnswer,
    CannotRecogniseOwnItem,
    DomainNotInCommunity,
    ItemNotRecognisable,
    NoMembersChosen,
    NotAnAnswer,
    NotAQuestion,
    NotSuggested,
    NotTheAsker,
    QuestionAlreadyAnswered,
    RecognitionLimitReached,
    TooManyMembersAsked,
)
from causerie.recognition.models import AnswerRequest, Recognition

# Defaults of the rate limits; settings of the same name override them.
RECOGNITIONS_PER_HOUR = 60
ANSWER_REQUESTS_PER_DAY = 5
MEMBERS_PER_ANSWER_REQUEST = 5


def recognitions_per_hour() -> int:
    return getattr(settings, "CAUSERIE_RECOGNITIONS_PER_HOUR", RECOGNITIONS_PER_HOUR)


def answer_requests_per_day() -> int:
    return getattr(
        settings, "CAUSERIE_ANSWER_REQUESTS_PER_DAY", ANSWER_REQUESTS_PER_DAY
    )


def default_domain(post: Post) -> Tag | None:
    """The domain a recognition gets when none is chosen: the billet's tag if
    it has exactly one (a recognition of "the" topic), otherwise none."""
    tags = list(post.tags.all())
    return tags[0] if len(tags) == 1 else None


def recognise_item(
    *,
    actor: User,
    post: Post,
    comment: Comment | None = None,
    tag: Tag | None = None,
    use_default_domain: bool = True,
    now: datetime | None = None,
) -> Recognition:
    """The actor says a billet (or one of its comments) was useful, optionally
    in one of the community's tags. Any member may, trust level 0 included
    (standing gives new members little weight); never on one's own item, on a
    deleted or hidden one, twice, or past the hourly limit. Without a tag and
    with `use_default_domain`, the billet's only tag is used. Emits
    RecognitionGiven after commit.

    Raises CommunitySuspended, NotAMember, MemberSanctioned, CannotRecogniseOwnItem,
    ItemNotRecognisable, DomainNotInCommunity, AlreadyRecognised,
    RecognitionLimitReached."""
    now = now or timezone.now()
    item = comment if comment is not None else post
    community = post.community
    if not actor.is_authenticated:
        raise NotAllowed()
    if comment is not None and comment.post_id != post.pk:
        raise ItemNotRecognisable()
    if community.is_suspended:
        raise CommunitySuspended()
    if actor.pk == item.author_id:
        raise CannotRecogniseOwnItem()
    if not community_selectors.is_member(member=actor, community=community):
        raise NotAMember()
    _refuse_sanctioned(actor, community)
    if not permissions.is_recognisable(item, post):
        raise ItemNotRecognisable()
    if tag is not None and tag.community_id != community.pk:
        raise DomainNotInCommunity(field="tag")
    if tag is None and use_default_domain:
        tag = default_domain(post)
    if _given(actor, post, comment).exists():
        raise AlreadyRecognised()
    limit = recognitions_per_hour()
    recent = Recognition.objects.filter(
        recogniser=actor,
        kind=Recognition.Kind.USEFUL,
        created_at__gte=now - timedelta(hours=1),
    ).count()
    if recent >= limit:
        raise RecognitionLimitReached(
            RecognitionLimitReached.message % {"count": limit}
        )
    try:
        with transaction.atomic():
            recognition = Recognition.objects.create(
                community=community,
                recogniser=actor,
                author_id=item.author_id,
                post=post,
                comment=comment,
                tag=tag,
                kind=Recognition.Kind.USEFUL,
                given_at=now,
            )
    except IntegrityError:  # a concurrent request (double click) got there first
        raise AlreadyRecognised() from None
    _emit_given(recognition)
    return recognition


def withdraw_recognition(
    *, actor: User, post: Post, comment: Comment | None = None
) -> bool:
    """Undo the actor's "Utile" on a billet or comment, whatever became of the
    item. Safe to call twice: returns whether something was withdrawn; emits
    RecognitionWithdrawn only then."""
    if not actor.is_authenticated:
        raise NotAllowed()
    with transaction.atomic():
        recognition = _given(actor, post, comment).select_for_update().first()
        if recognition is None:
            return False
        recognition.delete()
        emit(
            RecognitionWithdrawn(
                community_id=post.community_id,
                recogniser_id=actor.pk,
                author_id=recognition.author_id,
            )
        )
    return True


def accept_answer(
    *, actor: User, post: Post, comment: Comment, now: datetime | None = None
) -> Recognition:
    """The asker marks one direct answer (a top-level comment of the billet) as
    the accepted answer: a recognition of kind ACCEPTED_ANSWER from the asker
    to the answerer, in the billet's only tag if it has one. Choosing another
    answer withdraws the previous acceptance. Accepting the accepted answer
    again changes nothing. Emits RecognitionWithdrawn for a replaced answer,
    then RecognitionGiven.

    Raises NotTheAsker, NotAQuestion, PostDeleted, CommunitySuspended,
    NotAnAnswer, CannotAcceptOwnAnswer, ItemNotRecognisable."""
    now = now or timezone.now()
    community = post.community
    if not actor.is_authenticated or actor.pk != post.author_id:
        raise NotTheAsker()
    if post.is_deleted:
        raise PostDeleted()
    if community.is_suspended:
        raise CommunitySuspended()
    if not post.is_question:
        raise NotAQuestion()
    if comment.post_id != post.pk or comment.parent_id is not None:
        raise NotAnAnswer()
    if comment.author_id == actor.pk:
        raise CannotAcceptOwnAnswer()
    if not permissions.is_recognisable(comment, post):
        raise ItemNotRecognisable()
    with transaction.atomic():
        locked = Post.objects.select_for_update().get(pk=post.pk)
        if locked.accepted_comment_id == comment.pk:
            existing = _accepted(post).filter(comment=comment).first()
            if existing is not None:
                post.accepted_comment_id = comment.pk
                return existing
        replaced = list(_accepted(post).select_for_update())
        for old in replaced:
            old.delete()
            emit(
                RecognitionWithdrawn(
                    community_id=community.pk,
                    recogniser_id=actor.pk,
                    author_id=old.author_id,
                )
            )
        recognition = Recognition.objects.create(
            community=community,
            recogniser=actor,
            author_id=comment.author_id,
            post=post,
            comment=comment,
            tag=default_domain(post),
            kind=Recognition.Kind.ACCEPTED_ANSWER,
            given_at=now,
        )
        publishing_services.set_accepted_comment(post=post, comment=comment)
        _emit_given(recognition)
    return recognition


def withdraw_accepted_answer(*, actor: User, post: Post) -> bool:
    """The asker un-marks the accepted answer; its recognition is withdrawn.
    Safe to call twice: returns whether something changed; emits
    RecognitionWithdrawn only then. Raises NotTheAsker."""
    if not actor.is_authenticated or actor.pk != post.author_id:
        raise NotTheAsker()
    with transaction.atomic():
        Post.objects.select_for_update().filter(pk=post.pk).first()
        accepted = list(_accepted(post).select_for_update())
        changed = bool(accepted) or post.accepted_comment_id is not None
        for old in accepted:
            old.delete()
            emit(
                RecognitionWithdrawn(
                    community_id=post.community_id,
                    recogniser_id=actor.pk,
                    author_id=old.author_id,
                )
            )
        if post.accepted_comment_id is not None:
            publishing_services.set_accepted_comment(post=post, comment=None)
    return changed


def request_answers(
    *,
    actor: User,
    post: Post,
    member_ids: Iterable[int],
    now: datetime | None = None,
) -> list[int]:
    """The asker of an unanswered question asks up to five members of the
    community to answer it ("Qui pourrait répondre ?"), once per question and
    for a few questions a day. Emits AnswerRequested with the members asked;
    the notifications app delivers it to those who did not turn such
    notifications off. Returns the member ids asked.

    Raises NotTheAsker, NotAQuestion, PostDeleted, CommunitySuspended,
    QuestionAlreadyAnswered, NoMembersChosen, TooManyMembersAsked, NotSuggested,
    AnswersAlreadyRequested, AnswerRequestLimitReached."""
    now = now or timezone.now()
    community = post.community
    if not actor.is_authenticated or actor.pk != post.author_id:
        raise NotTheAsker()
    if post.is_deleted:
        raise PostDeleted()
    if community.is_suspended:
        raise CommunitySuspended()
    if not post.is_question:
        raise NotAQuestion()
    if post.accepted_comment_id is not None:
        raise QuestionAlreadyAnswered()
    if not permissions.is_recognisable(post, post):
        raise ItemNotRecognisable()
    chosen = list(dict.fromkeys(int(member_id) for member_id in member_ids))
    if not chosen:
        raise NoMembersChosen(field="members")
    if len(chosen) > MEMBERS_PER_ANSWER_REQUEST:
        raise TooManyMembersAsked(
            TooManyMembersAsked.message % {"count": MEMBERS_PER_ANSWER_REQUEST},
            field="members",
        )
    members_here = set(
        Membership.objects.filter(
            community=community, member_id__in=chosen, member__is_active=True
        ).values_list("member_id", flat=True)
    )
    if actor.pk in chosen or not set(chosen) <= members_here:
        raise NotSuggested(field="members")
    if AnswerRequest.objects.filter(post=post, asker=actor).exists():
        raise AnswersAlreadyRequested()
    limit = answer_requests_per_day()
    questions_today = (
        AnswerRequest.objects.filter(
            asker=actor, created_at__gte=now - timedelta(days=1)
        )
        .values("post_id")
        .distinct()
        .count()
    )
    if questions_today >= limit:
        raise AnswerRequestLimitReached(
            AnswerRequestLimitReached.message % {"count": limit}
        )
    try:
        with transaction.atomic():
            AnswerRequest.objects.bulk_create(
                AnswerRequest(post=post, asker=actor, member_id=member_id)
                for member_id in chosen
            )
            emit(
                AnswerRequested(
                    post_id=post.pk, actor_id=actor.pk, member_ids=tuple(chosen)
                )
            )
    except IntegrityError:  # a concurrent request asked them already
        raise AnswersAlreadyRequested() from None
    return chosen


def _given(actor: User, post: Post, comment: Comment | None):
    recognitions = Recognition.objects.filter(
        recogniser=actor, post=post, kind=Recognition.Kind.USEFUL
    )
    if comment is None:
        return recognitions.filter(comment__isnull=True)
    return recognitions.filter(comment=comment)


def _accepted(post: Post):
    return Recognition.objects.filter(
        post=post, recogniser_id=post.author_id, kind=Recognition.Kind.ACCEPTED_ANSWER
    )


def _refuse_sanctioned(actor: User, community) -> None:
    from causerie.moderation import selectors as moderation_selectors

    if moderation_selectors.active_sanction(member=actor, community=community):
        raise MemberSanctioned()


def _emit_given(recognition: Recognition) -> None:
    emit(
        RecognitionGiven(
            recognition_id=recognition.pk,
            community_id=recognition.community_id,
            recogniser_id=recognition.recogniser_id,
            author_id=recognition.author_id,
            post_id=recognition.post_id,
            comment_id=recognition.comment_id,
        )
    )
