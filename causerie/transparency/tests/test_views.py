"""Pages of transparency over HTTP: intent labels and filters in listings and
feeds, the post form, the history, the warnings before publishing, "mes
sites", the shares on profiles and the flag reason."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape

from causerie.core.testing import join, make_community, make_post
from causerie.moderation import services as moderation_services
from causerie.moderation.models import Flag, Reason
from causerie.publishing import services as publishing_services
from causerie.publishing.models import Comment, Intent, Post
from causerie.search import services as search_services
from causerie.transparency import services

SPONSOR_LABEL = "Sponsorisé par"


@pytest.fixture
def billets(community, author):
    """One billet of each intent, the sponsored one with its sponsor's link."""
    return {
        intent: make_post(
            community=community,
            author=author,
            title=f"Billet {intent}",
            intent=intent,
            **(
                {"sponsor_name": "Cycles Morin", "sponsor_url": "https://morin.example"}
                if intent == Intent.SPONSORED
                else {}
            ),
        )
        for intent in Intent.values
    }


def community_url(community, **query):
    url = reverse("communities:detail", args=[community.slug])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


# Labels.


def test_post_detail_shows_the_sponsor_linked_as_sponsored(client, billets):
    post = billets[Intent.SPONSORED]

    html = client.get(post.get_absolute_url()).content.decode()

    assert (
        'Sponsorisé par <a class="sponsor" href="https://morin.example" '
        'rel="sponsored nofollow noopener">Cycles Morin</a>'
    ) in html


def test_listing_shows_self_promotion_unless_the_intent_says_promotion(
    client, community, author
):
    services.set_own_sites(actor=author, member=author, sites=["exemple.fr"])
    make_post(
        community=community,
        author=author,
        title="Avis",
        intent=Intent.OPINION,
        body="[blog](https://exemple.fr)",
    )
    make_post(
        community=community,
        author=author,
        title="Atelier",
        intent=Intent.PROMOTION,
        body="[blog](https://exemple.fr)",
    )

    html = client.get(community_url(community)).content.decode()

    assert html.count('class="intent intent-promotion self-promotion"') == 1
    assert "autopromotion" in html


# Filters.


def test_community_page_lists_only_the_intent_asked(client, community, billets):
    html = client.get(community_url(community, intention="sponsored")).content.decode()

    assert "Billet sponsored" in html
    assert "Billet opinion" not in html
    assert 'aria-current="page">Sponsorisé</a>' in html


def test_community_page_explains_an_unknown_intent_and_lists_every_post(
    client, community, billets
):
    response = client.get(community_url(community, intention="<b>pub</b>"))

    html = response.content.decode()
    assert response.status_code == 200
    assert escape("<b>pub</b>") in html
    assert "<b>pub</b>" not in html
    assert all(f"Billet {intent}" in html for intent in Intent.values)


def test_community_page_filter_links_keep_the_order(client, community, billets):
    html = client.get(community_url(community, tri="active")).content.decode()

    assert 'href="?tri=active&amp;intention=promotion"' in html


def test_community_page_pagination_keeps_the_intent(client, community, author):
    for number in range(22):
        make_post(
            community=community,
            author=author,
            title=f"Avis {number}",
            intent=Intent.OPINION,
        )

    html = client.get(community_url(community, intention="opinion")).content.decode()

    assert "intention=opinion&amp;page=2" in html


def test_tag_page_lists_only_the_intent_asked(client, member, author):
    community = make_community(founder=member, slug="velo", tags=["atelier"])
    join(author, community)
    tag = community.tags.get()
    for intent in (Intent.OPINION, Intent.PROMOTION):
        make_post(
            community=community,
            author=author,
            title=f"Billet {intent}",
            intent=intent,
            tags=[tag],
        )

    url = reverse("communities:tag-detail", args=[community.slug, tag.slug])
    html = client.get(url + "?intention=promotion").content.decode()

    assert "Billet promotion" in html
    assert "Billet opinion" not in html


def test_home_lists_only_the_intent_asked(client, billets):
    html = client.get("/?intention=opinion").content.decode()

    assert "Billet opinion" in html
    assert "Billet information" not in html


def test_community_feed_keeps_only_the_intent_asked_and_labels_entries(
    client, community, billets
):
    url = reverse("communities:feed", args=[community.slug])

    xml = client.get(url + "?intention=sponsored").content.decode()

    assert xml.count("<entry>") == 1
    assert "Billet sponsored" in xml
    assert escape("<strong>Sponsorisé par <a href") in xml
    assert "intention=sponsored" in xml  # the feed's own address


