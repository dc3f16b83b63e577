"""Quotes react to publishing and moderation events (run as background tasks):
the status of the quotes of an edited, deleted or moderated item, and the
notifications of the quoted and quoting members."""

from causerie.core.events import handles
from causerie.moderation.events import AppealDecided, ItemDecided, ItemFlagged
from causerie.notifications.models import Notification
from causerie.publishing.events import (
    CommentDeleted,
    CommentEdited,
    PostDeleted,
    PostEdited,
)
from causerie.publishing.models import Comment
from causerie.quotes import services
from causerie.quotes.events import MemberQuoted, QuoteAnswered
from causerie.quotes.models import Quote, QuoteReply


@handles(PostEdited)
@handles(PostDeleted)
def refresh_post_quotes(event) -> None:
    """The billet's own quotes, and its comments' (they follow the billet)."""
    services.refresh_quotes_of(post_id=event.post_id)


@handles(CommentEdited)
@handles(CommentDeleted)
def refresh_comment_quotes(event) -> None:
    comment = Comment.objects.filter(pk=event.comment_id).only("post_id").first()
    if comment is not None:
        services.refresh_quotes_of(post_id=comment.post_id, comment_id=comment.pk)


def _refresh_item(target) -> None:
    """`target`: a decision or a flagged item (one billet or one comment)."""
    if target.comment_id:
        services.refresh_quotes_of(
            post_id=target.comment.post_id, comment_id=target.comment_id
        )
    elif target.post_id:
        services.refresh_quotes_of(post_id=target.post_id)


@handles(ItemFlagged)
def refresh_flagged_quotes(event) -> None:
    """Enough flags hide the item pending review."""
    from causerie.moderation.models import Flag

    flag = (
        Flag.objects.select_related("flagged_item__comment")
        .filter(pk=event.flag_id)
        .first()
    )
    if flag is not None:
        _refresh_item(flag.flagged_item)


@handles(ItemDecided)
def refresh_decided_quotes(event) -> None:
    """Hidden, removed, edited or restored by the moderators."""
    from causerie.moderation.models import ModerationDecision

    decision = (
        ModerationDecision.objects.select_related("comment")
        .filter(pk=event.decision_id)
        .first()
    )
    if decision is not None:
        _refresh_item(decision)


@handles(AppealDecided)
def refresh_appealed_quotes(event) -> None:
    """A reversed decision restores the item."""
    from causerie.moderation.models import Appeal

    appeal = (
        Appeal.objects.select_related("decision__comment")
        .filter(pk=event.appeal_id)
        .first()
    )
    if appeal is not None:
        _refresh_item(appeal.decision)


@handles(MemberQuoted)
def notify_quoted_member(event) -> None:
    from causerie.notifications import services as notification_services

    quote = Quote.objects.select_related("citing_post", "citing_comment").get(
        pk=event.quote_id
    )
    citing = quote.citing_comment or quote.citing_post
    notification_services.notify(
        recipient_id=quote.source_author_id,
        actor_id=citing.author_id,
        kind=Notification.Kind.QUOTED,
        post_id=quote.citing_post_id,
        comment_id=quote.citing_comment_id,
    )


@handles(QuoteAnswered)
def notify_quoting_member(event) -> None:
    from causerie.notifications import services as notification_services

    reply = QuoteReply.objects.select_related(
        "quote__citing_post", "quote__citing_comment"
    ).get(pk=event.reply_id)
    quote = reply.quote
    citing = quote.citing_comment or quote.citing_post
    notification_services.notify(
        recipient_id=citing.author_id,
        actor_id=reply.author_id,
        kind=Notification.Kind.QUOTE_REPLY,
        post_id=quote.citing_post_id,
        comment_id=quote.citing_comment_id,
    )
