"""Flagging over HTTP, and what readers, authors and moderators then see of a
flagged billet or comment."""

import re
from datetime import timedelta
from html import unescape

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from causerie.core.testing import make_comment, make_member, make_post
from causerie.moderation import services
from causerie.moderation.models import Action, Flag, Reason
from causerie.moderation.tests.conftest import join
from causerie.publishing import services as publishing_services
from causerie.publishing.models import Comment, Post

PENDING = "Masqué en attente de modération"


def flag_url(post, comment=None):
    kwargs = {"slug": post.community.slug, "post_id": post.pk}
    if comment is None:
        return reverse("moderation:flag-post", kwargs=kwargs)
    return reverse(
        "moderation:flag-comment", kwargs={**kwargs, "comment_id": comment.pk}
    )


def text(response) -> str:
    return unescape(response.content.decode())


def rule_label(rule) -> str:
    return f"Règle {rule.number} — {rule.title}"


def field_errors(html: str, field: str) -> str:
    match = re.search(rf'<ul class="errorlist" id="id_{field}_error">(.*?)</ul>', html)
    return match.group(1) if match else ""


@pytest.fixture
def flagger(flaggers):
    return flaggers[0]


@pytest.fixture
def flagger_client(client_for, flagger):
    return client_for(flagger)


# The flag form


def test_flag_form_lists_the_rules_of_the_current_guide_then_the_reasons(
    authored_comment, flagger_client, rules
):
    response = flagger_client.get(flag_url(authored_comment.post, authored_comment))

    html = text(response)
    assert response.status_code == 200
    positions = [html.index(rule_label(rule)) for rule in rules]
    assert positions == sorted(positions)
    assert html.index(rule_label(rules[-1])) < html.index("Spam")
    assert "Signaler aux modérateurs" in html
    assert 'type="radio" name="cause"' in html
    assert "contesté" in html  # the excerpt of the comment


def test_flag_form_records_the_flag_and_redirects_to_the_comment(
    authored_comment, flagger_client, flagger, rules
):
    response = flagger_client.post(
        flag_url(authored_comment.post, authored_comment),
        {"cause": f"rule:{rules[1].pk}", "note": "Insulte"},
        follow=True,
    )

    flag = Flag.objects.get()
    assert (flag.flagger, flag.comment, flag.rule, flag.note) == (
        flagger,
        authored_comment,
        rules[1],
        "Insulte",
    )
    assert response.redirect_chain[-1][0].endswith(f"#c{authored_comment.pk}")
    assert "modérateurs" in text(response)


def test_flag_form_records_a_built_in_reason_on_a_billet(authored_post, flagger_client):
    response = flagger_client.post(
        flag_url(authored_post), {"cause": f"reason:{Reason.SPAM}", "note": ""}
    )

    assert response.status_code == 302
    assert response["Location"] == authored_post.get_absolute_url()
    assert Flag.objects.get().reason == Reason.SPAM


def test_flag_form_shows_the_note_error_and_keeps_the_input_when_other_has_no_note(
    authored_comment, flagger_client
):
    response = flagger_client.post(
        flag_url(authored_comment.post, authored_comment),
        {"cause": f"reason:{Reason.OTHER}", "note": "  "},
    )

    html = text(response)
    assert response.status_code == 400
    assert "Dites en quelques mots" in field_errors(html, "note")
    assert re.search(r'value="reason:other"[^>]*checked', html)
    assert not Flag.objects.exists()


def test_flag_form_requires_a_cause(authored_comment, flagger_client):
    response = flagger_client.post(
        flag_url(authored_comment.post, authored_comment), {"note": "Bof"}
    )

    assert response.status_code == 400
    assert field_errors(text(response), "cause")
    assert "Bof" in text(response)
    assert not Flag.objects.exists()


def test_flag_form_refuses_a_rule_outside_the_current_guide(
    authored_comment, flagger_client, other_community
):
    from causerie.moderation.selectors import citable_rules

    foreign = citable_rules(community=other_community)[0]

    response = flagger_client.post(
        flag_url(authored_comment.post, authored_comment),
        {"cause": f"rule:{foreign.pk}"},
    )

    assert response.status_code == 400
    assert field_errors(text(response), "cause")
    assert not Flag.objects.exists()


def test_flag_form_says_already_flagged_when_a_member_flags_twice(
    authored_comment, flagger_client, rules
):
    address = flag_url(authored_comment.post, authored_comment)
    flagger_client.post(address, {"cause": f"rule:{rules[0].pk}"})

    response = flagger_client.post(address, {"cause": f"reason:{Reason.SPAM}"})

    assert response.status_code == 400
    assert "déjà signalé" in text(response)
    assert Flag.objects.count() == 1


def test_flag_form_explains_the_window_when_the_billet_is_too_old(
    community, author, flagger_client, rules
):
    old = make_post(
        community=community,
        author=author,
        title="Ancien",
        published_at=timezone.now() - timedelta(days=45),
    )

    response = flagger_client.post(flag_url(old), {"cause": f"rule:{rules[0].pk}"})

    assert response.status_code == 400
    assert "30" in text(response)
    assert not Flag.objects.exists()


