"""Reading the participation guide over HTTP: the current guide, its versions,
one version, the diff between two, and bounded query counts."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.html import escape

from causerie.communities.policy import POLICY_FIELDS
from causerie.governance import services


def french(message) -> str:
    """The French a member reads for an English message id."""
    with translation.override("fr"):
        return translation.gettext(str(message))


def guide_text(rule_count: int, *, word: str = "Règle") -> str:
    rules = "\n\n".join(
        f"## {word} numéro {number}\n\nExplication *{number}*."
        for number in range(1, rule_count + 1)
    )
    return f"Bienvenue dans le guide.\n\n{rules}\n"


def publish(community, moderator, *, text=None, policy=None, summary="Un changement"):
    return services.publish_guide_version(
        actor=moderator,
        community=community,
        text=text or guide_text(3),
        policy=policy or {},
        summary=summary,
    )


def queries_for(client, url) -> int:
    client.get(url)  # warm-up: per-process caches are not the page's cost
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


# The current guide


def test_guide_shows_the_introduction_and_numbered_rules_with_anchors(
    client, community, member
):
    publish(community, member, text=guide_text(3))

    response = client.get("/c/brassage/guide/")

    page = response.content.decode()
    assert response.status_code == 200
    assert "Bienvenue dans le guide." in page
    for number in (1, 2, 3):
        assert f'id="regle-{number}"' in page
        assert f"Règle numéro {number}" in page
    assert "<em>2</em>" in page


def test_guide_is_in_french_with_version_date_and_publisher(client, community, member):
    response = client.get("/c/brassage/guide/")

    page = response.content.decode()
    assert '<html lang="fr">' in page
    assert french("Participation guide") in page
    assert french("Version %(number)s") % {"number": 1} in page
    assert french("by %(name)s") % {"name": member.name} in page
    assert "<time datetime=" in page


def test_guide_shows_every_policy_value_with_its_label(client, community, member):
    publish(community, member, policy={"hide_threshold": 7})

    response = client.get("/c/brassage/guide/")

    page = response.content.decode()
    assert (
        f'<th scope="row">{escape(french(POLICY_FIELDS["hide_threshold"][0]))}</th><td>7</td>'
        in page
    )
    assert escape(french(POLICY_FIELDS["moderator_seats"].label)) in page
    assert f"<td>{french('two thirds')}</td>" in page


def test_guide_links_to_amendments_for_everyone(client, community, member):
    as_visitor = client.get("/c/brassage/guide/").content.decode()
    client.force_login(member)
    as_moderator = client.get("/c/brassage/guide/").content.decode()

    assert "/c/brassage/amendements/" in as_visitor
    assert "/c/brassage/amendements/" in as_moderator
    assert "nouvelle-version" not in as_moderator


def test_guide_answers_404_for_an_unknown_community(client, db):
    response = client.get("/c/inconnue/guide/")

    assert response.status_code == 404


# Versions


def test_version_list_shows_every_version_newest_first_with_its_summary(
    client, community, member
):
    publish(community, member, summary="Règle sur les citations précisée")
    publish(community, member, summary="Seuil de masquage relevé")

    response = client.get("/c/brassage/guide/versions/")

    page = response.content.decode()
    assert response.status_code == 200
    assert [version.number for version in response.context["page"]] == [3, 2, 1]
    assert page.index("Seuil de masquage relevé") < page.index(
        "Règle sur les citations précisée"
    )
    for number in (1, 2, 3):
        assert f'href="/c/brassage/guide/versions/{number}/"' in page


def test_version_list_has_a_compare_form_that_works_without_javascript(
    client, community, member
):
    publish(community, member)

    page = client.get("/c/brassage/guide/versions/").content.decode()

    assert 'method="get" action="/c/brassage/guide/comparer/"' in page
    assert '<select name="de"' in page
    assert '<select name="a"' in page


def test_version_detail_shows_an_old_version_as_it_was_published(
    client, community, member
):
    publish(community, member, text=guide_text(2, word="Nouvelle"))

    response = client.get("/c/brassage/guide/versions/1/")

    page = response.content.decode()
    assert response.status_code == 200
    assert response.context["version"].number == 1
    assert "Nouvelle numéro" not in page
    assert escape(french("Stay courteous")) in page
    assert "/c/brassage/guide/comparer/?de=1&amp;a=2" in page


def test_version_detail_answers_404_for_a_version_that_does_not_exist(
    client, community
):
    response = client.get("/c/brassage/guide/versions/9/")

    assert response.status_code == 404


# Comparing two versions


def test_version_compare_shows_the_text_and_policy_changes(client, community, member):
    publish(
        community,
        member,
        text=guide_text(2) + "\n## Citer honnêtement\n\nAvec la source.\n",
        policy={"hide_threshold": 8},
    )

    response = client.get("/c/brassage/guide/comparer/?de=1&a=2")

    page = response.content.decode()
    assert response.status_code == 200
    assert '<div class="added">## Citer honnêtement</div>' in page
    assert f'<div class="removed">## {escape(french("Stay courteous"))}</div>' in page
    assert "<td><del>5</del></td><td><ins>8</ins></td>" in page


def test_version_compare_says_when_the_policy_did_not_change(client, community, member):
    publish(community, member)

    response = client.get("/c/brassage/guide/comparer/?de=1&a=2")

    assert french("The policy did not change.") in response.content.decode()


@pytest.mark.parametrize(
    "query",
    ["de=abc&a=1", "de=1", "a=1", "de=1&a=99", "de=-1&a=1", "de=1&a=1.5", "de=&a="],
)
def test_version_compare_explains_bad_parameters_without_failing(
    client, community, query
):
    response = client.get(f"/c/brassage/guide/comparer/?{query}")

    assert response.status_code == 400
    assert response.context["comparison"] is None
    assert (
        french(
            "These versions cannot be compared: choose two versions from the lists below."
        )
        in response.content.decode()
    )


def test_version_compare_names_the_version_that_does_not_exist(client, community):
    response = client.get("/c/brassage/guide/comparer/?de=1&a=99")

    message = french("There is no version “%(value)s” of this guide.") % {"value": "99"}
    assert escape(message) in response.content.decode()


def test_version_compare_without_parameters_shows_the_form(client, community):
    response = client.get("/c/brassage/guide/comparer/")

    assert response.status_code == 200
    assert response.context["comparison"] is None
    assert '<select name="de"' in response.content.decode()


# Query counts


def test_guide_query_count_stays_the_same_with_more_rules(
    client, community, member, django_assert_num_queries
):
    publish(community, member, text=guide_text(3))
    client.force_login(member)
    expected = queries_for(client, "/c/brassage/guide/")

    publish(community, member, text=guide_text(30))

    with django_assert_num_queries(expected):
        response = client.get("/c/brassage/guide/")
    assert len(response.context["version"].rules.all()) == 30


def test_version_list_query_count_stays_the_same_with_more_versions(
    client, community, member, django_assert_num_queries
):
    publish(community, member)
    client.force_login(member)
    expected = queries_for(client, "/c/brassage/guide/versions/")

    for _number in range(10):
        publish(community, member)

    with django_assert_num_queries(expected):
        response = client.get("/c/brassage/guide/versions/")
    assert len(response.context["page"]) == 12
