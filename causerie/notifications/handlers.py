"""Turn publishing, moderation, governance and recognition events into
notifications and followed billets (run as background tasks)."""

from django.apps import apps

from causerie.accounts import selectors as account_selectors
from causerie.accounts.models import Mute
from causerie.communities import selectors as community_selectors
from causerie.communities.models import Membership
from causerie.core.events import handles
from causerie.core.markdown import extract_mentions
from causerie.governance.events import VoteClosed, VoteOpened
from causerie.moderation.events import (
    AppealDecided,
    AppealEscalated,
    AppealFiled,
    ItemDecided,
)
from causerie.moderation.models import Action, Appeal, ModerationDecision
from causerie.notifications import selectors, services
from causerie.notifications.models import Notification
from causerie.publishing.events import (
    CommentEdited,
    CommentPosted,
    PostEdited,
    PostPublished,
)
from causerie.publishing.models import Comment, Post
from causerie.recognition.events import (
    AnswerRequested,
    RecognitionGiven,
    RecognitionWithdrawn,
)

MAX_MENTIONS_NOTIFIED = 20  # a storm of @mentions notifies the first twenty only
MAX_CALLED_TO_ANSWER = 20  # likewise for members asked to answer one question


def _mentioned_member_ids(*, text: str, community_id: int) -> list[int]:
    """Mentions notify members of the community only."""
    handles_mentioned = sorted(extract_mentions(text))[:MAX_MENTIONS_NOTIFIED]
    if not handles_mentioned:
        return []
    return list(
        Membership.objects.filter(
            community_id=community_id, member__handle__in=handles_mentioned
        ).values_list("member_id", flat=True)
    )


@handles(PostPublished)
@handles(PostEdited)
def notify_post_mentions(event) -> None:
    post = Post.objects.filter(pk=event.post_id, deleted_at__isnull=True).first()
    if post is None:
        return
    for member_id in _mentioned_member_ids(
        text=post.body, community_id=post.community_id
    ):
        services.notify(
            recipient_id=member_id,
            actor_id=post.author_id,
            kind=Notification.Kind.MENTION,
            post_id=post.pk,
        )


@handles(CommentPosted)
def notify_reply(event) -> None:
    comment = (
        Comment.objects.filter(pk=event.comment_id)
        .select_related("parent", "post")
        .first()
    )
    if comment is None or comment.is_deleted:
        return
    replied_to = comment.parent.author_id if comment.parent else comment.post.author_id
    services.notify(
        recipient_id=replied_to,
        actor_id=comment.author_id,
        kind=Notification.Kind.REPLY,
        post_id=comment.post_id,
        comment_id=comment.pk,
    )


@handles(CommentPosted)
@handles(CommentEdited)
def notify_comment_mentions(event) -> None:
    comment = (
        Comment.objects.filter(pk=event.comment_id)
        .select_related("parent", "post")
        .first()
    )
    if comment is None or comment.is_deleted:
        return
    # The member answered already gets a reply notification for this comment.
    replied_to = comment.parent.author_id if comment.parent else comment.post.author_id
    for member_id in _mentioned_member_ids(
        text=comment.body, community_id=comment.post.community_id
    ):
        if member_id == replied_to:
            continue
        services.notify(
            recipient_id=member_id,
            actor_id=comment.author_id,
            kind=Notification.Kind.MENTION,
            post_id=comment.post_id,
            comment_id=comment.pk,
        )


def _decision_post_id(decision: ModerationDecision) -> int | None:
    return decision.post_id or (decision.comment.post_id if decision.comment else None)


