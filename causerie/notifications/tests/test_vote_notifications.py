"""Votes and elections opening and closing: every member of the community is told,
in bulk, once, within their preferences and the hourly limit."""

from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from causerie.communities import services as community_services
from causerie.core.events import emit
from causerie.governance.events import VoteClosed, VoteOpened
from causerie.notifications import handlers, services
from causerie.notifications.models import Notification

AMENDMENT_PATH = "/c/brassage/guide/amendements/7/"


def join(community, *members):
    for each in members:
        community_services.join_community(
            actor=each,
            community=community,
            accepted_guide_version=community.guide_version_number,
        )


@pytest.fixture
def members(community, member, other_member, member_factory):
    """Camille (founder), Dominique and Eloise belong to Brassage."""
    eloise = member_factory("eloise")
    join(community, other_member, eloise)
    return [member, other_member, eloise]


def opened(community, *, actor=None, subject="amendment", path=AMENDMENT_PATH):
    return VoteOpened(
        community_id=community.pk,
        subject=subject,
        title="Ajouter la règle 7",
        path=path,
        actor_id=actor.pk if actor else None,
    )


def told(kind="vote_opened") -> list[tuple]:
    return list(
        Notification.objects.filter(kind=kind)
        .order_by("recipient__handle")
        .values_list(
            "recipient__handle",
            "actor__handle",
            "post",
            "community__slug",
            "subject_type",
            "subject_url",
            "subject_title",
            "is_in_app",
        )
    )


def test_notify_vote_opened_tells_every_member_but_the_one_who_opened_it(
    community, members, member_factory, committed
):
    member_factory("fabien")  # not a member of Brassage

    committed(emit, emitted=opened(community, actor=members[1]))

    assert told() == [
        (
            handle,
            "dominique",
            None,
            "brassage",
            "amendment",
            AMENDMENT_PATH,
            "Ajouter la règle 7",
            True,
        )
        for handle in ("camille", "eloise")
    ]


def test_notify_vote_opened_creates_nothing_twice_when_the_handler_runs_again(
    community, members
):
    event = opened(community)
    handlers.notify_vote_opened(event)

    handlers.notify_vote_opened(event)

    assert len(told()) == 3


def test_notify_vote_opened_leaves_out_deactivated_members(community, members):
    type(members[2]).objects.filter(pk=members[2].pk).update(is_active=False)

    handlers.notify_vote_opened(opened(community))

    assert [row[0] for row in told()] == ["camille", "dominique"]


def test_notify_vote_opened_follows_each_member_preference(community, members, prefer):
    prefer(members[0], "vote_opened", in_app=False, email="never")
    prefer(members[1], "vote_opened", in_app=False, email="digest")

    handlers.notify_vote_opened(opened(community))

    assert [(row[0], row[-1]) for row in told()] == [
        ("dominique", False),
        ("eloise", True),
    ]


def test_notify_vote_opened_folds_past_the_hourly_limit(community, members, settings):
    settings.CAUSERIE_NOTIFICATIONS_PER_HOUR = 1
    handlers.notify_vote_opened(opened(community))

    for number in (8, 9):
        handlers.notify_vote_opened(
            opened(community, path=f"/c/brassage/guide/amendements/{number}/")
        )

    rows = Notification.objects.filter(kind="vote_opened")
    assert rows.count() == 3
    assert set(rows.values_list("subject_url", "more_count")) == {(AMENDMENT_PATH, 2)}


def test_notify_vote_opened_counts_the_limit_per_kind(community, members, settings):
    settings.CAUSERIE_NOTIFICATIONS_PER_HOUR = 1
    handlers.notify_vote_opened(opened(community))

    handlers.notify_vote_closed(
        VoteClosed(
            community_id=community.pk,
            subject="amendment",
            title="Ajouter la règle 7",
            path=AMENDMENT_PATH,
            outcome="adopted",
        )
    )

    assert len(told("vote_closed")) == 3


def test_notify_vote_opened_costs_the_same_queries_for_3_and_40_members(
    community, members, member_factory, prefer
):
    prefer(members[1], "vote_opened", email="immediate")

    def queries_for(path):
        with CaptureQueriesContext(connection) as queries:
            handlers.notify_vote_opened(opened(community, path=path))
        return len(queries)

    with_3 = queries_for("/c/brassage/guide/amendements/1/")
    join(community, *[member_factory(f"membre{number}") for number in range(37)])
    with_40 = queries_for("/c/brassage/guide/amendements/2/")

    assert with_40 == with_3
    assert Notification.objects.filter(subject_url__endswith="/2/").count() == 40