def test_flag_form_shows_the_explanation_instead_of_the_form_at_trust_level_0(
    authored_comment, flagger_factory, client_for
):
    newcomer = flagger_factory("novice", trust_level=0)
    client = client_for(newcomer)
    address = flag_url(authored_comment.post, authored_comment)

    page = client.get(address)
    refused = client.post(address, {"cause": f"reason:{Reason.SPAM}"})

    assert page.status_code == 200
    assert 'id="flag-refusal"' in text(page)
    assert 'name="cause"' not in text(page)
    assert "niveau de confiance 1" in text(page)
    assert refused.status_code == 403
    assert not Flag.objects.exists()


def test_flag_form_refuses_the_author_of_the_item(authored_comment, author, client_for):
    client = client_for(author)
    address = flag_url(authored_comment.post, authored_comment)

    page = client.get(address)
    refused = client.post(address, {"cause": f"reason:{Reason.SPAM}"})

    assert 'id="flag-refusal"' in text(page)
    assert 'name="cause"' not in text(page)
    assert refused.status_code == 403
    assert not Flag.objects.exists()


def test_flag_form_sends_an_anonymous_visitor_to_log_in(authored_comment, client):
    response = client.get(flag_url(authored_comment.post, authored_comment))

    assert response.status_code == 302
    assert "/compte/login/" in response["Location"]


def test_flag_form_returns_not_found_for_a_comment_of_another_billet(
    authored_comment, authored_post, author, flagger_client, community
):
    other = make_post(community=community, author=author, title="Autre")

    response = flagger_client.get(flag_url(other, authored_comment))

    assert response.status_code == 404


# Flag links


def test_post_detail_offers_flag_links_to_a_member_who_is_not_the_author(
    authored_comment, flagger_client
):
    post = authored_comment.post

    html = text(flagger_client.get(post.get_absolute_url()))

    assert f'href="{flag_url(post)}"' in html
    assert f'href="{flag_url(post, authored_comment)}"' in html


def test_post_detail_offers_no_flag_link_to_the_author_or_a_visitor(
    authored_comment, author, client_for, client
):
    post = authored_comment.post

    for visitor in (client_for(author), client):
        html = text(visitor.get(post.get_absolute_url()))
        assert "signaler/" not in html


# What readers see


def test_readers_see_the_pending_notice_with_the_rule_instead_of_the_text(
    pending_comment, rules, client
):
    html = text(client.get(pending_comment.post.get_absolute_url()))

    assert PENDING in html
    assert rule_label(rules[1]) in html
    assert "<em>contesté</em>" not in html


def test_author_sees_their_pending_text_and_the_reasons_but_not_who_flagged(
    pending_comment, author, flaggers, rules, client_for
):
    html = text(client_for(author).get(pending_comment.post.get_absolute_url()))

    assert PENDING in html
    assert "<em>contesté</em>" in html
    assert "Signalé pour :" in html
    assert html.count(rule_label(rules[1])) >= 2  # the notice and the reasons
    assert f"commentaires/{pending_comment.pk}/modifier/" in html
    for flagger in flaggers:
        assert flagger.handle not in html
        assert flagger.name not in html


def test_moderator_reads_the_pending_text_in_a_details_element(
    pending_comment, moderator, client_for
):
    html = text(client_for(moderator).get(pending_comment.post.get_absolute_url()))

    assert PENDING in html
    assert re.search(r"<details><summary>[^<]*</summary>.*<em>contesté</em>", html)


def test_readers_see_hidden_and_deleted_by_moderation_with_the_rule(
    community, author, moderator, flaggers, rules, client
):
    post = make_post(community=community, author=author, title="Fil")
    hidden = make_comment(post=post, author=author, body="Caché *ici*")
    removed = make_comment(post=post, author=author, body="Supprimé *là*")
    for comment, action in ((hidden, Action.HIDE), (removed, Action.DELETE)):
        services.flag_item(actor=flaggers[0], comment=comment, rule_id=rules[0].pk)
        item = Flag.objects.get(comment=comment).flagged_item
        services.decide_item(
            actor=moderator, flagged_item_id=item.pk, action=action, rule_id=rules[0].pk
        )

    html = text(client.get(post.get_absolute_url()))

    assert "Masqué par la modération" in html
    assert "Supprimé par la modération" in html
    assert html.count(rule_label(rules[0])) == 2
    assert "<em>ici</em>" not in html
    assert "<em>là</em>" not in html


def test_readers_see_a_pending_billet_notice_instead_of_its_text(
    authored_post, flaggers, rules, client
):
    for flagger in flaggers:
        services.flag_item(actor=flagger, post=authored_post, rule_id=rules[2].pk)

    html = text(client.get(authored_post.get_absolute_url()))

    assert PENDING in html
    assert rule_label(rules[2]) in html
    assert "<strong>contesté</strong>" not in html
    assert "historique/" not in html