def test_feeds_refuse_an_unknown_intent_with_a_message(client, community, billets):
    url = reverse("communities:feed", args=[community.slug])

    response = client.get(url + "?intention=pub")

    assert response.status_code == 400
    assert "pub" in response.content.decode()


def test_listing_query_count_with_a_filter_is_the_same_with_5_and_40_posts(
    client, community, author
):
    def count() -> int:
        url = community_url(community, intention="sponsored")
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        return len(queries.captured_queries)

    for number in range(5):
        make_post(
            community=community,
            author=author,
            title=f"S{number}",
            intent=Intent.SPONSORED,
            sponsor_name="X",
        )
    with_5 = count()
    for number in range(35):
        make_post(
            community=community,
            author=author,
            title=f"T{number}",
            intent=Intent.SPONSORED,
            sponsor_name="X",
        )

    assert count() == with_5


# The post form.


def test_post_form_does_not_offer_forbidden_intents_and_says_why(
    community, author, set_policy, client_for
):
    set_policy(author, forbidden_intents="promotion,sponsored")

    html = (
        client_for(author)
        .get(reverse("publishing:post-create", args=[community.slug]))
        .content.decode()
    )

    assert 'value="opinion"' in html
    assert 'value="sponsored"' not in html
    assert 'value="promotion"' not in html
    assert "Non proposé ici" in html


def test_post_form_refuses_a_forbidden_intent_posted_anyway(
    community, author, set_policy, client_for
):
    set_policy(author, forbidden_intents="sponsored")

    response = client_for(author).post(
        reverse("publishing:post-create", args=[community.slug]),
        {"title": "Pub", "body": "Texte", "intent": "sponsored", "sponsor_name": "X"},
    )

    assert response.status_code == 200
    assert "autorise pas les billets avec cette" in response.content.decode()
    assert not Post.objects.exists()


def test_post_edit_form_still_offers_the_current_intent_once_forbidden(
    community, author, set_policy, client_for
):
    post = make_post(community=community, author=author, intent=Intent.PROMOTION)
    set_policy(author, forbidden_intents="promotion,sponsored")

    html = (
        client_for(author).get(post.get_absolute_url() + "modifier/").content.decode()
    )

    assert 'value="promotion"' in html
    assert 'value="sponsored"' not in html


def test_post_form_keeps_what_was_typed_when_the_sponsor_is_missing(
    community, author, client_for
):
    response = client_for(author).post(
        reverse("publishing:post-create", args=[community.slug]),
        {"title": "Concours", "body": "Le **texte**", "intent": "sponsored"},
    )

    html = response.content.decode()
    assert "Nommez le sponsor" in html
    assert 'value="Concours"' in html
    assert "Le **texte**" in html
    assert not Post.objects.exists()


# History.


def test_post_history_shows_the_intent_change_with_the_sponsor(
    client, community, author
):
    post = make_post(community=community, author=author)
    publishing_services.edit_post(
        actor=author,
        post=post,
        title=post.title,
        body=post.body,
        intent=Intent.SPONSORED,
        sponsor_name="Cycles Morin",
    )

    html = client.get(post.get_absolute_url() + "historique/").content.decode()

    change = html.split('class="intent-change"')[1].split("</p>")[0]
    assert "Intention :" in change
    assert "Information" in change
    assert "→" in change
    assert "Sponsorisé par" in change
    assert "Cycles Morin" in change


def test_post_history_query_count_is_the_same_with_3_and_30_intent_changes(
    client, community, author
):
    post = make_post(community=community, author=author)
    url = post.get_absolute_url() + "historique/"

    def change_intents(count):
        for number in range(count):
            sponsored = number % 2 == 0
            publishing_services.edit_post(
                actor=author,
                post=post,
                title=post.title,
                body=f"{post.body} {number}",
                intent=Intent.SPONSORED if sponsored else Intent.OPINION,
                sponsor_name=f"Sponsor {number}" if sponsored else "",
            )

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        return len(queries.captured_queries)

    change_intents(3)
    with_3 = count()
    change_intents(27)

    assert count() == with_3


# Warnings before publishing.


@pytest.fixture
def with_site(author):
    services.set_own_sites(actor=author, member=author, sites=["exemple.fr"])
    return author