@handles(ItemDecided)
def notify_decision(event) -> None:
    """The member concerned hears of every decision about them or their item; a
    warning is delivered as its own kind (issue 4: "delivered as a notification")."""
    decision = (
        ModerationDecision.objects.filter(pk=event.decision_id)
        .select_related("comment")
        .first()
    )
    post_id = _decision_post_id(decision) if decision else None
    if post_id is None:
        return
    services.notify(
        recipient_id=decision.member_id,
        actor_id=decision.moderator_id,
        kind=Notification.Kind.WARNING
        if decision.action == Action.WARN
        else Notification.Kind.DECISION,
        post_id=post_id,
        comment_id=decision.comment_id,
        decision_id=decision.pk,
    )


@handles(AppealFiled)
@handles(AppealEscalated)
def notify_appeal_to_review(event) -> None:
    """An appeal goes to the community's other moderators, or to the site
    administrators when it is escalated at once (no other moderator)."""
    appeal = (
        Appeal.objects.filter(pk=event.appeal_id)
        .select_related("decision__community", "decision__comment")
        .first()
    )
    post_id = _decision_post_id(appeal.decision) if appeal else None
    if post_id is None:
        return
    decision = appeal.decision
    if appeal.status == Appeal.Status.ESCALATED:
        reviewer_ids = account_selectors.site_administrator_ids()
    else:
        reviewer_ids = community_selectors.moderator_ids(community=decision.community)
    for reviewer_id in sorted(reviewer_ids - {decision.moderator_id}):
        services.notify(
            recipient_id=reviewer_id,
            actor_id=appeal.appellant_id,
            kind=Notification.Kind.APPEAL_TO_REVIEW,
            post_id=post_id,
            comment_id=decision.comment_id,
            decision_id=decision.pk,
        )


@handles(AppealDecided)
def notify_appeal_decided(event) -> None:
    """The appellant, and the moderator whose decision was reviewed, learn the
    outcome."""
    appeal = (
        Appeal.objects.filter(pk=event.appeal_id, status=Appeal.Status.DECIDED)
        .select_related("decision__comment")
        .first()
    )
    post_id = _decision_post_id(appeal.decision) if appeal else None
    if post_id is None:
        return
    decision = appeal.decision
    for recipient_id in (appeal.appellant_id, decision.moderator_id):
        services.notify(
            recipient_id=recipient_id,
            actor_id=appeal.reviewer_id,
            kind=Notification.Kind.APPEAL_DECIDED,
            post_id=post_id,
            comment_id=decision.comment_id,
            decision_id=decision.pk,
        )


# Followed billets and tags


@handles(PostPublished)
def follow_own_post(event) -> None:
    """Authors follow their billet."""
    post = Post.objects.filter(pk=event.post_id).first()
    if post is None:
        return
    services.follow_post_automatically(member_id=post.author_id, post_id=post.pk)


@handles(CommentPosted)
def follow_commented_post(event) -> None:
    """Commenters follow the billet they comment on (unless they unfollowed it)."""
    comment = Comment.objects.filter(pk=event.comment_id).first()
    if comment is None:
        return
    services.follow_post_automatically(
        member_id=comment.author_id, post_id=comment.post_id
    )


def _muting(member_ids: set[int], author_id: int) -> set[int]:
    """Those who muted the author do not hear of what the author writes."""
    return set(
        Mute.objects.filter(member_id__in=member_ids, muted_id=author_id).values_list(
            "member_id", flat=True
        )
    )


@handles(CommentPosted)
def notify_post_followers(event) -> None:
    """Followers of the billet hear of a new comment, except its author and those
    told already by a reply or a mention notification."""
    comment = (
        Comment.objects.filter(pk=event.comment_id)
        .select_related("parent", "post")
        .first()
    )
    if comment is None or comment.is_deleted or not comment.is_visible:
        return
    replied_to = comment.parent.author_id if comment.parent else comment.post.author_id
    told = {comment.author_id, replied_to}
    told.update(
        _mentioned_member_ids(text=comment.body, community_id=comment.post.community_id)
    )
    follower_ids = selectors.post_follower_ids(post_id=comment.post_id) - told
    for member_id in sorted(follower_ids - _muting(follower_ids, comment.author_id)):
        services.notify(
            recipient_id=member_id,
            actor_id=comment.author_id,
            kind=Notification.Kind.FOLLOWED_POST,
            post_id=comment.post_id,
            comment_id=comment.pk,
        )


