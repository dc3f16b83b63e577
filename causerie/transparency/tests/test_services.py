"""Rules of transparency: own sites, the intent rules of publishing (sponsor,
forbidden intents) and the self-promotion mark set when writing."""

import pytest

from causerie.core.exceptions import InvalidRequest, NotAllowed
from causerie.core.testing import make_comment, make_post
from causerie.publishing import services as publishing_services
from causerie.publishing.exceptions import IntentForbidden, SponsorRequired
from causerie.publishing.models import Intent, Post, PostRevision
from causerie.transparency import services
from causerie.transparency.exceptions import InvalidOwnSite, TooManyOwnSites


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("exemple.fr", "exemple.fr"),
        ("https://www.exemple.fr/page?x=1", "exemple.fr"),
        ("  HTTP://Blog.Exemple.FR.  ", "blog.exemple.fr"),
        ("www.exemple.fr", "exemple.fr"),
        ("café.fr", "xn--caf-dma.fr"),
        ("https://www.Café.fr/menu", "xn--caf-dma.fr"),
        ("xn--caf-dma.fr", "xn--caf-dma.fr"),
        ("exemple.fr:8080/x", "exemple.fr"),
    ],
)
def test_normalise_own_site_keeps_the_lowercase_host_without_www(typed, stored):
    assert services.normalise_own_site(typed) == stored


@pytest.mark.parametrize(
    "typed",
    [
        "exemple",
        "ftp://exemple.fr",
        "javascript:alert(1)",
        "https://",
        "192.168.1.10",
        "http://[::1]/",
        "http://[bad",
        "exemple..fr",
        "-exemple.fr",
        "exem ple.fr",
        "exemple.fr\x00",
        "https://user:pass@exemple.fr",
        "a" * 64 + ".fr",
        "<script>alert(1)</script>.fr",
    ],
)
def test_normalise_own_site_refuses_what_is_not_a_domain(typed):
    with pytest.raises(InvalidOwnSite) as refusal:
        services.normalise_own_site(typed)

    assert refusal.value.code == "invalid_own_site"
    assert refusal.value.field == "own_sites"


def test_set_own_sites_stores_normalised_unique_domains(author):
    services.set_own_sites(
        actor=author,
        member=author,
        sites=["https://www.exemple.fr/a", "exemple.fr", "", "Boutique.example.org"],
    )

    author.refresh_from_db()
    assert author.own_sites == ["exemple.fr", "boutique.example.org"]


def test_set_own_sites_refuses_more_than_ten(author):
    sites = [f"site{number}.fr" for number in range(11)]

    with pytest.raises(TooManyOwnSites) as refusal:
        services.set_own_sites(actor=author, member=author, sites=sites)

    assert refusal.value.field == "own_sites"
    author.refresh_from_db()
    assert author.own_sites == []


def test_set_own_sites_refuses_another_member(author, reader):
    with pytest.raises(NotAllowed):
        services.set_own_sites(actor=reader, member=author, sites=["exemple.fr"])


def test_set_own_sites_does_not_rewrite_what_was_published(community, author):
    services.set_own_sites(actor=author, member=author, sites=["exemple.fr"])
    post = make_post(
        community=community, author=author, body="[site](https://exemple.fr)"
    )

    services.set_own_sites(actor=author, member=author, sites=[])

    post.refresh_from_db()
    assert post.links_own_site is True


# The intent rules publishing applies (publishing.services._check_intent).


def test_publish_post_requires_a_sponsor_when_the_intent_is_sponsored(
    community, author
):
    with pytest.raises(SponsorRequired) as refusal:
        make_post(community=community, author=author, intent=Intent.SPONSORED)

    assert refusal.value.field == "sponsor_name"
    assert not Post.objects.exists()


def test_publish_post_stores_the_sponsor_when_the_intent_is_sponsored(
    community, author
):
    post = make_post(
        community=community,
        author=author,
        intent=Intent.SPONSORED,
        sponsor_name="  Brasserie du Canal ",
        sponsor_url="https://canal.example.org",
    )

    assert (post.sponsor_name, post.sponsor_url) == (
        "Brasserie du Canal",
        "https://canal.example.org",
    )
    revision = PostRevision.objects.get(post=post)
    assert revision.sponsor_name == "Brasserie du Canal"


@pytest.mark.parametrize(
    "link",
    [
        "javascript:alert(1)",
        "ftp://canal.example.org/",
        "https://canal.example.org/\x00",
    ],
)
def test_publish_post_refuses_a_sponsor_link_that_is_not_a_web_address(
    community, author, link
):
    with pytest.raises(InvalidRequest) as refusal:
        make_post(
            community=community,
            author=author,
            intent=Intent.SPONSORED,
            sponsor_name="X",
            sponsor_url=link,
        )
    assert refusal.value.field == "sponsor_url"


def test_publish_post_drops_the_sponsor_when_the_intent_is_not_sponsored(
    community, author
):
    post = make_post(
        community=community,
        author=author,
        intent=Intent.OPINION,
        sponsor_name="Oubli",
        sponsor_url="https://oubli.example.org",
    )

    assert (post.sponsor_name, post.sponsor_url) == ("", "")


def test_publish_post_refuses_an_intent_the_community_forbids(
    community, author, set_policy
):
    set_policy(author, forbidden_intents="promotion,sponsored")

    with pytest.raises(IntentForbidden) as refusal:
        make_post(community=community, author=author, intent=Intent.PROMOTION)

    assert refusal.value.field == "intent"
    allowed = make_post(community=community, author=author, intent=Intent.OPINION)
    assert allowed.intent == Intent.OPINION


def test_edit_post_keeps_an_intent_that_became_forbidden_but_refuses_a_switch(
    community, author, set_policy
):
    kept = make_post(
        community=community, author=author, title="Atelier", intent=Intent.PROMOTION
    )
    other = make_post(community=community, author=author, title="Avis")
    set_policy(author, forbidden_intents="promotion")

    publishing_services.edit_post(
        actor=author,
        post=kept,
        title="Atelier (complet)",
        body=kept.body,
        intent=Intent.PROMOTION,
    )
    with pytest.raises(IntentForbidden):
        publishing_services.edit_post(
            actor=author,
            post=other,
            title=other.title,
            body=other.body,
            intent=Intent.PROMOTION,
        )

    kept.refresh_from_db()
    assert (kept.title, kept.intent) == ("Atelier (complet)", Intent.PROMOTION)
    other.refresh_from_db()
    assert other.intent == Intent.INFORMATION


def test_edit_post_keeps_the_intent_change_in_a_revision(community, author):
    post = make_post(community=community, author=author)

    publishing_services.edit_post(
        actor=author,
        post=post,
        title=post.title,
        body=post.body,
        intent=Intent.SPONSORED,
        sponsor_name="Cycles Morin",
    )

    revisions = list(
        PostRevision.objects.filter(post=post)
        .order_by("number")
        .values_list("intent", "sponsor_name")
    )
    assert revisions == [(Intent.INFORMATION, ""), (Intent.SPONSORED, "Cycles Morin")]


def test_publishing_marks_links_to_own_sites_on_posts_and_comments(community, author):
    services.set_own_sites(actor=author, member=author, sites=["exemple.fr"])

    post = make_post(
        community=community,
        author=author,
        body="Voir [le blog](https://blog.exemple.fr/billet).",
    )
    comment = make_comment(
        post=post, author=author, body="[ici](https://notexemple.fr)"
    )

    assert post.links_own_site is True
    assert comment.links_own_site is False
