"""Writes on billets and comments, through the services."""

from datetime import timedelta

import pytest
from django.utils import timezone

from causerie.communities import services as community_services
from causerie.communities.exceptions import (
    CommunitySuspended,
    NotAMember,
    NotAModerator,
)
from causerie.communities.models import Community
from causerie.core.exceptions import InvalidRequest
from causerie.core.testing import make_comment, make_community, make_member, make_post
from causerie.publishing import selectors, services
from causerie.publishing.events import (
    CommentEdited,
    CommentPosted,
    PostEdited,
    PostPublished,
)
from causerie.publishing.exceptions import (
    CommentDeleted,
    EmptyText,
    NotTheAuthor,
    PostDeleted,
    ReplyToAnotherPost,
    TagNotInCommunity,
)
from causerie.publishing.models import (
    Comment,
    CommentRevision,
    Intent,
    Post,
    PostRevision,
)


@pytest.fixture
def tags(moderator, community):
    return [
        community_services.create_tag(
            actor=moderator, community=community, name=name, description=""
        )
        for name in ("Levure", "Houblon")
    ]


@pytest.fixture
def writer_post(community, writer):
    return make_post(
        community=community,
        author=writer,
        title="Brasser chez soi",
        body="Première ligne.\nDeuxième ligne.",
    )


def reload(instance):
    return type(instance).objects.select_related("community").get(pk=instance.pk)


def reload_comment(comment):
    return Comment.objects.select_related("post__community").get(pk=comment.pk)


# publish_post


def test_publish_post_records_revision_1_when_a_member_publishes(
    community, writer, tags
):
    post = services.publish_post(
        actor=writer,
        community=community,
        title="Levures sauvages",
        body="Un *essai*.",
        intent=Intent.OPINION,
        tags=tags,
    )

    post = reload(post)
    assert (post.title, post.body, post.intent) == (
        "Levures sauvages",
        "Un *essai*.",
        Intent.OPINION,
    )
    assert post.author == writer
    assert post.body_html == '<p data-range="0-11">Un <em>essai</em>.</p>\n'
    assert sorted(tag.name for tag in post.tags.all()) == ["Houblon", "Levure"]
    assert post.revision_count == 1
    revision = PostRevision.objects.get(post=post)
    assert (revision.number, revision.editor, revision.title, revision.body) == (
        1,
        writer,
        "Levures sauvages",
        "Un *essai*.",
    )
    assert revision.tag_names == ["Houblon", "Levure"]
    assert Community.objects.get(pk=community.pk).post_count == 1


