"""Tag pages over HTTP: description, billets (pinned first, visible only,
paginated, bounded queries), follow and mute buttons, muted tags left out of
the community and home pages for the member who muted them, tag links."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from causerie.communities import services
from causerie.communities.models import Tag, TagFollow, TagMute
from causerie.core.testing import make_community, make_member, make_post
from causerie.moderation import services as moderation_services
from causerie.moderation.models import FlaggedItem
from causerie.publishing import services as publishing_services

TAG_URL = "/c/brassage/etiquettes/houblon/"


def french(message: str) -> str:
    """The French a reader gets for an English message id."""
    with translation.override("fr"):
        return translation.gettext(message)


@pytest.fixture
def community(member):
    community = make_community(founder=member, tags=["Houblon", "Levure"])
    services.update_tag(
        actor=member,
        tag=Tag.objects.get(slug="houblon"),
        name="Houblon",
        description="Variétés, culture et amertume.",
    )
    return community


@pytest.fixture
def houblon(community):
    return Tag.objects.get(community=community, slug="houblon")


@pytest.fixture
def levure(community):
    return Tag.objects.get(community=community, slug="levure")


def publish(community, author, title, *, tags=(), minutes_ago=0):
    return make_post(
        community=community,
        author=author,
        title=title,
        tags=list(tags),
        published_at=timezone.now() - timedelta(minutes=minutes_ago),
    )


def flag(post, handles):
    """Members flag the billet for spam: three of them hide it pending review."""
    for handle in handles:
        flagger = make_member(handle)
        services.join_community(
            actor=flagger,
            community=post.community,
            accepted_guide_version=post.community.guide_version_number,
        )
        moderation_services.flag_item(actor=flagger, post=post, reason="spam")


def hide(post, moderator):
    flag(post, [f"signaleur{post.pk}"])
    moderation_services.decide_item(
        actor=moderator,
        flagged_item_id=FlaggedItem.objects.get(post=post).pk,
        action="hide",
        reason="spam",
    )


def titles(response) -> list[str]:
    return [post.title for post in response.context["page"]]


# The tag page


def test_tag_page_shows_the_description_and_the_tags_billets(
    client, community, member, houblon
):
    publish(community, member, "Cascade ou Citra ?", tags=[houblon])
    publish(community, member, "Levures sèches", tags=[])

    response = client.get(TAG_URL)

    page = response.content.decode()
    assert response.status_code == 200
    assert "Variétés, culture et amertume." in page
    assert titles(response) == ["Cascade ou Citra ?"]


def test_tag_page_lists_pinned_billets_first_then_newest(
    client, community, member, houblon
):
    old = publish(community, member, "Ancien", tags=[houblon], minutes_ago=60)
    publish(community, member, "Récent", tags=[houblon], minutes_ago=1)
    publishing_services.pin_post(actor=member, post=old, pinned=True)

    response = client.get(TAG_URL)

    assert titles(response) == ["Ancien", "Récent"]


def test_tag_page_lists_only_visible_billets(
    client, community, member, other_member, houblon
):
    publish(community, member, "Visible", tags=[houblon])
    deleted = publish(community, other_member, "Supprimé", tags=[houblon])
    publishing_services.delete_post(actor=other_member, post=deleted)
    hide(publish(community, other_member, "Masqué", tags=[houblon]), member)
    flag(
        publish(community, other_member, "En attente", tags=[houblon]),
        ["albane", "basile", "cyrille"],
    )

    response = client.get(TAG_URL)

    page = response.content.decode()
    assert titles(response) == ["Visible"]
    for title in ("Supprimé", "Masqué", "En attente"):
        assert title not in page


def test_tag_page_is_paginated_by_twenty(client, community, member, houblon):
    for number in range(25):
        publish(
            community, member, f"Billet {number}", tags=[houblon], minutes_ago=number
        )

    first = client.get(TAG_URL)
    second = client.get(f"{TAG_URL}?page=2")

    assert titles(first) == [f"Billet {number}" for number in range(20)]
    assert titles(second) == [f"Billet {number}" for number in range(20, 25)]
    assert 'rel="next"' in first.content.decode()


def test_tag_page_query_count_stays_the_same_with_more_billets(
    client, community, member, other_member, houblon, levure,
    django_assert_num_queries,
):  # fmt: skip
    def publish_many(count, start):
        for number in range(start, start + count):
            post = publish(
                community, other_member, f"Billet {number}", tags=[houblon, levure]
            )
            if number % 2:  # half of them read: the "nouveau" markers vary
                client.get(post.get_absolute_url())

    client.force_login(member)
    services.follow_tag(actor=member, tag=houblon)
    services.mute_tag(actor=member, tag=levure)
    publish_many(10, 0)
    with CaptureQueriesContext(connection) as ten:
        assert client.get(TAG_URL).status_code == 200
    expected = len(ten)

    publish_many(30, 10)

    with django_assert_num_queries(expected):
        response = client.get(TAG_URL)
    assert len(response.context["page"]) == 20


def test_tag_page_answers_404_for_an_unknown_tag(client, community):
    response = client.get("/c/brassage/etiquettes/malt/")

    assert response.status_code == 404


def test_tag_page_says_who_knows_the_domain_comes_with_recognition(client, community):
    response = client.get(TAG_URL)

    assert (
        french(
            "Members whose contributions on this tag their peers recognised will be "
            "listed here once recognition arrives."
        )
        in response.content.decode()
    )


# Follow and mute


def test_tag_page_offers_a_visitor_to_log_in_instead_of_buttons(client, community):
    page = client.get(TAG_URL).content.decode()

    assert "Se connecter pour suivre cette étiquette" in page
    assert "/suivre/" not in page
    assert "/sourdine/" not in page


def test_tag_follow_view_follows_then_stops(client, community, other_member, houblon):
    client.force_login(other_member)

    followed = client.post(f"{TAG_URL}suivre/", {"followed": "1"}, follow=True)

    assert TagFollow.objects.filter(member=other_member, tag=houblon).exists()
    assert "Vous suivez l&#x27;étiquette Houblon." in followed.content.decode()
    assert "Ne plus suivre" in followed.content.decode()

    client.post(f"{TAG_URL}suivre/", {"followed": "0"})

    assert not TagFollow.objects.exists()


def test_tag_mute_view_mutes_then_stops(client, community, other_member, houblon):
    client.force_login(other_member)

    muted = client.post(f"{TAG_URL}sourdine/", {"muted": "1"}, follow=True)

    assert TagMute.objects.filter(member=other_member, tag=houblon).exists()
    assert "Ne plus mettre en sourdine" in muted.content.decode()

    client.post(f"{TAG_URL}sourdine/", {"muted": "0"})

    assert not TagMute.objects.exists()


def test_tag_follow_view_sends_a_visitor_to_log_in(client, community):
    response = client.post(f"{TAG_URL}suivre/", {"followed": "1"})

    assert response.status_code == 302
    assert response["Location"].startswith("/compte/login/")
    assert not TagFollow.objects.exists()


def test_tag_follow_view_refuses_get(client, community, other_member):
    client.force_login(other_member)

    assert client.get(f"{TAG_URL}suivre/").status_code == 405


# Muted tags in the listings


@pytest.fixture
def muted_listing(community, member, other_member, houblon, levure):
    """Billets with and without the tag `other_member` muted."""
    publish(community, member, "Houblon amer", tags=[houblon], minutes_ago=3)
    publish(
        community, member, "Houblon et levure", tags=[houblon, levure], minutes_ago=2
    )
    publish(community, member, "Levure seule", tags=[levure], minutes_ago=1)
    services.mute_tag(actor=other_member, tag=houblon)


def test_community_page_leaves_out_muted_tags_for_the_member_who_muted_them(
    client, muted_listing, other_member
):
    client.force_login(other_member)

    response = client.get("/c/brassage/")

    page = response.content.decode()
    assert titles(response) == ["Levure seule"]
    assert "2 billets masqués (étiquettes en sourdine)." in page
    assert "sourdine=afficher" in page


def test_community_page_shows_muted_tags_to_other_members(
    client, muted_listing, member
):
    client.force_login(member)

    response = client.get("/c/brassage/")

    assert titles(response) == ["Levure seule", "Houblon et levure", "Houblon amer"]
    assert "masqué" not in response.content.decode()


def test_community_page_shows_muted_billets_when_asked(
    client, muted_listing, other_member
):
    client.force_login(other_member)

    response = client.get("/c/brassage/?sourdine=afficher")

    page = response.content.decode()
    assert titles(response) == ["Levure seule", "Houblon et levure", "Houblon amer"]
    assert "2 billets masqués" not in page
    assert "Les masquer" in page


def test_home_page_leaves_out_muted_tags_for_the_member_who_muted_them(
    client, muted_listing, other_member
):
    client.force_login(other_member)

    response = client.get("/")

    listed = [post.title for post in response.context["recent_posts"]]
    assert listed == ["Levure seule"]
    assert "2 billets masqués (étiquettes en sourdine)." in response.content.decode()

    shown = client.get("/?sourdine=afficher")

    assert len(shown.context["recent_posts"]) == 3


# Links to tag pages


def test_billet_rows_and_billet_page_link_each_tag_to_its_page(
    client, community, member, houblon
):
    post = publish(community, member, "Cascade", tags=[houblon])
    link = f'<a class="tag" href="{TAG_URL}">Houblon</a>'

    assert link in client.get("/c/brassage/").content.decode()
    assert link in client.get(post.get_absolute_url()).content.decode()
