"""Pages of verified quotes: "citer" links and the reply form they open, the
quote as readers see it (status, context, reply), the passage marked on the
source page, the right of reply, and the query count of a billet page."""

import re
from html import unescape

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from causerie.core.testing import make_comment, make_member
from causerie.publishing import services as publishing_services
from causerie.publishing.models import Comment
from causerie.quotes import services
from causerie.quotes.models import Quote, QuoteReply
from causerie.quotes.tests.conftest import moderate, paragraph_block

PASSAGE = "Nous voulons des *paniers* moins chers pour tous les habitants."


def cite_links(html: str) -> list[str]:
    return [
        unescape(link) for link in re.findall(r'class="cite-link" href="([^"]+)"', html)
    ]


def test_post_page_offers_a_citer_link_per_paragraph_to_members(
    billet, quoter, client_for
):
    html = client_for(quoter).get(billet.get_absolute_url()).content.decode()

    links = cite_links(html)
    assert len(links) == 3
    start = billet.body.index(PASSAGE)
    assert f"?citer=p{billet.pk}&r=1&de={start}&a=" in links[1]
    assert 'data-cite="p' in html


def test_post_page_offers_no_citer_link_to_visitors(billet):
    html = Client().get(billet.get_absolute_url()).content.decode()

    assert "cite-link" not in html


def test_citer_link_opens_the_reply_form_with_the_paragraph_quoted(
    billet, quoter, client_for
):
    client = client_for(quoter)
    link = cite_links(client.get(billet.get_absolute_url()).content.decode())[1]

    response = client.get(link)

    assert response.status_code == 200
    body = response.context["form"].initial["body"]
    assert body.startswith(f"[citation:p{billet.pk}/r1/")
    assert f"> {PASSAGE} Mais pas au détriment des producteurs.\n" in body
    response = client.post(link.split("?")[0], {"body": body + "\nD'accord."})
    assert response.status_code == 302
    assert Quote.objects.get().text.startswith(PASSAGE)


def test_citer_link_of_a_comment_replies_to_that_comment(billet, quoter, client_for):
    source = make_comment(post=billet, author=make_member("hugo"), body="Un avis.")
    client = client_for(quoter)
    links = cite_links(client.get(billet.get_absolute_url()).content.decode())
    link = next(link for link in links if f"citer=c{source.pk}" in link)

    response = client.get(link)

    assert response.context["form"].initial["parent"] == source.pk
    assert response.context["parent"].pk == source.pk


def test_selection_is_quoted_alone(billet, quoter, client_for):
    start = billet.body.index(PASSAGE)
    response = client_for(quoter).get(
        f"{billet.get_absolute_url()}commenter/",
        {
            "citer": f"p{billet.pk}",
            "r": 1,
            "de": start,
            "a": start + len(PASSAGE),
            "texte": "paniers moins chers",
        },
    )

    body = response.context["form"].initial["body"]
    assert "\n> *paniers* moins chers\n" in body


def test_a_forged_citer_link_shows_a_message_and_an_empty_form(
    billet, quoter, client_for
):
    response = client_for(quoter).get(
        f"{billet.get_absolute_url()}commenter/",
        {"citer": f"p{billet.pk}", "r": 9, "de": 0, "a": 5},
    )

    assert response.status_code == 200
    assert "body" not in response.context["form"].initial
    assert "cannot be quoted" in response.content.decode() or "ne peut pas" in (
        response.content.decode()
    )


def quoted(billet, quoter):
    block = paragraph_block(billet, PASSAGE)
    comment = make_comment(post=billet, author=quoter, body=f"{block}\nVoilà.")
    return comment, Quote.objects.get()


def test_quote_shows_its_source_link_context_and_status(billet, quoter):
    _, quote = quoted(billet, quoter)

    html = Client().get(billet.get_absolute_url()).content.decode()

    assert 'class="verified-quote"' in html
    assert f"?passage={quote.pk}#passage" in html
    assert '<details class="quote-context">' in html
    assert "Les producteurs arrivent tôt." in html
    assert "[citation:" not in html


def test_quote_of_a_modified_source_links_to_the_version_quoted(
    billet, quoter, author, django_capture_on_commit_callbacks
):
    quoted(billet, quoter)
    with django_capture_on_commit_callbacks(execute=True):
        publishing_services.edit_post(
            actor=author,
            post=billet,
            title=billet.title,
            body="Tout a changé.",
            intent=billet.intent,
        )

    html = Client().get(billet.get_absolute_url()).content.decode()

    assert "quote-modified" in html
    assert "historique/#r1" in html


def test_source_page_marks_the_passage(billet, quoter):
    _, quote = quoted(billet, quoter)

    html = Client().get(f"{billet.get_absolute_url()}?passage={quote.pk}").content
    html = html.decode()

    assert 'id="passage"' in html
    assert html.count('id="passage"') == 1


