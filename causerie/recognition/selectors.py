"""Reads of recognition for pages: what a thread shows of recognition (the
viewer's own "Utile", who recognised the viewer's items, contribution profiles
next to names, the accepted answer), the recognisers of an item (for its
author), and suggestions of members who could answer a question.

Each function runs a fixed number of queries whatever the size of the thread.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Q

from causerie.publishing.models import Comment, Post
from causerie.recognition.models import AnswerRequest, Recognition
from causerie.standing.models import ContributionProfile

# Profiles shown next to names: "new" (not enough signal yet) shows nothing.
SHOWN_PROFILES = (
    ContributionProfile.Kind.RECOGNISED_EXPERT,
    ContributionProfile.Kind.SPECIALIST,
    ContributionProfile.Kind.DISCREET_EXPERT,
)


@dataclass
class PageRecognition:
    """What a billet page (or a thread page) shows of recognition.

    `given`: the viewer's "Utile" on this page, by comment id (None: the
    billet). `received`: how many recognitions each of the viewer's own items
    here got (for them only). `profiles`: contribution profile kind per
    author id (absent: nothing shown)."""

    profiles: dict[int, str] = field(default_factory=dict)
    given: set[int | None] = field(default_factory=set)
    received: Counter = field(default_factory=Counter)
    accepted_comment_id: int | None = None


def page_recognition(*, viewer, post: Post, thread) -> PageRecognition:
    """Everything a thread page shows of recognition, in two queries (one for a
    visitor): the profiles of every author on the page, then the viewer's
    given and received recognitions on this billet."""
    author_ids = {item.comment.author_id for item in thread}
    author_ids.add(post.author_id)
    page = PageRecognition(
        profiles=contribution_profiles(
            community_id=post.community_id, member_ids=author_ids
        ),
        accepted_comment_id=post.accepted_comment_id,
    )
    if not viewer.is_authenticated:
        return page
    rows = (
        Recognition.objects.filter(post=post)
        .filter(Q(recogniser=viewer, kind=Recognition.Kind.USEFUL) | Q(author=viewer))
        .values_list("recogniser_id", "author_id", "comment_id")
    )
    for recogniser_id, author_id, comment_id in rows:
        if recogniser_id == viewer.pk:
            page.given.add(comment_id)
        if author_id == viewer.pk:
            page.received[comment_id] += 1
    return page


def contribution_profiles(*, community_id: int, member_ids) -> dict[int, str]:
    """The shown contribution profile kind of each member, in one query."""
    if not member_ids:
        return {}
    return dict(
        ContributionProfile.objects.filter(
            community_id=community_id,
            member_id__in=list(member_ids),
            kind__in=SHOWN_PROFILES,
        ).values_list("member_id", "kind")
    )


def profile_label(kind: str) -> str:
    """The words shown for a profile kind (translated, not escaped)."""
    return str(ContributionProfile.Kind(kind).label)


def viewer_recognition(*, viewer, post: Post, comment: Comment | None):
    """The viewer's "Utile" on one item, or None (one query, none for a visitor)."""
    if not viewer.is_authenticated:
        return None
    recognitions = Recognition.objects.filter(
        recogniser=viewer, post=post, kind=Recognition.Kind.USEFUL
    ).select_related("tag")
    if comment is None:
        return recognitions.filter(comment__isnull=True).first()
    return recognitions.filter(comment=comment).first()


def recognisers(*, post: Post, comment: Comment | None) -> list[Recognition]:
    """Who recognised an item, newest first, with their domain: for the
    item's author only (views check it). One query."""
    recognitions = Recognition.objects.filter(post=post).select_related(
        "recogniser", "tag"
    )
    if comment is None:
        recognitions = recognitions.filter(comment__isnull=True)
    else:
        recognitions = recognitions.filter(comment=comment)
    return list(recognitions.order_by("-given_at", "-pk")[:500])


def answer_suggestions(*, post: Post, limit: int = 5) -> list:
    """Up to `limit` members likely to know the answer to a question, best
    first, its asker excluded (the standing app ranks them). Empty while the
    standing app does not provide its ranking."""
    try:
        from causerie.standing.selectors import who_could_answer
    except ImportError:
        return []
    suggested = who_could_answer(post=post, limit=limit)
    if suggested and isinstance(suggested[0], int):
        from causerie.accounts.models import User

        users = User.objects.in_bulk(suggested)
        suggested = [users[pk] for pk in suggested if pk in users]
    return [member for member in suggested if member.pk != post.author_id][:limit]


def asked_member_ids(*, post: Post) -> set[int]:
    """Members already asked to answer this question (one query)."""
    return set(
        AnswerRequest.objects.filter(post=post).values_list("member_id", flat=True)
    )


def accepted_item(*, post: Post, thread):
    """The accepted answer among the thread's items, or None (no query)."""
    if post.accepted_comment_id is None:
        return None
    for item in thread:
        if item.comment.pk == post.accepted_comment_id:
            return item.comment
    return None
