"""Trust levels over HTTP: visits and reads recorded, the level on profiles,
the page explaining the levels, and the administrators' grant of level 4."""

import copy
import re

import pytest
from django.contrib.admin.models import LogEntry
from django.test import Client

from causerie.accounts.models import PostRead, User, VisitDay
from causerie.core.testing import make_community, make_member, make_post

TRUST_PAGE = "/niveaux-de-confiance/"


def english_client() -> Client:
    client = Client()
    client.cookies["causerie_language"] = "en"
    return client


def text(response) -> str:
    """The page's text, tags removed and spaces collapsed."""
    html = re.sub(r"<[^>]+>", " ", response.content.decode())
    return re.sub(r"\s+", " ", html)


# Visits and reads


def test_visit_middleware_records_one_day_however_many_pages_are_opened(client, db):
    member = make_member("visiteuse")
    client.force_login(member)

    for _ in range(3):
        client.get("/")

    assert VisitDay.objects.filter(member=member).count() == 1


def test_visit_middleware_records_another_day_the_next_day(client, db, clock):
    member = make_member("visiteuse")
    client.force_login(member)
    client.get("/")

    clock.advance(days=1)
    client.get("/")
    client.get("/")

    days = list(
        VisitDay.objects.filter(member=member)
        .order_by("day")
        .values_list("day", flat=True)
    )
    assert len(days) == 2
    assert (days[1] - days[0]).days == 1


def test_visit_middleware_records_nothing_for_an_anonymous_reader(client, db):
    client.get("/")
    client.get(TRUST_PAGE)

    assert not VisitDay.objects.exists()


def test_visit_middleware_writes_once_a_day_when_the_cache_remembers(client, db):
    member = make_member("visiteuse")
    client.force_login(member)
    client.get(TRUST_PAGE)
    VisitDay.objects.all().delete()  # the cache key alone now stops the write

    client.get(TRUST_PAGE)

    assert not VisitDay.objects.exists()


def test_post_detail_records_one_read_per_member_and_billet(client, db):
    founder = make_member("fondatrice")
    post = make_post(community=make_community(founder=founder), author=founder)
    reader = make_member("lectrice")
    client.force_login(reader)

    client.get(post.get_absolute_url())
    client.get(post.get_absolute_url())

    assert list(PostRead.objects.values_list("member", "post")) == [
        (reader.pk, post.pk)
    ]


def test_post_detail_records_no_read_for_an_anonymous_reader(client, db):
    founder = make_member("fondatrice")
    post = make_post(community=make_community(founder=founder), author=founder)

    client.get(post.get_absolute_url())

    assert not PostRead.objects.exists()


# The level on profiles


@pytest.mark.parametrize(
    ("level", "word"),
    [(0, "nouveau"), (1, "membre"), (2, "habitué"), (3, "pilier"), (4, "référent")],
)
def test_profile_shows_the_trust_level_as_a_french_word_linking_to_its_explanation(
    client, db, level, word
):
    make_member("camille", trust_level=level)

    response = client.get("/@camille/")

    html = response.content.decode()
    assert f'<a href="{TRUST_PAGE}#niveau-{level}">{word}</a>' in html
    assert "Niveau de confiance :" in html


def test_profile_shows_the_trust_level_in_english_when_english_is_chosen(db):
    make_member("camille", trust_level=3)

    response = english_client().get("/@camille/")

    assert f'<a href="{TRUST_PAGE}#niveau-3">pillar</a>' in response.content.decode()


# The page explaining the levels


def test_trust_levels_page_explains_every_level_in_french(client, db):
    response = client.get(TRUST_PAGE)

    page = text(response)
    assert response.status_code == 200
    assert "Niveaux de confiance" in page
    for title in (
        "Niveau 0 : nouveau",
        "Niveau 1 : membre",
        "Niveau 2 : habitué",
        "Niveau 3 : pilier",
        "Niveau 4 : référent",
    ):
        assert title in page
    assert "ouvert au moins 50 billets différents" in page
    assert "sur les 100 derniers jours" in page
    assert "90 %" in page


def test_trust_levels_page_explains_every_level_in_english(db):
    response = english_client().get(TRUST_PAGE)

    page = text(response)
    assert "Trust levels" in page
    assert "Level 2: regular" in page
    assert "opened at least 50 different posts" in page
    assert "over the last 100 days" in page


def test_trust_levels_page_shows_the_thresholds_in_force(client, db, settings):
    rules = copy.deepcopy(settings.CAUSERIE_TRUST_LEVELS)
    rules[2]["days_visited"] = 21
    settings.CAUSERIE_TRUST_LEVELS = rules

    page = text(english_client().get(TRUST_PAGE))

    assert "visited on at least 21 different days" in page


def test_trust_levels_page_tells_a_member_their_own_level(client, db):
    client.force_login(make_member("camille", trust_level=2))

    page = text(client.get(TRUST_PAGE))

    assert "Votre niveau de confiance : habitué." in page


# Granting level 4 in the admin


@pytest.fixture
def member(db):
    return make_member("referente", trust_level=2)


def run_action(client, action: str, member):
    return client.post(
        "/admin/accounts/user/",
        {"action": action, "_selected_action": [member.pk]},
    )


def test_admin_action_grants_level_4_when_a_site_administrator_runs_it(client, member):
    administrator = make_member("admin_site", is_staff=True, is_superuser=True)
    client.force_login(administrator)

    response = run_action(client, "grant_referent", member)

    assert response.status_code == 302
    member.refresh_from_db()
    assert (member.trust_level, member.trust_level_granted) == (4, True)
    assert LogEntry.objects.filter(
        object_id=str(member.pk), user=administrator
    ).exists()


def test_admin_action_removes_level_4_when_a_site_administrator_runs_it(client, member):
    administrator = make_member("admin_site", is_staff=True, is_superuser=True)
    client.force_login(administrator)
    run_action(client, "grant_referent", member)

    run_action(client, "remove_referent", member)

    member.refresh_from_db()
    assert (member.trust_level, member.trust_level_granted) == (2, False)


def test_admin_action_is_not_offered_to_staff_who_are_not_administrators(
    client, member
):
    from django.contrib.auth.models import Permission

    staff = make_member("equipe", is_staff=True)
    staff.user_permissions.add(
        *Permission.objects.filter(codename__in=["view_user", "change_user"])
    )
    client.force_login(staff)

    listing = client.get("/admin/accounts/user/")
    response = run_action(client, "grant_referent", member)

    assert listing.status_code == 200
    assert "grant_referent" not in listing.content.decode()
    assert response.status_code == 200  # the list again: "no action selected"
    member = User.objects.get(pk=member.pk)
    assert (member.trust_level, member.trust_level_granted) == (2, False)


def test_admin_lists_members_with_their_trust_level(client, member):
    client.force_login(make_member("admin_site", is_staff=True, is_superuser=True))

    response = client.get("/admin/accounts/user/", {"trust_level__exact": 2})

    assert response.status_code == 200
    assert list(response.context["cl"].result_list) == [member]