def test_quoted_member_sees_a_reply_link_once(billet, quoter, author, client_for):
    _, quote = quoted(billet, quoter)
    reply_url = f"/citations/{quote.pk}/repondre/"
    assert (
        reply_url in client_for(author).get(billet.get_absolute_url()).content.decode()
    )
    assert (
        reply_url
        not in client_for(quoter).get(billet.get_absolute_url()).content.decode()
    )

    services.reply_to_quote(actor=author, quote=quote, body="Lisez la suite.")

    html = client_for(author).get(billet.get_absolute_url()).content.decode()
    assert reply_url not in html
    assert "Lisez la suite." in html


def test_reply_page_publishes_the_reply_under_the_quote(
    billet, quoter, author, client_for
):
    comment, quote = quoted(billet, quoter)
    client = client_for(author)

    response = client.post(
        f"/citations/{quote.pk}/repondre/", {"body": "<b>Non</b>\nmerci"}
    )

    assert response.status_code == 302
    assert QuoteReply.objects.get().body == "<b>Non</b>\nmerci"
    html = Client().get(billet.get_absolute_url()).content.decode()
    assert "&lt;b&gt;Non&lt;/b&gt;<br>merci" in html
    permalink = Client().get(f"{billet.get_absolute_url()}commentaires/{comment.pk}/")
    assert "&lt;b&gt;Non&lt;/b&gt;<br>merci" in permalink.content.decode()


def test_reply_page_keeps_the_text_when_it_is_too_long(
    billet, quoter, author, client_for
):
    _, quote = quoted(billet, quoter)

    response = client_for(author).post(
        f"/citations/{quote.pk}/repondre/", {"body": "mot " * 300}
    )

    assert response.status_code == 400
    assert "mot mot" in response.content.decode()
    assert not QuoteReply.objects.exists()


def test_reply_page_is_refused_to_others(billet, quoter, client_for):
    _, quote = quoted(billet, quoter)

    response = client_for(quoter).get(f"/citations/{quote.pk}/repondre/")

    assert response.status_code == 403


def test_quote_in_the_billet_body_is_shown_with_its_reply(
    billet, quoter, author, community
):
    block = paragraph_block(billet, PASSAGE)
    other = publishing_services.publish_post(
        actor=quoter, community=community, title="Réponse", body=block,
        intent="opinion",
    )  # fmt: skip
    quote = Quote.objects.get(citing_comment=None)
    services.reply_to_quote(actor=author, quote=quote, body="Précision.")

    html = Client().get(other.get_absolute_url()).content.decode()

    assert 'class="verified-quote"' in html
    assert "Précision." in html


def count_queries(client, address) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(address)
    assert response.status_code == 200
    return len(queries)


def add_quoting_comments(billet, authors, count):
    """Comments that each quote the billet, made through the services."""
    block = paragraph_block(billet, PASSAGE)
    for index in range(count):
        make_comment(post=billet, author=authors[index % len(authors)], body=block)


@pytest.mark.parametrize("viewer", ["anonymous", "member"])
def test_billet_page_with_quotes_has_the_same_query_count_at_two_sizes(
    billet, quoter, author, client_for, django_assert_num_queries, viewer
):
    others = [quoter, make_member("hugo"), make_member("lea")]
    add_quoting_comments(billet, others, 4)
    for quote in Quote.objects.all()[:2]:
        services.reply_to_quote(actor=author, quote=quote, body="Réponse.")
    visitor = Client() if viewer == "anonymous" else client_for(quoter)
    address = billet.get_absolute_url()
    visitor.get(address)
    small = count_queries(visitor, address)

    add_quoting_comments(billet, others, 26)
    with django_assert_num_queries(small):
        response = visitor.get(address)

    assert response.content.decode().count('class="verified-quote"') == 30
    assert Comment.objects.count() == 30


def test_flag_out_of_context_link_preselects_the_reason_and_stores_the_quote(
    billet, quoter, author, member, client_for
):
    from causerie.moderation.models import Flag

    comment, quote = quoted(billet, quoter)
    client = client_for(author)
    page = client.get(billet.get_absolute_url()).content.decode()
    flag_url = (
        f"{billet.get_absolute_url()}commentaires/{comment.pk}/signaler/"
        f"?citation={quote.pk}"
    )
    assert flag_url.replace("&", "&amp;") in page

    form = client.get(flag_url)
    assert form.context["form"].initial["cause"] == "reason:out_of_context"
    assert 'name="citation"' in form.content.decode()
    response = client.post(
        flag_url, {"cause": "reason:out_of_context", "citation": quote.pk, "note": ""}
    )

    assert response.status_code == 302
    flag = Flag.objects.get()
    assert (flag.comment, flag.quote) == (comment, quote)
    queue = client_for(member).get(f"/c/{billet.community.slug}/moderation/")
    assert queue.status_code == 200
    html = queue.content.decode()
    assert "flagged-quote" in html
    assert f"?passage={quote.pk}#passage" in html


