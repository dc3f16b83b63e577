"""Hostile input (shared/data/hostile): every string is stored exactly as typed
and rendered only as allowed HTML; the forms answer with a page, never a 500.

The corpus tests are marked `corpus` and run in the SQLite lane only; the NUL
and invalid UTF-8 tests at the end run in every lane.
"""

import re

import pytest
from django.urls import reverse
from django.utils.html import escape

from causerie.accounts import services as account_services
from causerie.accounts.models import User
from causerie.core.exceptions import InvalidRequest
from causerie.core.markdown import render_markdown
from causerie.core.testing import hostile_report, make_comment, make_post, raw_form
from causerie.core.tests.html_safety import html_problems, page_problems
from causerie.publishing import services
from causerie.publishing.exceptions import EmptyText
from causerie.publishing.models import Comment, Intent, Post

CITE_LINK = re.compile(r' <a class="cite-link"[^>]*>[^<]*</a>')
HTTP_SAMPLE_SIZE = 220  # strings sent through the real forms


@pytest.fixture
def http_sample(hostile):
    step = max(1, len(hostile) // HTTP_SAMPLE_SIZE)
    return hostile[::step]


def title_for(text: str) -> str:
    return text if text.strip() and len(text) <= 200 else "Titre"


def test_hostile_corpora_are_big_enough_to_mean_something(hostile):
    sources = {source for source, _ in hostile}

    assert len(hostile) > 2000
    assert "blns.txt" in sources
    assert "xss/xss_alert.txt" in sources


# Every string, through the Markdown renderer and the services


@pytest.mark.corpus
def test_render_markdown_outputs_only_allowed_html_for_every_hostile_string(
    hostile,
):
    failures = []
    for source, text in hostile:
        for rendered in (
            render_markdown(text),
            render_markdown(text, mention_handles={"camille", "alert", "x"}),
        ):
            problems = html_problems(rendered)
            if problems:
                failures.append(f"{source}: {text!r} -> {problems}")

    assert not failures, hostile_report(failures)


@pytest.mark.corpus
def test_billet_services_store_every_hostile_string_exactly_as_typed(
    hostile, community, writer
):
    target = make_post(community=community, author=writer, body="Cible")
    failures = []
    for source, text in hostile:
        title = title_for(text)
        if not text.strip():
            with pytest.raises(EmptyText):
                services.publish_post(
                    actor=writer,
                    community=community,
                    title=title,
                    body=text,
                    intent=Intent.OPINION,
                )
            continue
        published = services.publish_post(
            actor=writer,
            community=community,
            title=title,
            body=text,
            intent=Intent.OPINION,
        )
        services.edit_post(
            actor=writer,
            post=target,
            title=title,
            body=text,
            intent=Intent.INFORMATION,
        )
        for post in Post.objects.filter(pk__in=[published.pk, target.pk]):
            if (post.title, post.body) != (title.strip(), text):
                failures.append(f"{source}: {text!r} stored as {post.body!r}")
            problems = html_problems(post.body_html)
            if problems:
                failures.append(f"{source}: {text!r} -> {problems}")

    assert not failures, hostile_report(failures)


@pytest.mark.corpus
def test_comment_services_store_every_hostile_string_exactly_as_typed(
    hostile, post, reader
):
    target = make_comment(post=post, author=reader, body="Cible")
    failures = []
    for source, text in hostile:
        if not text.strip():
            with pytest.raises(EmptyText):
                services.post_comment(actor=reader, post=post, body=text)
            continue
        posted = services.post_comment(actor=reader, post=post, body=text)
        target = services.edit_comment(actor=reader, comment=target, body=text)
        for comment in Comment.objects.filter(pk__in=[posted.pk, target.pk]):
            if comment.body != text:
                failures.append(f"{source}: {text!r} stored as {comment.body!r}")
            problems = html_problems(comment.body_html)
            if problems:
                failures.append(f"{source}: {text!r} -> {problems}")

    assert not failures, hostile_report(failures)


@pytest.mark.corpus
def test_profile_service_stores_every_hostile_string_exactly_as_typed(hostile, member):
    failures = []
    for source, text in hostile:
        display_name, bio = text[:80], text[:500]
        account_services.update_profile(
            actor=member, member=member, display_name=display_name, bio=bio, links=[]
        )
        stored = User.objects.values_list("display_name", "bio").get(pk=member.pk)
        if stored != (display_name, bio):
            failures.append(f"{source}: {text!r} stored as {stored!r}")

    assert not failures, hostile_report(failures)


# A sample through the real forms


def without_cite_links(html: str) -> str:
    """The page as stored texts would show without the "citer" link that
    members get at the end of each paragraph (verified quotes)."""
    return CITE_LINK.sub("", html)


def kept_in_form(html: str, value: str) -> bool:
    """A refused form shows an error and gives the input back, escaped."""
    return "errorlist" in html and escape(value) in html


@pytest.mark.corpus
def test_billet_form_shows_or_refuses_every_sampled_string_without_a_500(
    http_sample, community, writer, client_for
):
    client = client_for(writer)
    address = reverse("publishing:post-create", kwargs={"slug": community.slug})
    failures = []
    for source, text in http_sample:
        title = text[:200]
        before = Post.objects.count()
        response = client.post(
            address, {"title": title, "body": text, "intent": "opinion"}
        )
        if response.status_code == 200:
            html = response.content.decode()
            if not (kept_in_form(html, title) and kept_in_form(html, text)):
                failures.append(f"{source}: {text!r} refused without its input")
            if Post.objects.count() != before:
                failures.append(f"{source}: {text!r} refused but saved")
            continue
        if response.status_code != 302:
            failures.append(f"{source}: {text!r} -> {response.status_code}")
            continue
        post = Post.objects.latest("pk")
        if (post.title, post.body) != (title.strip(), text.strip()):
            failures.append(f"{source}: {text!r} stored as {post.body!r}")
        html = without_cite_links(client.get(response["Location"]).content.decode())
        if escape(post.title) not in html or post.body_html not in html:
            failures.append(f"{source}: {text!r} not shown escaped")
        problems = page_problems(html)
        if problems:
            failures.append(f"{source}: {text!r} -> {problems}")

    assert not failures, hostile_report(failures)


@pytest.mark.corpus
def test_comment_form_shows_or_refuses_every_sampled_string_without_a_500(
    http_sample, post, reader, client_for
):
    client = client_for(reader)
    address = reverse(
        "publishing:comment-create",
        kwargs={"slug": post.community.slug, "post_id": post.pk},
    )
    failures = []
    shown = []
    for source, text in http_sample:
        before = Comment.objects.count()
        response = client.post(address, {"body": text})
        if response.status_code == 400:
            if not kept_in_form(response.content.decode(), text):
                failures.append(f"{source}: {text!r} refused without its input")
            if Comment.objects.count() != before:
                failures.append(f"{source}: {text!r} refused but saved")
            continue
        if response.status_code != 302:
            failures.append(f"{source}: {text!r} -> {response.status_code}")
            continue
        comment = Comment.objects.latest("pk")
        if comment.body != text.strip():
            failures.append(f"{source}: {text!r} stored as {comment.body!r}")
        shown.append((source, text, comment.body_html))
    html = without_cite_links(client.get(post.get_absolute_url()).content.decode())
    for source, text, body_html in shown:
        if body_html not in html:
            failures.append(f"{source}: {text!r} not shown")
    failures.extend(page_problems(html))

    assert shown
    assert not failures, hostile_report(failures)


@pytest.mark.corpus
def test_profile_form_shows_or_refuses_every_sampled_string_without_a_500(
    http_sample, member, client_for
):
    client = client_for(member)
    address = reverse("accounts:profile-edit")
    failures = []
    for source, text in http_sample:
        display_name, bio = text[:80], text[:500]
        response = client.post(
            address, {"display_name": display_name, "bio": bio, "links": ""}
        )
        if response.status_code == 200:
            html = response.content.decode()
            if not kept_in_form(html, bio):
                failures.append(f"{source}: {text!r} refused without its input")
            continue
        if response.status_code != 302:
            failures.append(f"{source}: {text!r} -> {response.status_code}")
            continue
        stored = User.objects.get(pk=member.pk)
        if (stored.display_name, stored.bio) != (display_name.strip(), bio.strip()):
            failures.append(f"{source}: {text!r} stored as {stored.bio!r}")
        html = client.get(response["Location"]).content.decode()
        if escape(stored.name) not in html or escape(stored.bio) not in html:
            failures.append(f"{source}: {text!r} not shown escaped")
        problems = page_problems(html)
        if problems:
            failures.append(f"{source}: {text!r} -> {problems}")

    assert not failures, hostile_report(failures)


# NUL bytes and bytes that are not UTF-8: an error in the form, never a 500.


NUL_TEXT = "avant\x00après"


def test_billet_form_refuses_a_nul_byte_and_keeps_the_other_fields(
    community, writer, client_for
):
    response = client_for(writer).post(
        reverse("publishing:post-create", kwargs={"slug": community.slug}),
        {"title": "Titre <sûr>", "body": NUL_TEXT, "intent": "opinion"},
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "errorlist" in html
    assert 'value="Titre &lt;sûr&gt;"' in html
    assert not Post.objects.exists()


def test_comment_form_refuses_a_nul_byte(post, reader, client_for):
    response = client_for(reader).post(
        reverse(
            "publishing:comment-create",
            kwargs={"slug": post.community.slug, "post_id": post.pk},
        ),
        {"body": NUL_TEXT},
    )

    assert response.status_code == 400
    assert "errorlist" in response.content.decode()
    assert not Comment.objects.exists()


def test_profile_form_refuses_a_nul_byte(member, client_for):
    response = client_for(member).post(
        reverse("accounts:profile-edit"),
        {"display_name": NUL_TEXT, "bio": "Bio", "links": ""},
    )

    assert response.status_code == 200
    assert "errorlist" in response.content.decode()
    assert User.objects.get(pk=member.pk).display_name == "Camille"


LONE_SURROGATES = "avant \ud800 milieu \udfff après"


@pytest.mark.parametrize("field", ["title", "body"])
def test_billet_form_answers_without_a_500_when_the_text_is_not_utf8(
    community, writer, client_for, field
):
    fields = {"title": "Titre", "body": "Texte", "intent": "opinion"}
    fields[field] = LONE_SURROGATES

    response = client_for(writer).post(
        reverse("publishing:post-create", kwargs={"slug": community.slug}),
        raw_form(**fields),
        content_type="application/x-www-form-urlencoded",
    )

    # Django decodes invalid bytes as U+FFFD: the billet is either refused or
    # saved with replacement characters, never with broken text.
    assert response.status_code in (200, 302)
    for post in Post.objects.all():
        stored = getattr(post, field)
        assert "\ufffd" in stored
        assert stored.encode("utf-8")


def test_comment_form_answers_without_a_500_when_the_text_is_not_utf8(
    post, reader, client_for
):
    response = client_for(reader).post(
        reverse(
            "publishing:comment-create",
            kwargs={"slug": post.community.slug, "post_id": post.pk},
        ),
        raw_form(body=LONE_SURROGATES),
        content_type="application/x-www-form-urlencoded",
    )

    assert response.status_code in (302, 400)
    for comment in Comment.objects.all():
        assert "\ufffd" in comment.body


def test_profile_form_answers_without_a_500_when_the_text_is_not_utf8(
    member, client_for
):
    response = client_for(member).post(
        reverse("accounts:profile-edit"),
        raw_form(display_name="Nom", bio=LONE_SURROGATES, links=""),
        content_type="application/x-www-form-urlencoded",
    )

    assert response.status_code in (200, 302)
    bio = User.objects.get(pk=member.pk).bio
    assert bio in ("", LONE_SURROGATES.encode("utf-8", "replace").decode()) or (
        "\ufffd" in bio
    )


@pytest.mark.parametrize(
    "text", [NUL_TEXT, LONE_SURROGATES], ids=["nul", "lone-surrogates"]
)
def test_publish_post_refuses_text_that_no_form_would_accept(community, writer, text):
    with pytest.raises(InvalidRequest):
        services.publish_post(
            actor=writer,
            community=community,
            title="Titre",
            body=text,
            intent=Intent.OPINION,
        )
