"""Reactions of accounts: a new member's first contributions can raise their
trust level without waiting for the daily job; logging in counts as a visit."""

from causerie.accounts import services, trust
from causerie.accounts.models import User
from causerie.core.events import handles
from causerie.publishing.events import CommentPosted, PostPublished
from causerie.recognition.events import RecognitionGiven

# A contribution raises levels 0 and 1 at once (flags and the end of the
# new-member limits, then level 2); higher levels wait for the daily job, so an
# active member's every comment costs one query here.
RECOMPUTED_BELOW = trust.REGULAR


def _recompute(authors) -> None:
    """One query when nothing can change; the author is loaded only if their
    level is low enough for a contribution to raise it."""
    member = authors.filter(
        trust_level__lt=RECOMPUTED_BELOW, trust_level_granted=False, is_active=True
    ).first()
    if member is not None:
        services.recompute_trust_level(member=member)


@handles(CommentPosted)
def recompute_level_after_comment(event) -> None:
    _recompute(User.objects.filter(comments__pk=event.comment_id))


@handles(PostPublished)
def recompute_level_after_post(event) -> None:
    _recompute(User.objects.filter(posts__pk=event.post_id))


@handles(RecognitionGiven)
def recompute_level_after_recognition(event) -> None:
    """Being recognised by varied members counts like being answered."""
    _recompute(User.objects.filter(pk=event.author_id))


def record_visit_on_login(sender, request, user, **kwargs) -> None:
    """Connected to Django's user_logged_in (as Django's own last_login is).
    Logging in is a visit; recording it here also means the pages that follow
    never pay for the day's write, so their query counts do not depend on
    being the first request of the day."""
    services.record_visit(member=user)