def test_notifications_say_who_quoted_and_who_replied(
    billet, quoter, author, client_for, django_capture_on_commit_callbacks
):
    from django.urls import reverse

    with django_capture_on_commit_callbacks(execute=True):
        _, quote = quoted(billet, quoter)
    with django_capture_on_commit_callbacks(execute=True):
        services.reply_to_quote(actor=author, quote=quote, body="Précision.")

    quoted_page = client_for(author).get(reverse("notifications:list"))
    replied_page = client_for(quoter).get(reverse("notifications:list"))

    assert "Samir vous a cité·e dans « Le marché »" in quoted_page.content.decode()
    assert "Ines a répondu à votre citation dans « Le marché »" in (
        replied_page.content.decode()
    )


@pytest.mark.parametrize(
    "suffix",
    [
        "?passage=²",
        "commenter/?citer=p{post}&r=²",
        "commenter/?citer=p{post}&r=1&de=²&a=³",
        "commenter/?parent=٣",
        "signaler/?citation=²",
    ],
)
def test_non_ascii_digits_in_query_parameters_never_give_a_500(
    billet, quoter, client_for, suffix
):
    address = billet.get_absolute_url() + suffix.format(post=billet.pk)

    response = client_for(quoter).get(address)

    assert response.status_code in (200, 400, 404)


def test_a_quote_of_a_source_hidden_by_moderation_withholds_its_words(
    billet, quoter, member, django_capture_on_commit_callbacks
):
    from causerie.moderation.models import Action

    quoted(billet, quoter)
    with django_capture_on_commit_callbacks(execute=True):
        moderate(
            moderator=member,
            flagger=quoter,
            post=billet,
            action=Action.HIDE,
        )

    html = Client().get(f"{billet.get_absolute_url()}").content.decode()

    assert "quote-hidden" in html
    assert "moins chers pour tous" not in html
    assert "Les producteurs arrivent tôt." not in html
    assert "historique/#r1" not in html


def test_a_quote_of_a_deleted_source_keeps_its_words_without_a_dead_link(
    billet, quoter, author, community, django_capture_on_commit_callbacks
):
    block = paragraph_block(billet, PASSAGE)
    other = publishing_services.publish_post(
        actor=quoter, community=community, title="Réponse", body=block,
        intent="opinion",
    )  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        publishing_services.delete_post(actor=author, post=billet)

    html = Client().get(other.get_absolute_url()).content.decode()

    assert "quote-deleted" in html
    assert "moins chers pour tous" in html
    assert "historique/#r1" not in html
    assert '<details class="quote-context">' not in html


def test_the_reply_shows_under_the_quote_in_the_feed_and_wherever_the_comment_shows(
    billet, quoter, author, client_for
):
    comment, quote = quoted(billet, quoter)
    services.reply_to_quote(actor=author, quote=quote, body="Ma précision.")
    answer = make_comment(post=billet, author=author, body="Suite.", parent=comment)
    address = billet.get_absolute_url()

    feed = Client().get(f"{address}atom/").content.decode()
    ancestors = Client().get(f"{address}commentaires/{answer.pk}/").content.decode()
    reply_form = client_for(author).get(f"{address}commenter/?parent={comment.pk}")

    assert "Ma précision." in feed
    assert "Ma précision." in ancestors
    assert "Ma précision." in reply_form.content.decode()


def test_the_reply_shows_under_the_quote_in_the_accepted_answer(
    billet, quoter, author, client_for
):
    from causerie.recognition import services as recognition_services

    billet.is_question = True
    billet.save(update_fields=["is_question"])
    comment, quote = quoted(billet, quoter)
    services.reply_to_quote(actor=author, quote=quote, body="Ma précision.")
    recognition_services.accept_answer(actor=author, post=billet, comment=comment)

    html = Client().get(billet.get_absolute_url()).content.decode()

    assert 'class="card accepted-answer-card"' in html
    assert html.count("Ma précision.") == 2


def test_review_queue_with_out_of_context_flags_has_the_same_query_count_at_two_sizes(
    billet, quoter, author, member, client_for, settings, django_assert_num_queries
):
    from causerie.moderation import services as moderation_services
    from causerie.moderation.models import Reason

    settings.CAUSERIE_FLAGS_PER_DAY = {0: 100, 1: 100}
    writers = [quoter, make_member("hugo"), make_member("lea")]

    def flag_quotes(count):
        add_quoting_comments(billet, writers, count)
        for quote in Quote.objects.filter(flags__isnull=True):
            moderation_services.flag_item(
                actor=author,
                comment=quote.citing_comment,
                reason=Reason.OUT_OF_CONTEXT,
                quote=quote,
            )

    flag_quotes(3)
    queue = client_for(member)
    address = f"/c/{billet.community.slug}/moderation/"
    small = count_queries(queue, address)

    flag_quotes(12)
    with django_assert_num_queries(small):
        response = queue.get(address)

    assert response.content.decode().count("flagged-quote") == 15
