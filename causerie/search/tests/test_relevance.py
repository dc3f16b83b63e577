"""French (and some English) search quality on the running database: the
relevance fixture's queries find their billet among the first three, and the
linguistic rules docs/search.md states hold."""

import pytest

from causerie.search.tests.relevance_fixture import (
    ENGLISH_POSTS,
    FRENCH_POSTS,
    QUERIES,
)


def test_relevance_fixture_is_big_enough_to_mean_something():
    assert len(FRENCH_POSTS) >= 50
    assert len(ENGLISH_POSTS) >= 3
    assert len(QUERIES) >= 20


def test_search_ranks_the_expected_billet_in_the_top_three_for_every_fixture_query(
    relevance_posts, titles
):
    failures = []
    for text, key, checks in QUERIES:
        expected = relevance_posts[key].title
        top = titles(text)[:3]
        if expected not in top:
            failures.append(f"{text!r} ({checks}): expected {expected!r}, got {top}")

    assert not failures, "\n".join(failures)


def test_search_ignores_accents_and_singular_or_plural(publish, titles):
    publish(title="Permanence", body="Nos élus reçoivent le samedi.")

    assert titles("elu") == ["Permanence"]
    assert titles("ÉLUS") == ["Permanence"]


def test_search_matches_a_plural_query_against_a_singular_text(publish, titles):
    publish(title="Accueil", body="Une communauté vit de ses discussions.")

    assert titles("communautés") == ["Accueil"]


def test_search_relates_moderateurs_and_moderation_by_their_stem(publish, titles):
    publish(title="Charte", body="La modération est bénévole.")

    assert titles("modérateurs") == ["Charte"]


def test_search_keeps_words_of_different_stems_apart(publish, titles):
    publish(title="Verger", body="Un jardinage sans pesticides.")

    assert titles("jardin") == []


def test_search_requires_the_words_of_a_phrase_to_follow_each_other(publish, titles):
    publish(title="Compte rendu", body="Le conseil municipal a voté le budget.")
    publish(title="Quartier", body="Un conseil ouvert : le budget municipal.")

    assert titles('"conseil municipal"') == ["Compte rendu"]
    assert sorted(titles("conseil municipal")) == ["Compte rendu", "Quartier"]


def test_search_phrase_skips_the_stop_words_inside_it(publish, titles):
    publish(title="Scrutin", body="Une élection de maire anticipée.")

    assert titles('"élection du maire"') == ["Scrutin"]
    assert titles('"maire élection"') == []


def test_search_ignores_stop_words_around_the_words_that_matter(publish, titles):
    publish(title="Cargo", body="Trois vélos cargo à partager.")

    assert titles("les vélos et le cargo") == ["Cargo"]


def test_search_requires_every_word(publish, titles):
    publish(title="Cargo", body="Trois vélos cargo à partager.")

    assert titles("vélo piscine") == []


def test_search_indexes_english_billets_with_english_rules(
    publish, english_community, titles
):
    publish(
        title="Gardens",
        body="Our communities share gardening tools.",
        community=english_community,
    )

    assert titles("community garden") == ["Gardens"]


def test_search_matches_text_rendered_from_markdown_without_its_markup(publish, titles):
    publish(title="Lien", body="Voir **[la fiche](https://exemple.org/houblon)**.")

    assert titles("fiche") == ["Lien"]
    assert titles("https") == []


# What matches what, on both databases: docs/search.md quotes this table.
WORD_FORMS = [
    ("elu", "Les élus", True),
    ("élus", "Un élu", True),
    ("l'élu", "Un élu", True),
    ("Évry", "À Evry", True),
    ("coeur", "Un cœur", True),
    ("election", "Les élections", True),
    ("communautés", "La communauté", True),
    ("bières", "Une bière", True),
    ("vélo", "Les vélos", True),
    ("jeu", "Les jeux", True),
    ("cheval", "Les chevaux", True),
    ("municipaux", "Le conseil municipal", True),
    ("modérateurs", "La modération", True),
    ("modérer", "La modération", True),
    ("jardiner", "Le jardin", True),
    ("velo-cargo", "un vélo cargo", True),
    ("électoral", "Les élections", False),
    ("jardin", "Le jardinage", False),
    ("brasseur", "Brasser la bière", False),
    ("brassage", "Brasser la bière", False),
    ("maïs", "Du maïs grillé", False),  # folded to "mais", a stop word
]


@pytest.mark.parametrize(("query", "text", "matches"), WORD_FORMS)
def test_search_matches_word_forms_as_docs_search_md_says(
    publish, titles, query, text, matches
):
    publish(title="Billet", body=text)

    assert (titles(query) == ["Billet"]) is matches