def test_post_create_warns_about_own_sites_and_keeps_the_text(
    community, with_site, client_for
):
    data = {
        "title": "Mon avis",
        "body": "Lire [mon blog](https://blog.exemple.fr)",
        "intent": "opinion",
        "publish": "1",
    }
    client = client_for(with_site)
    url = reverse("publishing:post-create", args=[community.slug])

    warned = client.post(url, data)
    confirmation = warned.context["transparency_warning"].confirmation
    published = client.post(url, {**data, "publier_quand_meme": confirmation})

    html = warned.content.decode()
    assert "exemple.fr" in html
    assert "Publier quand même" in html
    assert f'name="publier_quand_meme" value="{confirmation}"' in html
    assert 'value="Mon avis"' in html
    assert "Lire [mon blog](https://blog.exemple.fr)" in html
    assert published.status_code == 302
    post = Post.objects.get()
    assert post.links_own_site is True


def test_post_create_warns_about_the_share_above_the_limit(
    community, author, client_for
):
    make_post(community=community, author=author, title="A", intent=Intent.PROMOTION)
    make_post(community=community, author=author, title="B", intent=Intent.OPINION)

    response = client_for(author).post(
        reverse("publishing:post-create", args=[community.slug]),
        {"title": "Atelier", "body": "Venez", "intent": "promotion"},
    )

    html = response.content.decode()
    # French puts a no-break space before "%"; shares are rounded down.
    assert "Déjà 50\xa0% de ce que vous avez publié" in html
    assert "limite de 25\xa0%" in html
    assert "ce serait 66\xa0%" in html
    assert Post.objects.count() == 2


def test_post_edit_warns_when_an_own_site_link_is_added(
    community, with_site, client_for
):
    post = make_post(community=community, author=with_site)

    response = client_for(with_site).post(
        post.get_absolute_url() + "modifier/",
        {
            "title": post.title,
            "body": "[blog](https://exemple.fr)",
            "intent": "opinion",
        },
    )

    assert "Publier quand même" in response.content.decode()
    post.refresh_from_db()
    assert post.intent == Intent.INFORMATION


def test_comment_create_from_the_billet_page_shows_the_warning_on_the_form_page(
    community, with_site, reader, client_for
):
    post = make_post(community=community, author=reader)
    url = reverse("publishing:comment-create", args=[community.slug, post.pk])
    client = client_for(with_site)

    warned = client.post(url, {"body": "Voir https://x [ici](https://exemple.fr)"})
    confirmation = warned.context["transparency_warning"].confirmation
    published = client.post(
        url,
        {
            "body": "Voir https://x [ici](https://exemple.fr)",
            "publier_quand_meme": confirmation,
        },
    )

    html = warned.content.decode()
    assert warned.status_code == 200
    assert "Avant de publier" in html
    assert "Voir https://x [ici](https://exemple.fr)" in html
    assert published.status_code == 302
    assert Comment.objects.get().links_own_site is True


def test_comment_edit_warns_about_own_sites(community, with_site, reader, client_for):
    post = make_post(community=community, author=reader)
    comment = publishing_services.post_comment(actor=with_site, post=post, body="Merci")
    url = reverse("publishing:comment-edit", args=[community.slug, post.pk, comment.pk])

    response = client_for(with_site).post(url, {"body": "[a](https://exemple.fr)"})

    assert "Publier quand même" in response.content.decode()
    comment.refresh_from_db()
    assert comment.body == "Merci"


# "Mes sites".


def profile_data(**changes):
    return {"display_name": "Inès", "bio": "", "links": "", "own_sites": "", **changes}