def test_publish_post_emits_post_published_when_the_transaction_commits(
    community, writer, emitted, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post = services.publish_post(
            actor=writer,
            community=community,
            title="Titre",
            body="Texte",
            intent=Intent.INFORMATION,
        )

    assert emitted == [PostPublished(post_id=post.pk)]


def test_publish_post_refuses_a_non_member_when_they_have_not_joined(
    community, other_member
):
    with pytest.raises(NotAMember) as refusal:
        services.publish_post(
            actor=other_member,
            community=community,
            title="Titre",
            body="Texte",
            intent=Intent.INFORMATION,
        )

    assert refusal.value.code == "not_a_member"
    assert not Post.objects.exists()


def test_publish_post_refuses_a_tag_when_it_belongs_to_another_community(
    community, writer, tags, other_member
):
    elsewhere = make_community(
        founder=other_member, slug="ailleurs", name="Ailleurs", tags=("Levure",)
    )
    foreign_tag = elsewhere.tags.get()

    with pytest.raises(TagNotInCommunity) as refusal:
        services.publish_post(
            actor=writer,
            community=community,
            title="Titre",
            body="Texte",
            intent=Intent.INFORMATION,
            tags=[tags[0], foreign_tag],
        )

    assert refusal.value.code == "tag_not_in_community"
    assert refusal.value.field == "tags"
    assert not Post.objects.exists()


@pytest.mark.parametrize(
    ("title", "body", "field"),
    [
        ("Titre", "", "body"),
        ("Titre", " \n\t ", "body"),
        ("", "Texte", "title"),
        ("   ", "Texte", "title"),
    ],
)
def test_publish_post_refuses_empty_text_when_title_or_body_is_blank(
    community, writer, title, body, field
):
    with pytest.raises(EmptyText) as refusal:
        services.publish_post(
            actor=writer,
            community=community,
            title=title,
            body=body,
            intent=Intent.INFORMATION,
        )

    assert refusal.value.code == "empty_text"
    assert refusal.value.field == field
    assert not Post.objects.exists()


def test_publish_post_requires_an_intent_when_none_is_given(community, writer):
    with pytest.raises(InvalidRequest) as refusal:
        services.publish_post(
            actor=writer, community=community, title="Titre", body="Texte", intent=""
        )

    assert refusal.value.code == "invalid_request"
    assert refusal.value.field == "intent"
    assert not Post.objects.exists()


def test_publish_post_keeps_the_given_date_when_an_importer_sets_published_at(
    community, writer
):
    long_ago = timezone.now() - timedelta(days=800)

    post = services.publish_post(
        actor=writer,
        community=community,
        title="Archive",
        body="Texte",
        intent=Intent.INFORMATION,
        published_at=long_ago,
    )

    assert reload(post).published_at == long_ago


# edit_post


def test_edit_post_records_revision_2_with_a_diff_when_the_author_changes_it(
    writer_post, writer, emitted, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.edit_post(
            actor=writer,
            post=writer_post,
            title="Brasser chez soi, suite",
            body="Première ligne.\nLigne corrigée.",
            intent=Intent.OPINION,
        )

    post = reload(writer_post)
    assert post.revision_count == 2
    assert post.edited_at is not None
    assert post.body == "Première ligne.\nLigne corrigée."
    assert list(post.revisions.values_list("number", flat=True)) == [1, 2]
    newest, original = selectors.post_revisions(post=post)
    assert newest["revision"].number == 2
    assert newest["title_changed"]
    assert newest["intent_changed"]
    assert newest["diff"] == [
        ("same", "Première ligne."),
        ("removed", "Deuxième ligne."),
        ("added", "Ligne corrigée."),
    ]
    assert original["diff"] is None
    assert emitted == [PostEdited(post_id=post.pk)]


def test_edit_post_records_no_revision_when_nothing_changed(
    writer_post, writer, emitted, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.edit_post(
            actor=writer,
            post=writer_post,
            title="  Brasser chez soi ",
            body="Première ligne.\nDeuxième ligne.",
            intent=Intent.INFORMATION,
        )

    post = reload(writer_post)
    assert post.revision_count == 1
    assert post.edited_at is None
    assert PostRevision.objects.filter(post=post).count() == 1
    assert emitted == []


def test_edit_post_records_a_revision_when_only_the_tags_change(
    writer_post, writer, tags
):
    services.edit_post(
        actor=writer,
        post=writer_post,
        title=writer_post.title,
        body=writer_post.body,
        intent=writer_post.intent,
        tags=[tags[0]],
    )

    newest = selectors.post_revisions(post=writer_post)[0]
    assert newest["revision"].tag_names == ["Levure"]
    assert newest["tags_changed"]


def test_edit_post_refuses_another_member_when_they_are_not_the_author(
    writer_post, reader, moderator
):
    for someone_else in (reader, moderator):
        with pytest.raises(NotTheAuthor) as refusal:
            services.edit_post(
                actor=someone_else,
                post=reload(writer_post),
                title="Détourné",
                body="Autre texte",
                intent=Intent.PROMOTION,
            )
        assert refusal.value.code == "not_the_author"

    post = reload(writer_post)
    assert (post.title, post.body, post.intent) == (
        "Brasser chez soi",
        "Première ligne.\nDeuxième ligne.",
        Intent.INFORMATION,
    )
    assert post.revision_count == 1
    assert PostRevision.objects.filter(post=post).count() == 1


def test_edit_post_refuses_a_tag_when_it_belongs_to_another_community(
    writer_post, writer, other_member
):
    elsewhere = make_community(
        founder=other_member, slug="ailleurs", name="Ailleurs", tags=("Levure",)
    )

    with pytest.raises(TagNotInCommunity) as refusal:
        services.edit_post(
            actor=writer,
            post=writer_post,
            title="Titre",
            body="Texte",
            intent=Intent.INFORMATION,
            tags=list(elsewhere.tags.all()),
        )

    assert refusal.value.code == "tag_not_in_community"
    assert reload(writer_post).revision_count == 1


def test_edit_post_refuses_empty_text_when_the_body_is_blanked(writer_post, writer):
    with pytest.raises(EmptyText) as refusal:
        services.edit_post(
            actor=writer,
            post=writer_post,
            title="Titre",
            body="  ",
            intent=Intent.INFORMATION,
        )

    assert refusal.value.code == "empty_text"
    assert reload(writer_post).body == "Première ligne.\nDeuxième ligne."


def test_edit_post_refuses_a_deleted_billet(writer_post, writer):
    services.delete_post(actor=writer, post=writer_post)

    with pytest.raises(PostDeleted) as refusal:
        services.edit_post(
            actor=writer,
            post=reload(writer_post),
            title="Titre",
            body="Texte",
            intent=Intent.INFORMATION,
        )

    assert refusal.value.code == "post_deleted"


# delete_post


def test_delete_post_keeps_the_row_and_its_comments_when_the_author_deletes(
    writer_post, writer, reader, community
):
    comment = make_comment(post=writer_post, author=reader, body="Je réponds.")

    services.delete_post(actor=writer, post=writer_post)

    post = reload(writer_post)
    assert post.deleted_at is not None
    assert post.body == "Première ligne.\nDeuxième ligne."
    assert Comment.objects.get(pk=comment.pk).deleted_at is None
    assert post.comments.count() == 1
    assert Community.objects.get(pk=community.pk).post_count == 0


def test_delete_post_refuses_another_member_when_they_are_not_the_author(
    writer_post, reader, moderator
):
    for someone_else in (reader, moderator):
        with pytest.raises(NotTheAuthor) as refusal:
            services.delete_post(actor=someone_else, post=reload(writer_post))
        assert refusal.value.code == "not_the_author"

    assert reload(writer_post).deleted_at is None


# pin_post


def test_pin_post_pins_then_unpins_when_a_moderator_asks(writer_post, moderator):
    services.pin_post(actor=moderator, post=writer_post, pinned=True)
    assert reload(writer_post).pinned_at is not None

    services.pin_post(actor=moderator, post=writer_post, pinned=False)
    assert reload(writer_post).pinned_at is None


def test_pin_post_refuses_a_member_when_they_are_not_a_moderator(writer_post, writer):
    with pytest.raises(NotAModerator) as refusal:
        services.pin_post(actor=writer, post=writer_post, pinned=True)

    assert refusal.value.code == "not_a_moderator"
    assert reload(writer_post).pinned_at is None


def test_pin_post_refuses_a_deleted_billet(writer_post, writer, moderator):
    services.delete_post(actor=writer, post=writer_post)

    with pytest.raises(PostDeleted) as refusal:
        services.pin_post(actor=moderator, post=reload(writer_post), pinned=True)

    assert refusal.value.code == "post_deleted"


# post_comment


def test_post_comment_nests_replies_at_any_depth(writer_post, writer, reader):
    parent = None
    for depth in range(12):
        parent = services.post_comment(
            actor=reader if depth % 2 else writer,
            post=writer_post,
            parent=parent,
            body=f"Niveau {depth}",
        )
        assert parent.depth == depth

    assert Comment.objects.filter(post=writer_post).count() == 12
    assert reload(writer_post).comment_count == 12
    assert Comment.objects.get(pk=parent.pk).parent.body == "Niveau 10"


def test_post_comment_records_revision_1_and_emits_comment_posted(
    writer_post, reader, emitted, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        comment = services.post_comment(
            actor=reader, post=writer_post, body="Très **utile**."
        )

    comment = reload_comment(comment)
    assert comment.body == "Très **utile**."
    assert (
        comment.body_html == '<p data-range="0-15">Très <strong>utile</strong>.</p>\n'
    )
    assert list(comment.revisions.values_list("number", "body")) == [
        (1, "Très **utile**.")
    ]
    assert emitted == [CommentPosted(comment_id=comment.pk)]


def test_post_comment_refuses_a_reply_when_the_parent_belongs_to_another_billet(
    writer_post, community, writer, reader
):
    other_post = make_post(community=community, author=writer, title="Autre")
    elsewhere = make_comment(post=other_post, author=writer)

    with pytest.raises(ReplyToAnotherPost) as refusal:
        services.post_comment(
            actor=reader, post=writer_post, parent=elsewhere, body="Réponse"
        )

    assert refusal.value.code == "reply_to_another_post"
    assert not writer_post.comments.exists()


def test_post_comment_refuses_a_reply_when_the_parent_is_deleted(
    writer_post, writer, reader
):
    parent = make_comment(post=writer_post, author=writer)
    services.delete_comment(actor=writer, comment=parent)

    with pytest.raises(CommentDeleted) as refusal:
        services.post_comment(
            actor=reader,
            post=writer_post,
            parent=reload_comment(parent),
            body="Réponse",
        )

    assert refusal.value.code == "comment_deleted"
    assert writer_post.comments.count() == 1


def test_post_comment_refuses_a_non_member_when_they_have_not_joined(
    writer_post, other_member
):
    with pytest.raises(NotAMember) as refusal:
        services.post_comment(actor=other_member, post=writer_post, body="Bonjour")

    assert refusal.value.code == "not_a_member"
    assert not writer_post.comments.exists()


def test_post_comment_refuses_empty_text_when_the_body_is_blank(writer_post, reader):
    with pytest.raises(EmptyText) as refusal:
        services.post_comment(actor=reader, post=writer_post, body=" \n ")

    assert refusal.value.code == "empty_text"
    assert not writer_post.comments.exists()


def test_post_comment_refuses_a_deleted_billet(writer_post, writer, reader):
    services.delete_post(actor=writer, post=writer_post)

    with pytest.raises(PostDeleted) as refusal:
        services.post_comment(actor=reader, post=reload(writer_post), body="Bonjour")

    assert refusal.value.code == "post_deleted"


# edit_comment and delete_comment


def test_edit_comment_keeps_the_history_when_the_author_changes_it(
    writer_post, reader, emitted, django_capture_on_commit_callbacks
):
    comment = make_comment(post=writer_post, author=reader, body="Première idée")

    with django_capture_on_commit_callbacks(execute=True):
        services.edit_comment(
            actor=reader, comment=reload_comment(comment), body="Idée corrigée"
        )

    comment = reload_comment(comment)
    assert comment.body == "Idée corrigée"
    assert comment.body_html == '<p data-range="0-13">Idée corrigée</p>\n'
    assert comment.edited_at is not None
    assert comment.revision_count == 2
    assert list(
        CommentRevision.objects.filter(comment=comment).values_list("number", "body")
    ) == [(1, "Première idée"), (2, "Idée corrigée")]
    newest = selectors.comment_revisions(comment=comment)[0]
    assert newest["diff"] == [("removed", "Première idée"), ("added", "Idée corrigée")]
    assert emitted == [CommentEdited(comment_id=comment.pk)]


def test_edit_comment_records_nothing_when_the_text_is_unchanged(writer_post, reader):
    comment = make_comment(post=writer_post, author=reader, body="Pareil")

    services.edit_comment(actor=reader, comment=reload_comment(comment), body="Pareil")

    comment = reload_comment(comment)
    assert comment.edited_at is None
    assert comment.revisions.count() == 1


def test_edit_comment_refuses_another_member_when_they_are_not_the_author(
    writer_post, reader, writer, moderator
):
    comment = make_comment(post=writer_post, author=reader, body="À moi")

    for someone_else in (writer, moderator):
        with pytest.raises(NotTheAuthor) as refusal:
            services.edit_comment(
                actor=someone_else, comment=reload_comment(comment), body="Changé"
            )
        assert refusal.value.code == "not_the_author"

    comment = reload_comment(comment)
    assert comment.body == "À moi"
    assert comment.revisions.count() == 1


def test_edit_comment_refuses_a_deleted_comment(writer_post, reader):
    comment = make_comment(post=writer_post, author=reader)
    services.delete_comment(actor=reader, comment=comment)

    with pytest.raises(CommentDeleted) as refusal:
        services.edit_comment(actor=reader, comment=reload_comment(comment), body="X")

    assert refusal.value.code == "comment_deleted"


def test_delete_comment_leaves_a_tombstone_with_replies_in_place(
    writer_post, writer, reader
):
    parent = make_comment(post=writer_post, author=reader, body="Parent")
    reply = make_comment(post=writer_post, author=writer, body="Réponse", parent=parent)

    services.delete_comment(actor=reader, comment=reload_comment(parent))

    parent = reload_comment(parent)
    assert parent.deleted_at is not None
    assert parent.body == "Parent"  # kept for moderators
    reply = reload_comment(reply)
    assert (reply.parent_id, reply.deleted_at) == (parent.pk, None)
    thread = selectors.comment_thread(post=writer_post)
    assert [(item.comment.pk, item.level) for item in thread] == [
        (parent.pk, 0),
        (reply.pk, 1),
    ]


def test_delete_comment_refuses_another_member_when_they_are_not_the_author(
    writer_post, reader, writer, moderator
):
    comment = make_comment(post=writer_post, author=reader)

    for someone_else in (writer, moderator):
        with pytest.raises(NotTheAuthor) as refusal:
            services.delete_comment(actor=someone_else, comment=reload_comment(comment))
        assert refusal.value.code == "not_the_author"

    assert reload_comment(comment).deleted_at is None


# A suspended community can be read, but nothing in it can change.


def _publish(post, comment, writer, moderator):
    services.publish_post(
        actor=writer,
        community=post.community,
        title="Titre",
        body="Texte",
        intent=Intent.INFORMATION,
    )


def _edit_post(post, comment, writer, moderator):
    services.edit_post(
        actor=writer, post=post, title="Nouveau", body="Nouveau", intent="opinion"
    )


def _delete_post(post, comment, writer, moderator):
    services.delete_post(actor=writer, post=post)


def _pin_post(post, comment, writer, moderator):
    services.pin_post(actor=moderator, post=post, pinned=True)


def _post_comment(post, comment, writer, moderator):
    services.post_comment(actor=writer, post=post, body="Réponse")


def _reply(post, comment, writer, moderator):
    services.post_comment(actor=writer, post=post, parent=comment, body="Réponse")


def _edit_comment(post, comment, writer, moderator):
    services.edit_comment(actor=writer, comment=comment, body="Nouveau")


def _delete_comment(post, comment, writer, moderator):
    services.delete_comment(actor=writer, comment=comment)


@pytest.mark.parametrize(
    "action",
    [
        _publish,
        _edit_post,
        _delete_post,
        _pin_post,
        _post_comment,
        _reply,
        _edit_comment,
        _delete_comment,
    ],
    ids=lambda action: action.__name__.strip("_"),
)
def test_services_refuse_every_change_when_the_community_is_suspended(
    action, community, writer, moderator, admin_member
):
    post = make_post(community=community, author=writer, body="Texte d'origine")
    comment = make_comment(post=post, author=writer, body="Commentaire d'origine")
    community_services.suspend_community(
        actor=admin_member, community=community, notice="Abus."
    )
    post = reload(post)
    comment = reload_comment(comment)

    with pytest.raises(CommunitySuspended) as refusal:
        action(post, comment, writer, moderator)

    assert refusal.value.code == "community_suspended"
    post = reload(post)
    comment = reload_comment(comment)
    assert Post.objects.count() == 1
    assert Comment.objects.count() == 1
    assert (post.body, post.deleted_at, post.pinned_at, post.revision_count) == (
        "Texte d'origine",
        None,
        None,
        1,
    )
    assert (comment.body, comment.deleted_at, comment.revision_count) == (
        "Commentaire d'origine",
        None,
        1,
    )


def test_services_work_again_when_the_suspension_is_lifted(
    community, writer, admin_member
):
    community_services.suspend_community(
        actor=admin_member, community=community, notice="Abus."
    )
    community_services.lift_suspension(actor=admin_member, community=community)

    post = make_post(community=community, author=writer)

    assert reload(post).community.is_suspended is False


def test_render_body_links_mentions_only_when_the_handle_exists(member):
    make_member("zoe")

    html = services.render_body("Merci @zoe et @personne !")

    assert '<a href="/@zoe/" class="mention" rel="nofollow ugc noopener">@zoe</a>' in (
        html
    )
    assert "@personne" in html
    assert "/@personne/" not in html
