"""Recognition tells the author, grouped per item while unread; members asked to
answer a question are told unless they turned such notifications off."""

from html import unescape

import pytest
from django.core import mail
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from causerie.communities import services as community_services
from causerie.core.events import emit
from causerie.core.testing import make_comment
from causerie.notifications import handlers, selectors, services
from causerie.notifications.models import Notification
from causerie.recognition.events import (
    AnswerRequested,
    RecognitionGiven,
    RecognitionWithdrawn,
)
from causerie.recognition.models import Recognition


def join(community, *members):
    for each in members:
        community_services.join_community(
            actor=each,
            community=community,
            accepted_guide_version=community.guide_version_number,
        )


@pytest.fixture
def readers(community, other_member, member_factory):
    """Dominique, Eloise and Fabien, members of Brassage."""
    others = [other_member, member_factory("eloise"), member_factory("fabien")]
    join(community, *others)
    return others


@pytest.fixture
def recognise(committed):
    """A recognition row, then its event delivered after commit, as the
    recognition service does."""

    def give(recogniser, *, post, comment=None):
        def write():
            item = comment or post
            recognition = Recognition.objects.create(
                community_id=post.community_id,
                recogniser=recogniser,
                author_id=item.author_id,
                post=post,
                comment=comment,
                given_at=timezone.now(),
            )
            emit(
                RecognitionGiven(
                    recognition_id=recognition.pk,
                    community_id=post.community_id,
                    recogniser_id=recogniser.pk,
                    author_id=item.author_id,
                    post_id=post.pk,
                    comment_id=comment.pk if comment else None,
                )
            )
            return recognition

        return committed(write)

    return give


@pytest.fixture
def withdraw(committed):
    def take_back(recognition):
        def write():
            recognition.delete()
            emit(
                RecognitionWithdrawn(
                    community_id=recognition.community_id,
                    recogniser_id=recognition.recogniser_id,
                    author_id=recognition.author_id,
                )
            )

        committed(write)

    return take_back


def recognised() -> list[tuple]:
    return list(
        Notification.objects.filter(kind="recognised")
        .order_by("pk")
        .values_list(
            "recipient__handle", "actor__handle", "post", "comment", "others_count"
        )
    )


def sentences(client, member) -> str:
    client.force_login(member)
    page = unescape(client.get("/notifications/").content.decode())
    return " ".join(page.split())


def test_notify_recognition_tells_the_author_of_the_billet(
    client, post, member, readers, recognise
):
    recognise(readers[0], post=post)

    assert recognised() == [("camille", "dominique", post.pk, None, 0)]
    assert "Dominique a trouvé votre billet « Premier billet » utile" in sentences(
        client, member
    )


def test_notify_recognition_groups_the_recognitions_of_one_item_while_unread(
    client, post, member, readers, recognise
):
    comment = make_comment(post=post, author=member, body="Ma réponse")

    for reader in readers:
        recognise(reader, post=post, comment=comment)

    assert recognised() == [("camille", "fabien", post.pk, comment.pk, 2)]
    assert (
        "Fabien et 2 autres membres ont trouvé votre commentaire dans "
        "« Premier billet » utile" in sentences(client, member)
    )


def test_notify_recognition_keeps_one_notification_per_item(
    post, member, readers, recognise
):
    comment = make_comment(post=post, author=member, body="Ma réponse")

    recognise(readers[0], post=post)
    recognise(readers[1], post=post, comment=comment)
    recognise(readers[2], post=post)

    assert recognised() == [
        ("camille", "fabien", post.pk, None, 1),
        ("camille", "eloise", post.pk, comment.pk, 0),
    ]


def test_notify_recognition_starts_a_new_notification_once_the_last_was_read(
    post, member, readers, recognise
):
    recognise(readers[0], post=post)
    recognise(readers[1], post=post)
    services.mark_read(actor=member)

    recognise(readers[2], post=post)

    assert recognised() == [
        ("camille", "eloise", post.pk, None, 1),
        ("camille", "fabien", post.pk, None, 0),
    ]
    assert Notification.objects.filter(read_at__isnull=True).count() == 1


def test_notify_recognition_counts_nothing_twice_when_the_handler_runs_again(
    post, readers, recognise
):
    recognise(readers[0], post=post)
    recognition = recognise(readers[1], post=post)

    handlers.notify_recognition(
        RecognitionGiven(
            recognition_id=recognition.pk,
            community_id=post.community_id,
            recogniser_id=readers[1].pk,
            author_id=post.author_id,
            post_id=post.pk,
        )
    )

    assert recognised() == [("camille", "eloise", post.pk, None, 1)]


def test_notify_recognition_says_nothing_about_ones_own_act(post, member):
    handlers.notify_recognition(
        RecognitionGiven(
            recognition_id=1,
            community_id=post.community_id,
            recogniser_id=member.pk,
            author_id=member.pk,
            post_id=post.pk,
        )
    )

    assert recognised() == []


def test_notify_recognition_creates_nothing_when_the_kind_is_off(
    post, member, readers, recognise, prefer
):
    prefer(member, "recognised", in_app=False, email="never")

    recognise(readers[0], post=post)

    assert recognised() == []


def test_withdrawn_recognition_lowers_the_count_of_the_unread_notification(
    post, readers, recognise, withdraw
):
    recognise(readers[0], post=post)
    latest = recognise(readers[1], post=post)

    withdraw(latest)

    assert recognised() == [("camille", "dominique", post.pk, None, 0)]


def test_withdrawn_recognition_removes_an_unread_notification_left_empty(
    post, readers, recognise, withdraw
):
    withdraw(recognise(readers[0], post=post))

    assert recognised() == []


