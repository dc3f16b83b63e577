"""Community pages over HTTP: list, founding, detail feed, join/leave, tags,
suspension, admin actions, and bounded query counts."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from django.utils.html import escape

from causerie.communities import services
from causerie.communities.exceptions import (
    CommunitySuspended,
    NotAModerator,
    SlugTaken,
)
from causerie.communities.models import Community, Membership, Tag
from causerie.core.testing import make_comment, make_community
from causerie.governance.models import Mandate
from causerie.publishing import services as publishing_services
from causerie.publishing.models import Intent


def french(message) -> str:
    """The French a member reads for an English message id."""
    with translation.override("fr"):
        return translation.gettext(str(message))


def join_all(community, members) -> None:
    for member in members:
        services.join_community(
            actor=member,
            community=community,
            accepted_guide_version=community.guide_version_number,
        )


def publish_many(*, community, authors, count, tags=(), start=None):
    """`count` billets spread over `authors`, one minute apart, oldest first."""
    start = start or timezone.now() - timedelta(days=1)
    join_all(community, authors)
    posts = []
    for number in range(count):
        posts.append(
            publishing_services.publish_post(
                actor=authors[number % len(authors)],
                community=community,
                title=f"Billet {number}",
                body=f"Texte du billet {number}.",
                intent=Intent.INFORMATION,
                tags=tags[: number % (len(tags) + 1)],
                published_at=start + timedelta(minutes=number),
            )
        )
    return posts


def queries_for(client, url) -> int:
    client.get(url)  # warm-up: per-process caches are not the page's cost
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.fixture
def suspended_community(community, superuser):
    return services.suspend_community(
        actor=superuser, community=community, notice="Trop de publicité."
    )


# Community list


def test_community_list_shows_every_community_with_its_counts(client, member):
    make_community(founder=member, slug="brassage", name="Brassage")
    make_community(founder=member, slug="cuisine", name="Cuisine")

    response = client.get("/communautes/")

    page = response.content.decode()
    assert response.status_code == 200
    assert [community.slug for community in response.context["page"]] == [
        "brassage",
        "cuisine",
    ]
    assert 'href="/c/cuisine/"' in page
    assert "1 membre" in page


def test_community_list_marks_a_suspended_community(client, suspended_community):
    response = client.get("/communautes/")

    assert french("Suspended") in response.content.decode()


# Founding


def test_community_create_founds_the_community_and_redirects_to_it(client, member):
    client.force_login(member)

    response = client.post(
        "/communautes/fonder/",
        {
            "name": "Cuisine",
            "slug": "cuisine",
            "description": "On cuisine.",
            "language": "fr",
        },
    )

    assert response.status_code == 302
    assert response["Location"] == "/c/cuisine/"
    community = Community.objects.get(slug="cuisine")
    assert community.member_count == 1
    assert Mandate.objects.filter(community=community, holder=member).exists()


def test_community_create_shows_slug_taken_next_to_the_slug_and_keeps_the_input(
    client, community, other_member
):
    client.force_login(other_member)

    response = client.post(
        "/communautes/fonder/",
        {
            "name": "Mon brassage",
            "slug": "brassage",
            "description": "Une description tapée.",
            "language": "en",
        },
    )

    assert response.status_code == 200
    form = response.context["form"]
    message = french(SlugTaken.message)
    assert form.errors == {"slug": [message]}
    page = response.content.decode()
    assert f'id="id_slug_error"><li>{escape(message)}</li>' in page
    assert 'value="Mon brassage"' in page
    assert 'value="brassage"' in page
    assert "Une description tapée." in page
    assert '<option value="en" selected>' in page
    assert Community.objects.count() == 1


def test_community_create_redirects_a_visitor_to_the_login_page(client, db):
    response = client.post(
        "/communautes/fonder/",
        {"name": "Cuisine", "slug": "cuisine", "description": "", "language": "fr"},
    )

    assert response.status_code == 302
    assert response["Location"].startswith("/compte/login/")
    assert not Community.objects.exists()


# Joining and leaving


def test_community_join_makes_the_viewer_a_member(client, community, other_member):
    client.force_login(other_member)

    response = client.post("/c/brassage/rejoindre/", {"version": 1, "accept": "on"})

    assert response.status_code == 302
    assert response["Location"] == "/c/brassage/"
    community.refresh_from_db()
    assert community.member_count == 2
    assert Membership.objects.filter(member=other_member).exists()


def test_community_join_twice_counts_the_member_once(client, community, other_member):
    client.force_login(other_member)

    client.post("/c/brassage/rejoindre/", {"version": 1, "accept": "on"})
    client.post("/c/brassage/rejoindre/", {"version": 1, "accept": "on"})

    community.refresh_from_db()
    assert community.member_count == 2


def test_community_leave_ends_the_membership(client, community, other_member):
    services.join_community(
        actor=other_member,
        community=community,
        accepted_guide_version=community.guide_version_number,
    )
    client.force_login(other_member)

    response = client.post("/c/brassage/quitter/")

    assert response.status_code == 302
    community.refresh_from_db()
    assert community.member_count == 1
    assert not Membership.objects.filter(member=other_member).exists()


def test_community_leave_refuses_the_last_moderator_with_a_message(
    client, community, member
):
    client.force_login(member)

    response = client.post("/c/brassage/quitter/")

    assert response.status_code == 400
    assert "seul modérateur" in response.content.decode()
    assert Membership.objects.filter(member=member).exists()


# Tags


def test_tag_list_lets_a_moderator_add_a_tag(client, community, member):
    client.force_login(member)

    response = client.post(
        "/c/brassage/etiquettes/", {"name": "Houblon", "description": "Le vert"}
    )

    assert response.status_code == 302
    assert list(community.tags.values_list("name", "description")) == [
        ("Houblon", "Le vert")
    ]


def test_tag_list_shows_tag_taken_next_to_the_name(client, community, member):
    services.create_tag(
        actor=member, community=community, name="Houblon", description=""
    )
    client.force_login(member)

    response = client.post("/c/brassage/etiquettes/", {"name": "houblon"})

    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["name"]
    assert Tag.objects.count() == 1


def test_tag_list_refuses_a_member_who_is_not_a_moderator(
    client, community, other_member
):
    services.join_community(
        actor=other_member,
        community=community,
        accepted_guide_version=community.guide_version_number,
    )
    client.force_login(other_member)

    response = client.post("/c/brassage/etiquettes/", {"name": "Houblon"})

    assert response.status_code == 403
    assert french(NotAModerator.message) in response.content.decode()
    assert not Tag.objects.exists()


def test_tag_list_hides_the_form_from_a_member_who_is_not_a_moderator(
    client, community, other_member
):
    client.force_login(other_member)

    response = client.get("/c/brassage/etiquettes/")

    assert response.status_code == 200
    assert 'name="name"' not in response.content.decode()


def test_tag_delete_removes_the_tag_when_a_moderator_asks(client, community, member):
    tag = services.create_tag(
        actor=member, community=community, name="Houblon", description=""
    )
    client.force_login(member)

    response = client.post(f"/c/brassage/etiquettes/{tag.pk}/supprimer/")

    assert response.status_code == 302
    assert not Tag.objects.exists()


def test_tag_delete_refuses_a_member_who_is_not_a_moderator(
    client, community, member, other_member
):
    tag = services.create_tag(
        actor=member, community=community, name="Houblon", description=""
    )
    services.join_community(
        actor=other_member,
        community=community,
        accepted_guide_version=community.guide_version_number,
    )
    client.force_login(other_member)

    response = client.post(f"/c/brassage/etiquettes/{tag.pk}/supprimer/")

    assert response.status_code == 403
    assert Tag.objects.filter(pk=tag.pk).exists()


def test_tag_delete_answers_404_for_a_tag_of_another_community(
    client, community, member
):
    other = make_community(founder=member, slug="cuisine", tags=["Pain"])
    tag = other.tags.get()
    client.force_login(member)

    response = client.post(f"/c/brassage/etiquettes/{tag.pk}/supprimer/")

    assert response.status_code == 404
    assert Tag.objects.filter(pk=tag.pk).exists()


# Suspension


def test_community_detail_shows_the_suspension_notice_and_no_join_button(
    client, suspended_community, other_member
):
    client.force_login(other_member)

    response = client.get("/c/brassage/")

    page = response.content.decode()
    assert response.status_code == 200
    assert french("This community is suspended by the site administrators.") in page
    assert "Trop de publicité." in page
    assert "/c/brassage/rejoindre/" not in page


def test_community_join_is_refused_when_the_community_is_suspended(
    client, suspended_community, other_member
):
    client.force_login(other_member)

    response = client.post("/c/brassage/rejoindre/", {"version": 1, "accept": "on"})

    assert response.status_code == 403
    assert french(CommunitySuspended.message) in response.content.decode()
    assert not Membership.objects.filter(member=other_member).exists()


def test_post_create_is_refused_when_the_community_is_suspended(
    client, suspended_community, member
):
    client.force_login(member)

    response = client.post(
        "/c/brassage/ecrire/",
        {"title": "Encore", "body": "Texte", "intent": Intent.OPINION},
    )

    assert response.status_code == 403
    assert not suspended_community.posts.exists()


def test_tag_list_refuses_a_moderator_when_the_community_is_suspended(
    client, suspended_community, member
):
    client.force_login(member)

    response = client.post("/c/brassage/etiquettes/", {"name": "Houblon"})

    assert response.status_code == 403
    assert not Tag.objects.exists()


def test_admin_suspend_action_suspends_the_selected_communities(
    client, community, superuser
):
    other = make_community(founder=superuser, slug="cuisine", name="Cuisine")
    client.force_login(superuser)

    response = client.post(
        "/admin/communities/community/",
        {"action": "suspend", "_selected_action": [community.pk]},
    )

    assert response.status_code == 302
    community.refresh_from_db()
    other.refresh_from_db()
    assert community.is_suspended
    assert community.suspension_notice == french(
        "This community is suspended by the site administrators."
    )
    assert not other.is_suspended


def test_admin_lift_suspension_action_reopens_the_community(
    client, suspended_community, superuser
):
    client.force_login(superuser)

    client.post(
        "/admin/communities/community/",
        {"action": "lift_suspension", "_selected_action": [suspended_community.pk]},
    )

    suspended_community.refresh_from_db()
    assert not suspended_community.is_suspended


def test_admin_suspend_action_changes_nothing_for_staff_who_are_not_superusers(
    client, community, member_factory
):
    staff = member_factory("equipe", is_staff=True)
    staff.user_permissions.add(
        *Permission.objects.filter(codename__in=["view_community", "change_community"])
    )
    client.force_login(staff)

    response = client.post(
        "/admin/communities/community/",
        {"action": "suspend", "_selected_action": [community.pk]},
    )

    assert response.status_code in (200, 302)
    community.refresh_from_db()
    assert not community.is_suspended


# Feed: ordering and pagination


def test_community_detail_lists_pinned_billets_first_then_the_newest(
    client, community, member
):
    oldest, middle, newest = publish_many(
        community=community, authors=[member], count=3
    )
    publishing_services.pin_post(actor=member, post=oldest, pinned=True)

    response = client.get("/c/brassage/")

    assert list(response.context["page"]) == [oldest, newest, middle]
    assert french("Pinned") in response.content.decode()


def test_community_detail_lists_the_most_active_first_when_asked(
    client, community, member, other_member
):
    oldest, middle, newest = publish_many(
        community=community, authors=[member], count=3
    )
    make_comment(post=oldest, author=other_member)

    response = client.get("/c/brassage/?tri=active")

    assert response.context["order"] == "active"
    assert list(response.context["page"]) == [oldest, newest, middle]


def test_community_detail_falls_back_to_the_newest_for_an_unknown_order(
    client, community, member
):
    publish_many(community=community, authors=[member], count=2)

    response = client.get("/c/brassage/?tri=nimporte")

    assert response.context["order"] == "recent"


def test_community_detail_paginates_twenty_billets_per_page(client, community, member):
    posts = publish_many(community=community, authors=[member], count=25)

    first = client.get("/c/brassage/")
    second = client.get("/c/brassage/?page=2")

    assert list(first.context["page"]) == posts[::-1][:20]
    assert list(second.context["page"]) == posts[::-1][20:]
    assert 'href="?page=2"' in first.content.decode()


def test_community_detail_leaves_out_deleted_billets(client, community, member):
    kept, deleted = publish_many(community=community, authors=[member], count=2)
    publishing_services.delete_post(actor=member, post=deleted)

    response = client.get("/c/brassage/")

    assert list(response.context["page"]) == [kept]


def test_community_detail_answers_404_for_an_unknown_community(client, db):
    assert client.get("/c/inconnue/").status_code == 404


# Query counts


def test_community_detail_query_count_stays_the_same_with_more_billets(
    client, community, member, member_factory, django_assert_num_queries
):
    authors = [member] + [member_factory(f"auteur{number}") for number in range(4)]
    tags = [
        services.create_tag(
            actor=member, community=community, name=name, description=""
        )
        for name in ("Houblon", "Malt", "Levure")
    ]
    publish_many(community=community, authors=authors, count=10, tags=tags)
    client.force_login(member)
    expected = queries_for(client, "/c/brassage/")

    publish_many(community=community, authors=authors, count=50, tags=tags)

    with django_assert_num_queries(expected):
        response = client.get("/c/brassage/")
    assert len(response.context["page"]) == 20


def test_community_detail_query_count_stays_the_same_with_more_members(
    client, community, member, member_factory, django_assert_num_queries
):
    newcomers = [member_factory(f"membre{number}") for number in range(60)]
    join_all(community, newcomers[:9])
    client.force_login(member)
    expected = queries_for(client, "/c/brassage/")

    join_all(community, newcomers[9:59])

    with django_assert_num_queries(expected):
        response = client.get("/c/brassage/")
    community.refresh_from_db()
    assert community.member_count == 60
    assert len(response.context["recent_members"]) == 12


def test_community_members_query_count_stays_the_same_with_more_members(
    client, community, member, member_factory, django_assert_num_queries
):
    newcomers = [member_factory(f"membre{number}") for number in range(60)]
    join_all(community, newcomers[:9])
    client.force_login(member)
    expected = queries_for(client, "/c/brassage/membres/")

    join_all(community, newcomers[9:59])

    with django_assert_num_queries(expected):
        response = client.get("/c/brassage/membres/")
    assert len(response.context["page"]) == 50


def test_home_query_count_stays_the_same_with_more_billets(
    client, member, other_member, django_assert_num_queries
):
    communities = [
        make_community(founder=member, slug=slug, name=slug.title(), tags=["Sujet"])
        for slug in ("brassage", "cuisine", "jardin")
    ]

    def publish(count):
        for number in range(count):
            community = communities[number % 3]
            post = publish_many(
                community=community,
                authors=[member, other_member],
                count=1,
                tags=list(community.tags.all()),
            )[0]
            make_comment(post=post, author=other_member)

    publish(10)
    client.force_login(member)
    expected = queries_for(client, "/")

    publish(30)

    with django_assert_num_queries(expected):
        response = client.get("/")
    assert len(response.context["recent_posts"]) == 15
    assert len(response.context["recent_comments"]) == 8


def test_community_list_query_count_stays_the_same_with_more_communities(
    client, member, django_assert_num_queries
):
    for number in range(3):
        make_community(founder=member, slug=f"communaute-{number}")
    expected = queries_for(client, "/communautes/")

    for number in range(3, 25):
        make_community(founder=member, slug=f"communaute-{number}")

    with django_assert_num_queries(expected):
        response = client.get("/communautes/")
    assert len(response.context["page"]) == 20
