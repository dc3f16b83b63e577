"""New members (trust level 0, not moderating the community) are limited by the
community's policy: billets and comments a day, links per item, time between
two posts. Each refusal shows a translated message next to the text and keeps
what was typed; moderators and level 1 members are not limited."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape

from causerie.communities import services as community_services
from causerie.core.testing import make_community, make_member, make_post
from causerie.publishing import services
from causerie.publishing.exceptions import (
    NewMemberDailyLimit,
    NewMemberTooFast,
    NewMemberTooManyLinks,
)
from causerie.publishing.models import Comment, Post

TYPED_TITLE = "Mon <premier> billet"
TYPED_BODY = "Ce que j'ai tapé & que je garde."


def french(error_class, count) -> str:
    with translation.override("fr"):
        return str(error_class.message) % {"count": count}


def body_errors(response) -> str:
    """The errors shown with the text field (Django renders them before it)."""
    html = response.content.decode()
    match = re.search(r'<ul class="errorlist" id="id_body_error">(.*?)</ul>', html)
    return match.group(1) if match else ""


def links(count: int) -> str:
    return " ".join(f"[lien {n}](https://exemple.org/{n})" for n in range(count))


def minutes_ago(minutes: float):
    return timezone.now() - timedelta(minutes=minutes)


@pytest.fixture
def founder(db):
    return make_member("fondatrice")


@pytest.fixture
def place(founder):
    return make_community(founder=founder)


@pytest.fixture
def discussed(place, founder):
    return make_post(community=place, author=founder, title="Sujet du jour")


def newcomer_in(community, *, trust_level=0):
    member = make_member("novice", trust_level=trust_level)
    community_services.join_community(
        actor=member,
        community=community,
        accepted_guide_version=community.guide_version_number,
    )
    return member


def earlier_billets(member, community, count: int) -> None:
    """Billets published in the last day, the latest an hour ago."""
    for number in range(count):
        services.publish_post(
            actor=member,
            community=community,
            title=f"Billet {number}",
            body="Texte.",
            intent="information",
            published_at=minutes_ago(60 * (number + 1)),
        )


def earlier_comments(member, post, count: int, *, latest_minutes_ago=60) -> None:
    for number in range(count):
        services.post_comment(
            actor=member,
            post=post,
            body=f"Commentaire {number}",
            posted_at=minutes_ago(latest_minutes_ago + 10 * number),
        )


def write_billet(client, community, body=TYPED_BODY):
    return client.post(
        reverse("publishing:post-create", kwargs={"slug": community.slug}),
        {"title": TYPED_TITLE, "body": body, "intent": "opinion"},
    )


def write_comment(client, post, body=TYPED_BODY):
    return client.post(
        reverse(
            "publishing:comment-create",
            kwargs={"slug": post.community.slug, "post_id": post.pk},
        ),
        {"body": body},
    )


def assert_refused_keeping_the_text(response, message: str, body=TYPED_BODY):
    assert response.status_code in (200, 400)
    assert escape(message) in body_errors(response)
    assert f"{escape(body)}</textarea>" in response.content.decode()


# Billets a day


@pytest.mark.parametrize(("earlier", "accepted"), [(2, True), (3, False)])
def test_post_create_allows_a_new_member_3_billets_a_day(
    client, place, earlier, accepted
):
    newcomer = newcomer_in(place)
    earlier_billets(newcomer, place, earlier)
    client.force_login(newcomer)

    response = write_billet(client, place)

    assert Post.objects.filter(author=newcomer).count() == earlier + accepted
    if accepted:
        assert response.status_code == 302
    else:
        assert_refused_keeping_the_text(response, french(NewMemberDailyLimit, 3))
        assert f'value="{escape(TYPED_TITLE)}"' in response.content.decode()


def test_post_create_refusal_says_so_in_french(client, place):
    newcomer = newcomer_in(place)
    earlier_billets(newcomer, place, 3)
    client.force_login(newcomer)

    response = write_billet(client, place)

    assert "Les nouveaux membres peuvent en publier 3 par jour" in body_errors(response)


def test_post_create_counts_only_the_last_24_hours_for_a_new_member(client, place):
    newcomer = newcomer_in(place)
    for number in range(3):
        services.publish_post(
            actor=newcomer,
            community=place,
            title=f"Ancien billet {number}",
            body="Texte.",
            intent="information",
            published_at=minutes_ago(60 * 25 + number),
        )
    client.force_login(newcomer)

    response = write_billet(client, place)

    assert response.status_code == 302


# Comments a day


@pytest.mark.parametrize(("earlier", "accepted"), [(9, True), (10, False)])
def test_comment_create_allows_a_new_member_10_comments_a_day(
    client, place, discussed, earlier, accepted
):
    newcomer = newcomer_in(place)
    earlier_comments(newcomer, discussed, earlier)
    client.force_login(newcomer)

    response = write_comment(client, discussed)

    assert Comment.objects.filter(author=newcomer).count() == earlier + accepted
    if accepted:
        assert response.status_code == 302
    else:
        assert_refused_keeping_the_text(response, french(NewMemberDailyLimit, 10))


# Links per item


@pytest.mark.parametrize(("count", "accepted"), [(2, True), (3, False)])
def test_post_create_allows_a_new_member_2_links_per_billet(
    client, place, count, accepted
):
    newcomer = newcomer_in(place)
    client.force_login(newcomer)
    body = f"Mes sources : {links(count)}"

    response = write_billet(client, place, body=body)

    assert Post.objects.filter(author=newcomer).exists() is accepted
    if not accepted:
        assert_refused_keeping_the_text(
            response, french(NewMemberTooManyLinks, 2), body=body
        )


@pytest.mark.parametrize(("count", "accepted"), [(2, True), (3, False)])
def test_comment_create_allows_a_new_member_2_links_per_comment(
    client, place, discussed, count, accepted
):
    newcomer = newcomer_in(place)
    client.force_login(newcomer)
    body = f"Voir : {links(count)}"

    response = write_comment(client, discussed, body=body)

    assert Comment.objects.filter(author=newcomer).exists() is accepted
    if not accepted:
        assert_refused_keeping_the_text(
            response, french(NewMemberTooManyLinks, 2), body=body
        )


def test_comment_create_does_not_count_mentions_as_links_for_a_new_member(
    client, place, discussed
):
    newcomer = newcomer_in(place)
    client.force_login(newcomer)

    response = write_comment(client, discussed, body=f"@fondatrice {links(2)}")

    assert response.status_code == 302


# Time between two posts


@pytest.mark.parametrize(("seconds_ago", "accepted"), [(31, True), (10, False)])
def test_comment_create_makes_a_new_member_wait_30_seconds_between_posts(
    client, place, discussed, seconds_ago, accepted
):
    newcomer = newcomer_in(place)
    earlier_comments(newcomer, discussed, 1, latest_minutes_ago=seconds_ago / 60)
    client.force_login(newcomer)

    response = write_comment(client, discussed)

    assert Comment.objects.filter(author=newcomer).count() == 1 + accepted
    if not accepted:
        assert_refused_keeping_the_text(response, french(NewMemberTooFast, 30))


def test_post_create_makes_a_new_member_wait_30_seconds_after_a_comment(
    client, place, discussed
):
    newcomer = newcomer_in(place)
    earlier_comments(newcomer, discussed, 1, latest_minutes_ago=10 / 60)
    client.force_login(newcomer)

    response = write_billet(client, place)

    assert not Post.objects.filter(author=newcomer).exists()
    assert_refused_keeping_the_text(response, french(NewMemberTooFast, 30))


# Who is not limited


def test_post_create_does_not_limit_a_founder_at_level_0(client, db):
    founder = make_member("fondateur", trust_level=0)
    place = make_community(founder=founder)
    earlier_billets(founder, place, 3)
    client.force_login(founder)

    response = write_billet(client, place, body=f"Sources : {links(5)}")

    assert response.status_code == 302
    assert Post.objects.filter(author=founder).count() == 4


def test_post_create_does_not_limit_a_member_at_level_1(client, place):
    member = newcomer_in(place, trust_level=1)
    earlier_billets(member, place, 3)
    client.force_login(member)

    response = write_billet(client, place, body=f"Sources : {links(5)}")

    assert response.status_code == 302
    assert Post.objects.filter(author=member).count() == 4


def test_comment_create_does_not_limit_a_member_at_level_1(client, place, discussed):
    member = newcomer_in(place, trust_level=1)
    earlier_comments(member, discussed, 10, latest_minutes_ago=0.1)
    client.force_login(member)

    response = write_comment(client, discussed)

    assert response.status_code == 302
    assert Comment.objects.filter(author=member).count() == 11
