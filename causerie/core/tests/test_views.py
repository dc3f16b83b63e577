"""Shared views: a service's refusal becomes a translated error page."""

from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from causerie.communities.exceptions import CommunityNotFound, NotAModerator
from causerie.core.testing import make_post
from causerie.publishing.exceptions import PostNotFound


def message_in_french(error_class) -> str:
    with translation.override("fr"):
        return escape(str(error_class.message))


def test_handles_domain_errors_renders_a_404_page_when_the_community_is_unknown(
    client, db
):
    response = client.get("/c/inconnue/billets/1/")

    assert response.status_code == 404
    assert message_in_french(CommunityNotFound) in response.content.decode()


def test_handles_domain_errors_renders_a_404_page_when_the_billet_is_unknown(
    client, community
):
    response = client.get(f"/c/{community.slug}/billets/999999/")

    assert response.status_code == 404
    assert message_in_french(PostNotFound) in response.content.decode()


def test_handles_domain_errors_renders_a_403_page_when_the_service_refuses(
    client, community, other_member
):
    post = make_post(community=community, author=other_member)
    client.force_login(other_member)

    response = client.post(
        reverse(
            "publishing:post-pin",
            kwargs={"slug": community.slug, "post_id": post.pk},
        ),
        {"pinned": "1"},
    )

    assert response.status_code == 403
    assert message_in_french(NotAModerator) in response.content.decode()


def test_home_lists_recent_billets(client, post):
    response = client.get("/")

    assert response.status_code == 200
    assert post.title in response.content.decode()


def test_unknown_address_renders_the_404_page(client, db):
    response = client.get("/nulle-part/")

    assert response.status_code == 404
