"""Search pages over HTTP: results, filters, the search boxes, and queries that
must never break a page."""

import os
import random
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

SEARCH = reverse("search:search")
HOSTILE_SAMPLE_SIZE = 300


def community_search(community):
    return reverse("search:community-search", kwargs={"slug": community.slug})


def test_search_page_shows_results_with_highlighted_snippets(client, publish, reply):
    post = publish(title="Ruches", body="Les abeilles butinent les tilleuls.")
    comment = reply(post, body="Mes abeilles aussi !")

    response = client.get(SEARCH, {"q": "abeille"})

    assert response.status_code == 200
    page = response.content.decode()
    assert "2 résultats" in page
    assert "<mark>abeilles</mark>" in page
    assert f'href="{post.get_absolute_url()}"' in page
    assert f'href="{comment.get_absolute_url()}"' in page
    assert "Brassage" in page
    assert "<time" in page


def test_search_page_escapes_everything_but_the_highlight(client, publish):
    publish(
        title="<b>Gras</b>", body="Un `<script>alert(1)</script>` dans les cerises."
    )

    page = client.get(SEARCH, {"q": "cerises"}).content.decode()

    # PostgreSQL's headline leaves out what its parser reads as tags; SQLite
    # shows them escaped. Neither lets them through.
    assert "<script>alert" not in page
    assert "&lt;b&gt;Gras&lt;/b&gt;" in page
    assert "<mark>cerises</mark>" in page


def test_search_page_without_words_invites_to_type_some(client, db):
    response = client.get(SEARCH)

    assert response.status_code == 200
    assert 'name="q"' in response.content.decode()


def test_search_page_says_when_nothing_matches(client, publish):
    publish(title="Cerises", body="Des cerises.")

    page = client.get(SEARCH, {"q": "pastèques"}).content.decode()

    assert "0 résultat" in page
    assert "Aucun résultat." in page


def test_search_page_says_when_a_query_is_too_long_and_cut(client, publish):
    publish(title="Cerises", body="Des cerises.")

    response = client.get(SEARCH, {"q": "cerises " + "a" * 10_000})

    assert response.status_code == 200
    page = response.content.decode()
    assert "200 premiers caractères" in page
    assert "1 résultat" in page


def test_search_page_says_when_a_query_has_only_common_words(client, db):
    page = client.get(SEARCH, {"q": "le la les"}).content.decode()

    assert "mots très courants" in page


def test_search_page_shows_form_errors_instead_of_failing(client, db):
    response = client.get(
        SEARCH, {"q": "x", "du": "demain", "au": "2020-01-01", "tri": "<script>"}
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert "Saisissez une date valide." in page
    assert "Sélectionnez un choix valide." in page


def test_search_page_refuses_an_end_date_before_the_start_date(client, db):
    page = client.get(
        SEARCH, {"q": "x", "du": "2024-05-02", "au": "2024-05-01"}
    ).content.decode()

    assert "La date de fin est antérieure à la date de début." in page


def test_search_page_labels_every_field(client, db):
    page = client.get(SEARCH, {"q": "x"}).content.decode()

    for field_id in re.findall(r'<(?:input|select)[^>]* id="([^"]+)"', page):
        assert f'for="{field_id}"' in page, field_id


def test_search_page_filters_by_community(client, publish, committed, other_member):
    from causerie.core.testing import make_community

    elsewhere = committed(
        make_community, founder=other_member, slug="ailleurs", name="Ailleurs"
    )
    publish(title="Ici", body="Des cerises.")
    publish(
        title="Là-bas", body="Des cerises.", community=elsewhere, author=other_member
    )

    page = client.get(
        SEARCH, {"q": "cerises", "communaute": "ailleurs"}
    ).content.decode()

    assert "Là-bas" in page
    assert ">Ici<" not in page


def test_community_search_page_searches_one_community_and_offers_its_tags(
    client, publish, committed, community, other_member
):
    from causerie.communities import services as community_services
    from causerie.core.testing import make_community

    community_services.create_tag(
        actor=community.founder, community=community, name="Houblon", description=""
    )
    elsewhere = committed(
        make_community, founder=other_member, slug="ailleurs", name="Ailleurs"
    )
    publish(title="Ici", body="Des cerises.")
    publish(
        title="Là-bas", body="Des cerises.", community=elsewhere, author=other_member
    )

    page = client.get(community_search(community), {"q": "cerises"}).content.decode()

    assert ">Ici<" in page
    assert "Là-bas" not in page
    assert '<option value="houblon">Houblon</option>' in page


def test_community_search_page_of_an_unknown_community_is_a_404(client, db):
    response = client.get("/c/inconnue/recherche/", {"q": "x"})

    assert response.status_code == 404


def test_member_search_lists_members(client, member_factory):
    member_factory("apiculteur", bio="Des ruches.")

    page = client.get(SEARCH, {"q": "apicult", "type": "membres"}).content.decode()

    assert "@apiculteur" in page
    assert "1 membre trouvé" in page


def test_every_page_has_a_search_box_in_its_header(client, db):
    page = client.get("/").content.decode()

    assert f'action="{SEARCH}"' in page
    assert 'for="site-search-q"' in page


def test_community_page_has_a_box_searching_the_community(client, community):
    page = client.get(community.get_absolute_url()).content.decode()

    assert f'action="{community_search(community)}"' in page
    assert 'for="community-search-q"' in page


def test_search_page_costs_the_same_queries_for_10_or_60_matches(
    client, publish, reply
):
    def queries_for_page():
        with CaptureQueriesContext(connection) as queries:
            response = client.get(SEARCH, {"q": "prunes"})
        assert response.status_code == 200
        return len(queries)

    for number in range(5):
        reply(publish(title=f"Prunes {number}", body="Des prunes."), body="Prunes !")
    few = queries_for_page()
    for number in range(25):
        reply(
            publish(title=f"Prunes bis {number}", body="Des prunes."), body="Prunes !"
        )

    assert queries_for_page() == few


def _hostile_strings() -> list[str]:
    base = Path(settings.CAUSERIE_SHARED_DATA) / "hostile"
    files = [base / "blns.txt", *sorted((base / "xss").glob("*.txt"))]
    if not files[0].is_file() or len(files) == 1:
        message = f"hostile corpora not found under {base}"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    strings = []
    for path in files:
        # Split on "\n" only: some strings hold \x0b, \x0c or \u2028 on purpose.
        for line in path.read_text("utf-8").split("\n"):
            line = line.removesuffix("\r")
            if line and not (path.name == "blns.txt" and line.startswith("#")):
                strings.append(line)
    return list(dict.fromkeys(strings))


def test_search_pages_answer_every_hostile_query_without_failing(
    client, publish, community
):
    """A fixed sample of 300 strings from the hostile corpora, as words, as a
    phrase and as filters: always a page, never a 500, never injected HTML."""
    publish(title="Cible", body="Un texte avec <script>, des cerises et 1=1.")
    strings = _hostile_strings()
    sample = random.Random(8).sample(strings, min(HOSTILE_SAMPLE_SIZE, len(strings)))
    failures = []
    for number, text in enumerate(sample):
        url = community_search(community) if number % 2 else SEARCH
        params = {"q": text}
        if number % 3 == 0:
            params = {"q": f'"{text}" cerises', "auteur": text, "etiquette": text}
        response = client.get(url, params)
        page = response.content.decode()
        if response.status_code != 200:
            failures.append(f"{text!r}: HTTP {response.status_code}")
        elif re.search(r"<script>\s*alert|<img[^>]+onerror", page, re.I):
            failures.append(f"{text!r}: markup injected")

    assert not failures, "\n".join(failures[:20])
