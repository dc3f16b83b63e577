"""Hostile input (shared/data/hostile) through the sponsor's name and link and
the own sites: stored as typed (stripped) or refused with a clear error,
always shown escaped, never a 500.

The corpus tests are marked `corpus` (SQLite lane); the NUL and invalid UTF-8
tests run in every lane."""

import re

import pytest
from django.urls import reverse
from django.utils.html import escape

from causerie.core.exceptions import InvalidRequest
from causerie.core.testing import hostile_report, make_post, raw_form
from causerie.publishing.models import Intent, Post
from causerie.transparency import selectors, services
from causerie.transparency.exceptions import InvalidOwnSite

HTTP_SAMPLE_SIZE = 80
HOST = re.compile(r"^[a-z0-9.-]+$")


@pytest.mark.corpus
def test_sponsor_name_is_stored_as_typed_or_refused_clearly(hostile, community, author):
    failures = []
    for index, (source, text) in enumerate(hostile):
        name = text[:120]
        try:
            post = make_post(
                community=community,
                author=author,
                title=f"Billet {index}",
                intent=Intent.SPONSORED,
                sponsor_name=name,
            )
        except InvalidRequest as error:
            if name.strip() and "\x00" not in name:
                failures.append(f"{source}: {text!r} refused: {error.message}")
            continue
        if post.sponsor_name != name.strip():
            failures.append(f"{source}: {text!r} stored as {post.sponsor_name!r}")
        if not selectors.intent_label_text(post).endswith(name.strip()):
            failures.append(f"{source}: {text!r} label wrong")

    assert not failures, hostile_report(failures)


@pytest.mark.corpus
def test_own_sites_normalise_every_hostile_string_or_refuse_it(hostile):
    failures = []
    for source, text in hostile:
        try:
            host = services.normalise_own_site(text)
        except InvalidOwnSite as error:
            if text.strip()[:100] not in str(error.message):
                failures.append(f"{source}: {text!r} message does not quote it")
            continue
        if not HOST.match(host) or "." not in host:
            failures.append(f"{source}: {text!r} stored as {host!r}")

    assert not failures, hostile_report(failures)


@pytest.mark.corpus
def test_post_form_and_billet_page_handle_sampled_sponsors_without_a_500(
    hostile, community, author, client_for
):
    sample = hostile[:: max(1, len(hostile) // HTTP_SAMPLE_SIZE)]
    client = client_for(author)
    url = reverse("publishing:post-create", args=[community.slug])
    failures = []
    for index, (source, text) in enumerate(sample):
        response = client.post(
            url,
            {
                "title": f"Billet {index}",
                "body": "Texte",
                "intent": "sponsored",
                "sponsor_name": text[:120],
                "sponsor_url": text[:300],
                "publish": "1",
            },
        )
        if response.status_code == 200:
            if "errorlist" not in response.content.decode():
                failures.append(f"{source}: {text!r} refused without an error")
            continue
        if response.status_code != 302:
            failures.append(f"{source}: {text!r} -> {response.status_code}")
            continue
        post = Post.objects.get(title=f"Billet {index}")
        html = client.get(post.get_absolute_url()).content.decode()
        if escape(post.sponsor_name) not in html:
            failures.append(f"{source}: {text!r} sponsor not shown escaped")
        if post.sponsor_url and escape(post.sponsor_url) not in html:
            failures.append(f"{source}: {text!r} sponsor link not shown escaped")

    assert not failures, hostile_report(failures)


@pytest.mark.corpus
def test_sponsor_link_is_a_web_address_or_refused_on_its_field(
    hostile, community, author
):
    failures = []
    for index, (source, text) in enumerate(hostile):
        link = text[:300]
        try:
            post = make_post(
                community=community,
                author=author,
                title=f"Billet {index}",
                intent=Intent.SPONSORED,
                sponsor_name="Brasserie",
                sponsor_url=link,
            )
        except InvalidRequest as error:
            if error.field != "sponsor_url":
                failures.append(f"{source}: {text!r} refused on {error.field}")
            continue
        if post.sponsor_url and not post.sponsor_url.startswith(
            ("http://", "https://")
        ):
            failures.append(f"{source}: {text!r} stored as {post.sponsor_url!r}")

    assert not failures, hostile_report(failures)


@pytest.mark.corpus
def test_intent_filter_answers_every_hostile_value_without_a_500(
    hostile, community, author, client
):
    from causerie.core.tests.html_safety import page_problems

    tag = community.tags.create(name="Outils", slug="outils")
    post = make_post(community=community, author=author, title="Billet", tags=[tag])
    pages = [
        reverse("home"),
        community.get_absolute_url(),
        reverse("communities:tag-detail", args=[community.slug, tag.slug]),
    ]
    feeds = [
        reverse("communities:feed", args=[community.slug]),
        reverse("accounts:feed", args=[author.handle]),
    ]
    sample = hostile[:: max(1, len(hostile) // HTTP_SAMPLE_SIZE)]
    failures = []
    for source, text in sample:
        for url in pages:
            response = client.get(url, {"intention": text})
            if response.status_code != 200:
                failures.append(f"{source}: {text!r} {url} -> {response.status_code}")
            elif problems := page_problems(response.content.decode()):
                failures.append(f"{source}: {text!r} {url}: {problems[:2]}")
        for url in feeds:
            response = client.get(url, {"intention": text})
            if response.status_code not in (200, 400):
                failures.append(f"{source}: {text!r} {url} -> {response.status_code}")
    assert post.title

    assert not failures, hostile_report(failures)


@pytest.mark.corpus
def test_profile_settings_handle_sampled_own_sites_without_a_500(
    hostile, author, client_for
):
    sample = hostile[:: max(1, len(hostile) // HTTP_SAMPLE_SIZE)]
    client = client_for(author)
    failures = []
    for source, text in sample:
        response = client.post(
            reverse("accounts:profile-edit"),
            {"display_name": "", "bio": "", "links": "", "own_sites": text},
        )
        if response.status_code not in (200, 302):
            failures.append(f"{source}: {text!r} -> {response.status_code}")

    assert not failures, hostile_report(failures)


# NUL bytes and text that is not UTF-8: an error in the form, never a 500.


def test_post_form_refuses_a_nul_byte_in_the_sponsor_and_keeps_the_text(
    community, author, client_for
):
    response = client_for(author).post(
        reverse("publishing:post-create", args=[community.slug]),
        {
            "title": "Concours <sûr>",
            "body": "Texte",
            "intent": "sponsored",
            "sponsor_name": "Brasserie\x00",
        },
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "errorlist" in html
    assert 'value="Concours &lt;sûr&gt;"' in html
    assert not Post.objects.exists()


def test_profile_settings_answer_without_a_500_when_own_sites_are_not_utf8(
    author, client_for
):
    response = client_for(author).post(
        reverse("accounts:profile-edit"),
        raw_form(display_name="", bio="", links="", own_sites="exemple\ud800.fr"),
        content_type="application/x-www-form-urlencoded",
    )

    assert response.status_code in (200, 302)
    author.refresh_from_db()
    assert author.own_sites == []
