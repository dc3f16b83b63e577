"""The billet page keeps the same number of queries with recognitions and
contribution profiles, whatever the number of comments."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from causerie.core.testing import make_comment, make_member, make_post
from causerie.publishing.models import Comment, Post
from causerie.recognition import services
from causerie.recognition.models import Recognition
from causerie.recognition.tests.conftest import join
from causerie.standing import services as standing_services
from causerie.standing.models import ContributionProfile


def add_comments(post, authors, count, viewer):
    """Rows made directly, only for volume, each recognised by the viewer and
    the viewer's own recognised by others (every row the page reads grows)."""
    rows = [
        Comment(
            post=post,
            author=authors[index % len(authors)],
            body=f"Réponse {index}",
            body_html=f"<p>Réponse {index}</p>\n",
        )
        for index in range(count)
    ]
    Comment.objects.bulk_create(rows)
    Post.objects.filter(pk=post.pk).update(comment_count=post.comments.count())
    now = timezone.now()
    recognitions = []
    for comment in Comment.objects.filter(post=post, body__startswith="Réponse"):
        if comment.author_id == viewer.pk:
            recogniser = authors[0] if authors[0] != viewer else authors[1]
        else:
            recogniser = viewer
        recognitions.append(
            Recognition(
                community=post.community,
                recogniser=recogniser,
                author=comment.author,
                post=post,
                comment=comment,
                given_at=now,
            )
        )
    Recognition.objects.bulk_create(recognitions, ignore_conflicts=True)


def count_queries(client, address) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(address)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("viewer_kind", ["anonymous", "member", "asker"])
def test_question_page_query_count_is_the_same_with_10_and_200_comments(
    question, answer, author, reader, community, tags, client_for, viewer_kind
):
    authors = [reader] + [
        join(make_member(f"auteur{index}"), community) for index in range(5)
    ]
    make_comment(post=question, author=authors[1], body="Une autre piste")
    # Recognised answers elsewhere make members worth suggesting.
    earlier = make_post(
        community=community, author=author, title="Avant", tags=[tags["levures"]]
    )
    for member in authors[1:]:
        comment = make_comment(post=earlier, author=member, body="La levure.")
        for recogniser in (author, reader):
            services.recognise_item(
                actor=recogniser, post=earlier, comment=comment, tag=tags["levures"]
            )
    standing_services.recompute_community(community=community)
    for index, member in enumerate([author, *authors]):
        ContributionProfile.objects.update_or_create(
            community=community,
            member=member,
            defaults={"kind": list(ContributionProfile.Kind)[index % 4]},
        )
    viewer = {"anonymous": None, "member": reader, "asker": author}[viewer_kind]
    client = Client() if viewer is None else client_for(viewer)
    address = question.get_absolute_url()
    add_comments(question, [*authors, author], 8, viewer or reader)
    client.get(address)
    with_10 = count_queries(client, address)

    add_comments(question, [*authors, author], 190, viewer or reader)
    with_200 = count_queries(client, address)

    assert with_200 == with_10
    page = client.get(address).content.decode()
    assert "who-could-answer" in page
    assert "contribution-profile" in page


def test_recognition_adds_at_most_two_queries_to_the_billet_page(
    authored_post, reader, client_for
):
    """Profiles of every author, then the viewer's recognitions: two queries."""
    client = client_for(reader)
    address = authored_post.get_absolute_url()
    client.get(address)

    with CaptureQueriesContext(connection) as queries:
        client.get(address)

    recognition_queries = [
        query["sql"]
        for query in queries.captured_queries
        if "recognition_recognition" in query["sql"]
        or "standing_contributionprofile" in query["sql"]
    ]
    assert len(recognition_queries) == 2
