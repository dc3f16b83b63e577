"""The review queue page: moderators only, ordered by weight then age, with
each item's context, history link, flags and the author's earlier decisions."""

from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from causerie.core.testing import make_comment, make_member, make_post
from causerie.moderation import services
from causerie.moderation.models import Action, Flag, FlaggedItem, Reason
from causerie.moderation.tests.conftest import join
from causerie.publishing import services as publishing_services


def queue_url(community):
    return reverse("moderation:queue", kwargs={"slug": community.slug})


def text(response) -> str:
    return unescape(response.content.decode())


@pytest.fixture
def moderator_client(client_for, moderator):
    return client_for(moderator)


def test_review_queue_shows_the_item_its_context_and_its_flags_without_names(
    community, author, flaggers, rules, moderator_client
):
    post = make_post(community=community, author=author, title="Bière de garde")
    parent = make_comment(post=post, author=flaggers[0], body="Question *initiale*")
    reply = make_comment(
        post=post, author=author, body="Réponse **blessante**", parent=parent
    )
    services.flag_item(
        actor=flaggers[1], comment=reply, rule_id=rules[0].pk, note="Ton agressif"
    )
    services.flag_item(actor=flaggers[2], comment=reply, reason=Reason.HARASSMENT)

    html = text(moderator_client.get(queue_url(community)))

    assert "<strong>blessante</strong>" in html
    assert "Bière de garde" in html
    assert "<em>initiale</em>" in html  # the parent comment
    assert f"Règle 1 — {rules[0].title}" in html
    assert "Harcèlement" in html or "Harassment" in html
    assert "Ton agressif" in html
    assert f"/commentaires/{reply.pk}/historique/" in html
    assert (
        reverse(
            "moderation:decide",
            kwargs={"slug": community.slug, "item_id": FlaggedItem.objects.get().pk},
        )
        in html
    )
    for flagger in flaggers[1:]:
        assert flagger.handle not in html
        assert flagger.name not in html


def test_review_queue_shows_the_item_text_even_when_hidden(
    pending_comment, moderator_client, community
):
    html = text(moderator_client.get(queue_url(community)))

    assert "<em>contesté</em>" in html
    assert "Masqué en attente de modération" in html


def test_review_queue_orders_items_by_weight_then_age(
    community, author, flaggers, rules, moderator_client
):
    older = make_post(community=community, author=author, title="Ancien léger")
    newer = make_post(community=community, author=author, title="Récent léger")
    heavy = make_post(community=community, author=author, title="Récent lourd")
    services.flag_item(actor=flaggers[0], post=older, rule_id=rules[0].pk)
    services.flag_item(actor=flaggers[0], post=newer, rule_id=rules[0].pk)
    for flagger in flaggers[:2]:
        services.flag_item(actor=flagger, post=heavy, rule_id=rules[0].pk)

    html = text(moderator_client.get(queue_url(community)))

    positions = [
        html.index(title) for title in ("Récent lourd", "Ancien léger", "Récent léger")
    ]
    assert positions == sorted(positions)


def test_review_queue_marks_an_item_edited_after_the_flags(
    pending_comment, author, community, moderator_client
):
    publishing_services.edit_comment(
        actor=author, comment=pending_comment, body="Version apaisée."
    )

    html = text(moderator_client.get(queue_url(community)))

    assert 'class="edited-after-flags"' in html
    assert "modifié après" in html
    assert "Version apaisée." in html


def test_review_queue_lists_the_authors_earlier_decisions_in_this_community(
    community, moderator, author, flaggers, rules, moderator_client
):
    first = make_post(community=community, author=author, title="Premier écart")
    services.flag_item(actor=flaggers[0], post=first, rule_id=rules[0].pk)
    decision = services.decide_item(
        actor=moderator,
        flagged_item_id=FlaggedItem.objects.get(post=first).pk,
        action=Action.WARN,
        rule_id=rules[0].pk,
    )
    second = make_post(community=community, author=author, title="Récidive")
    services.flag_item(actor=flaggers[1], post=second, rule_id=rules[0].pk)

    html = text(moderator_client.get(queue_url(community)))

    assert (
        reverse(
            "moderation:decision",
            kwargs={"slug": community.slug, "decision_id": decision.pk},
        )
        in html
    )
    assert "Récidive" in html
    assert ">Premier écart<" not in html  # decided: no longer in the queue


def test_review_queue_says_so_when_nothing_waits(community, moderator_client):
    response = moderator_client.get(queue_url(community))

    assert response.status_code == 200
    assert 'class="card queue-item"' not in text(response)


def test_review_queue_is_forbidden_to_a_member_who_is_not_a_moderator(
    pending_comment, community, client_for
):
    member = join(make_member("simple"), community)

    response = client_for(member).get(queue_url(community))

    assert response.status_code == 403
    assert "contesté" not in text(response)


def test_review_queue_is_forbidden_to_a_moderator_of_another_community(
    pending_comment, community, other_community, client_for
):
    response = client_for(other_community.founder).get(queue_url(community))

    assert response.status_code == 403
    assert "contesté" not in text(response)


def test_review_queue_sends_an_anonymous_visitor_to_log_in(community, client):
    response = client.get(queue_url(community))

    assert response.status_code == 302
    assert "/compte/login/" in response["Location"]


def test_community_page_links_moderators_to_the_queue_with_its_size(
    pending_comment, community, moderator_client, client_for, author
):
    html = text(moderator_client.get(community.get_absolute_url()))
    member_html = text(client_for(author).get(community.get_absolute_url()))

    assert f'href="{queue_url(community)}"' in html
    assert "File de modération (1)" in html
    assert queue_url(community) not in member_html


# Query count


def flag_items(community, flaggers, rules, count, start=0):
    for number in range(start, start + count):
        author = join(make_member(f"auteur{number}"), community)
        post = make_post(community=community, author=author, title=f"Billet {number}")
        comment = make_comment(post=post, author=author, body=f"Texte {number}")
        target = {"comment": comment} if number % 2 else {"post": post}
        services.flag_item(
            actor=flaggers[number % 3], rule_id=rules[number % 3].pk, **target
        )
        services.flag_item(
            actor=flaggers[(number + 1) % 3],
            reason=Reason.OTHER,
            note="Voir la note",
            **target,
        )


def test_review_queue_query_count_is_the_same_with_3_and_25_items(
    settings,
    community,
    moderator,
    flaggers,
    rules,
    moderator_client,
    django_assert_num_queries,
):
    settings.CAUSERIE_FLAGS_PER_DAY = {0: 0, 1: 100}
    flag_items(community, flaggers, rules, 3)
    # An earlier decision about one author, so the history is not empty.
    item = FlaggedItem.objects.order_by("pk").first()
    services.decide_item(
        actor=moderator, flagged_item_id=item.pk, action=Action.WARN, reason=Reason.SPAM
    )
    services.flag_item(
        actor=flaggers[2],
        post=make_post(community=community, author=item.author, title="Encore"),
        reason=Reason.SPAM,
    )
    address = queue_url(community)
    moderator_client.get(address)
    with CaptureQueriesContext(connection) as queries:
        moderator_client.get(address)
    with_3 = len(queries)

    flag_items(community, flaggers, rules, 22, start=3)
    with django_assert_num_queries(with_3):
        response = moderator_client.get(address)

    assert FlaggedItem.objects.filter(status="open").count() == 25
    assert text(response).count('class="card queue-item"') == 20  # one page
    assert Flag.objects.filter(status="open").count() == 49