@handles(PostPublished)
def notify_tag_followers(event) -> None:
    """Followers of one of the billet's tags hear of it, except its author and the
    members it mentions. The TagFollow model belongs to communities (issue 8,
    tags); until it exists there is nobody to notify."""
    try:
        tag_follow = apps.get_model("communities", "TagFollow")
    except LookupError:
        return
    post = (
        Post.objects.filter(pk=event.post_id, deleted_at__isnull=True)
        .prefetch_related("tags")
        .first()
    )
    if post is None or not post.is_visible:
        return
    tag_ids = [tag.pk for tag in post.tags.all()]
    if not tag_ids:
        return
    told = {post.author_id}
    told.update(_mentioned_member_ids(text=post.body, community_id=post.community_id))
    follower_ids = (
        set(
            tag_follow.objects.filter(tag_id__in=tag_ids).values_list(
                "member_id", flat=True
            )
        )
        - told
    )
    for member_id in sorted(follower_ids - _muting(follower_ids, post.author_id)):
        services.notify(
            recipient_id=member_id,
            actor_id=post.author_id,
            kind=Notification.Kind.FOLLOWED_TAG,
            post_id=post.pk,
        )


# Votes and elections


@handles(VoteOpened)
def notify_vote_opened(event) -> None:
    """Every member of the community hears that a vote (amendment, recall) or an
    election opens, except whoever opened it. Muting does not apply: the vote
    belongs to the community, not to the member who opened it."""
    services.notify_community(
        community_id=event.community_id,
        kind=Notification.Kind.VOTE_OPENED,
        subject_type=event.subject,
        subject_url=event.path,
        subject_title=event.title,
        actor_id=event.actor_id,
    )


@handles(VoteClosed)
def notify_vote_closed(event) -> None:
    """Every member of the community hears that a vote or an election closed,
    with a link to its result."""
    services.notify_community(
        community_id=event.community_id,
        kind=Notification.Kind.VOTE_CLOSED,
        subject_type=event.subject,
        subject_url=event.path,
        subject_title=event.title,
    )


# Recognition


@handles(RecognitionGiven)
def notify_recognition(event) -> None:
    """The author hears that their billet or comment was recognised, grouped
    with the other recognitions of the same item while unread."""
    services.notify_recognised(
        author_id=event.author_id,
        recogniser_id=event.recogniser_id,
        post_id=event.post_id,
        comment_id=event.comment_id,
    )


@handles(RecognitionWithdrawn)
def regroup_withdrawn_recognition(event) -> None:
    """A withdrawn recognition leaves the author's unread notifications: the
    count goes down, or the notification goes when it was the only one."""
    services.regroup_recognitions(
        author_id=event.author_id, community_id=event.community_id
    )


@handles(AnswerRequested)
def notify_called_to_answer(event) -> None:
    """Members asked to answer a question hear of it, if they belong to its
    community; the asker is never told, and those who turned the kind off in-app
    and by email are left out by `notify`."""
    post = Post.objects.filter(pk=event.post_id, deleted_at__isnull=True).first()
    if post is None or not post.is_visible:
        return
    asked = [
        member_id for member_id in event.member_ids if member_id != event.actor_id
    ][:MAX_CALLED_TO_ANSWER]
    member_ids = Membership.objects.filter(
        community_id=post.community_id,
        member_id__in=asked,
        member__is_active=True,
    ).values_list("member_id", flat=True)
    for member_id in sorted(member_ids):
        services.notify(
            recipient_id=member_id,
            actor_id=event.actor_id,
            kind=Notification.Kind.CALLED_TO_ANSWER,
            post_id=post.pk,
        )
