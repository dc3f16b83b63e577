"""Poll pages and the poll block of a billet page: adding, voting without
JavaScript, results visibility, errors that keep the input, both languages
and bounded queries."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from causerie.core.testing import make_member
from causerie.core.tests.html_safety import page_problems
from causerie.polls import selectors, services
from causerie.polls.models import Ballot, Poll, PollKind, PollOption
from causerie.polls.tests.conftest import join


def poll_url(name, post):
    return reverse(
        f"polls:{name}", kwargs={"slug": post.community.slug, "post_id": post.pk}
    )


def option(poll, label) -> int:
    return PollOption.objects.get(poll=poll, label=label).pk


def english_client(user=None) -> Client:
    client = Client()
    client.cookies["causerie_language"] = "en"
    if user is not None:
        client.force_login(user)
    return client


def form_data(**fields):
    data = {
        "question": "Quel jour ?",
        "option_1": "Samedi",
        "option_2": "Dimanche",
        "kind": "single",
        "results_visibility": "always",
        "closes_at": "",
    }
    data.update(fields)
    return data


# The billet page


def test_billet_page_offers_its_author_to_add_a_poll(billet, author, client_for):
    html = client_for(author).get(billet.get_absolute_url()).content.decode()

    assert poll_url("create", billet) in html
    assert "Ajouter un sondage" in html


def test_billet_page_offers_no_poll_to_other_members(billet, voter, client_for):
    html = client_for(voter).get(billet.get_absolute_url()).content.decode()

    assert poll_url("create", billet) not in html


def test_billet_page_shows_the_poll_with_a_vote_form_to_members(
    poll, voter, client_for
):
    response = client_for(voter).get(poll.post.get_absolute_url())

    html = response.content.decode()
    assert 'id="poll"' in html
    assert "Quel jour vous convient ?" in html
    assert f'action="{poll_url("vote", poll.post)}"' in html
    assert 'type="radio" name="options"' in html
    assert "css/polls.css" in html
    assert page_problems(html) == []


def test_billet_page_shows_checkboxes_for_a_multiple_choice_poll(
    make_poll, voter, client_for
):
    poll = make_poll(kind=PollKind.MULTIPLE)

    html = client_for(voter).get(poll.post.get_absolute_url()).content.decode()

    assert 'type="checkbox" name="options"' in html


def test_billet_page_tells_visitors_to_log_in_to_vote(poll):
    html = Client().get(poll.post.get_absolute_url()).content.decode()

    assert "pour voter" in html
    assert poll_url("vote", poll.post) not in html


def test_billet_page_hides_results_until_the_viewer_has_voted(
    make_poll, voter, second_voter, client_for
):
    poll = make_poll(results_visibility="after_vote")
    services.vote(actor=second_voter, poll=poll, option_ids=[option(poll, "Samedi")])
    client = client_for(voter)

    before = client.get(poll.post.get_absolute_url()).content.decode()
    client.post(poll_url("vote", poll.post), {"options": option(poll, "Dimanche")})
    after = client.get(poll.post.get_absolute_url()).content.decode()

    assert "<meter" not in before
    assert "une fois que vous avez voté" in before
    assert "<meter" in after
    assert "50 %" in after


def test_billet_page_shows_results_of_a_closed_poll_to_everyone(
    make_poll, author, voter
):
    poll = make_poll(results_visibility="after_vote")
    services.vote(actor=voter, poll=poll, option_ids=[option(poll, "Samedi")])
    services.close_poll(actor=author, poll=poll)

    html = Client().get(poll.post.get_absolute_url()).content.decode()

    assert "Clos" in html
    assert '<meter min="0" max="100" value="100"' in html
    assert "1 vote · 100 %" in html
    assert poll_url("vote", poll.post) not in html


def test_billet_page_shows_the_poll_in_english(poll, voter):
    services.vote(actor=voter, poll=poll, option_ids=[option(poll, "Samedi")])

    html = english_client(voter).get(poll.post.get_absolute_url()).content.decode()

    assert "Poll · one option" in html
    assert "Change my vote" in html
    assert "1 vote · 100%" in html


# Adding, changing, closing, deleting


def test_poll_create_adds_the_poll_and_returns_to_its_anchor(
    billet, author, client_for
):
    response = client_for(author).post(
        poll_url("create", billet),
        form_data(option_3="Lundi", kind="multiple"),
    )

    assert response.status_code == 302
    assert response["Location"] == billet.get_absolute_url() + "#poll"
    poll = Poll.objects.get(post=billet)
    assert poll.kind == "multiple"
    assert list(poll.options.values_list("label", flat=True)) == [
        "Samedi",
        "Dimanche",
        "Lundi",
    ]


def test_poll_create_page_has_labelled_fields(billet, author, client_for):
    html = client_for(author).get(poll_url("create", billet)).content.decode()

    assert '<label for="id_question"' in html
    assert '<label for="id_option_10"' in html
    assert 'type="datetime-local"' in html


def test_poll_create_keeps_the_input_when_an_option_is_missing(
    billet, author, client_for
):
    response = client_for(author).post(
        poll_url("create", billet),
        form_data(question="Ma <question>", option_2=""),
    )

    html = response.content.decode()
    assert response.status_code == 400
    assert "au moins 2 options" in html
    assert 'value="Ma &lt;question&gt;"' in html
    assert 'value="Samedi"' in html
    assert not Poll.objects.exists()


def test_poll_create_refuses_a_closing_date_in_the_past_in_english(billet, author):
    past = (timezone.localtime() - timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")

    response = english_client(author).post(
        poll_url("create", billet), form_data(closes_at=past)
    )

    html = response.content.decode()
    assert response.status_code == 400
    assert "The closing date must be in the future." in html
    assert f'value="{past}"' in html


def test_poll_create_is_refused_to_another_member(billet, voter, client_for):
    response = client_for(voter).post(poll_url("create", billet), form_data())

    assert response.status_code == 403
    assert not Poll.objects.exists()


def test_poll_edit_after_a_vote_changes_only_the_closing_date(
    poll, author, voter, client_for
):
    services.vote(actor=voter, poll=poll, option_ids=[option(poll, "Samedi")])
    client = client_for(author)
    later = (timezone.localtime() + timedelta(days=2)).replace(second=0, microsecond=0)

    page = client.get(poll_url("edit", poll.post)).content.decode()
    response = client.post(
        poll_url("edit", poll.post),
        form_data(
            question="Autre ?",
            option_3="Lundi",
            closes_at=later.strftime("%Y-%m-%dT%H:%M"),
        ),
    )

    assert "ont déjà voté" in page
    assert page.count(" disabled") == 15  # question, 10 options, 4 radio buttons
    assert response.status_code == 302
    poll.refresh_from_db()
    assert poll.question == "Quel jour vous convient ?"
    assert poll.options.count() == 2
    assert poll.closes_at == later


def test_poll_close_makes_the_poll_read_only(poll, author, voter, client_for):
    response = client_for(author).post(poll_url("close", poll.post))
    assert response["Location"].endswith("#poll")

    refused = client_for(voter).post(
        poll_url("vote", poll.post), {"options": option(poll, "Samedi")}
    )

    assert refused.status_code == 400
    assert "Ce sondage est clos" in refused.content.decode()
    assert not Ballot.objects.exists()


def test_poll_delete_asks_then_deletes(poll, author, client_for):
    client = client_for(author)
    assert (
        "Supprimer le sondage"
        in client.get(poll_url("delete", poll.post)).content.decode()
    )

    response = client.post(poll_url("delete", poll.post))

    assert response.status_code == 302
    assert not Poll.objects.exists()


# Voting without JavaScript


def test_poll_vote_records_the_vote_and_returns_to_the_poll(poll, voter, client_for):
    response = client_for(voter).post(
        poll_url("vote", poll.post), {"options": option(poll, "Dimanche")}
    )

    assert response.status_code == 302
    assert response["Location"] == poll.post.get_absolute_url() + "#poll"
    assert Ballot.objects.get(poll=poll).voter == voter
    html = client_for(voter).get(poll.post.get_absolute_url()).content.decode()
    assert f'value="{option(poll, "Dimanche")}" id="poll-option-' in html
    assert "checked" in html


def test_poll_vote_without_a_choice_shows_the_poll_with_an_error(
    poll, voter, client_for
):
    response = client_for(voter).post(poll_url("vote", poll.post), {})

    assert response.status_code == 400
    assert "Choisissez une option." in response.content.decode()
    assert not Ballot.objects.exists()


def test_poll_vote_refused_keeps_the_choice_that_was_sent(poll, voter, client_for):
    both = [option(poll, "Samedi"), option(poll, "Dimanche")]

    response = client_for(voter).post(poll_url("vote", poll.post), {"options": both})

    html = response.content.decode()
    assert response.status_code == 400
    assert "une seule option" in html
    assert html.count(" checked") == 2


def test_poll_vote_by_a_non_member_is_refused(poll, stranger, client_for):
    response = client_for(stranger).post(
        poll_url("vote", poll.post), {"options": option(poll, "Samedi")}
    )

    assert response.status_code == 403
    assert not Ballot.objects.exists()


def test_poll_vote_with_a_forged_option_id_is_refused(poll, voter, client_for):
    response = client_for(voter).post(
        poll_url("vote", poll.post), {"options": ["abc", "999999"]}
    )

    assert response.status_code == 400
    assert not Ballot.objects.exists()


def test_poll_detail_of_a_billet_without_poll_is_a_404(billet):
    assert Client().get(poll_url("detail", billet)).status_code == 404


# Queries


def test_poll_panel_costs_one_query_for_a_billet_without_poll(
    billet, voter, django_assert_num_queries
):
    with django_assert_num_queries(1):
        panel = selectors.poll_panel(
            viewer=voter, post=billet, is_member=True, is_moderator=False
        )

    assert panel["poll"] is None


def count_queries(client, address) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(address)
    assert response.status_code == 200
    return len(queries)


def make_voters(community, poll, number, *, prefix):
    options = list(poll.options.all())
    for index in range(number):
        member = join(make_member(f"{prefix}{index:03d}"), community)
        services.vote(
            actor=member,
            poll=poll,
            option_ids=[options[index % len(options)].pk],
        )


@pytest.mark.parametrize("viewer", ["anonymous", "voter"])
def test_billet_page_query_count_is_the_same_with_2_and_10_options_and_many_voters(
    community, author, voter, client_for, viewer
):
    from causerie.core.testing import make_post

    small = make_post(community=community, author=author, title="Petit")
    large = make_post(community=community, author=author, title="Grand")
    without = make_post(community=community, author=author, title="Sans")
    small_poll = services.add_poll(
        actor=author, post=small, question="Deux ?", options=["A", "B"]
    )
    large_poll = services.add_poll(
        actor=author,
        post=large,
        question="Dix ?",
        options=[f"Option {n}" for n in range(1, 11)],
        kind=PollKind.MULTIPLE,
    )
    make_voters(community, small_poll, 2, prefix="p")
    make_voters(community, large_poll, 60, prefix="g")
    client = client_for(voter) if viewer == "voter" else Client()
    if viewer == "voter":
        services.vote(
            actor=voter, poll=small_poll, option_ids=[option(small_poll, "A")]
        )
        services.vote(
            actor=voter,
            poll=large_poll,
            option_ids=[option(large_poll, "Option 1"), option(large_poll, "Option 9")],
        )
    for post in (small, large, without):
        client.get(post.get_absolute_url())  # first reads record themselves once

    queries_small = count_queries(client, small.get_absolute_url())
    queries_large = count_queries(client, large.get_absolute_url())
    queries_without = count_queries(client, without.get_absolute_url())

    assert queries_small == queries_large
    assert queries_large - queries_without <= 1