def test_profile_edit_saves_own_sites_normalised(author, client_for):
    response = client_for(author).post(
        reverse("accounts:profile-edit"),
        profile_data(own_sites="https://www.Exemple.fr/page\ncafé.fr\n"),
    )

    assert response.status_code == 302
    author.refresh_from_db()
    assert author.own_sites == ["exemple.fr", "xn--caf-dma.fr"]
    html = client_for(author).get(reverse("accounts:profile-edit")).content.decode()
    assert "café.fr" in html


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("pas un site", "n&#x27;est ni un nom de domaine"),
        ("\n".join(f"s{n}.fr" for n in range(11)), "10 sites au plus"),
    ],
)
def test_profile_edit_explains_invalid_own_sites_and_keeps_the_input(
    author, client_for, typed, message
):
    response = client_for(author).post(
        reverse("accounts:profile-edit"), profile_data(own_sites=typed)
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert escape(typed.split("\n")[0]) in html
    author.refresh_from_db()
    assert author.own_sites == []


# Shares on profiles.


def test_profile_shows_the_share_publicly_only_above_the_limit(
    client, community, author, client_for
):
    for title in "ABCD":
        make_post(community=community, author=author, title=title)
    make_post(community=community, author=author, title="E", intent=Intent.PROMOTION)
    url = author.get_absolute_url()

    below_public = client.get(url).content.decode()
    below_own = client_for(author).get(url).content.decode()
    make_post(community=community, author=author, title="F", intent=Intent.PROMOTION)
    above_public = client.get(url).content.decode()

    assert "Part d'autopromotion" not in below_public
    assert "Part d'autopromotion" in below_own
    assert "20\u00a0% sur les 90 derniers jours (1 sur 5)" in below_own
    assert "au-dessus de la limite" not in below_own
    assert "Part d'autopromotion" in above_public
    assert "au-dessus de la limite" in above_public


def test_profile_still_shows_a_share_above_the_limit_after_leaving_the_community(
    client, community, author
):
    from causerie.communities import services as community_services

    make_post(community=community, author=author, title="A", intent=Intent.PROMOTION)
    community_services.leave_community(actor=author, community=community)

    html = client.get(author.get_absolute_url()).content.decode()

    assert "Part d'autopromotion" in html
    assert "au-dessus de la limite" in html


def test_profile_query_count_is_the_same_with_2_and_8_communities(
    client, member, author
):
    def add(number):
        community = make_community(
            founder=member, slug=f"c{number}", name=f"Communauté {number}"
        )
        join(author, community)
        make_post(community=community, author=author, intent=Intent.PROMOTION)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            client.get(author.get_absolute_url())
        return len(queries.captured_queries)

    for number in range(2):
        add(number)
    with_2 = count()
    for number in range(2, 8):
        add(number)

    assert count() == with_2


# The flag reason.


def test_flag_form_offers_undeclared_intent_and_the_queue_shows_it(
    community, member, author, reader, client_for
):
    post = make_post(community=community, author=author, title="Avis neutre")
    url = reverse("moderation:flag-post", args=[community.slug, post.pk])

    form = client_for(reader).get(url).content.decode()
    moderation_services.flag_item(
        actor=reader, post=post, reason=Reason.UNDECLARED_INTENT
    )
    queue = (
        client_for(member)
        .get(reverse("moderation:queue", args=[community.slug]))
        .content.decode()
    )

    assert 'value="reason:undeclared_intent"' in form
    assert "Intention non déclarée" in form
    assert Flag.objects.get().reason == Reason.UNDECLARED_INTENT
    assert "Intention non déclarée" in queue


def test_bookmarks_and_search_results_name_the_sponsor(client_for, reader, billets):
    post = billets[Intent.SPONSORED]
    publishing_services.add_bookmark(actor=reader, post=post)
    search_services.index_missing()
    client = client_for(reader)

    bookmarks = client.get(reverse("publishing:bookmarks")).content.decode()
    results = client.get(reverse("search:search") + "?q=sponsored").content.decode()

    assert "Sponsorisé par" in bookmarks
    assert "Cycles Morin" in bookmarks
    assert "Sponsorisé par Cycles Morin" in results


def test_review_queue_shows_the_authors_self_promotion_share(
    community, member, author, reader, client_for
):
    make_post(community=community, author=author, title="A", intent=Intent.PROMOTION)
    post = make_post(community=community, author=author, title="B")
    moderation_services.flag_item(actor=reader, post=post, reason=Reason.SPAM)

    queue = (
        client_for(member)
        .get(reverse("moderation:queue", args=[community.slug]))
        .content.decode()
    )

    assert "autopromotion 50" in queue
    assert "self-promotion-share share-above" in queue


def test_a_confirmation_is_good_for_the_confirmed_text_only(
    community, with_site, client_for
):
    data = {
        "title": "Mon avis",
        "body": "Lire [mon blog](https://exemple.fr)",
        "intent": "opinion",
        "publish": "1",
    }
    client = client_for(with_site)
    url = reverse("publishing:post-create", args=[community.slug])
    confirmation = client.post(url, data).context["transparency_warning"].confirmation

    changed = client.post(
        url,
        {
            **data,
            "body": data["body"] + " et [ma boutique](https://exemple.fr/shop)",
            "publier_quand_meme": confirmation,
        },
    )

    assert "Avant de publier" in changed.content.decode()
    assert not Post.objects.exists()
