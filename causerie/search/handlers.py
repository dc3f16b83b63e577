"""Keep the search index current: publishing and moderation events re-index
the item they concern (run as background tasks after commit). Handlers read
the item's current state, so a late or repeated task writes the latest one."""

from causerie.core.events import handles
from causerie.moderation.events import AppealDecided, ItemDecided, ItemFlagged
from causerie.moderation.models import Appeal, Flag, ModerationDecision
from causerie.publishing.events import (
    CommentDeleted,
    CommentEdited,
    CommentPosted,
    PostDeleted,
    PostEdited,
    PostPublished,
)
from causerie.search import services


@handles(PostPublished)
@handles(PostEdited)
@handles(PostDeleted)
def index_post(event) -> None:
    services.index_post(post_id=event.post_id)


@handles(CommentPosted)
@handles(CommentEdited)
@handles(CommentDeleted)
def index_comment(event) -> None:
    services.index_comment(comment_id=event.comment_id)


def _index_item(target) -> None:
    """A decision or flag names one billet or one comment."""
    if target is None:
        return
    if target.comment_id:
        services.index_comment(comment_id=target.comment_id)
    elif target.post_id:
        services.index_post(post_id=target.post_id)


@handles(ItemFlagged)
def index_flagged_item(event) -> None:
    """Enough flags hide an item pending review."""
    _index_item(Flag.objects.filter(pk=event.flag_id).first())


@handles(ItemDecided)
def index_decided_item(event) -> None:
    _index_item(ModerationDecision.objects.filter(pk=event.decision_id).first())


@handles(AppealDecided)
def index_appealed_item(event) -> None:
    appeal = Appeal.objects.filter(pk=event.appeal_id).select_related("decision")
    _index_item(next((found.decision for found in appeal), None))
