"""Poll services: who may add and change a poll, what a poll may hold, voting
rules and the stored counters."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from causerie.communities.exceptions import CommunitySuspended
from causerie.core.testing import make_member
from causerie.moderation.models import LogAction, ModerationLogEntry
from causerie.polls import exceptions, services
from causerie.polls.events import PollAdded, PollClosed
from causerie.polls.models import Ballot, Poll, PollKind, PollOption, PollVote
from causerie.publishing import services as publishing_services


def counts(poll) -> dict[str, int]:
    return dict(PollOption.objects.filter(poll=poll).values_list("label", "vote_count"))


def option(poll, label) -> int:
    return PollOption.objects.get(poll=poll, label=label).pk


def recount(poll) -> tuple[dict[str, int], int]:
    """What the stored votes say, independently of the stored counters."""
    by_label = {label: 0 for label in counts(poll)}
    for label in PollVote.objects.filter(poll=poll).values_list(
        "option__label", flat=True
    ):
        by_label[label] += 1
    return by_label, Ballot.objects.filter(poll=poll).count()


# Adding a poll


def test_add_poll_keeps_the_options_in_order_and_skips_blank_ones(
    billet, author, emitted, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        poll = services.add_poll(
            actor=author,
            post=billet,
            question="  Quel jour ?  ",
            options=["Samedi", "", "  ", " Dimanche ", "Lundi"],
            kind=PollKind.MULTIPLE,
        )

    assert poll.question == "Quel jour ?"
    assert list(poll.options.values_list("position", "label")) == [
        (1, "Samedi"),
        (2, "Dimanche"),
        (3, "Lundi"),
    ]
    assert poll.is_multiple
    assert PollAdded(poll_id=poll.pk, post_id=billet.pk) in emitted


def test_add_poll_refuses_a_member_who_is_not_the_author(billet, voter):
    with pytest.raises(exceptions.NotAllowedToManagePoll):
        services.add_poll(
            actor=voter, post=billet, question="Q ?", options=["Oui", "Non"]
        )

    assert not Poll.objects.exists()


def test_add_poll_by_a_moderator_on_another_members_billet_is_logged(billet, moderator):
    poll = services.add_poll(
        actor=moderator, post=billet, question="Q ?", options=["Oui", "Non"]
    )

    assert poll.created_by == moderator
    entry = ModerationLogEntry.objects.get(post=billet)
    assert entry.action == LogAction.EDIT
    assert entry.actor == moderator


def test_add_poll_by_the_author_is_not_logged(poll):
    assert not ModerationLogEntry.objects.filter(post=poll.post).exists()


@pytest.mark.parametrize(
    ("options", "error", "field"),
    [
        (["Seule"], exceptions.TooFewOptions, "option_1"),
        (["Seule", "", ""], exceptions.TooFewOptions, "option_1"),
        ([f"Option {n}" for n in range(11)], exceptions.TooManyOptions, None),
        (["Oui", "oui "], exceptions.DuplicateOption, "option_2"),
        (["Oui", "x" * 201], exceptions.OptionTooLong, "option_2"),
        (["Oui", "a\x00b"], exceptions.InvalidRequest, "option_2"),
        (["Oui", "\ud800"], exceptions.InvalidRequest, "option_2"),
    ],
)
def test_add_poll_refuses_invalid_options(billet, author, options, error, field):
    with pytest.raises(error) as raised:
        services.add_poll(actor=author, post=billet, question="Q ?", options=options)

    assert raised.value.field == field
    assert not Poll.objects.exists()


@pytest.mark.parametrize(
    ("question", "error"),
    [
        ("   ", exceptions.EmptyQuestion),
        ("x" * 301, exceptions.QuestionTooLong),
        ("a\x00b", exceptions.InvalidRequest),
    ],
)
def test_add_poll_refuses_an_invalid_question(billet, author, question, error):
    with pytest.raises(error) as raised:
        services.add_poll(
            actor=author, post=billet, question=question, options=["Oui", "Non"]
        )

    assert raised.value.field == "question"


def test_add_poll_accepts_ten_options(make_poll):
    poll = make_poll(options=[f"Option {n}" for n in range(1, 11)])

    assert poll.options.count() == 10


def test_add_poll_refuses_a_closing_date_in_the_past(billet, author):
    now = timezone.now()

    with pytest.raises(exceptions.ClosingDateInThePast) as raised:
        services.add_poll(
            actor=author,
            post=billet,
            question="Q ?",
            options=["Oui", "Non"],
            closes_at=now - timedelta(minutes=1),
            now=now,
        )

    assert raised.value.field == "closes_at"


def test_add_poll_refuses_a_second_poll_on_the_same_billet(poll, make_poll):
    with pytest.raises(exceptions.PollAlreadyExists):
        make_poll(question="Encore ?")

    assert Poll.objects.count() == 1


def test_add_poll_refuses_a_deleted_billet(billet, author):
    publishing_services.delete_post(actor=author, post=billet)

    with pytest.raises(exceptions.PostCannotHavePoll):
        services.add_poll(
            actor=author, post=billet, question="Q ?", options=["Oui", "Non"]
        )


# Voting


def test_vote_counts_one_ballot_per_member(poll, voter, second_voter):
    services.vote(actor=voter, poll=poll, option_ids=[option(poll, "Samedi")])
    services.vote(actor=second_voter, poll=poll, option_ids=[option(poll, "Samedi")])

    poll.refresh_from_db()
    assert counts(poll) == {"Samedi": 2, "Dimanche": 0}
    assert poll.voter_count == 2


def test_vote_again_replaces_the_previous_choice(poll, voter):
    services.vote(actor=voter, poll=poll, option_ids=[option(poll, "Samedi")])
    services.vote(actor=voter, poll=poll, option_ids=[option(poll, "Dimanche")])

    poll.refresh_from_db()
    assert counts(poll) == {"Samedi": 0, "Dimanche": 1}
    assert poll.voter_count == 1
    assert Ballot.objects.filter(poll=poll, voter=voter).count() == 1
    assert recount(poll) == (counts(poll), 1)


def test_vote_on_a_multiple_choice_poll_records_a_set_of_options(make_poll, voter):
    poll = make_poll(options=["A", "B", "C"], kind=PollKind.MULTIPLE)
    services.vote(
        actor=voter, poll=poll, option_ids=[option(poll, "A"), option(poll, "B")]
    )
    services.vote(
        actor=voter, poll=poll, option_ids=[option(poll, "B"), option(poll, "C")]
    )

    poll.refresh_from_db()
    assert counts(poll) == {"A": 0, "B": 1, "C": 1}
    assert poll.voter_count == 1
    assert recount(poll) == (counts(poll), 1)


def test_vote_refuses_two_options_on_a_single_choice_poll(poll, voter):
    with pytest.raises(exceptions.OneOptionOnly):
        services.vote(
            actor=voter,
            poll=poll,
            option_ids=[option(poll, "Samedi"), option(poll, "Dimanche")],
        )

    assert not Ballot.objects.exists()


def test_vote_refuses_an_option_of_another_poll(poll, voter, community, voter_post):
    other = services.add_poll(
        actor=voter, post=voter_post, question="Autre ?", options=["X", "Y"]
    )

    with pytest.raises(exceptions.UnknownOption):
        services.vote(actor=voter, poll=poll, option_ids=[option(other, "X")])

    assert not Ballot.objects.exists()


@pytest.fixture
def voter_post(community, voter):
    from causerie.core.testing import make_post

    return make_post(community=community, author=voter, title="Autre billet")


def test_vote_refuses_an_empty_choice(poll, voter):
    with pytest.raises(exceptions.VoteNeedsAnOption):
        services.vote(actor=voter, poll=poll, option_ids=[])


def test_vote_refuses_a_member_of_no_community(poll, stranger):
    with pytest.raises(exceptions.NotAllowedToVote):
        services.vote(actor=stranger, poll=poll, option_ids=[option(poll, "Samedi")])

    assert not Ballot.objects.exists()


def test_vote_refuses_a_locked_billet(poll, voter):
    publishing_services.lock_post(post=poll.post, locked=True)

    with pytest.raises(exceptions.PollLocked):
        services.vote(actor=voter, poll=poll, option_ids=[option(poll, "Samedi")])


def test_vote_refuses_in_a_suspended_community(poll, voter, community):
    from causerie.communities import services as community_services

    admin = make_member("sysadmin", is_staff=True, is_superuser=True)
    community_services.suspend_community(
        actor=admin, community=community, notice="Test"
    )

    with pytest.raises(CommunitySuspended):
        services.vote(actor=voter, poll=poll, option_ids=[option(poll, "Samedi")])

    assert not Ballot.objects.exists()


def test_vote_refuses_once_the_closing_date_has_passed(make_poll, voter):
    now = timezone.now()
    poll = make_poll(closes_at=now + timedelta(days=1), now=now)
    services.vote(actor=voter, poll=poll, option_ids=[option(poll, "Samedi")], now=now)

    with pytest.raises(exceptions.PollIsClosed):
        services.vote(
            actor=voter,
            poll=poll,
            option_ids=[option(poll, "Dimanche")],
            now=now + timedelta(days=1),
        )

    assert counts(poll) == {"Samedi": 1, "Dimanche": 0}


def test_vote_refuses_a_poll_closed_by_its_author(poll, author, voter):
    services.close_poll(actor=author, poll=poll)

    with pytest.raises(exceptions.PollIsClosed):
        services.vote(actor=voter, poll=poll, option_ids=[option(poll, "Samedi")])

    assert not Ballot.objects.exists()


# Changing, closing, deleting


def test_edit_poll_replaces_the_options_before_the_first_vote(poll, author):
    services.edit_poll(
        actor=author,
        poll=poll,
        question="Quel soir ?",
        options=["Vendredi", "Samedi", "Dimanche"],
        kind=PollKind.MULTIPLE,
        results_visibility="after_vote",
        closes_at=None,
    )

    poll.refresh_from_db()
    assert poll.question == "Quel soir ?"
    assert list(poll.options.values_list("label", flat=True)) == [
        "Vendredi",
        "Samedi",
        "Dimanche",
    ]
    assert poll.results_visibility == "after_vote"


def test_edit_poll_refuses_new_options_after_the_first_vote(poll, author, voter):
    services.vote(actor=voter, poll=poll, option_ids=[option(poll, "Samedi")])

    with pytest.raises(exceptions.PollHasVotes):
        services.edit_poll(
            actor=author,
            poll=poll,
            question=poll.question,
            options=["Samedi", "Dimanche", "Lundi"],
            kind=poll.kind,
            results_visibility=poll.results_visibility,
            closes_at=None,
        )

    assert counts(poll) == {"Samedi": 1, "Dimanche": 0}


def test_edit_poll_changes_the_closing_date_after_the_first_vote(poll, author, voter):
    services.vote(actor=voter, poll=poll, option_ids=[option(poll, "Samedi")])
    closes_at = timezone.now() + timedelta(days=3)

    services.edit_poll(
        actor=author,
        poll=poll,
        question=poll.question,
        options=["Samedi", "Dimanche"],
        kind=poll.kind,
        results_visibility=poll.results_visibility,
        closes_at=closes_at,
    )

    poll.refresh_from_db()
    assert poll.closes_at == closes_at
    assert counts(poll) == {"Samedi": 1, "Dimanche": 0}


def test_edit_poll_refuses_a_closed_poll(poll, author):
    services.close_poll(actor=author, poll=poll)

    with pytest.raises(exceptions.PollIsClosed):
        services.edit_poll(
            actor=author,
            poll=poll,
            question="Autre ?",
            options=["Oui", "Non"],
            kind=poll.kind,
            results_visibility=poll.results_visibility,
            closes_at=None,
        )


def test_close_poll_records_who_closed_it_and_when(
    poll, author, emitted, django_capture_on_commit_callbacks
):
    now = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        services.close_poll(actor=author, poll=poll, now=now)

    poll.refresh_from_db()
    assert (poll.closed_at, poll.closed_by) == (now, author)
    assert poll.is_closed(now)
    assert PollClosed(poll_id=poll.pk, post_id=poll.post_id) in emitted


def test_close_poll_twice_changes_nothing(poll, author):
    first = services.close_poll(actor=author, poll=poll).closed_at
    services.close_poll(actor=author, poll=poll)

    poll.refresh_from_db()
    assert poll.closed_at == first


def test_close_poll_refuses_a_member_who_is_not_the_author(poll, voter):
    with pytest.raises(exceptions.NotAllowedToManagePoll):
        services.close_poll(actor=voter, poll=poll)

    poll.refresh_from_db()
    assert poll.closed_at is None


def test_close_poll_by_a_moderator_is_logged(poll, moderator):
    services.close_poll(actor=moderator, poll=poll)

    assert ModerationLogEntry.objects.filter(
        post=poll.post, action=LogAction.EDIT, actor=moderator
    ).exists()


def test_delete_poll_removes_its_votes_and_keeps_the_billet(poll, author, voter):
    services.vote(actor=voter, poll=poll, option_ids=[option(poll, "Samedi")])

    services.delete_poll(actor=author, poll=poll)

    assert not Poll.objects.exists()
    assert not PollVote.objects.exists()
    poll.post.refresh_from_db()
    assert not poll.post.is_deleted


def test_delete_poll_refuses_a_member_who_is_not_the_author(poll, voter):
    with pytest.raises(exceptions.NotAllowedToManagePoll):
        services.delete_poll(actor=voter, poll=poll)

    assert Poll.objects.exists()


def test_recount_poll_rebuilds_counters_from_the_stored_votes(poll, voter):
    services.vote(actor=voter, poll=poll, option_ids=[option(poll, "Samedi")])
    PollOption.objects.filter(poll=poll).update(vote_count=7)
    Poll.objects.filter(pk=poll.pk).update(voter_count=9)

    poll = services.recount_poll(poll_id=poll.pk)

    assert poll.voter_count == 1
    assert counts(poll) == {"Samedi": 1, "Dimanche": 0}


def test_recount_polls_command_rebuilds_every_poll(poll, voter):
    services.vote(actor=voter, poll=poll, option_ids=[option(poll, "Dimanche")])
    PollOption.objects.filter(poll=poll).update(vote_count=0)

    call_command("recount_polls", stdout=io.StringIO())

    assert counts(poll) == {"Samedi": 0, "Dimanche": 1}
