"""Each real dump in shared/data/stackexchange imports completely: the counts
match what the XML holds, counted here independently of the importer.

Skipped when the shared data is missing, except under CI=true where that is a
failure (the proof must not silently vanish)."""

import os
import xml.etree.ElementTree as ElementTree
from collections import Counter
from pathlib import Path

import pytest
from django.conf import settings
from django.db.models import Sum

from causerie.communities.models import Community, Membership, Tag
from causerie.publishing.models import Comment, Post
from causerie.recognition.models import Recognition
from causerie.standing.importer import import_dump
from causerie.standing.models import AnonymousVotes

DUMPS = [
    "beer.stackexchange.com",
    "beer.stackexchange.com-2020-06",
    "ai.stackexchange.com",
    "french.meta.stackexchange.com",
]


def dump_dir(name: str) -> Path:
    directory = Path(settings.CAUSERIE_SHARED_DATA) / "stackexchange" / name
    if not (directory / "Posts.xml").is_file():
        message = f"Stack Exchange dump not found: {directory}"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return directory


def rows(path: Path):
    for _event, element in ElementTree.iterparse(path):
        if element.tag == "row":
            yield dict(element.attrib)
            element.clear()


def expected(directory: Path) -> dict:
    users = {r["Id"] for r in rows(directory / "Users.xml")} - {"-1"}
    questions, answers, accepted = {}, {}, {}
    for row in rows(directory / "Posts.xml"):
        if row["PostTypeId"] == "1":
            questions[row["Id"]] = row.get("OwnerUserId")
            if row.get("AcceptedAnswerId"):
                accepted[row["Id"]] = row["AcceptedAnswerId"]
        elif row["PostTypeId"] == "2":
            answers[row["Id"]] = (row["ParentId"], row.get("OwnerUserId"))
    answers = {k: v for k, v in answers.items() if v[0] in questions}
    comments = sum(
        1
        for r in rows(directory / "Comments.xml")
        if r["PostId"] in {**questions, **answers}
    )
    votes = Counter(
        r["VoteTypeId"]
        for r in rows(directory / "Votes.xml")
        if r["PostId"] in questions or r["PostId"] in answers
    )
    accepted = {q: a for q, a in accepted.items() if a in answers}

    def person(user):
        return user if user in users else None

    recognitions = sum(
        1
        for q, a in accepted.items()
        if person(questions[q])
        and person(answers[a][1])
        and questions[q] != answers[a][1]
    )
    tags = {r["TagName"].lower() for r in rows(directory / "Tags.xml")}
    return {
        "members": len(users) + 1,  # and the placeholder
        "posts": len(questions),
        "top_level": len(answers),
        "comments": len(answers) + comments,
        "accepted": len(accepted),
        "recognitions": recognitions,
        "up": votes["2"],
        "down": votes["3"],
        "tags": len(tags),
    }


@pytest.mark.django_db
@pytest.mark.parametrize("name", DUMPS)
def test_import_dump_brings_every_row_of_a_real_dump(name):
    directory = dump_dir(name)
    want = expected(directory)

    report = import_dump(directory, community_slug="dump", update_search_index=False)

    community = Community.objects.get(slug="dump")
    posts = Post.objects.filter(community=community)
    comments = Comment.objects.filter(post__community=community)
    votes = AnonymousVotes.objects.filter(post__community=community).aggregate(
        up=Sum("up"), down=Sum("down")
    )
    got = {
        "members": Membership.objects.filter(community=community)
        .exclude(member=community.founder)
        .count(),
        "posts": posts.count(),
        "top_level": comments.filter(parent__isnull=True, depth=0).count()
        - comments.filter(
            parent__isnull=True, body__contains="/posts/comments/"
        ).count(),
        "comments": comments.count(),
        "accepted": posts.filter(accepted_comment__isnull=False).count(),
        "recognitions": Recognition.objects.filter(
            community=community, kind=Recognition.Kind.ACCEPTED_ANSWER
        ).count(),
        "up": votes["up"],
        "down": votes["down"],
        "tags": Tag.objects.filter(community=community).count(),
    }
    assert got == want
    assert report.read["Posts.xml"] == 2 * sum(1 for _ in rows(directory / "Posts.xml"))
    assert Recognition.objects.filter(given_at__isnull=True).count() == 0


@pytest.mark.django_db
def test_import_dump_of_a_real_dump_twice_creates_nothing():
    directory = dump_dir("french.meta.stackexchange.com")
    import_dump(directory, community_slug="meta", update_search_index=False)

    report = import_dump(directory, community_slug="meta", update_search_index=False)

    assert not +report.created
