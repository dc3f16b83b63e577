"""The standing pages: the profile section, the hidden experts of a community
and of a tag, the moderators' report of suspicious clusters."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from causerie.communities.models import Tag
from causerie.core.testing import make_community, make_member
from causerie.standing.models import ContributionProfile, Standing, SuspiciousCluster


@pytest.fixture(autouse=True)
def english(client):
    """Pages in English (the French test removes the cookie)."""
    client.cookies["causerie_language"] = "en"


def standing(member, community, tag=None, **values):
    """A computed standing row, as the background recomputation writes it."""
    values = {
        "score": 0.5,
        "contributions": 3,
        "recognitions": 9,
        "recognisers": 9,
        "recognised_recognisers": 4,
        "per_contribution": 0.9,
        **values,
    }
    return Standing.objects.create(
        community=community, member=member, tag=tag, **values
    )


def profile(member, community, kind=ContributionProfile.Kind.DISCREET_EXPERT):
    return ContributionProfile.objects.create(
        community=community, member=member, kind=kind
    )


@pytest.fixture
def brewing(community):
    return Tag.objects.create(community=community, name="brassage", slug="brassage")


def text(response):
    """The page's text without tags (sentences hold links)."""
    return re.sub(r"<[^>]+>", "", response.content.decode())


def queries(client, url, **extra):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url, **extra)
    assert response.status_code == 200
    return len(context.captured_queries)


# The profile section


@pytest.mark.django_db
def test_profile_explains_standing_in_words_per_domain(client, community, brewing):
    expert = make_member("quiet")
    profile(expert, community)
    standing(expert, community, recognisers=12, recognised_recognisers=5)
    standing(expert, community, brewing, recognisers=9, recognised_recognisers=4)

    response = client.get(expert.get_absolute_url())

    page = text(response)
    assert "Discreet expert" in page
    assert (
        "Recognised in brassage by 9 members, 4 of whom are themselves recognised "
        "in this domain." in page
    )
    assert "Recognised in this community by 12 members" in page
    tag_url = reverse("communities:tag-detail", args=[community.slug, "brassage"])
    assert f'<a href="{tag_url}">brassage</a>' in response.content.decode()
    # No raw score is shown.
    assert "0.5" not in page
    assert "0,5" not in page


@pytest.mark.django_db
def test_profile_uses_the_singular_for_one_recogniser(client, community, brewing):
    expert = make_member("quiet")
    standing(expert, community, brewing, recognisers=1, recognised_recognisers=1)

    page = text(client.get(expert.get_absolute_url()))

    assert (
        "Recognised in brassage by 1 member, who is themselves recognised in this "
        "domain." in page
    )


@pytest.mark.django_db
def test_profile_speaks_french_by_default(client, community, brewing):
    expert = make_member("quiet")
    standing(expert, community, brewing, recognisers=9, recognised_recognisers=4)

    del client.cookies["causerie_language"]

    page = text(client.get(expert.get_absolute_url()))

    assert (
        "Reconnu en brassage par 9 membres, dont 4 reconnus eux-mêmes dans ce domaine."
        in page
    )


@pytest.mark.django_db
def test_profile_without_standing_shows_no_section(client, member):
    page = client.get(member.get_absolute_url()).content.decode()

    assert "Recognition by peers" not in page


@pytest.mark.django_db
def test_profile_query_count_does_not_grow_with_communities_and_domains(client):
    expert = make_member("quiet")
    founder = make_member("founder")

    def add_communities(start, count, tags):
        for number in range(start, start + count):
            community = make_community(
                founder=founder, slug=f"c{number}", name=f"C{number}"
            )
            profile(expert, community)
            standing(expert, community)
            for index in range(tags):
                tag = Tag.objects.create(
                    community=community, name=f"t{index}", slug=f"t{index}"
                )
                standing(expert, community, tag)

    add_communities(0, 1, 2)
    few = queries(client, expert.get_absolute_url())
    add_communities(1, 6, 8)
    many = queries(client, expert.get_absolute_url())

    assert many == few


# Hidden experts


@pytest.mark.django_db
def test_hidden_experts_lists_quiet_members_recognised_per_contribution(
    client, community, brewing
):
    quiet = make_member("quiet")
    loud = make_member("loud")
    standing(quiet, community, contributions=2, per_contribution=1.0)
    standing(loud, community, contributions=400, per_contribution=0.01)
    standing(quiet, community, brewing, contributions=2, per_contribution=1.0)

    url = reverse("standing:hidden-experts", args=[community.slug])
    page = client.get(url).content.decode()

    assert "@quiet" in page
    assert "@loud" not in page
    assert "2 contributions" in page
    assert "Recognised in this community by 9 members" in page
    tag_url = reverse("standing:hidden-experts-tag", args=[community.slug, "brassage"])
    tag_page = client.get(tag_url).content.decode()
    assert "@quiet" in tag_page
    assert "Recognised in brassage by 9 members" in tag_page