def test_withdrawn_recognition_leaves_a_read_notification_alone(
    post, member, readers, recognise, withdraw
):
    recognition = recognise(readers[0], post=post)
    services.mark_read(actor=member)

    withdraw(recognition)

    assert recognised() == [("camille", "dominique", post.pk, None, 0)]


def test_database_keeps_one_unread_recognition_notification_per_item(
    post, member, readers, recognise
):
    recognise(readers[0], post=post)

    with pytest.raises(IntegrityError), transaction.atomic():
        Notification.objects.create(
            recipient=member, actor=readers[1], kind="recognised", post=post
        )
    services.mark_read(actor=member)
    Notification.objects.create(
        recipient=member, actor=readers[1], kind="recognised", post=post
    )

    assert Notification.objects.filter(kind="recognised").count() == 2


# Asked to answer a question


def asked(post, actor, *member_ids) -> AnswerRequested:
    return AnswerRequested(post_id=post.pk, actor_id=actor.pk, member_ids=member_ids)


def called() -> list[tuple]:
    return list(
        Notification.objects.filter(kind="called_to_answer")
        .order_by("recipient__handle")
        .values_list("recipient__handle", "actor__handle", "post")
    )


def test_notify_called_to_answer_tells_the_members_asked(
    client, post, member, readers, member_factory, committed
):
    stranger = member_factory("gaspard")  # not a member of Brassage

    committed(
        emit,
        emitted=asked(
            post, member, readers[0].pk, readers[1].pk, stranger.pk, member.pk
        ),
    )

    assert called() == [
        ("dominique", "camille", post.pk),
        ("eloise", "camille", post.pk),
    ]
    assert "Camille vous demande de répondre à « Premier billet »" in sentences(
        client, readers[0]
    )


def test_notify_called_to_answer_emails_at_once_by_default(
    post, member, readers, committed
):
    committed(emit, emitted=asked(post, member, readers[0].pk))

    [message] = mail.outbox
    assert message.to == ["dominique@example.org"]
    assert message.subject == (
        "[Causerie] Camille vous demande de répondre à « Premier billet »"
    )


def test_notify_called_to_answer_leaves_out_members_who_turned_it_off(
    post, member, readers, prefer
):
    prefer(readers[0], "called_to_answer", in_app=False, email="never")
    prefer(readers[1], "called_to_answer", in_app=False, email="digest")

    handlers.notify_called_to_answer(asked(post, member, readers[0].pk, readers[1].pk))

    assert called() == [("eloise", "camille", post.pk)]
    assert selectors.reachable_member_ids(
        member_ids=[readers[0].pk, readers[1].pk, readers[2].pk],
        kind="called_to_answer",
    ) == [readers[1].pk, readers[2].pk]


def test_notify_called_to_answer_creates_nothing_twice(post, member, readers):
    event = asked(post, member, readers[0].pk)
    handlers.notify_called_to_answer(event)

    handlers.notify_called_to_answer(event)

    assert len(called()) == 1


def test_preferences_page_offers_to_turn_off_being_asked_to_answer(client, member):
    client.force_login(member)

    page = unescape(client.get("/compte/notifications/").content.decode())

    assert 'id="kind-called_to_answer"' in page
    assert "On vous demande de répondre à une question" in page
    assert "personne ne pourra plus vous le demander" in page
    for kind in ("recognised", "vote_opened", "vote_closed"):
        assert f'id="kind-{kind}"' in page


# The list page with every new kind


def test_notification_list_query_count_is_the_same_for_3_and_12_of_each_new_kind(
    client,
    community,
    post,
    member,
    readers,
    committed,
    django_assert_num_queries,
    settings,
):
    """Votes (no billet), grouped recognitions and calls to answer: the page
    costs the same whatever their number."""
    settings.CAUSERIE_NOTIFICATIONS_PER_HOUR = 100
    asker = readers[0]
    made = {"count": 0}

    def add(count):
        for _number in range(count):
            made["count"] += 1
            number = made["count"]
            services.notify_community(
                community_id=community.pk,
                kind="vote_opened",
                subject_type="amendment",
                subject_url=f"/c/brassage/amendements/{number}/",
                subject_title=f"Amendement {number}",
            )
            comment = make_comment(post=post, author=member, body=f"Réponse {number}")
            recognition = Recognition.objects.create(
                community=community,
                recogniser=readers[1],
                author=member,
                post=post,
                comment=comment,
                given_at=timezone.now(),
            )
            services.notify_recognised(
                author_id=member.pk,
                recogniser_id=recognition.recogniser_id,
                post_id=post.pk,
                comment_id=comment.pk,
            )
            question = make_comment(post=post, author=asker, body=f"Question {number}")
            services.notify(
                recipient_id=member.pk,
                actor_id=asker.pk,
                kind="called_to_answer",
                post_id=post.pk,
                comment_id=question.pk,
            )

    add(3)
    client.force_login(member)
    client.get("/notifications/")
    with CaptureQueriesContext(connection) as queries:
        client.get("/notifications/")

    add(9)

    with django_assert_num_queries(len(queries)):
        response = client.get("/notifications/")
    kinds = {notification.kind for notification in response.context["page"]}
    assert {"vote_opened", "recognised", "called_to_answer"} <= kinds
    assert "Brassage" in response.content.decode()


# Through the recognition services


def test_recognition_services_notify_the_author_grouped_then_ungrouped(
    post, member, readers, committed
):
    from causerie.recognition import services as recognition_services

    for reader in readers[:2]:
        committed(recognition_services.recognise_item, actor=reader, post=post)
    assert recognised() == [("camille", "eloise", post.pk, None, 1)]

    committed(recognition_services.withdraw_recognition, actor=readers[1], post=post)

    assert recognised() == [("camille", "dominique", post.pk, None, 0)]