def test_notify_community_works_through_members_in_batches(
    community, members, member_factory, monkeypatch
):
    """Past one batch, each batch adds the same few statements."""
    monkeypatch.setattr(services, "COMMUNITY_BATCH_SIZE", 2)
    join(community, member_factory("fabien"))

    created = services.notify_community(
        community_id=community.pk,
        kind="vote_opened",
        subject_type="election",
        subject_url="/c/brassage/elections/1/",
        subject_title="Printemps 2027",
    )

    assert created == 4
    assert Notification.objects.filter(kind="vote_opened").count() == 4


def test_notify_vote_closed_tells_every_member_with_nobody_as_actor(community, members):
    handlers.notify_vote_closed(
        VoteClosed(
            community_id=community.pk,
            subject="election",
            title="Printemps 2027",
            path="/c/brassage/elections/3/resultats/",
            outcome="3 elected",
        )
    )

    assert [row[:2] for row in told("vote_closed")] == [
        ("camille", None),
        ("dominique", None),
        ("eloise", None),
    ]


# What members see


@pytest.mark.parametrize(
    ("kind", "subject", "title", "sentence"),
    [
        (
            "opened",
            "amendment",
            "Citer ses sources",
            "Dans Brassage, le vote sur l'amendement « Citer ses sources » est ouvert",
        ),
        (
            "opened",
            "election",
            "Élection des modérateurs n° 3",
            "Dans Brassage, l'élection des modérateurs est ouverte au vote : "
            "« Élection des modérateurs n° 3 »",
        ),
        (
            "opened",
            "recall",
            "Révocation de @hugo",
            "Dans Brassage, un vote de révocation est ouvert : « Révocation de @hugo »",
        ),
        (
            "closed",
            "amendment",
            "Citer ses sources",
            "Dans Brassage, le vote sur l'amendement « Citer ses sources » est clos : "
            "voir le résultat",
        ),
        (
            "closed",
            "election",
            "Élection des modérateurs n° 3",
            "Dans Brassage, l'élection des modérateurs est close : « Élection des "
            "modérateurs n° 3 », voir le résultat",
        ),
        (
            "closed",
            "recall",
            "Révocation de @hugo",
            "Dans Brassage, le vote de révocation est clos : « Révocation de @hugo », "
            "voir le résultat",
        ),
    ],
)
def test_notification_list_says_which_vote_opened_or_closed(
    client, community, member, kind, subject, title, sentence
):
    if kind == "opened":
        handlers.notify_vote_opened(
            VoteOpened(
                community_id=community.pk,
                subject=subject,
                title=title,
                path=AMENDMENT_PATH,
            )
        )
    else:
        handlers.notify_vote_closed(
            VoteClosed(
                community_id=community.pk,
                subject=subject,
                title=title,
                path=AMENDMENT_PATH,
            )
        )
    client.force_login(member)

    page = unescape(client.get("/notifications/").content.decode())

    assert sentence in " ".join(page.split())
    assert "· Brassage ·" in " ".join(page.split())


def test_notification_list_says_it_in_english_for_an_english_member(
    client, community, member
):
    handlers.notify_vote_opened(opened(community))
    member.language = "en"
    member.save(update_fields=["language"])
    client.force_login(member)

    page = client.get("/notifications/")

    text = " ".join(unescape(page.content.decode()).split())
    assert "In Brassage, the vote on the amendment “Ajouter la règle 7” is open" in text


def test_open_notification_leads_to_the_vote(client, community, member):
    handlers.notify_vote_opened(opened(community))
    notification = Notification.objects.get()
    client.force_login(member)

    response = client.post(f"/notifications/{notification.pk}/")

    assert response["Location"] == AMENDMENT_PATH
    notification.refresh_from_db()
    assert notification.read_at is not None


def test_open_notification_never_leads_to_another_site(client, community, member):
    handlers.notify_vote_opened(opened(community, path="//ailleurs.example/vote/"))
    notification = Notification.objects.get()
    client.force_login(member)

    response = client.post(f"/notifications/{notification.pk}/")

    assert response["Location"] == "/notifications/"
