"""The Stack Exchange importer on a small hand-written dump: what each row
becomes, idempotence, resuming, malformed XML, sanitising, no notifications."""

from datetime import UTC, date, datetime
from io import StringIO
from pathlib import Path
from xml.sax.saxutils import quoteattr

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from causerie.accounts.models import User
from causerie.communities.models import Community, Membership, Tag
from causerie.publishing.models import Bookmark, Comment, Post
from causerie.recognition.models import Recognition
from causerie.search.models import SearchDocument
from causerie.standing.importer import DumpError, import_dump, strip_attribution
from causerie.standing.models import AnonymousVotes, ImportedItem

SITE = "brew.stackexchange.com"

USERS = [
    {"Id": "-1", "DisplayName": "Community", "CreationDate": "2014-01-01T00:00:00.000"},
    {"Id": "7", "DisplayName": "Tom Médley", "CreationDate": "2014-01-02T10:00:00.000"},
    {"Id": "8", "DisplayName": "Ann", "CreationDate": "2014-01-03T10:00:00.000"},
    {"Id": "9", "DisplayName": "Ann", "CreationDate": "2014-01-04T10:00:00.000"},
    {"Id": "10", "DisplayName": "!!", "CreationDate": "2014-01-05T10:00:00.000"},
]
POSTS = [
    {
        "Id": "1",
        "PostTypeId": "1",
        "AcceptedAnswerId": "3",
        "CreationDate": "2014-02-01T12:00:00.000",
        "Title": "What is a citra hop?",
        "Body": '<p>Is it <a href="javascript:alert(1)">safe</a>?</p>'
        "<script>alert('x')</script><img src=x onerror=alert(2)>",
        "OwnerUserId": "7",
        "Tags": "<hops><history>",
    },
    {
        "Id": "2",
        "PostTypeId": "1",
        "CreationDate": "2014-02-02T12:00:00.000",
        "Title": "Who brewed first?",
        "Body": "<p>Long ago <strong>somewhere</strong>.</p><pre><code>a &lt; b</code></pre>",
        "OwnerDisplayName": "Gone Person",
        "Tags": "<history>",
        "ContentLicense": "CC BY-SA 4.0",
    },
    {
        "Id": "3",
        "PostTypeId": "2",
        "ParentId": "1",
        "CreationDate": "2014-02-01T13:00:00.000",
        "Body": "<p>A hop variety.</p>",
        "OwnerUserId": "8",
    },
    {
        "Id": "4",
        "PostTypeId": "2",
        "ParentId": "1",
        "CreationDate": "2014-02-01T14:00:00.000",
        "Body": "<p>Self answer.</p>",
        "OwnerUserId": "7",
    },
    {
        "Id": "5",
        "PostTypeId": "4",
        "CreationDate": "2014-02-01T14:00:00.000",
        "Body": "<p>Tag wiki excerpt.</p>",
        "OwnerUserId": "-1",
    },
    {
        "Id": "6",
        "PostTypeId": "2",
        "ParentId": "99",
        "CreationDate": "2014-02-01T14:00:00.000",
        "Body": "<p>Orphan.</p>",
        "OwnerUserId": "8",
    },
]
COMMENTS = [
    {"Id": "1", "PostId": "1", "Text": "Good question", "UserId": "9",
     "CreationDate": "2014-02-01T12:30:00.000"},
    {"Id": "2", "PostId": "3", "Text": "Thanks <b>a lot</b>", "UserId": "7",
     "CreationDate": "2014-02-01T13:30:00.000"},
    {"Id": "3", "PostId": "3", "Text": "Who am I?",
     "CreationDate": "2014-02-01T13:40:00.000", "UserDisplayName": "ghost"},
    {"Id": "4", "PostId": "5", "Text": "On the wiki", "UserId": "8",
     "CreationDate": "2014-02-01T13:40:00.000"},
]  # fmt: skip
VOTES = [
    {"Id": "1", "PostId": "1", "VoteTypeId": "2", "CreationDate": "2014-02-01T00:00:00.000"},
    {"Id": "2", "PostId": "1", "VoteTypeId": "2", "CreationDate": "2014-02-01T00:00:00.000"},
    {"Id": "3", "PostId": "1", "VoteTypeId": "3", "CreationDate": "2014-02-02T00:00:00.000"},
    {"Id": "4", "PostId": "3", "VoteTypeId": "2", "CreationDate": "2014-02-02T00:00:00.000"},
    {"Id": "5", "PostId": "3", "VoteTypeId": "1", "CreationDate": "2014-02-03T00:00:00.000"},
    {"Id": "6", "PostId": "1", "VoteTypeId": "5", "UserId": "9",
     "CreationDate": "2014-02-04T00:00:00.000"},
    {"Id": "7", "PostId": "404", "VoteTypeId": "2", "CreationDate": "2014-02-04T00:00:00.000"},
    {"Id": "8", "PostId": "4", "VoteTypeId": "3", "CreationDate": "2014-02-05T00:00:00.000"},
]  # fmt: skip
TAGS = [
    {"Id": "1", "TagName": "hops", "Count": "1"},
    {"Id": "2", "TagName": "history", "Count": "2"},
    {"Id": "3", "TagName": "unused", "Count": "0"},
]


