"""Reads of the polls app: a billet's poll with its results, in at most two
queries whatever the number of options and voters."""

from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone

from causerie.polls import permissions
from causerie.polls.exceptions import PollNotFound
from causerie.polls.models import Poll, PollOption, PollVote, ResultsVisibility
from causerie.publishing import permissions as publishing_permissions
from causerie.publishing.models import Post


@dataclass(frozen=True)
class OptionResult:
    option: PollOption
    count: int
    percent: int
    chosen: bool


def poll_of_post(*, post_id: int) -> Poll | None:
    """The billet's poll with its options in display order, in one query (none
    for the poll itself: it comes with its options)."""
    options = list(
        PollOption.objects.filter(poll__post_id=post_id)
        .select_related("poll")
        .order_by("position")
    )
    if not options:
        return None
    poll = options[0].poll
    for option in options:
        option.poll = poll
    poll.option_list = options
    return poll


def poll_for_page(*, post: Post) -> Poll:
    poll = poll_of_post(post_id=post.pk)
    if poll is None:
        raise PollNotFound()
    poll.post = post
    return poll


def chosen_option_ids(*, viewer, poll: Poll) -> set[int]:
    """The options of the viewer's current vote (empty when they have not voted)."""
    if not viewer.is_authenticated:
        return set()
    return set(
        PollVote.objects.filter(poll=poll, voter=viewer).values_list(
            "option_id", flat=True
        )
    )


def poll_panel(
    *,
    viewer,
    post: Post,
    is_member: bool,
    is_moderator: bool,
    poll: Poll | None = None,
    now: datetime | None = None,
) -> dict:
    """Everything the poll block of a billet shows: one query without a poll,
    two with one (its options, then the viewer's vote)."""
    now = now or timezone.now()
    if poll is None:
        poll = poll_of_post(post_id=post.pk)
    can_manage = permissions.can_manage_poll(viewer, post, is_moderator=is_moderator)
    if poll is None:
        return {"poll": None, "can_add_poll": can_manage}
    poll.post = post
    chosen = chosen_option_ids(viewer=viewer, poll=poll)
    is_closed = poll.is_closed(now)
    show_results = permissions.can_see_results(
        is_closed=is_closed,
        always_visible=poll.results_visibility == ResultsVisibility.ALWAYS,
        has_voted=bool(chosen),
    )
    total = poll.voter_count
    results = [
        OptionResult(
            option=option,
            count=option.vote_count,
            percent=round(100 * option.vote_count / total) if total else 0,
            chosen=option.pk in chosen,
        )
        for option in poll.option_list
    ]
    return {
        "poll": poll,
        "results": results,
        "has_voted": bool(chosen),
        "is_closed": is_closed,
        "closing_time": poll.closing_time(),
        "show_results": show_results,
        "can_vote": not is_closed
        and permissions.can_vote(viewer, post, is_member=is_member),
        "can_manage": can_manage,
        "can_edit_terms": can_manage and not is_closed and total == 0,
        "can_read": publishing_permissions.can_read_moderated_text(
            viewer, post, is_moderator=is_moderator
        ),
    }