def test_community_feed_marks_pending_billets_and_leaves_out_hidden_ones(
    community, author, moderator, flaggers, rules, client
):
    pending = make_post(community=community, author=author, title="En attente")
    hidden = make_post(community=community, author=author, title="Masqué")
    for post in (pending, hidden):
        for flagger in flaggers:
            services.flag_item(actor=flagger, post=post, rule_id=rules[0].pk)
    services.decide_item(
        actor=moderator,
        flagged_item_id=Flag.objects.filter(post=hidden).first().flagged_item_id,
        action=Action.HIDE,
        rule_id=rules[0].pk,
    )

    html = text(client.get(community.get_absolute_url()))

    assert "En attente" in html
    assert PENDING in html
    assert ">Masqué<" not in html


def test_profile_and_home_leave_out_a_pending_comments_text(
    pending_comment, author, client
):
    profile = text(client.get(author.get_absolute_url()))
    home = text(client.get("/"))

    assert "contesté" not in profile
    assert f"#c{pending_comment.pk}" not in home


def test_thread_page_hides_a_pending_ancestors_text(pending_comment, flaggers, client):
    post = pending_comment.post
    reply = make_comment(post=post, author=flaggers[0], parent=pending_comment)

    html = text(client.get(f"{post.get_absolute_url()}commentaires/{reply.pk}/"))

    assert PENDING in html
    assert "contesté" not in html


def test_history_of_a_pending_comment_is_only_for_its_author_and_the_moderators(
    pending_comment, author, moderator, client_for, client
):
    post = pending_comment.post
    address = reverse(
        "publishing:comment-history",
        kwargs={
            "slug": post.community.slug,
            "post_id": post.pk,
            "comment_id": pending_comment.pk,
        },
    )

    assert client.get(address).status_code == 404
    assert client_for(author).get(address).status_code == 200
    assert client_for(moderator).get(address).status_code == 200


def test_author_edit_of_a_pending_comment_marks_it_edited_in_the_queue(
    pending_comment, author, client_for
):
    post = pending_comment.post
    client_for(author).post(
        f"{post.get_absolute_url()}commentaires/{pending_comment.pk}/modifier/",
        {"body": "Version apaisée."},
    )

    flag = Flag.objects.select_related("flagged_item").first()
    assert flag.flagged_item.edited_after_flags_at is not None
    assert Comment.objects.get(pk=pending_comment.pk).body == "Version apaisée."


# A locked discussion


def test_locked_billet_shows_the_notice_and_no_comment_form_or_reply_link(
    pending_comment, moderator, author, rules, client_for
):
    services.decide_item(
        actor=moderator,
        flagged_item_id=Flag.objects.first().flagged_item_id,
        action=Action.LOCK,
        rule_id=rules[1].pk,
    )
    post = Post.objects.get(pk=pending_comment.post_id)

    html = text(client_for(author).get(post.get_absolute_url()))

    assert "Discussion verrouillée par la modération" in html
    assert 'id="comment-form"' not in html
    assert "data-reply-to" not in html
    assert 'id="reply-template"' not in html


# Query counts


def count_queries(client, address) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(address)
    assert response.status_code == 200
    return len(queries)


def bulk_comments(post, authors, count):
    """Rows made directly, only for volume."""
    rows = [
        Comment(
            post=post,
            author=authors[index % len(authors)],
            body=f"Commentaire {index}",
            body_html=f"<p>Commentaire {index}</p>\n",
        )
        for index in range(count)
    ]
    Comment.objects.bulk_create(rows)
    Post.objects.filter(pk=post.pk).update(comment_count=post.comments.count())


@pytest.mark.parametrize("viewer", ["anonymous", "author", "moderator"])
def test_post_detail_query_count_is_the_same_with_moderated_comments(
    community,
    moderator,
    author,
    flaggers,
    rules,
    client_for,
    django_assert_num_queries,
    viewer,
):
    post = make_post(community=community, author=author, title="Débat")
    other = join(make_member("autre"), community)
    comments = [
        make_comment(post=post, author=(author, other)[index % 2], body=f"C{index}")
        for index in range(10)
    ]
    for comment in comments[:3]:  # pending, two of them the author's
        for flagger in flaggers:
            services.flag_item(actor=flagger, comment=comment, rule_id=rules[1].pk)
    services.flag_item(actor=flaggers[0], comment=comments[3], reason=Reason.SPAM)
    services.decide_item(
        actor=moderator,
        flagged_item_id=Flag.objects.get(comment=comments[3]).flagged_item_id,
        action=Action.HIDE,
        reason=Reason.SPAM,
    )
    publishing_services.edit_comment(actor=author, comment=comments[0], body="Mieux")
    visitor = {
        "anonymous": Client(),
        "author": client_for(author),
        "moderator": client_for(moderator),
    }[viewer]
    address = post.get_absolute_url()
    visitor.get(address)
    with_10 = count_queries(visitor, address)

    bulk_comments(post, [author, other, moderator], 490)
    with django_assert_num_queries(with_10):
        response = visitor.get(address)

    html = text(response)
    assert html.count('<article class="comment">') == 500
    assert html.count(PENDING) == 3