def write_file(directory: Path, name: str, root: str, rows: list[dict]) -> None:
    lines = ['\ufeff<?xml version="1.0" encoding="utf-8"?>', f"<{root}>"]
    for row in rows:
        attributes = " ".join(f"{k}={quoteattr(v)}" for k, v in row.items())
        lines.append(f"  <row {attributes} />")
    lines.append(f"</{root}>")
    (directory / name).write_text("\n".join(lines), encoding="utf-8")


@pytest.fixture
def dump(tmp_path):
    directory = tmp_path / "brew.stackexchange.com-2020-06"
    directory.mkdir()
    write_file(directory, "Users.xml", "users", USERS)
    write_file(directory, "Posts.xml", "posts", POSTS)
    write_file(directory, "Comments.xml", "comments", COMMENTS)
    write_file(directory, "Votes.xml", "votes", VOTES)
    write_file(directory, "Tags.xml", "tags", TAGS)
    return directory


def run(dump, **options):
    options.setdefault("community_slug", "brew")
    return import_dump(dump, **options)


def counts(community):
    return {
        "members": Membership.objects.filter(community=community).count(),
        "users": User.objects.count(),
        "posts": Post.objects.filter(community=community).count(),
        "comments": Comment.objects.filter(post__community=community).count(),
        "tags": Tag.objects.filter(community=community).count(),
        "recognitions": Recognition.objects.filter(community=community).count(),
        # Sorted here: databases order NULL comments differently.
        "votes": sorted(
            AnonymousVotes.objects.filter(post__community=community).values_list(
                "post_id", "comment_id", "day", "up", "down"
            ),
            key=lambda row: (row[0], row[1] or 0, row[2]),
        ),
        "bookmarks": Bookmark.objects.filter(post__community=community).count(),
        "items": ImportedItem.objects.count(),
    }


def question(number):
    item = ImportedItem.objects.get(kind="question", source_id=number)
    return Post.objects.get(pk=item.target_id)


def answer(number):
    item = ImportedItem.objects.get(kind="answer", source_id=number)
    return Comment.objects.get(pk=item.target_id)


@pytest.mark.django_db
def test_import_dump_creates_the_community_and_its_members(dump):
    report = run(dump)

    community = Community.objects.get(slug="brew")
    assert report.site == SITE
    assert community.founder.handle == "import"
    assert not community.founder.can_log_in
    imported = User.objects.filter(memberships__community=community).exclude(
        pk=community.founder_id
    )
    # Four users plus the placeholder that stands for -1 and deleted accounts.
    assert sorted(imported.values_list("handle", flat=True)) == [
        "ann",
        "ann_2",
        "anonyme",
        "membre_10",
        "tom_medley",
    ]
    tom = User.objects.get(handle="tom_medley")
    assert tom.display_name == "Tom Médley"
    assert tom.email is None
    assert not tom.has_usable_password()
    assert tom.date_joined == datetime(2014, 1, 2, 10, tzinfo=UTC)
    assert community.member_count == 6


