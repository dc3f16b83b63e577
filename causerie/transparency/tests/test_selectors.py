"""Reads of transparency: own-site detection, the intent filter, the
self-promotion shares and the warnings before publishing."""

from datetime import timedelta

import pytest
from django.http import QueryDict
from django.utils import timezone

from causerie.core.testing import join, make_comment, make_community, make_post
from causerie.publishing import services as publishing_services
from causerie.publishing.models import Intent
from causerie.transparency import selectors, services


def html(body: str) -> str:
    return publishing_services.render_body(body)


@pytest.fixture
def own_sites(author):
    services.set_own_sites(
        actor=author, member=author, sites=["exemple.fr", "café.fr", "straße.de"]
    )
    return author


@pytest.mark.parametrize(
    ("body", "found"),
    [
        ("[a](https://exemple.fr)", ["exemple.fr"]),
        ("[a](https://www.exemple.fr/page)", ["exemple.fr"]),
        ("[a](http://blog.EXEMPLE.fr/x?y=1&z=2)", ["exemple.fr"]),
        ("[a](https://exemple.fr.evil.com/)", []),
        ("[a](https://notexemple.fr/)", []),
        ("[a](https://exemple.fr@evil.com/)", []),
        ("[a](https://evil.com/?u=https://exemple.fr)", []),
        ("https://exemple.fr written without a link", []),
        ("[a](https://www.café.fr/menu)", ["xn--caf-dma.fr"]),
        ("[a](https://exemple.fr) [b](https://exemple.fr/2)", ["exemple.fr"]),
        # Browsers decode percent-escapes in a host.
        ("[a](https://exemple%2efr)", ["exemple.fr"]),
        ("[a](https://%65xemple.fr/x)", ["exemple.fr"]),
        ("[a](https://www%2Eexemple.fr)", ["exemple.fr"]),
        # No IDNA 2003 mapping: "straße" is not "strasse", on both sides.
        ("[a](https://straße.de/)", ["xn--strae-oqa.de"]),
        ("[a](https://xn--strae-oqa.de/)", ["xn--strae-oqa.de"]),
        ("[a](https://strasse.de/)", []),
    ],
)
def test_own_site_links_finds_own_domains_and_subdomains_only(own_sites, body, found):
    assert selectors.own_site_links(member=own_sites, html=html(body)) == found


def test_own_site_links_finds_nothing_without_own_sites(author):
    assert selectors.own_site_links(member=author, html=html("[a](https://x.fr)")) == []


@pytest.mark.parametrize(
    ("value", "intent"),
    [
        ("sponsored", Intent.SPONSORED),
        ("Opinion", Intent.OPINION),
        ("", None),
        (None, None),
    ],
)
def test_intent_filter_reads_the_known_values(value, intent):
    chosen = selectors.intent_filter(value)

    assert (chosen.intent, chosen.error) == (intent, "")


def test_intent_filter_explains_an_unknown_value_and_lists_everything():
    chosen = selectors.intent_filter("publicité")

    assert chosen.intent is None
    assert "publicité" in chosen.error


def test_intent_filter_links_keep_the_order_and_drop_the_page():
    links = selectors.intent_filter_links(
        current=selectors.intent_filter("opinion"),
        params=QueryDict("tri=active&page=3&intention=opinion"),
    )

    assert [link["query"] for link in links] == [
        "?tri=active",
        "?tri=active&intention=information",
        "?tri=active&intention=opinion",
        "?tri=active&intention=promotion",
        "?tri=active&intention=sponsored",
    ]
    assert [link["is_current"] for link in links] == [False, False, True, False, False]


# Shares.


def test_self_promotion_shares_count_promotional_items_over_all(
    community, own_sites, reader
):
    make_post(community=community, author=own_sites, intent=Intent.PROMOTION)
    make_post(
        community=community,
        author=own_sites,
        intent=Intent.SPONSORED,
        sponsor_name="X",
    )
    post = make_post(
        community=community, author=own_sites, body="[a](https://exemple.fr)"
    )
    make_post(community=community, author=own_sites, intent=Intent.OPINION)
    make_comment(post=post, author=own_sites, body="[b](https://blog.exemple.fr)")
    make_comment(post=post, author=own_sites, body="Merci")
    make_comment(post=post, author=reader, body="[c](https://exemple.fr)")

    share = selectors.self_promotion_shares(member=own_sites, communities=[community])[
        community.pk
    ]

    assert (share.promotional, share.total) == (4, 6)
    assert (share.recent_promotional, share.recent_total) == (4, 6)
    assert (share.percent, share.all_time_percent) == (66, 66)
    assert share.limit == 25
    assert share.is_above_limit


