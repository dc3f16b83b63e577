"""Hostile input (shared/data/hostile) through the question and the options:
stored exactly as typed (stripped) or refused with a clear error, always shown
escaped, never a 500, and a refused form gives the input back.

The corpus tests are marked `corpus` (SQLite lane); the NUL and invalid UTF-8
tests run in every lane.
"""

import pytest
from django.urls import reverse
from django.utils.html import escape

from causerie.core.exceptions import InvalidRequest
from causerie.core.testing import hostile_report, make_post, raw_form
from causerie.core.tests.html_safety import page_problems
from causerie.polls import services
from causerie.polls.models import Poll, PollOption

HTTP_SAMPLE_SIZE = 120


def poll_url(name, post):
    return reverse(
        f"polls:{name}", kwargs={"slug": post.community.slug, "post_id": post.pk}
    )


@pytest.mark.corpus
def test_add_poll_stores_every_hostile_string_or_refuses_it_clearly(
    hostile, community, author
):
    post = make_post(community=community, author=author, title="Billet")
    failures = []
    for index, (source, text) in enumerate(hostile):
        question, label = text[:300], text[:200]
        try:
            poll = services.add_poll(
                actor=author,
                post=post,
                question=question,
                options=[label, f"Autre {index}"],
            )
        except InvalidRequest as error:
            # Only blank text may be refused: everything else is stored.
            if question.strip() and label.strip():
                failures.append(f"{source}: {text!r} refused: {error.message}")
            if Poll.objects.filter(post=post).exists():
                failures.append(f"{source}: {text!r} refused but saved")
            continue
        stored = list(
            PollOption.objects.filter(poll=poll).values_list("label", flat=True)
        )
        if poll.question != question.strip() or stored[0] != label.strip():
            failures.append(f"{source}: {text!r} stored as {stored!r}")
        services.delete_poll(actor=author, poll=poll)

    assert not failures, hostile_report(failures)


@pytest.mark.corpus
def test_poll_form_and_page_handle_every_sampled_string_without_a_500(
    hostile, community, author, voter, client_for
):
    sample = hostile[:: max(1, len(hostile) // HTTP_SAMPLE_SIZE)]
    client = client_for(author)
    post = make_post(community=community, author=author, title="Billet")
    failures = []
    for index, (source, text) in enumerate(sample):
        question, label = text[:300], text[:200]
        response = client.post(
            poll_url("create", post),
            {
                "question": question,
                "option_1": label,
                "option_2": f"Autre {index}",
                "kind": "single",
                "results_visibility": "always",
                "closes_at": "",
            },
        )
        if response.status_code == 400:
            html = response.content.decode()
            if "errorlist" not in html or escape(label) not in html:
                failures.append(f"{source}: {text!r} refused without its input")
            if Poll.objects.filter(post=post).exists():
                failures.append(f"{source}: {text!r} refused but saved")
            continue
        if response.status_code != 302:
            failures.append(f"{source}: {text!r} -> {response.status_code}")
            continue
        poll = Poll.objects.get(post=post)
        html = client_for(voter).get(post.get_absolute_url()).content.decode()
        if escape(poll.question) not in html:
            failures.append(f"{source}: {text!r} question not shown escaped")
        first = poll.options.get(position=1)
        if escape(first.label) not in html:
            failures.append(f"{source}: {text!r} option not shown escaped")
        problems = page_problems(html)
        if problems:
            failures.append(f"{source}: {text!r} -> {problems}")
        services.delete_poll(actor=author, poll=poll)

    assert not failures, hostile_report(failures)


# NUL bytes and bytes that are not UTF-8: an error in the form, never a 500.


def test_poll_form_refuses_a_nul_byte_and_keeps_the_other_fields(
    billet, author, client_for
):
    response = client_for(author).post(
        poll_url("create", billet),
        {
            "question": "Question <sûre> ?",
            "option_1": "avant\x00après",
            "option_2": "Dimanche",
            "kind": "single",
            "results_visibility": "always",
        },
    )

    html = response.content.decode()
    assert response.status_code == 400
    assert "errorlist" in html
    assert 'value="Question &lt;sûre&gt; ?"' in html
    assert 'value="Dimanche"' in html
    assert not Poll.objects.exists()


@pytest.mark.parametrize("field", ["question", "option_1"])
def test_poll_form_answers_without_a_500_when_the_text_is_not_utf8(
    billet, author, client_for, field
):
    fields = {
        "question": "Question ?",
        "option_1": "Samedi",
        "option_2": "Dimanche",
        "kind": "single",
        "results_visibility": "always",
    }
    fields[field] = "avant \ud800 après"

    response = client_for(author).post(
        poll_url("create", billet),
        raw_form(**fields),
        content_type="application/x-www-form-urlencoded",
    )

    assert response.status_code in (302, 400)
    for poll in Poll.objects.all():
        texts = [poll.question, *poll.options.values_list("label", flat=True)]
        assert all(text.encode("utf-8") for text in texts)


def test_poll_form_refuses_a_forged_kind_without_a_500(billet, author, client_for):
    response = client_for(author).post(
        poll_url("create", billet),
        {
            "question": "Q ?",
            "option_1": "A",
            "option_2": "B",
            "kind": "<script>",
            "results_visibility": "never",
            "closes_at": "demain",
        },
    )

    assert response.status_code == 400
    assert not Poll.objects.exists()
