"""Billet and comment pages over HTTP: permissions, forms, threads, query counts."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape

from causerie.accounts import services as account_services
from causerie.communities import services as community_services
from causerie.core.testing import (
    make_comment,
    make_community,
    make_member,
    make_post,
)
from causerie.publishing import services
from causerie.publishing.forms import PostForm
from causerie.publishing.models import Comment, Intent, Post, PostRevision


def url(name, post, comment=None):
    kwargs = {"slug": post.community.slug, "post_id": post.pk}
    if comment is not None:
        kwargs["comment_id"] = comment.pk
    return reverse(f"publishing:{name}", kwargs=kwargs)


def create_url(community):
    return reverse("publishing:post-create", kwargs={"slug": community.slug})


def page(response) -> str:
    return response.content.decode()


def field_errors(html: str, field: str) -> str:
    match = re.search(rf'<ul class="errorlist" id="id_{field}_error">(.*?)</ul>', html)
    return match.group(1) if match else ""


def reload(post):
    return Post.objects.get(pk=post.pk)


@pytest.fixture
def writer_post(community, writer):
    return make_post(
        community=community,
        author=writer,
        title="Secret de brasseur",
        body="Recette **confidentielle** du houblon.",
    )


@pytest.fixture
def writer_client(client_for, writer):
    return client_for(writer)


@pytest.fixture
def reader_client(client_for, reader):
    return client_for(reader)


@pytest.fixture
def moderator_client(client_for, moderator):
    return client_for(moderator)


# Writing a billet


def test_post_create_publishes_and_redirects_when_the_form_is_complete(
    community, writer_client
):
    response = writer_client.post(
        create_url(community),
        {"title": "Levain", "body": "Du *levain*.", "intent": "opinion"},
    )

    post = Post.objects.get()
    assert response.status_code == 302
    assert response["Location"] == post.get_absolute_url()
    assert (post.title, post.body, post.intent) == ("Levain", "Du *levain*.", "opinion")
    assert post.body_html == '<p data-range="0-12">Du <em>levain</em>.</p>\n'


def test_post_create_shows_the_intent_error_and_keeps_the_text_when_no_intent(
    community, writer_client
):
    response = writer_client.post(
        create_url(community),
        {"title": "Mon <titre>", "body": "Mon texte & mes idées"},
    )

    html = page(response)
    assert response.status_code == 200
    assert not Post.objects.exists()
    with translation.override("fr"):
        expected = str(PostForm.base_fields["intent"].error_messages["required"])
    assert escape(expected) in field_errors(html, "intent")
    assert 'value="Mon &lt;titre&gt;"' in html
    assert "Mon texte &amp; mes idées</textarea>" in html


def test_post_create_explains_in_french_when_no_intent_is_chosen(
    community, writer_client
):
    response = writer_client.post(
        create_url(community), {"title": "Titre", "body": "Texte"}
    )

    assert "intention" in field_errors(page(response), "intent").lower()


def test_post_create_refuses_a_non_member_and_saves_nothing(
    community, client_for, other_member
):
    response = client_for(other_member).post(
        create_url(community), {"title": "T", "body": "B", "intent": "opinion"}
    )

    assert response.status_code == 403
    assert not Post.objects.exists()


def test_post_create_asks_an_anonymous_visitor_to_log_in(community, client):
    response = client.post(
        create_url(community), {"title": "T", "body": "B", "intent": "opinion"}
    )

    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]
    assert not Post.objects.exists()


def test_post_create_renders_a_preview_without_saving_when_preview_is_pressed(
    community, writer_client
):
    response = writer_client.post(
        create_url(community),
        {
            "title": "Brouillon",
            "body": "Un **aperçu** <script>alert(1)</script>",
            "intent": "opinion",
            "preview": "1",
        },
    )

    html = page(response)
    assert response.status_code == 200
    assert 'id="preview-title"' in html
    assert "<strong>aperçu</strong>" in html
    assert "<script>alert(1)</script>" not in html
    assert not Post.objects.exists()


def test_post_edit_renders_a_preview_without_a_new_revision(writer_post, writer_client):
    response = writer_client.post(
        url("post-edit", writer_post),
        {
            "title": "Autre titre",
            "body": "*Aperçu* seulement",
            "intent": "opinion",
            "preview": "1",
        },
    )

    assert response.status_code == 200
    assert "<em>Aperçu</em> seulement" in page(response)
    post = reload(writer_post)
    assert (post.title, post.revision_count) == ("Secret de brasseur", 1)


def test_post_edit_publishes_a_new_revision_when_the_author_submits(
    writer_post, writer_client
):
    response = writer_client.post(
        url("post-edit", writer_post),
        {
            "title": "Secret de brasseur",
            "body": "Nouvelle recette",
            "intent": "opinion",
        },
    )

    assert response.status_code == 302
    post = reload(writer_post)
    assert (post.body, post.intent, post.revision_count) == (
        "Nouvelle recette",
        "opinion",
        2,
    )


# Someone else's billet or comment


def test_post_edit_returns_not_found_to_another_member_and_changes_nothing(
    writer_post, reader_client, moderator_client
):
    for someone_else in (reader_client, moderator_client):
        assert someone_else.get(url("post-edit", writer_post)).status_code in (
            403,
            404,
        )
        response = someone_else.post(
            url("post-edit", writer_post),
            {"title": "Piraté", "body": "Piraté", "intent": "promotion"},
        )
        assert response.status_code in (403, 404)

    post = reload(writer_post)
    assert (post.title, post.body, post.intent, post.revision_count) == (
        "Secret de brasseur",
        "Recette **confidentielle** du houblon.",
        Intent.INFORMATION,
        1,
    )


def test_post_delete_returns_not_found_to_another_member_and_changes_nothing(
    writer_post, reader_client, moderator_client
):
    for someone_else in (reader_client, moderator_client):
        assert someone_else.get(url("post-delete", writer_post)).status_code in (
            403,
            404,
        )
        response = someone_else.post(url("post-delete", writer_post))
        assert response.status_code in (403, 404)

    assert reload(writer_post).deleted_at is None


def test_comment_edit_and_delete_return_not_found_to_another_member(
    writer_post, writer, reader_client, moderator_client
):
    comment = make_comment(post=writer_post, author=writer, body="Mon avis")

    for someone_else in (reader_client, moderator_client):
        for name in ("comment-edit", "comment-delete"):
            address = url(name, writer_post, comment)
            assert someone_else.get(address).status_code in (403, 404)
            response = someone_else.post(address, {"body": "Piraté"})
            assert response.status_code in (403, 404)

    comment = Comment.objects.get(pk=comment.pk)
    assert (comment.body, comment.deleted_at, comment.revision_count) == (
        "Mon avis",
        None,
        1,
    )


def test_comment_edit_publishes_a_new_revision_when_the_author_submits(
    writer_post, reader, reader_client
):
    comment = make_comment(post=writer_post, author=reader, body="Premier jet")

    response = reader_client.post(
        url("comment-edit", writer_post, comment), {"body": "Second jet"}
    )

    assert response.status_code == 302
    comment = Comment.objects.get(pk=comment.pk)
    assert (comment.body, comment.revision_count) == ("Second jet", 2)


# GET never changes anything; POST needs the CSRF token


def test_post_delete_get_shows_a_confirmation_and_deletes_nothing(
    writer_post, writer_client
):
    response = writer_client.get(url("post-delete", writer_post))

    assert response.status_code == 200
    assert '<form method="post"' in page(response)
    assert reload(writer_post).deleted_at is None


def test_post_delete_post_deletes_and_redirects_to_the_community(
    writer_post, writer_client, community
):
    response = writer_client.post(url("post-delete", writer_post))

    assert response.status_code == 302
    assert response["Location"] == community.get_absolute_url()
    assert reload(writer_post).deleted_at is not None


def test_comment_delete_get_shows_a_confirmation_and_deletes_nothing(
    writer_post, reader, reader_client
):
    comment = make_comment(post=writer_post, author=reader, body="À garder")

    response = reader_client.get(url("comment-delete", writer_post, comment))

    assert response.status_code == 200
    assert "À garder" in page(response)
    assert Comment.objects.get(pk=comment.pk).deleted_at is None


def test_post_pin_get_is_not_allowed_and_pins_nothing(writer_post, moderator_client):
    response = moderator_client.get(url("post-pin", writer_post) + "?pinned=1")

    assert response.status_code == 405
    assert reload(writer_post).pinned_at is None


def test_post_pin_post_pins_when_a_moderator_asks(writer_post, moderator_client):
    response = moderator_client.post(url("post-pin", writer_post), {"pinned": "1"})

    assert response.status_code == 302
    assert reload(writer_post).pinned_at is not None


def test_post_pin_post_is_forbidden_when_the_member_is_not_a_moderator(
    writer_post, writer_client
):
    response = writer_client.post(url("post-pin", writer_post), {"pinned": "1"})

    assert response.status_code == 403
    assert reload(writer_post).pinned_at is None


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("post-delete", {}),
        ("post-edit", {"title": "T", "body": "B", "intent": "opinion"}),
        ("comment-create", {"body": "Sans jeton"}),
    ],
)
def test_author_post_is_forbidden_when_the_csrf_token_is_missing(
    writer_post, writer, client_for, name, data
):
    strict = client_for(writer, enforce_csrf_checks=True)

    refused = strict.post(url(name, writer_post), data)
    strict.get(url("post-detail", writer_post))  # sets the CSRF cookie
    accepted = strict.post(
        url(name, writer_post),
        {**data, "csrfmiddlewaretoken": strict.cookies["csrftoken"].value},
    )

    assert refused.status_code == 403
    assert accepted.status_code == 302


def test_post_pin_is_forbidden_when_the_csrf_token_is_missing(
    writer_post, moderator, client_for
):
    strict = client_for(moderator, enforce_csrf_checks=True)

    response = strict.post(url("post-pin", writer_post), {"pinned": "1"})

    assert response.status_code == 403
    assert reload(writer_post).pinned_at is None


# Comments


def test_comment_create_publishes_and_redirects_to_the_comment(
    writer_post, reader_client
):
    response = reader_client.post(
        url("comment-create", writer_post), {"body": "Bien vu."}
    )

    comment = Comment.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{writer_post.get_absolute_url()}#c{comment.pk}"


def test_comment_create_keeps_the_text_when_the_form_has_errors(
    writer_post, reader_client
):
    text = "Mon <avis> & " + "x" * 20000

    response = reader_client.post(url("comment-create", writer_post), {"body": text})

    html = page(response)
    assert response.status_code == 400
    assert field_errors(html, "body")
    assert escape(text) + "</textarea>" in html
    assert not Comment.objects.exists()


def test_comment_create_keeps_the_text_when_the_parent_was_deleted(
    writer_post, writer, reader_client
):
    parent = make_comment(post=writer_post, author=writer, body="Parent")
    services.delete_comment(actor=writer, comment=parent)

    response = reader_client.post(
        url("comment-create", writer_post),
        {"body": "Ma réponse <b>gardée</b>", "parent": parent.pk},
    )

    html = page(response)
    assert response.status_code == 400
    assert "errorlist" in html
    assert "Ma réponse &lt;b&gt;gardée&lt;/b&gt;</textarea>" in html
    assert Comment.objects.count() == 1


def test_comment_create_returns_not_found_when_the_parent_is_on_another_billet(
    writer_post, community, writer, reader_client
):
    other = make_post(community=community, author=writer, title="Autre")
    elsewhere = make_comment(post=other, author=writer)

    response = reader_client.post(
        url("comment-create", writer_post), {"body": "Réponse", "parent": elsewhere.pk}
    )

    assert response.status_code == 404
    assert Comment.objects.count() == 1


def test_comment_create_is_forbidden_when_the_member_has_not_joined(
    writer_post, client_for, other_member
):
    response = client_for(other_member).post(
        url("comment-create", writer_post), {"body": "Bonjour"}
    )

    assert response.status_code == 403
    assert not Comment.objects.exists()


def test_post_detail_shows_an_edited_link_to_the_history_when_a_comment_changed(
    writer_post, reader, client
):
    comment = make_comment(post=writer_post, author=reader, body="Avant")
    services.edit_comment(actor=reader, comment=comment, body="Après")

    html = page(client.get(url("post-detail", writer_post)))
    history = page(client.get(url("comment-history", writer_post, comment)))

    assert f'href="{url("comment-history", writer_post, comment)}"' in html
    assert "Après" in html
    assert "Avant" in history
    assert "Après" in history


def test_post_detail_marks_an_edited_comment_as_modifie_in_french(
    writer_post, reader, client
):
    comment = make_comment(post=writer_post, author=reader, body="Avant")
    services.edit_comment(actor=reader, comment=comment, body="Après")

    html = page(client.get(url("post-detail", writer_post)))

    history = url("comment-history", writer_post, comment)
    assert re.search(rf'<a href="{history}">modifié</a>', html)


def test_post_detail_keeps_replies_under_a_deleted_comment(
    writer_post, writer, reader, client
):
    parent = make_comment(post=writer_post, author=reader, body="Texte retiré")
    make_comment(post=writer_post, author=writer, body="Réponse gardée", parent=parent)
    services.delete_comment(actor=reader, comment=parent)

    html = page(client.get(url("post-detail", writer_post)))

    assert "Texte retiré" not in html
    assert 'class="tombstone"' in html
    assert html.index(f'id="c{parent.pk}"') < html.index("Réponse gardée")


# A deleted billet


def test_post_detail_shows_a_tombstone_and_hides_the_text_when_deleted(
    writer_post, writer, reader, client, reader_client
):
    make_comment(post=writer_post, author=reader, body="Le commentaire reste")
    services.delete_post(actor=writer, post=writer_post)

    for visitor in (client, reader_client):
        response = visitor.get(url("post-detail", writer_post))
        html = page(response)
        assert response.status_code == 200
        assert 'class="tombstone"' in html
        assert "Secret de brasseur" not in html
        assert "confidentielle" not in html
        assert "Le commentaire reste" in html


@pytest.mark.parametrize(
    "address",
    [
        lambda post, comment: url("comment-detail", post, comment),
        lambda post, comment: url("comment-history", post, comment),
        lambda post, comment: post.community.get_absolute_url(),
        lambda post, comment: post.author.get_absolute_url(),
        lambda post, comment: "/",
    ],
    ids=["comment-detail", "comment-history", "community", "author", "home"],
)
def test_public_pages_hide_the_title_and_text_of_a_deleted_billet(
    writer_post, writer, reader, client, address
):
    comment = make_comment(post=writer_post, author=reader, body="Le commentaire")
    services.delete_post(actor=writer, post=writer_post)

    html = page(client.get(address(writer_post, comment)))

    assert "Secret de brasseur" not in html
    assert "confidentielle" not in html


@pytest.mark.parametrize("name", ["comment-create", "comment-edit"])
def test_member_pages_hide_the_title_of_a_deleted_billet(
    writer_post, writer, reader, reader_client, name
):
    comment = make_comment(post=writer_post, author=reader, body="Le commentaire")
    services.delete_post(actor=writer, post=writer_post)

    address = url(name, writer_post, comment if name == "comment-edit" else None)
    html = page(reader_client.get(address))

    assert "Secret de brasseur" not in html


def test_post_history_returns_not_found_to_the_public_when_deleted(
    writer_post, writer, client, reader_client
):
    services.delete_post(actor=writer, post=writer_post)

    assert client.get(url("post-history", writer_post)).status_code == 404
    assert reader_client.get(url("post-history", writer_post)).status_code == 404


def test_post_history_shows_a_deleted_billet_to_a_moderator(
    writer_post, writer, moderator_client
):
    services.delete_post(actor=writer, post=writer_post)

    response = moderator_client.get(url("post-history", writer_post))

    assert response.status_code == 200
    assert "Recette **confidentielle** du houblon." in page(response)


def test_post_detail_shows_the_deleted_text_to_a_moderator(
    writer_post, writer, moderator_client
):
    services.delete_post(actor=writer, post=writer_post)

    html = page(moderator_client.get(url("post-detail", writer_post)))

    assert "<strong>confidentielle</strong>" in html
    assert 'class="tombstone"' in html


def test_post_history_shows_every_revision_with_a_diff(writer_post, writer, client):
    services.edit_post(
        actor=writer,
        post=writer_post,
        title="Secret de brasseur",
        body="Recette publique.",
        intent=Intent.INFORMATION,
    )

    html = page(client.get(url("post-history", writer_post)))

    assert 'id="r1"' in html
    assert 'id="r2"' in html
    assert '<div class="removed">Recette **confidentielle** du houblon.</div>' in html
    assert '<div class="added">Recette publique.</div>' in html


# Old content


def test_post_detail_shows_the_old_content_notice_when_older_than_the_threshold(
    community, writer, client
):
    post = make_post(
        community=community,
        author=writer,
        published_at=timezone.now() - timedelta(days=800),
    )

    html = page(client.get(post.get_absolute_url()))

    with translation.override("fr"):
        expected = translation.ngettext(
            "Published %(counter)s year ago — its content may no longer be up to date.",
            "Published %(counter)s years ago — its content may no longer be up to date.",
            2,
        ) % {"counter": 2}
    assert f'<p class="notice" role="note">{expected}</p>' in html


def test_post_detail_says_publie_il_y_a_2_ans_in_french_when_800_days_old(
    community, writer, client
):
    post = make_post(
        community=community,
        author=writer,
        published_at=timezone.now() - timedelta(days=800),
    )

    assert "Publié il y a 2 ans" in page(client.get(post.get_absolute_url()))


def test_post_detail_shows_no_old_content_notice_when_recent(
    community, writer_post, client
):
    html = page(client.get(writer_post.get_absolute_url()))

    assert 'role="note"' not in html


# Threads


@pytest.fixture
def eight_levels(writer_post, writer, reader):
    comments, parent = [], None
    for depth in range(8):
        parent = make_comment(
            post=writer_post,
            author=(writer, reader)[depth % 2],
            body=f"Niveau-{depth}-fin",
            parent=parent,
        )
        comments.append(parent)
    return comments


def test_post_detail_shows_six_levels_then_a_link_to_continue_the_thread(
    writer_post, eight_levels, client
):
    html = page(client.get(url("post-detail", writer_post)))

    for depth in range(6):
        assert f"Niveau-{depth}-fin" in html
    assert "Niveau-6-fin" not in html
    assert "Niveau-7-fin" not in html
    continue_to = url("comment-detail", writer_post, eight_levels[5])
    assert f'<a class="continue-thread" href="{continue_to}">' in html
    assert html.count('<ol class="replies">') == 5
    assert html.count("<ol") == html.count("</ol>")


def test_post_detail_says_continuer_ce_fil_in_french(writer_post, eight_levels, client):
    html = page(client.get(url("post-detail", writer_post)))

    assert "continuer ce fil" in html.lower()


def test_comment_detail_shows_the_rest_of_a_deep_thread(
    writer_post, eight_levels, client
):
    response = client.get(url("comment-detail", writer_post, eight_levels[5]))

    html = page(response)
    assert response.status_code == 200
    thread = html[html.index('<ol class="thread">') :]
    for depth in (5, 6, 7):
        assert f"Niveau-{depth}-fin" in thread
    assert "continue-thread" not in html
    # The earlier comments are there for context, above the thread.
    context = html[: html.index('<ol class="thread">')]
    for depth in range(5):
        assert f"Niveau-{depth}-fin" in context


def test_comment_create_redirects_to_the_thread_page_when_deeper_than_the_billet_page(
    writer_post, eight_levels, reader_client
):
    response = reader_client.post(
        url("comment-create", writer_post),
        {"body": "Niveau 8", "parent": eight_levels[7].pk},
    )

    reply = Comment.objects.get(body="Niveau 8")
    assert response.status_code == 302
    location = url("comment-detail", writer_post, eight_levels[7]) + f"#c{reply.pk}"
    assert response["Location"] == location
    assert "Niveau 8" in page(reader_client.get(location))


def test_post_detail_lists_newest_first_when_sorted_by_recent(
    writer_post, writer, reader, client
):
    for body in ("Commentaire-A", "Commentaire-B", "Commentaire-C"):
        make_comment(post=writer_post, author=reader, body=body)

    oldest_first = page(client.get(url("post-detail", writer_post)))
    newest_first = page(client.get(url("post-detail", writer_post) + "?tri=recent"))

    def order(html):
        return sorted(
            ("Commentaire-A", "Commentaire-B", "Commentaire-C"), key=html.index
        )

    assert order(oldest_first) == ["Commentaire-A", "Commentaire-B", "Commentaire-C"]
    assert order(newest_first) == ["Commentaire-C", "Commentaire-B", "Commentaire-A"]


def test_comment_detail_is_a_permalink_to_one_comment_and_its_replies(
    writer_post, writer, reader, client
):
    first = make_comment(post=writer_post, author=reader, body="Premier-fil")
    reply = make_comment(
        post=writer_post, author=writer, body="Réponse-au-premier", parent=first
    )
    make_comment(post=writer_post, author=reader, body="Second-fil")

    response = client.get(url("comment-detail", writer_post, first))

    html = page(response)
    assert response.status_code == 200
    assert f'id="c{first.pk}"' in html
    assert f'id="c{reply.pk}"' in html
    assert "Réponse-au-premier" in html
    assert "Second-fil" not in html


def test_comment_detail_returns_not_found_when_the_comment_is_on_another_billet(
    writer_post, community, writer, client
):
    other = make_post(community=community, author=writer, title="Autre")
    elsewhere = make_comment(post=other, author=writer)

    response = client.get(url("comment-detail", writer_post, elsewhere))

    assert response.status_code == 404


def test_post_detail_lists_related_billets_when_they_share_tags(
    community, moderator, writer, client
):
    levure = community_services.create_tag(
        actor=moderator, community=community, name="Levure", description=""
    )
    houblon = community_services.create_tag(
        actor=moderator, community=community, name="Houblon", description=""
    )
    post = make_post(community=community, author=writer, tags=[levure])
    related = make_post(
        community=community, author=writer, title="Billet-voisin", tags=[levure]
    )
    make_post(
        community=community, author=writer, title="Billet-lointain", tags=[houblon]
    )

    html = page(client.get(post.get_absolute_url()))

    assert f'<a href="{related.get_absolute_url()}">Billet-voisin</a>' in html
    assert "Billet-lointain" not in html


def test_post_detail_collapses_a_muted_members_comments_for_the_viewer_only(
    writer_post, writer, reader, reader_client, client, moderator_client
):
    make_comment(post=writer_post, author=writer, body="Texte-du-muet")
    make_comment(post=writer_post, author=reader, body="Texte-du-lecteur")
    account_services.mute_member(actor=reader, handle=writer.handle)

    muted_view = page(reader_client.get(url("post-detail", writer_post)))
    other_views = [
        page(visitor.get(url("post-detail", writer_post)))
        for visitor in (client, moderator_client)
    ]

    collapsed = "".join(
        re.findall(r'<details class="muted-item">.*?</details>', muted_view, re.DOTALL)
    )
    assert "Texte-du-muet" in collapsed
    assert "Texte-du-lecteur" not in collapsed
    assert "Texte-du-lecteur" in muted_view
    for html in other_views:
        assert "muted-item" not in html
        assert "Texte-du-muet" in html


def test_post_detail_shows_markdown_rendered_at_write_time(
    community, writer, member_factory, client
):
    post = make_post(
        community=community, author=writer, body="Bonjour @zoe, *à bientôt*."
    )
    member_factory("zoe")  # signs up after the billet was written

    html = page(client.get(post.get_absolute_url()))

    stored = reload(post).body_html
    assert stored == '<p data-range="0-26">Bonjour @zoe, <em>à bientôt</em>.</p>\n'
    assert stored in html
    assert 'href="/@zoe/"' not in html


def test_post_detail_links_a_mention_when_the_member_existed_at_write_time(
    community, writer, member_factory, client
):
    member_factory("zoe")
    post = make_post(community=community, author=writer, body="Merci @zoe")

    html = page(client.get(post.get_absolute_url()))

    assert 'href="/@zoe/" class="mention"' in html


def test_post_detail_returns_not_found_when_the_billet_is_in_another_community(
    writer_post, other_member, client
):
    elsewhere = make_community(founder=other_member, slug="ailleurs", name="Ailleurs")
    address = reverse(
        "publishing:post-detail",
        kwargs={"slug": elsewhere.slug, "post_id": writer_post.pk},
    )

    assert client.get(address).status_code == 404


def test_post_detail_offers_no_forms_when_the_community_is_suspended(
    writer_post, admin_member, reader_client, community
):
    community_services.suspend_community(
        actor=admin_member, community=community, notice="Abus."
    )

    html = page(reader_client.get(url("post-detail", writer_post)))
    response = reader_client.post(url("comment-create", writer_post), {"body": "Non"})

    assert 'id="comment-form"' not in html
    assert response.status_code == 403
    assert not Comment.objects.exists()


# Query counts: the same whatever the number of comments or revisions.


def bulk_comments(post, authors, count):
    """Rows made directly, only for volume: top-level comments and replies."""
    existing = list(Comment.objects.filter(post=post, parent__isnull=True))
    rows = []
    for index in range(count):
        parent = existing[index % len(existing)] if index % 3 == 0 else None
        rows.append(
            Comment(
                post=post,
                author=authors[index % len(authors)],
                parent=parent,
                depth=parent.depth + 1 if parent else 0,
                body=f"Commentaire {index}",
                body_html=f"<p>Commentaire {index}</p>\n",
            )
        )
    Comment.objects.bulk_create(rows)
    Post.objects.filter(pk=post.pk).update(comment_count=post.comments.count())


def count_queries(client, address) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(address)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("viewer", ["anonymous", "member"])
def test_post_detail_query_count_is_the_same_with_10_and_500_comments(
    community, moderator, writer, reader, client_for, django_assert_num_queries, viewer
):
    tag = community_services.create_tag(
        actor=moderator, community=community, name="Levure", description=""
    )
    post = make_post(community=community, author=writer, tags=[tag])
    make_post(community=community, author=writer, title="Voisin", tags=[tag])
    third = make_member("troisieme")
    parent = None
    for index in range(10):
        parent = make_comment(
            post=post,
            author=(writer, reader, third)[index % 3],
            body=f"Début {index}",
            parent=parent if index % 2 else None,
        )
    services.edit_comment(actor=parent.author, comment=parent, body="Modifié")
    services.delete_comment(actor=parent.author, comment=parent)
    account_services.mute_member(actor=reader, handle=writer.handle)
    visitor = Client() if viewer == "anonymous" else client_for(reader)
    address = post.get_absolute_url()
    visitor.get(address)  # session and caches as on any later visit
    with_10 = count_queries(visitor, address)

    bulk_comments(post, [writer, reader, third, moderator], 490)
    with django_assert_num_queries(with_10):
        response = visitor.get(address)

    assert response.content.decode().count('<article class="comment">') == 500
    # Thread, author cards, recognitions and labels, poll, the member's hats:
    # none grows with size.
    assert with_10 <= 19


def test_post_history_query_count_is_the_same_with_2_and_30_revisions(
    writer_post, writer, client, django_assert_num_queries
):
    def edit(number):
        services.edit_post(
            actor=writer,
            post=reload(writer_post),
            title=f"Titre {number}",
            body=f"Version {number}\nligne stable",
            intent=Intent.OPINION if number % 2 else Intent.INFORMATION,
        )

    edit(2)
    address = url("post-history", writer_post)
    with_2 = count_queries(client, address)

    for number in range(3, 31):
        edit(number)
    with django_assert_num_queries(with_2):
        response = client.get(address)

    assert PostRevision.objects.filter(post=writer_post).count() == 30
    assert 'id="r30"' in response.content.decode()
