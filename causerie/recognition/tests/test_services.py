"""Rules of recognising, accepting answers and asking members to answer."""

from datetime import timedelta

import pytest
from django.utils import timezone

from causerie.communities import services as community_services
from causerie.communities.exceptions import CommunitySuspended, NotAMember
from causerie.core.testing import make_comment, make_community, make_member
from causerie.moderation.models import Reason
from causerie.publishing import services as publishing_services
from causerie.publishing.models import ModerationState, Post
from causerie.recognition import services
from causerie.recognition.events import (
    AnswerRequested,
    RecognitionGiven,
    RecognitionWithdrawn,
)
from causerie.recognition.models import AnswerRequest, Recognition
from causerie.recognition.tests.conftest import join


def recognitions():
    return Recognition.objects.filter(kind=Recognition.Kind.USEFUL)


def test_recognise_item_records_a_recognition_of_the_post_and_emits_the_event(
    authored_post, author, reader, tags, emitted, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        recognition = services.recognise_item(actor=reader, post=authored_post)

    assert recognition.author == author
    assert recognition.comment is None
    assert recognition.community_id == authored_post.community_id
    # The billet's only tag is the default domain.
    assert recognition.tag == tags["houblon"]
    assert [type(event) for event in emitted] == [RecognitionGiven]
    assert emitted[0].recognition_id == recognition.pk
    assert emitted[0].author_id == author.pk


def test_recognise_item_records_the_chosen_domain_of_a_comment(
    authored_post, authored_comment, reader, tags
):
    recognition = services.recognise_item(
        actor=reader, post=authored_post, comment=authored_comment, tag=tags["levures"]
    )

    assert recognition.comment == authored_comment
    assert recognition.tag == tags["levures"]


def test_recognise_item_keeps_no_domain_when_the_member_chose_none(
    authored_post, reader
):
    recognition = services.recognise_item(
        actor=reader, post=authored_post, use_default_domain=False
    )

    assert recognition.tag is None


def test_recognise_item_has_no_default_domain_with_several_tags(
    community, author, reader, tags
):
    from causerie.core.testing import make_post

    post = make_post(
        community=community, author=author, title="Deux", tags=list(tags.values())
    )

    assert services.recognise_item(actor=reader, post=post).tag is None


def test_recognise_item_refuses_a_tag_of_another_community(
    authored_post, reader, other_member
):
    elsewhere = make_community(
        founder=other_member, slug="velo", name="Vélo", tags=["pistes"]
    )

    with pytest.raises(services.DomainNotInCommunity) as refusal:
        services.recognise_item(
            actor=reader, post=authored_post, tag=elsewhere.tags.get()
        )

    assert refusal.value.code == "domain_not_in_community"
    assert not recognitions().exists()


def test_recognise_item_refuses_ones_own_post(authored_post, author):
    with pytest.raises(services.CannotRecogniseOwnItem) as refusal:
        services.recognise_item(actor=author, post=authored_post)

    assert refusal.value.code == "cannot_recognise_own_item"
    assert not recognitions().exists()


def test_recognise_item_refuses_ones_own_comment(
    authored_post, authored_comment, author
):
    with pytest.raises(services.CannotRecogniseOwnItem):
        services.recognise_item(
            actor=author, post=authored_post, comment=authored_comment
        )


def test_recognise_item_refuses_a_non_member(authored_post, outsider):
    with pytest.raises(NotAMember):
        services.recognise_item(actor=outsider, post=authored_post)

    assert not recognitions().exists()


def test_recognise_item_accepts_a_trust_level_0_member(authored_post, community):
    newcomer = join(make_member("nouvelle", trust_level=0), community)

    recognition = services.recognise_item(actor=newcomer, post=authored_post)

    assert recognition.recogniser == newcomer


def test_recognise_item_refuses_a_second_recognition_of_the_same_item(
    authored_post, reader
):
    services.recognise_item(actor=reader, post=authored_post)

    with pytest.raises(services.AlreadyRecognised) as refusal:
        services.recognise_item(actor=reader, post=authored_post)

    assert refusal.value.code == "already_recognised"
    assert recognitions().count() == 1


def test_recognise_item_refuses_a_deleted_comment(
    authored_post, authored_comment, author, reader
):
    publishing_services.delete_comment(actor=author, comment=authored_comment)

    with pytest.raises(services.ItemNotRecognisable):
        services.recognise_item(
            actor=reader, post=authored_post, comment=authored_comment
        )


def test_recognise_item_refuses_a_hidden_post(authored_post, reader):
    publishing_services.set_moderation_state(
        item=authored_post, state=ModerationState.HIDDEN, reason=Reason.SPAM
    )

    with pytest.raises(services.ItemNotRecognisable) as refusal:
        services.recognise_item(actor=reader, post=authored_post)

    assert refusal.value.code == "item_not_recognisable"


def test_recognise_item_refuses_a_comment_of_another_post(
    authored_post, question, answer, author
):
    with pytest.raises(services.ItemNotRecognisable):
        services.recognise_item(actor=author, post=authored_post, comment=answer)


def test_recognise_item_refuses_in_a_suspended_community(
    authored_post, reader, community
):
    community.suspended_at = timezone.now()
    community.save(update_fields=["suspended_at"])

    with pytest.raises(CommunitySuspended):
        services.recognise_item(actor=reader, post=authored_post)


def test_recognise_item_refuses_past_the_hourly_limit_then_allows_an_hour_later(
    settings, community, author, reader, later
):
    from causerie.core.testing import make_post

    settings.CAUSERIE_RECOGNITIONS_PER_HOUR = 2
    posts = [
        make_post(community=community, author=author, title=f"Billet {index}")
        for index in range(3)
    ]
    services.recognise_item(actor=reader, post=posts[0])
    services.recognise_item(actor=reader, post=posts[1])

    with pytest.raises(services.RecognitionLimitReached) as refusal:
        services.recognise_item(actor=reader, post=posts[2])

    assert "2" in str(refusal.value.message)
    assert services.recognise_item(actor=reader, post=posts[2], now=later)


def test_withdraw_recognition_deletes_it_and_emits_the_event(
    authored_post, author, reader, emitted, django_capture_on_commit_callbacks
):
    services.recognise_item(actor=reader, post=authored_post)

    with django_capture_on_commit_callbacks(execute=True):
        withdrawn = services.withdraw_recognition(actor=reader, post=authored_post)

    assert withdrawn is True
    assert not recognitions().exists()
    assert [type(event) for event in emitted] == [RecognitionWithdrawn]
    assert emitted[0].author_id == author.pk
    assert emitted[0].recogniser_id == reader.pk


def test_withdraw_recognition_twice_changes_nothing_and_emits_nothing(
    authored_post, reader, emitted, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        withdrawn = services.withdraw_recognition(actor=reader, post=authored_post)

    assert withdrawn is False
    assert emitted == []


def test_withdraw_recognition_of_a_comment_leaves_the_post_recognised(
    authored_post, authored_comment, reader
):
    services.recognise_item(actor=reader, post=authored_post)
    services.recognise_item(actor=reader, post=authored_post, comment=authored_comment)

    services.withdraw_recognition(
        actor=reader, post=authored_post, comment=authored_comment
    )

    assert list(recognitions().values_list("comment_id", flat=True)) == [None]


def test_recognise_item_again_after_withdrawing(authored_post, reader):
    services.recognise_item(actor=reader, post=authored_post)
    services.withdraw_recognition(actor=reader, post=authored_post)

    assert services.recognise_item(actor=reader, post=authored_post)


# Questions and accepted answers


def test_publish_post_marks_a_question_and_edit_post_unmarks_it_without_a_revision(
    question, author
):
    assert question.is_question is True

    publishing_services.edit_post(
        actor=author,
        post=question,
        title=question.title,
        body=question.body,
        intent=question.intent,
        tags=list(question.tags.all()),
        is_question=False,
    )

    question.refresh_from_db()
    assert question.is_question is False
    assert question.revision_count == 1


def test_accept_answer_records_a_recognition_from_the_asker_to_the_answerer(
    question, answer, author, reader, tags, emitted, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        recognition = services.accept_answer(
            actor=author, post=question, comment=answer
        )

    assert recognition.kind == Recognition.Kind.ACCEPTED_ANSWER
    assert recognition.recogniser == author
    assert recognition.author == reader
    assert recognition.comment == answer
    assert recognition.tag == tags["levures"]
    assert Post.objects.get(pk=question.pk).accepted_comment == answer
    assert [type(event) for event in emitted] == [RecognitionGiven]


def test_accept_answer_twice_keeps_one_recognition(question, answer, author):
    first = services.accept_answer(actor=author, post=question, comment=answer)
    again = services.accept_answer(actor=author, post=question, comment=answer)

    assert again.pk == first.pk
    assert Recognition.objects.filter(kind="accepted").count() == 1


def test_accept_answer_replaces_the_previous_one(
    question, answer, author, community, emitted, django_capture_on_commit_callbacks
):
    other = join(make_member("karine"), community)
    second = make_comment(post=question, author=other, body="Plutôt la levure.")
    services.accept_answer(actor=author, post=question, comment=answer)

    with django_capture_on_commit_callbacks(execute=True):
        services.accept_answer(actor=author, post=question, comment=second)

    accepted = Recognition.objects.get(kind="accepted")
    assert accepted.author == other
    assert Post.objects.get(pk=question.pk).accepted_comment == second
    assert [type(event) for event in emitted] == [
        RecognitionWithdrawn,
        RecognitionGiven,
    ]


def test_withdraw_accepted_answer_removes_the_recognition_and_the_mark(
    question, answer, author, emitted, django_capture_on_commit_callbacks
):
    services.accept_answer(actor=author, post=question, comment=answer)

    with django_capture_on_commit_callbacks(execute=True):
        changed = services.withdraw_accepted_answer(actor=author, post=question)

    assert changed is True
    assert not Recognition.objects.filter(kind="accepted").exists()
    assert Post.objects.get(pk=question.pk).accepted_comment is None
    assert [type(event) for event in emitted] == [RecognitionWithdrawn]


def test_accept_answer_refuses_anyone_but_the_asker(question, answer, reader, member):
    for actor in (reader, member):
        with pytest.raises(services.NotTheAsker) as refusal:
            services.accept_answer(actor=actor, post=question, comment=answer)
        assert refusal.value.code == "not_the_asker"
    assert not Recognition.objects.exists()


def test_withdraw_accepted_answer_refuses_anyone_but_the_asker(
    question, answer, author, reader
):
    services.accept_answer(actor=author, post=question, comment=answer)

    with pytest.raises(services.NotTheAsker):
        services.withdraw_accepted_answer(actor=reader, post=question)

    assert Recognition.objects.filter(kind="accepted").exists()


def test_accept_answer_refuses_a_reply_to_a_comment(question, answer, author, member):
    reply = make_comment(post=question, author=member, body="+1", parent=answer)

    with pytest.raises(services.NotAnAnswer) as refusal:
        services.accept_answer(actor=author, post=question, comment=reply)

    assert refusal.value.code == "not_an_answer"


def test_accept_answer_refuses_a_comment_of_another_billet(
    question, authored_post, author, reader
):
    elsewhere = make_comment(post=authored_post, author=reader, body="Ailleurs")

    with pytest.raises(services.NotAnAnswer):
        services.accept_answer(actor=author, post=question, comment=elsewhere)


def test_accept_answer_refuses_the_askers_own_comment(question, author):
    own = make_comment(post=question, author=author, body="Je précise.")

    with pytest.raises(services.CannotAcceptOwnAnswer):
        services.accept_answer(actor=author, post=question, comment=own)


def test_accept_answer_refuses_on_a_billet_that_asks_nothing(
    authored_post, author, reader
):
    comment = make_comment(post=authored_post, author=reader, body="Du Citra.")

    with pytest.raises(services.NotAQuestion) as refusal:
        services.accept_answer(actor=author, post=authored_post, comment=comment)

    assert refusal.value.code == "not_a_question"


def test_accept_answer_refuses_a_deleted_answer(question, answer, author, reader):
    publishing_services.delete_comment(actor=reader, comment=answer)

    with pytest.raises(services.ItemNotRecognisable):
        services.accept_answer(actor=author, post=question, comment=answer)


# Asking members to answer


@pytest.fixture
def helpers(community):
    return [join(make_member(f"aide{index}"), community) for index in range(6)]


def test_request_answers_records_the_requests_and_emits_the_event(
    question, author, helpers, emitted, django_capture_on_commit_callbacks
):
    chosen = [helper.pk for helper in helpers[:3]]

    with django_capture_on_commit_callbacks(execute=True):
        asked = services.request_answers(actor=author, post=question, member_ids=chosen)

    assert asked == chosen
    assert set(
        AnswerRequest.objects.filter(post=question).values_list("member_id", flat=True)
    ) == set(chosen)
    assert [type(event) for event in emitted] == [AnswerRequested]
    assert list(emitted[0].member_ids) == chosen
    assert emitted[0].actor_id == author.pk


def test_request_answers_refuses_anyone_but_the_asker(question, reader, helpers):
    with pytest.raises(services.NotTheAsker):
        services.request_answers(
            actor=reader, post=question, member_ids=[helpers[0].pk]
        )

    assert not AnswerRequest.objects.exists()


def test_request_answers_refuses_more_than_five_members(question, author, helpers):
    with pytest.raises(services.TooManyMembersAsked) as refusal:
        services.request_answers(
            actor=author, post=question, member_ids=[h.pk for h in helpers]
        )

    assert refusal.value.code == "too_many_members_asked"
    assert not AnswerRequest.objects.exists()


def test_request_answers_refuses_no_members(question, author):
    with pytest.raises(services.NoMembersChosen):
        services.request_answers(actor=author, post=question, member_ids=[])


def test_request_answers_refuses_non_members_and_the_asker(
    question, author, outsider, helpers
):
    for member_ids in ([outsider.pk], [author.pk], [helpers[0].pk, 999999]):
        with pytest.raises(services.NotSuggested):
            services.request_answers(actor=author, post=question, member_ids=member_ids)
    assert not AnswerRequest.objects.exists()


def test_request_answers_refuses_a_second_request_on_the_same_question(
    question, author, helpers
):
    services.request_answers(actor=author, post=question, member_ids=[helpers[0].pk])

    with pytest.raises(services.AnswersAlreadyRequested) as refusal:
        services.request_answers(
            actor=author, post=question, member_ids=[helpers[1].pk]
        )

    assert refusal.value.code == "answers_already_requested"
    assert AnswerRequest.objects.count() == 1


def test_request_answers_refuses_an_answered_question(
    question, answer, author, helpers
):
    services.accept_answer(actor=author, post=question, comment=answer)

    with pytest.raises(services.QuestionAlreadyAnswered):
        services.request_answers(
            actor=author, post=question, member_ids=[helpers[0].pk]
        )


def test_request_answers_refuses_a_billet_that_asks_nothing(
    authored_post, author, helpers
):
    with pytest.raises(services.NotAQuestion):
        services.request_answers(
            actor=author, post=authored_post, member_ids=[helpers[0].pk]
        )


def test_request_answers_refuses_past_the_daily_limit_then_allows_a_day_later(
    settings, community, author, helpers
):
    from causerie.core.testing import make_post

    settings.CAUSERIE_ANSWER_REQUESTS_PER_DAY = 2
    questions = [
        make_post(
            community=community, author=author, title=f"Question {index}",
            is_question=True,
        )
        for index in range(3)
    ]  # fmt: skip
    for index in range(2):
        services.request_answers(
            actor=author, post=questions[index], member_ids=[helpers[index].pk]
        )

    with pytest.raises(services.AnswerRequestLimitReached):
        services.request_answers(
            actor=author, post=questions[2], member_ids=[helpers[2].pk]
        )

    tomorrow = timezone.now() + timedelta(days=1, minutes=1)
    assert services.request_answers(
        actor=author, post=questions[2], member_ids=[helpers[2].pk], now=tomorrow
    )


def test_leaving_the_community_does_not_erase_given_recognitions(
    authored_post, reader, community
):
    services.recognise_item(actor=reader, post=authored_post)

    community_services.leave_community(actor=reader, community=community)

    assert recognitions().filter(recogniser=reader).exists()
