"""Trust levels: the rules of accounts.trust, applied by the services, the
daily job and the handler of new contributions."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from causerie.accounts import services, tasks
from causerie.accounts.exceptions import NotASiteAdministrator
from causerie.accounts.models import User, VisitDay
from causerie.core.scheduling import PERIODIC_TASKS
from causerie.core.testing import join, make_community, make_member
from causerie.moderation import services as moderation_services
from causerie.moderation.models import FlaggedItem, Reason
from causerie.publishing import services as publishing_services
from causerie.publishing.models import Comment
from causerie.recognition import services as recognition_services


def member_in(community, handle, *, trust_level, joined=timedelta(days=200)):
    member = make_member(
        handle, trust_level=trust_level, date_joined=timezone.now() - joined
    )
    join(member, community)
    return member


def visit(member, days: int, *, days_ago: int = 0) -> None:
    """Visits on `days` different days, the latest `days_ago` days ago."""
    today = timezone.localdate()
    VisitDay.objects.bulk_create(
        VisitDay(member=member, day=today - timedelta(days=days_ago + number))
        for number in range(days)
    )


def billets(community, author, count: int, *, days_ago: int = 0) -> list:
    start = timezone.now() - timedelta(days=days_ago, minutes=1)
    return [
        publishing_services.publish_post(
            actor=author,
            community=community,
            title=f"Billet {number}",
            body="Du texte.",
            intent="information",
            published_at=start - timedelta(minutes=number),
        )
        for number in range(count)
    ]


def read(member, posts) -> None:
    for post in posts:
        services.record_read(member=member, post=post)


def write_comments(member, post, count: int, *, days_ago: int = 0) -> list:
    """Comments dated in the past, so that they leave the new-member limits alone."""
    start = timezone.now() - timedelta(days=days_ago, minutes=1)
    return [
        publishing_services.post_comment(
            actor=member,
            post=post,
            body=f"Commentaire {number}",
            posted_at=start - timedelta(minutes=number),
        )
        for number in range(count)
    ]


def replies_from(count: int, *, post, parent=None, prefix: str) -> None:
    """`count` different members answer: the comment `parent`, or the billet."""
    for number in range(count):
        replier = member_in(post.community, f"{prefix}{number}", trust_level=1)
        publishing_services.post_comment(
            actor=replier, post=post, parent=parent, body="Bien vu."
        )


def uphold_flags(*, count: int, comment, moderator, action="hide", **decision):
    """`count` members flag the comment; the moderator decides with `action`."""
    for number in range(count):
        flagger = member_in(comment.post.community, f"signaleur{number}", trust_level=1)
        moderation_services.flag_item(
            actor=flagger, comment=comment, reason=Reason.SPAM
        )
    flagged_item = FlaggedItem.objects.get(comment=comment)
    return moderation_services.decide_item(
        actor=moderator,
        flagged_item_id=flagged_item.pk,
        action=action,
        reason=Reason.SPAM,
        **decision,
    )


def stored_level(member) -> int:
    return User.objects.get(pk=member.pk).trust_level


@pytest.fixture
def founder(db):
    return make_member("fondatrice")


@pytest.fixture
def place(founder):
    return make_community(founder=founder)


@pytest.fixture
def author(place):
    """Another member whose billets the members under test open."""
    return member_in(place, "auteur", trust_level=1)


# Level 1: member for 1 day, 5 billets opened, 1 comment.


def member_activity(place, author, *, joined, reads=5, comments=1, comments_days_ago=0):
    member = member_in(place, "novice", trust_level=0, joined=joined)
    posts = billets(place, author, 5, days_ago=comments_days_ago)
    read(member, posts[:reads])
    write_comments(member, posts[0], comments, days_ago=comments_days_ago)
    return member


def test_recompute_trust_level_reaches_level_1_when_every_requirement_is_met(
    place, author
):
    member = member_activity(place, author, joined=timedelta(days=1, minutes=1))

    level = services.recompute_trust_level(member=member)

    assert level == 1
    assert member.trust_level == 1
    assert stored_level(member) == 1


@pytest.mark.parametrize(
    "shortfall",
    [
        {"joined": timedelta(hours=23, minutes=59)},
        {"reads": 4},
        {"comments": 0},
    ],
    ids=["member-days", "billets-opened", "comments"],
)
def test_recompute_trust_level_stays_at_0_when_a_level_1_requirement_is_just_missed(
    place, author, shortfall
):
    activity = {"joined": timedelta(days=1, minutes=1), **shortfall}
    member = member_activity(place, author, **activity)

    assert services.recompute_trust_level(member=member) == 0
    assert stored_level(member) == 0


# Level 2: 15 days visited, 50 billets opened, 20 comments, replies from 5 members.


def regular_activity(place, author, *, days=15, reads=50, comments=20, repliers=5):
    member = member_in(place, "habituee", trust_level=1)
    visit(member, days)
    posts = billets(place, author, 50, days_ago=150)
    read(member, posts[:reads])
    written = write_comments(member, posts[0], comments, days_ago=150)
    # Replies to one of the member's comments (the other path, replies on
    # their billets, is exercised by level 3).
    replies_from(repliers, post=posts[0], parent=written[0], prefix="lecteur")
    return member


def test_recompute_trust_level_reaches_level_2_when_every_requirement_is_met(
    place, author
):
    member = regular_activity(place, author)

    assert services.recompute_trust_level(member=member) == 2
    assert stored_level(member) == 2


@pytest.mark.parametrize(
    "shortfall",
    [{"days": 14}, {"reads": 49}, {"comments": 19}, {"repliers": 4}],
    ids=["days-visited", "billets-opened", "comments", "repliers"],
)
def test_recompute_trust_level_stays_at_1_when_a_level_2_requirement_is_just_missed(
    place, author, shortfall
):
    member = regular_activity(place, author, **shortfall)

    assert services.recompute_trust_level(member=member) == 1


def test_recompute_trust_level_ignores_replies_the_member_writes_to_themselves(
    place, author
):
    member = regular_activity(place, author, repliers=4)
    own_post = billets(place, member, 1)[0]
    write_comments(member, own_post, 3)

    assert services.recompute_trust_level(member=member) == 1


def test_recompute_trust_level_counts_a_member_who_recognised_like_one_who_replied(
    place, author
):
    member = regular_activity(place, author, repliers=4)
    written = Comment.objects.filter(author=member).order_by("pk")
    recogniser = member_in(place, "reconnaissante", trust_level=1)
    recognition_services.recognise_item(
        actor=recogniser, post=written[1].post, comment=written[1]
    )

    assert services.recompute_trust_level(member=member) == 2


def test_recompute_trust_level_counts_once_a_member_who_replied_and_recognised(
    place, author
):
    member = regular_activity(place, author, repliers=4)
    written = Comment.objects.filter(author=member).order_by("pk")
    replier = User.objects.get(handle="lecteur0")
    recognition_services.recognise_item(
        actor=replier, post=written[1].post, comment=written[1]
    )

    assert services.recompute_trust_level(member=member) == 1


# Level 3, over the last 100 days: 50 days visited, 25% of new billets opened,
# 30 contributions, replies from 10 members, at most 2 upheld flags.


def pillar_activity(
    place,
    author,
    *,
    level=2,
    days=50,
    unread=3,
    contributions=30,
    repliers=10,
):
    """A member at exactly the level 3 requirements by default. They open 1 of
    the 1 + `unread` billets others publish in the window (25% with 3 unread)."""
    member = member_in(place, "pilier", trust_level=level)
    visit(member, days)
    own_post = billets(place, member, 1)[0]
    discussed = billets(place, author, 1 + unread)
    read(member, discussed[:1])
    write_comments(member, discussed[0], contributions - 1)
    replies_from(repliers, post=own_post, prefix="lecteur")
    return member


def test_recompute_trust_level_reaches_level_3_when_every_requirement_is_met(
    place, author
):
    member = pillar_activity(place, author)

    assert services.recompute_trust_level(member=member) == 3
    assert stored_level(member) == 3


@pytest.mark.parametrize(
    "shortfall",
    [{"days": 49}, {"unread": 4}, {"contributions": 29}, {"repliers": 9}],
    ids=["days-visited", "share-of-new-billets-opened", "contributions", "repliers"],
)
def test_recompute_trust_level_stays_at_2_when_a_level_3_requirement_is_just_missed(
    place, author, shortfall
):
    member = pillar_activity(place, author, **shortfall)

    assert services.recompute_trust_level(member=member) == 2


def test_recompute_trust_level_counts_only_the_last_100_days_for_level_3(place, author):
    member = pillar_activity(place, author, days=49)
    visit(member, 10, days_ago=100)  # the 101st day back and older

    assert services.recompute_trust_level(member=member) == 2


def test_recompute_trust_level_allows_2_upheld_flags_for_level_3(
    place, author, founder
):
    member = pillar_activity(place, author)
    comment = member.comments.first()
    uphold_flags(count=2, comment=comment, moderator=founder)

    assert services.recompute_trust_level(member=member) == 3


def test_recompute_trust_level_refuses_level_3_when_3_flags_were_upheld(
    place, author, founder
):
    member = pillar_activity(place, author)
    uphold_flags(count=3, comment=member.comments.first(), moderator=founder)

    assert services.recompute_trust_level(member=member) == 2


def test_recompute_trust_level_does_not_count_flags_the_moderators_rejected(
    place, author, founder
):
    member = pillar_activity(place, author)
    uphold_flags(
        count=3, comment=member.comments.first(), moderator=founder, action="keep"
    )

    assert services.recompute_trust_level(member=member) == 3


# Keeping level 3: above 90% of each requirement.


@pytest.mark.parametrize(
    ("activity", "expected"),
    [
        ({"days": 45}, 3),
        ({"days": 44}, 2),
        ({"contributions": 27}, 3),
        ({"contributions": 26}, 2),
        ({"repliers": 9}, 3),
        ({"repliers": 8}, 2),
        ({"unread": 4}, 2),  # 20% opened, below 90% of 25%
    ],
    ids=[
        "days-at-90",
        "days-below-90",
        "contributions-at-90",
        "contributions-below-90",
        "repliers-at-90",
        "repliers-below-90",
        "share-below-90",
    ],
)
def test_recompute_trust_level_keeps_level_3_down_to_90_percent_of_each_requirement(
    place, author, activity, expected
):
    member = pillar_activity(place, author, level=3, **activity)

    assert services.recompute_trust_level(member=member) == expected
    assert stored_level(member) == expected


def test_recompute_trust_level_does_not_give_level_3_at_90_percent_to_a_level_2(
    place, author
):
    member = pillar_activity(place, author, level=2, days=45)

    assert services.recompute_trust_level(member=member) == 2


def test_recompute_trust_level_takes_level_3_away_at_3_upheld_flags_even_when_held(
    place, author, founder
):
    member = pillar_activity(place, author, level=3)
    uphold_flags(count=3, comment=member.comments.first(), moderator=founder)

    assert services.recompute_trust_level(member=member) == 2


# Kept levels, sanctions and granted level 4.


@pytest.mark.parametrize("level", [1, 2])
def test_recompute_trust_level_keeps_levels_1_and_2_without_any_activity(place, level):
    member = member_in(place, "ancienne", trust_level=level)

    assert services.recompute_trust_level(member=member) == level


def test_recompute_trust_level_caps_a_level_3_at_1_during_a_suspension(
    place, author, founder
):
    member = pillar_activity(place, author, level=3)
    uphold_flags(
        count=1,
        comment=member.comments.first(),
        moderator=founder,
        action="suspend",
        suspension_days=7,
    )

    assert services.recompute_trust_level(member=member) == 1


def test_recompute_trust_level_gives_level_2_back_once_a_suspension_ends(
    place, author, founder, clock
):
    member = regular_activity(place, author)
    comment = write_comments(member, author.posts.first(), 1)[0]
    uphold_flags(
        count=1,
        comment=comment,
        moderator=founder,
        action="suspend",
        suspension_days=7,
    )
    assert services.recompute_trust_level(member=member) == 1

    clock.advance(days=8)

    assert services.recompute_trust_level(member=member) == 2


def test_recompute_trust_level_caps_a_level_2_at_1_while_banned_in_one_community(
    place, author, founder
):
    member = member_in(place, "bannie", trust_level=2)
    comment = write_comments(member, billets(place, author, 1)[0], 1)[0]
    uphold_flags(count=1, comment=comment, moderator=founder, action="ban")

    assert services.recompute_trust_level(member=member) == 1


def test_recompute_trust_level_leaves_a_granted_level_4_alone(place, founder):
    administrator = make_member("admin_site", is_staff=True, is_superuser=True)
    member = member_in(place, "referente", trust_level=0)
    services.grant_trust_level(actor=administrator, member=member, granted=True)

    assert services.recompute_trust_level(member=member) == 4
    assert User.objects.get(pk=member.pk).trust_level_granted is True


def test_recompute_trust_level_uses_as_many_queries_with_more_activity(place, author):
    member = pillar_activity(place, author, level=3)
    with CaptureQueriesContext(connection) as few:
        services.recompute_trust_level(member=member)

    visit(member, 40, days_ago=50)
    more = billets(place, author, 30)
    read(member, more)
    write_comments(member, more[0], 60)
    with CaptureQueriesContext(connection) as many:
        services.recompute_trust_level(member=member)

    assert len(many) == len(few)


# Granting level 4.


@pytest.fixture
def administrator(db):
    return make_member("admin_site", is_staff=True, is_superuser=True)


def test_grant_trust_level_gives_level_4_when_a_site_administrator_grants(
    place, administrator
):
    member = member_in(place, "referente", trust_level=1)

    services.grant_trust_level(actor=administrator, member=member, granted=True)

    member = User.objects.get(pk=member.pk)
    assert (member.trust_level, member.trust_level_granted) == (4, True)


@pytest.mark.parametrize(
    "actor_fields",
    [{"is_staff": True}, {"trust_level": 4}, {}],
    ids=["staff", "referent", "member"],
)
def test_grant_trust_level_refuses_anyone_but_a_site_administrator(place, actor_fields):
    actor = make_member("equipe", **actor_fields)
    member = member_in(place, "referente", trust_level=1)

    with pytest.raises(NotASiteAdministrator) as refusal:
        services.grant_trust_level(actor=actor, member=member, granted=True)

    assert refusal.value.code == "not_a_site_administrator"
    member = User.objects.get(pk=member.pk)
    assert (member.trust_level, member.trust_level_granted) == (1, False)


def test_grant_trust_level_removal_gives_back_the_level_the_rules_give(
    place, author, administrator
):
    member = pillar_activity(place, author, level=2)
    services.grant_trust_level(actor=administrator, member=member, granted=True)

    services.grant_trust_level(actor=administrator, member=member, granted=False)

    member = User.objects.get(pk=member.pk)
    assert (member.trust_level, member.trust_level_granted) == (3, False)


def test_grant_trust_level_removal_keeps_level_2_of_a_member_with_no_activity(
    place, administrator
):
    member = member_in(place, "referente", trust_level=2)
    services.grant_trust_level(actor=administrator, member=member, granted=True)

    services.grant_trust_level(actor=administrator, member=member, granted=False)

    assert stored_level(member) == 2


# The daily job and the handler of new contributions.


def test_recompute_trust_levels_is_registered_as_a_daily_periodic_task():
    registered = [
        periodic.every
        for periodic in PERIODIC_TASKS
        if periodic.task is tasks.recompute_trust_levels
    ]

    assert registered == [timedelta(hours=24)]


def test_run_scheduler_recomputes_levels_of_members_active_in_the_window(place, author):
    member = member_activity(place, author, joined=timedelta(days=3))
    visit(member, 1)

    call_command("run_scheduler", "--once", stdout=io.StringIO())

    assert stored_level(member) == 1


def test_recompute_trust_levels_takes_level_3_from_a_member_away_for_100_days(
    place,
):
    member = member_in(place, "absente", trust_level=3)
    visit(member, 60, days_ago=101)
    inactive = member_in(place, "dormante", trust_level=0)

    result = tasks.recompute_trust_levels.enqueue()

    assert result.return_value == 1
    assert stored_level(member) == 2
    assert stored_level(inactive) == 0


def test_recompute_trust_levels_leaves_members_inactive_for_100_days_alone(
    place, author
):
    member = member_activity(
        place, author, joined=timedelta(days=300), comments_days_ago=150
    )

    tasks.recompute_trust_levels.enqueue()

    assert stored_level(member) == 0


def test_comment_posted_raises_a_new_member_to_level_1_when_it_is_the_last_requirement(
    place, author, django_capture_on_commit_callbacks
):
    member = member_activity(place, author, joined=timedelta(days=2), comments=0)

    with django_capture_on_commit_callbacks(execute=True):
        publishing_services.post_comment(
            actor=member, post=author.posts.first(), body="Mon premier commentaire."
        )

    assert stored_level(member) == 1


def test_comment_posted_leaves_a_member_of_one_hour_at_level_0(
    place, author, django_capture_on_commit_callbacks
):
    member = member_activity(place, author, joined=timedelta(hours=1), comments=0)

    with django_capture_on_commit_callbacks(execute=True):
        publishing_services.post_comment(
            actor=member, post=author.posts.first(), body="Mon premier commentaire."
        )

    assert stored_level(member) == 0