@pytest.mark.django_db
def test_import_dump_turns_questions_into_billets_with_their_dates_and_tags(dump):
    run(dump)

    post = question(1)
    assert post.is_question
    assert post.intent == "information"
    assert post.author.handle == "tom_medley"
    assert post.published_at == datetime(2014, 2, 1, 12, tzinfo=UTC)
    assert post.created_at == post.published_at
    assert sorted(post.tags.values_list("name", flat=True)) == ["history", "hops"]
    assert post.revisions.get().number == 1
    assert post.comment_count == 5  # two answers, a comment, two replies
    # A deleted owner: the placeholder, credited by the name the dump kept.
    orphan = question(2)
    assert orphan.author.handle == "anonyme"
    assert "Gone Person" in orphan.body_html
    assert "by-sa/4.0" in orphan.body_html
    assert Post.objects.count() == 2  # the tag wiki post is left out
    assert sorted(Tag.objects.values_list("name", flat=True)) == [
        "history",
        "hops",
        "unused",
    ]


@pytest.mark.django_db
def test_import_dump_threads_answers_and_comments(dump):
    run(dump)

    accepted = answer(3)
    assert accepted.parent is None
    assert accepted.post == question(1)
    assert accepted.created_at == datetime(2014, 2, 1, 13, tzinfo=UTC)
    replies = Comment.objects.filter(parent=accepted).order_by("created_at")
    assert [(c.author.handle, c.depth) for c in replies] == [
        ("tom_medley", 1),
        ("anonyme", 1),
    ]
    on_question = Comment.objects.get(
        post=question(1), parent=None, author__handle="ann_2"
    )
    assert on_question.body.startswith("Good question")
    assert not Comment.objects.filter(body__startswith="Orphan").exists()
    assert not Comment.objects.filter(body__startswith="On the wiki").exists()


@pytest.mark.django_db
def test_import_dump_makes_the_accepted_answer_a_recognition_dated_by_its_vote(dump):
    run(dump)

    post = question(1)
    assert post.accepted_comment == answer(3)
    recognition = Recognition.objects.get()
    assert recognition.kind == Recognition.Kind.ACCEPTED_ANSWER
    assert recognition.recogniser == post.author
    assert recognition.author.handle == "ann"
    assert recognition.comment == answer(3)
    assert recognition.given_at == datetime(2014, 2, 3, tzinfo=UTC)


@pytest.mark.django_db
def test_import_dump_keeps_votes_anonymous_per_item_and_day(dump):
    report = run(dump)

    first, accepted, self_answer = question(1), answer(3), answer(4)
    assert counts(first.community)["votes"] == [
        (first.pk, None, date(2014, 2, 1), 2, 0),
        (first.pk, None, date(2014, 2, 2), 0, 1),
        (first.pk, accepted.pk, date(2014, 2, 2), 1, 0),
        (first.pk, self_answer.pk, date(2014, 2, 5), 0, 1),
    ]
    # Up-votes are never a member's recognition: only the acceptance is one.
    assert Recognition.objects.count() == 1
    assert report.skipped["votes on posts not imported"] == 1
    bookmark = Bookmark.objects.get()
    assert (bookmark.member.handle, bookmark.post) == ("ann_2", first)
    assert bookmark.created_at == datetime(2014, 2, 4, tzinfo=UTC)


@pytest.mark.django_db
def test_import_dump_sanitises_the_html_of_the_dump(dump):
    run(dump)

    html = question(1).body_html
    assert "<script" not in html
    assert "alert('x')" not in html
    assert "javascript:" not in html
    assert "onerror" not in html
    assert "<img" not in html
    code = question(2)
    assert "<strong>somewhere</strong>" in code.body_html
    assert "a &lt; b" in code.body_html
    reply = Comment.objects.get(body__startswith="Thanks")
    assert "<b>" not in reply.body_html
    assert "&lt;b&gt;" in reply.body_html


@pytest.mark.django_db
def test_import_dump_attributes_each_text_to_its_author_and_licence(dump):
    run(dump)

    html = question(1).body_html
    assert f'href="https://{SITE}/q/1"' in html
    assert f'href="https://{SITE}/users/7"' in html
    assert "CC BY-SA 3.0" in html
    assert f'href="https://{SITE}/a/3"' in answer(3).body_html
    reply = Comment.objects.get(body__startswith="Thanks")
    assert f'href="https://{SITE}/posts/comments/2"' in reply.body_html
    assert strip_attribution(answer(3).body).strip() == "A hop variety."


@pytest.mark.django_db
def test_import_dump_twice_creates_nothing_the_second_time(dump):
    run(dump)
    community = Community.objects.get(slug="brew")
    before = counts(community)

    report = run(dump)

    assert counts(community) == before
    assert not +report.created