def test_self_promotion_shares_leave_out_deleted_items_and_old_ones_from_the_window(
    community, author
):
    now = timezone.now()
    make_post(
        community=community,
        author=author,
        intent=Intent.PROMOTION,
        published_at=now - timedelta(days=120),
    )
    deleted = make_post(community=community, author=author, intent=Intent.PROMOTION)
    publishing_services.delete_post(actor=author, post=deleted)
    make_post(community=community, author=author, intent=Intent.OPINION)
    make_post(community=community, author=author, intent=Intent.OPINION)

    share = selectors.self_promotion_shares(member=author, communities=[community])[
        community.pk
    ]

    assert (share.promotional, share.total) == (1, 3)
    assert (share.recent_promotional, share.recent_total) == (0, 2)
    assert not share.is_above_limit


def test_self_promotion_shares_follow_the_community_limit(
    community, author, set_policy
):
    set_policy(author, self_promotion_share_percent=60)
    make_post(community=community, author=author, intent=Intent.PROMOTION)
    make_post(community=community, author=author, intent=Intent.OPINION)

    share = selectors.self_promotion_shares(member=author, communities=[community])[
        community.pk
    ]

    assert (share.percent, share.limit, share.is_above_limit) == (50, 60, False)


def test_self_promotion_shares_take_two_queries_whatever_the_communities(
    member, author, django_assert_num_queries
):
    communities = []
    for number in range(6):
        community = make_community(
            founder=member, slug=f"c{number}", name=f"Communauté {number}"
        )
        join(author, community)
        make_post(community=community, author=author, intent=Intent.PROMOTION)
        communities.append(community)

    with django_assert_num_queries(2):
        shares = selectors.self_promotion_shares(member=author, communities=communities)

    assert all(shares[c.pk].percent == 100 for c in communities)


# Warnings.


def test_publishing_warnings_name_own_sites_when_the_intent_is_not_promotion(
    community, own_sites
):
    warning = selectors.publishing_warnings(
        member=own_sites,
        community=community,
        html=html("[a](https://blog.exemple.fr)"),
        intent=Intent.OPINION,
    )

    assert warning.own_sites == ["exemple.fr"]
    assert warning.share is None  # no history: the share is not above the limit


def test_publishing_warnings_say_nothing_of_own_sites_when_promotion_is_declared(
    community, own_sites
):
    warning = selectors.publishing_warnings(
        member=own_sites,
        community=community,
        html=html("[a](https://exemple.fr)"),
        intent=Intent.PROMOTION,
    )

    assert not warning


def test_publishing_warnings_name_own_sites_in_a_comment(community, own_sites):
    warning = selectors.publishing_warnings(
        member=own_sites, community=community, html=html("[a](https://exemple.fr)")
    )

    assert warning.own_sites == ["exemple.fr"]


def test_publishing_warnings_give_the_share_when_it_is_above_the_limit(
    community, author
):
    make_post(community=community, author=author, intent=Intent.PROMOTION)
    make_post(community=community, author=author, intent=Intent.OPINION)

    promotional = selectors.publishing_warnings(
        member=author, community=community, html=html("Atelier"), intent="promotion"
    )
    informative = selectors.publishing_warnings(
        member=author, community=community, html=html("Recette"), intent="opinion"
    )

    assert promotional.share.percent == 50
    assert promotional.share_after == 66
    assert not informative


def test_publishing_warnings_leave_an_already_promotional_item_alone_on_edit(
    community, author
):
    post = make_post(community=community, author=author, intent=Intent.PROMOTION)

    warning = selectors.publishing_warnings(
        member=author,
        community=community,
        html=html("Atelier complet"),
        intent=Intent.PROMOTION,
        is_edit=True,
        was_promotional=selectors.is_promotional(post),
    )

    assert not warning


def test_publishing_warnings_make_no_query_for_a_plain_item(
    community, author, django_assert_num_queries
):
    text = html("Un billet sans lien")

    with django_assert_num_queries(0):
        warning = selectors.publishing_warnings(
            member=author, community=community, html=text, intent=Intent.OPINION
        )

    assert not warning


def test_intent_label_text_names_the_sponsor_and_self_promotion(community, own_sites):
    sponsored = make_post(
        community=community,
        author=own_sites,
        intent=Intent.SPONSORED,
        sponsor_name="Cycles Morin",
    )
    linking = make_post(
        community=community, author=own_sites, body="[a](https://exemple.fr)"
    )

    assert selectors.intent_label_text(sponsored) == "Sponsorisé par Cycles Morin"
    assert selectors.intent_label_text(linking) == "Information · autopromotion"


def test_community_shares_give_each_member_in_two_queries(
    community, author, reader, django_assert_num_queries
):
    make_post(community=community, author=author, intent=Intent.PROMOTION)
    make_post(community=community, author=reader, intent=Intent.OPINION)

    with django_assert_num_queries(2):
        shares = selectors.community_shares(
            community=community, member_ids={author.pk, reader.pk}
        )

    assert (shares[author.pk].percent, shares[reader.pk].percent) == (100, 0)