@pytest.mark.django_db
def test_hidden_experts_of_an_unknown_tag_is_a_404(client, community):
    url = reverse("standing:hidden-experts-tag", args=[community.slug, "nope"])

    assert client.get(url).status_code == 404


@pytest.mark.django_db
def test_hidden_experts_says_when_there_is_nobody_yet(client, community):
    url = reverse("standing:hidden-experts", args=[community.slug])

    page = client.get(url).content.decode()

    assert "No discreet expert yet" in page


@pytest.mark.django_db
def test_hidden_experts_query_count_does_not_grow_with_experts(
    client, community, brewing
):
    def add(start, count):
        for number in range(start, start + count):
            member = make_member(f"expert{number}")
            standing(member, community, contributions=2)
            standing(member, community, brewing, contributions=2)

    add(0, 2)
    urls = [
        reverse("standing:hidden-experts", args=[community.slug]),
        reverse("standing:hidden-experts-tag", args=[community.slug, "brassage"]),
    ]
    few = [queries(client, url) for url in urls]
    add(2, 25)
    many = [queries(client, url) for url in urls]

    assert many == few


@pytest.mark.django_db
def test_community_and_tag_pages_link_to_hidden_experts(client, community, brewing):
    community_page = client.get(community.get_absolute_url()).content.decode()
    tag_page = client.get(
        reverse("communities:tag-detail", args=[community.slug, "brassage"])
    ).content.decode()

    assert reverse("standing:hidden-experts", args=[community.slug]) in community_page
    assert (
        reverse("standing:hidden-experts-tag", args=[community.slug, "brassage"])
        in tag_page
    )


# Suspicious clusters (moderators only)


def cluster(community, members, share=0.92):
    return SuspiciousCluster.objects.create(
        community=community,
        member_ids=[m.pk for m in members],
        reasons=["mutual", "created_together"],
        internal_share=share,
    )


@pytest.mark.django_db
def test_cluster_report_shows_groups_and_reasons_to_moderators(
    client, community, member
):
    ring = [make_member(f"ring{i}") for i in range(3)]
    cluster(community, ring)
    client.force_login(member)

    url = reverse("standing:clusters", args=[community.slug])
    page = client.get(url).content.decode()

    assert "Group of 3 members" in page
    assert "@ring0" in page
    assert "92% of the recognition they received came from inside the group." in page
    assert "they recognise mostly one another" in page
    assert url in client.get(community.get_absolute_url()).content.decode()


@pytest.mark.django_db
def test_cluster_report_is_refused_to_members_who_do_not_moderate(
    client, community, member, other_member
):
    cluster(community, [member, other_member])
    url = reverse("standing:clusters", args=[community.slug])
    client.force_login(other_member)

    response = client.get(url)

    assert response.status_code == 403
    assert "@camille" not in response.content.decode()
    assert url not in client.get(community.get_absolute_url()).content.decode()


@pytest.mark.django_db
def test_cluster_report_sends_visitors_to_log_in(client, community):
    url = reverse("standing:clusters", args=[community.slug])

    response = client.get(url)

    assert response.status_code == 302
    assert "next=" in response.url


@pytest.mark.django_db
def test_cluster_report_query_count_does_not_grow_with_clusters(
    client, community, member
):
    client.force_login(member)
    url = reverse("standing:clusters", args=[community.slug])
    number = iter(range(1000))

    def add(count):
        for _ in range(count):
            cluster(community, [make_member(f"m{next(number)}") for _ in range(3)])

    add(1)
    few = queries(client, url)
    add(15)
    many = queries(client, url)

    assert many == few


# From a real import to the pages


@pytest.mark.django_db
def test_pages_show_what_an_imported_dump_gives(client, tmp_path):
    from causerie.communities.models import Community
    from causerie.standing import services
    from causerie.standing.importer import import_dump
    from causerie.standing.tests.test_importer import dump as make_dump

    directory = make_dump.__wrapped__(tmp_path)
    import_dump(directory, community_slug="brew")
    community = Community.objects.get(slug="brew")
    services.recompute_community(community=community)

    url = reverse("standing:hidden-experts", args=[community.slug])
    assert client.get(url).status_code == 200
    ann = community.memberships.get(member__handle="ann").member
    page = client.get(ann.get_absolute_url()).content.decode()
    assert re.search(r"Recognised in [^<]* by 1 member", page)