@pytest.mark.django_db
def test_import_dump_resumes_after_an_interruption(dump, tmp_path):
    class Stop(Exception):
        pass

    def stop_in_comments(name, count):
        if name == "Comments.xml":
            raise Stop

    with pytest.raises(Stop):
        run(dump, progress=stop_in_comments, batch_size=2)
    community = Community.objects.get(slug="brew")
    assert Comment.objects.filter(parent__isnull=False).count() < 2
    assert not AnonymousVotes.objects.exists()

    run(dump, batch_size=2)
    resumed = counts(community)

    reference = tmp_path / "reference"
    reference.mkdir()
    for name in ("Users.xml", "Posts.xml", "Comments.xml", "Votes.xml", "Tags.xml"):
        (reference / name).write_bytes((dump / name).read_bytes())
    run(reference, community_slug="reference", site=SITE)
    whole = counts(Community.objects.get(slug="reference"))
    for key in ("members", "posts", "comments", "tags", "recognitions", "bookmarks"):
        assert resumed[key] == whole[key], key
    assert [v[2:] for v in resumed["votes"]] == [v[2:] for v in whole["votes"]]


@pytest.mark.django_db
def test_import_dump_stopped_inside_votes_counts_each_vote_once(dump):
    class Stop(Exception):
        pass

    def stop_once(name, count):
        if name == "Votes.xml" and count == 4:
            raise Stop

    with pytest.raises(Stop):
        run(dump, progress=stop_once, batch_size=2)
    run(dump, batch_size=2)

    assert sum(v.up for v in AnonymousVotes.objects.all()) == 3
    assert sum(v.down for v in AnonymousVotes.objects.all()) == 2


@pytest.mark.django_db
def test_import_dump_names_the_file_and_line_of_malformed_xml(dump):
    lines = (dump / "Comments.xml").read_text(encoding="utf-8").split("\n")
    lines[3] = '  <row Id="2" PostId="3" Text="broken <here" />'
    (dump / "Comments.xml").write_text("\n".join(lines), encoding="utf-8")

    with pytest.raises(DumpError) as error:
        run(dump, batch_size=1)

    assert "Comments.xml" in str(error.value.message)
    assert "line 4" in str(error.value.message)
    # The batch being read (the first comment) was written; nothing after it.
    assert ImportedItem.objects.filter(kind="comment").count() == 1


@pytest.mark.django_db
def test_import_dump_refuses_a_folder_without_posts(tmp_path):
    with pytest.raises(DumpError) as error:
        import_dump(tmp_path, community_slug="brew")

    assert "Posts.xml" in str(error.value.message)
    assert not Community.objects.filter(slug="brew").exists()


@pytest.mark.django_db
def test_import_dump_notifies_nobody(dump, emitted, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        run(dump)

    assert not [e for e in emitted if type(e).__name__ != "CommunityFounded"]


@pytest.mark.django_db
def test_import_dump_indexes_what_it_imported(dump):
    run(dump)

    assert SearchDocument.objects.filter(post=question(1)).exists()
    assert SearchDocument.objects.filter(comment=answer(3)).exists()


@pytest.mark.django_db
def test_import_dump_into_an_existing_community_keeps_its_founder(dump, community):
    run(dump, community_slug=community.slug)

    community.refresh_from_db()
    assert community.founder.handle == "camille"
    assert community.post_count == 2


@pytest.mark.django_db
def test_import_stackexchange_command_reports_progress_and_errors(dump):
    out = StringIO()
    call_command("import_stackexchange", str(dump), "--community", "brew", stdout=out)

    assert "Posts.xml: 6 rows read" in out.getvalue()
    assert "Imported brew.stackexchange.com" in out.getvalue()

    (dump / "Votes.xml").write_text("<votes><row Id='1'", encoding="utf-8")
    with pytest.raises(CommandError, match=r"Votes\.xml.*line 1"):
        call_command(
            "import_stackexchange", str(dump), "--community", "brew", stdout=StringIO()
        )


@pytest.mark.django_db
def test_import_dump_never_gives_an_existing_handle(dump, member_factory):
    member_factory("ann")
    member_factory("tom_medley")

    run(dump)

    imported = set(
        ImportedItem.objects.filter(kind="member").values_list("target_id", flat=True)
    )
    handles = set(User.objects.filter(pk__in=imported).values_list("handle", flat=True))
    assert {"ann_2", "ann_3", "tom_medley_2"} <= handles
    assert User.objects.get(handle="ann").can_log_in
