"""Verified quotes: write-time verification, Quote rows, their status when
the source changes, and the right of reply."""

import pytest

from causerie.core.exceptions import InvalidRequest
from causerie.core.testing import make_comment, make_member
from causerie.notifications.models import Notification
from causerie.publishing import services as publishing_services
from causerie.publishing.exceptions import MemberSanctioned
from causerie.quotes import selectors, services
from causerie.quotes.exceptions import (
    EmptyQuoteReply,
    NothingToQuote,
    NotTheQuotedMember,
    QuoteAlreadyAnswered,
    QuoteNotFound,
    QuoteReplyTooLong,
)
from causerie.quotes.models import Quote, QuoteReply, QuoteStatus
from causerie.quotes.tests.conftest import moderate, paragraph_block

PASSAGE = "Nous voulons des *paniers* moins chers pour tous les habitants."


def quote_comment(billet, quoter, text=PASSAGE, extra="Je suis d'accord."):
    block = paragraph_block(billet, text)
    return make_comment(post=billet, author=quoter, body=f"{block}\n{extra}")


def test_record_quotes_stores_a_verified_quote_with_its_context(billet, quoter):
    comment = quote_comment(billet, quoter)

    quote = Quote.objects.get()
    assert (quote.citing_post, quote.citing_comment) == (billet, comment)
    assert (quote.source_post, quote.source_comment) == (billet, None)
    assert quote.source_author == billet.author
    assert quote.source_revision == 1
    assert billet.body[quote.start : quote.end] == PASSAGE == quote.text
    assert quote.status == QuoteStatus.CURRENT
    assert "Les producteurs arrivent tôt." in quote.context_before
    assert quote.context_after.startswith(" Mais pas au détriment")
    assert 'class="verified-quote"' in comment.body_html
    assert "[citation:" not in comment.body_html


def test_quote_survives_an_edit_that_keeps_the_passage_then_not_one_that_drops_it(
    billet, quoter, author, django_capture_on_commit_callbacks
):
    quote_comment(billet, quoter)
    with django_capture_on_commit_callbacks(execute=True):
        publishing_services.edit_post(
            actor=author,
            post=billet,
            title=billet.title,
            body="Une introduction.\n\n" + billet.body,
            intent=billet.intent,
        )
    quote = Quote.objects.get()
    assert quote.status == QuoteStatus.CURRENT
    billet.refresh_from_db()
    assert billet.body[quote.current_start : quote.current_end] == PASSAGE

    with django_capture_on_commit_callbacks(execute=True):
        publishing_services.edit_post(
            actor=author,
            post=billet,
            title=billet.title,
            body=billet.body.replace("moins chers", "abordables"),
            intent=billet.intent,
        )
    quote.refresh_from_db()
    assert quote.status == QuoteStatus.MODIFIED
    assert quote.current_start is None


def test_quote_is_marked_deleted_when_its_source_is_deleted(
    billet, quoter, author, django_capture_on_commit_callbacks
):
    quote_comment(billet, quoter)
    with django_capture_on_commit_callbacks(execute=True):
        publishing_services.delete_post(actor=author, post=billet)

    assert Quote.objects.get().status == QuoteStatus.DELETED


def test_quote_of_a_comment_follows_its_edits_and_deletion(
    billet, quoter, community, django_capture_on_commit_callbacks
):
    third = make_member("hugo")
    source = make_comment(post=billet, author=third, body="Premier point.\n\nSecond.")
    block = selectors.citation(
        post=billet, source=f"c{source.pk}", revision=1, start=0, end=14
    ).block
    make_comment(post=billet, author=quoter, body=block, parent=source)
    quote = Quote.objects.get()
    assert (quote.source_comment, quote.text) == (source, "Premier point.")

    with django_capture_on_commit_callbacks(execute=True):
        publishing_services.edit_comment(actor=third, comment=source, body="Autre.")
    quote.refresh_from_db()
    assert quote.status == QuoteStatus.MODIFIED

    with django_capture_on_commit_callbacks(execute=True):
        publishing_services.delete_comment(actor=third, comment=source)
    quote.refresh_from_db()
    assert quote.status == QuoteStatus.DELETED


def test_a_forged_marker_is_not_verified(billet, quoter):
    start = billet.body.index(PASSAGE)
    forged = (
        f"[citation:p{billet.pk}/r1/{start}-{start + len(PASSAGE)}]\n"
        "> Nous voulons des paniers gratuits.\n"
    )
    comment = make_comment(post=billet, author=quoter, body=forged)

    assert not Quote.objects.exists()
    assert "verified-quote" not in comment.body_html
    assert "<blockquote>" in comment.body_html
    assert "[citation:" not in comment.body_html


def test_a_hand_typed_quote_is_never_verified(billet, quoter):
    comment = make_comment(post=billet, author=quoter, body=f"> {PASSAGE}\n\nOui.")

    assert not Quote.objects.exists()
    assert "verified-quote" not in comment.body_html


def test_a_quote_of_a_deleted_source_is_not_verified(billet, quoter, author):
    block = paragraph_block(billet, PASSAGE)
    other = publishing_services.publish_post(
        actor=quoter,
        community=billet.community,
        title="Réponse",
        body="Rien.",
        intent="opinion",
    )
    publishing_services.delete_post(actor=author, post=billet)
    publishing_services.edit_post(
        actor=quoter, post=other, title="Réponse", body=block, intent="opinion"
    )

    assert not Quote.objects.exists()


def test_record_quotes_keeps_unchanged_quotes_and_their_reply_across_an_edit(
    billet, quoter, author
):
    comment = quote_comment(billet, quoter)
    quote = Quote.objects.get()
    services.reply_to_quote(actor=author, quote=quote, body="Je précise.")

    publishing_services.edit_comment(
        actor=quoter, comment=comment, body=comment.body + "\n\nEt aussi."
    )
    assert Quote.objects.get().pk == quote.pk
    assert QuoteReply.objects.filter(quote=quote).exists()

    publishing_services.edit_comment(actor=quoter, comment=comment, body="Plus rien.")
    assert not Quote.objects.exists()


def test_quoted_member_is_notified_of_a_new_quote(
    billet, quoter, author, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        comment = quote_comment(billet, quoter)

    notification = Notification.objects.get(
        recipient=author, kind=Notification.Kind.QUOTED
    )
    assert (notification.actor, notification.comment) == (quoter, comment)


def test_quoting_oneself_notifies_nobody(
    billet, author, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        quote_comment(billet, author)

    assert Quote.objects.count() == 1
    assert not Notification.objects.filter(kind=Notification.Kind.QUOTED).exists()


def test_reply_to_quote_notifies_the_quoting_member(
    billet, quoter, author, django_capture_on_commit_callbacks
):
    quote_comment(billet, quoter)
    quote = Quote.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        reply = services.reply_to_quote(
            actor=author, quote=quote, body="  Lisez la suite.\nMerci.  "
        )

    assert reply.body == "Lisez la suite.\nMerci."
    notification = Notification.objects.get(kind=Notification.Kind.QUOTE_REPLY)
    assert (notification.recipient, notification.actor) == (quoter, author)


def test_reply_to_quote_is_given_once(billet, quoter, author):
    quote_comment(billet, quoter)
    quote = Quote.objects.get()
    services.reply_to_quote(actor=author, quote=quote, body="Une fois.")

    with pytest.raises(QuoteAlreadyAnswered) as refusal:
        services.reply_to_quote(actor=author, quote=quote, body="Deux fois.")
    assert refusal.value.code == "quote_already_answered"
    assert QuoteReply.objects.get().body == "Une fois."


def test_reply_to_quote_refuses_anyone_but_the_quoted_member(billet, quoter):
    quote_comment(billet, quoter)
    quote = Quote.objects.get()

    with pytest.raises(NotTheQuotedMember):
        services.reply_to_quote(actor=quoter, quote=quote, body="Je réponds.")
    assert not QuoteReply.objects.exists()


@pytest.mark.parametrize(
    ("body", "error"),
    [("   ", EmptyQuoteReply), ("x" * 1001, QuoteReplyTooLong)],
)
def test_reply_to_quote_refuses_an_empty_or_too_long_text(
    billet, quoter, author, body, error
):
    quote_comment(billet, quoter)

    with pytest.raises(error) as refusal:
        services.reply_to_quote(actor=author, quote=Quote.objects.get(), body=body)
    assert refusal.value.field == "body"


def test_reply_to_quote_accepts_exactly_the_maximum_length(billet, quoter, author):
    quote_comment(billet, quoter)

    reply = services.reply_to_quote(
        actor=author, quote=Quote.objects.get(), body="é" * 1000
    )
    assert len(reply.body) == 1000


def test_reply_to_quote_refuses_null_characters(billet, quoter, author):
    quote_comment(billet, quoter)

    with pytest.raises(InvalidRequest):
        services.reply_to_quote(actor=author, quote=Quote.objects.get(), body="a\x00")


def test_citation_finds_a_selection_in_the_markdown(billet):
    start = billet.body.index(PASSAGE)
    citation = selectors.citation(
        post=billet,
        source=f"p{billet.pk}",
        revision=1,
        start=start,
        end=start + len(PASSAGE),
        selection="des paniers moins\n chers",
    )
    assert "> des *paniers* moins chers\n" in citation.block
    assert citation.parent is None


def test_citation_falls_back_to_the_paragraph_when_the_selection_is_not_found(
    billet,
):
    start = billet.body.index(PASSAGE)
    citation = selectors.citation(
        post=billet,
        source=f"p{billet.pk}",
        revision=1,
        start=start,
        end=start + len(PASSAGE),
        selection="introuvable",
    )
    assert f"> {PASSAGE}\n" in citation.block


def test_citation_quotes_the_paragraph_when_the_selection_is_only_marks(
    community, author
):
    """A run of emphasis marks once made the pattern backtrack for minutes."""
    from causerie.core.testing import make_post

    stars = "*" * 200
    billet = make_post(community=community, author=author, body=f"{stars} fin.")

    citation = selectors.citation(
        post=billet,
        source=f"p{billet.pk}",
        revision=1,
        start=0,
        end=len(stars) + 5,
        selection="*" * 40 + "x " + "> " * 40 + "`~_",
    )

    assert f"> {stars} fin.\n" in citation.block


def test_citation_refuses_a_source_of_another_billet(billet, community, quoter):
    from causerie.core.testing import make_post

    other = make_post(community=community, author=quoter, title="Autre")

    with pytest.raises(NothingToQuote):
        selectors.citation(
            post=other, source=f"p{billet.pk}", revision=1, start=0, end=5
        )


def test_multi_line_quote_survives_verification(billet, quoter):
    body = "Ligne une\nligne deux.\n\nFin."
    publishing_services.edit_post(
        actor=billet.author, post=billet, title=billet.title, body=body,
        intent=billet.intent,
    )  # fmt: skip
    block = selectors.citation(
        post=billet, source=f"p{billet.pk}", revision=2, start=0, end=21
    ).block
    make_comment(post=billet, author=quoter, body=block)

    assert Quote.objects.get().text == "Ligne une\nligne deux."


def test_quote_follows_moderation_of_its_source(
    billet, quoter, member, django_capture_on_commit_callbacks
):
    """`member` founded the community: its moderator."""
    from causerie.moderation.models import Action

    quote_comment(billet, quoter)
    with django_capture_on_commit_callbacks(execute=True):
        moderate(
            moderator=member,
            flagger=quoter,
            post=billet,
            action=Action.DELETE,
        )
    assert Quote.objects.get().status == QuoteStatus.HIDDEN


def test_quote_is_marked_modified_when_a_moderator_edits_the_passage_away(
    billet, quoter, member, django_capture_on_commit_callbacks
):
    from causerie.moderation.models import Action

    quote_comment(billet, quoter)
    with django_capture_on_commit_callbacks(execute=True):
        moderate(
            moderator=member,
            flagger=quoter,
            post=billet,
            action=Action.EDIT,
            edited_body="Texte retouché par la modération.",
        )

    assert Quote.objects.get().status == QuoteStatus.MODIFIED


def test_editing_the_quoting_text_keeps_a_quote_whose_source_was_deleted_since(
    billet, quoter, author, django_capture_on_commit_callbacks
):
    comment = quote_comment(billet, quoter)
    quote = Quote.objects.get()
    services.reply_to_quote(actor=author, quote=quote, body="Je précise.")
    with django_capture_on_commit_callbacks(execute=True):
        publishing_services.delete_post(actor=author, post=billet)

    publishing_services.edit_comment(
        actor=quoter, comment=comment, body=comment.body + " Coquille corrigée."
    )

    quote.refresh_from_db()
    assert quote.status == QuoteStatus.DELETED
    assert QuoteReply.objects.filter(quote=quote).exists()
    comment.refresh_from_db()
    assert 'class="verified-quote"' in comment.body_html


def test_deleting_a_billet_marks_the_quotes_of_its_comments_deleted(
    billet, quoter, author, django_capture_on_commit_callbacks
):
    source = make_comment(post=billet, author=author, body="Une phrase à citer.")
    block = selectors.citation(
        post=billet,
        source=f"c{source.pk}",
        revision=1,
        start=0,
        end=len(source.body),
    ).block
    make_comment(post=billet, author=quoter, body=f"{block}\nD'accord.")
    assert Quote.objects.get().status == QuoteStatus.CURRENT

    with django_capture_on_commit_callbacks(execute=True):
        publishing_services.delete_post(actor=author, post=billet)

    assert Quote.objects.get().status == QuoteStatus.DELETED


def test_a_source_hidden_pending_review_hides_the_quote_until_it_is_kept(
    billet, quoter, member, django_capture_on_commit_callbacks
):
    """Flags from members at trust level 4 reach the hiding threshold."""
    from causerie.core.testing import join
    from causerie.moderation import services as moderation_services
    from causerie.moderation.models import Action, Reason

    quote_comment(billet, quoter)
    flag = None
    with django_capture_on_commit_callbacks(execute=True):
        for handle in ("flag1", "flag2", "flag3"):
            flagger = join(make_member(handle, trust_level=4), billet.community)
            flag = moderation_services.flag_item(
                actor=flagger, post=billet, reason=Reason.SPAM, note=""
            )
    billet.refresh_from_db()
    assert billet.moderation_state == "pending"
    assert Quote.objects.get().status == QuoteStatus.HIDDEN

    with django_capture_on_commit_callbacks(execute=True):
        moderation_services.decide_item(
            actor=member,
            flagged_item_id=flag.flagged_item_id,
            action=Action.KEEP,
            reason=Reason.SPAM,
        )

    assert Quote.objects.get().status == QuoteStatus.CURRENT


def test_a_moderator_editing_a_quoting_comment_keeps_its_quotes_in_step(
    billet, quoter, author, member, django_capture_on_commit_callbacks
):
    from causerie.moderation.models import Action

    comment = quote_comment(billet, quoter)
    with django_capture_on_commit_callbacks(execute=True):
        moderate(
            moderator=member,
            flagger=author,
            comment=comment,
            action=Action.EDIT,
            edited_body="Retouché : plus de citation.",
        )

    assert not Quote.objects.exists()
    comment.refresh_from_db()
    assert "verified-quote" not in comment.body_html


def test_context_after_a_quote_ending_its_sentence_holds_two_sentences(
    community, author, quoter
):
    from causerie.core.testing import make_post

    text = "A un. B deux. C trois. D quatre. E cinq. F six. G sept."
    billet = make_post(community=community, author=author, body=text)
    start = text.index("D quatre.")
    block = selectors.citation(
        post=billet,
        source=f"p{billet.pk}",
        revision=1,
        start=0,
        end=len(text),
        selection="D quatre.",
    ).block
    make_comment(post=billet, author=quoter, body=block)

    quote = Quote.objects.get()
    assert quote.start == start
    assert quote.context_before == "B deux. C trois. "
    assert quote.context_after == " E cinq. F six."


def test_paragraphs_inside_a_quote_or_a_list_have_no_citer_range(community, author):
    from causerie.core.testing import make_post

    billet = make_post(
        community=community,
        author=author,
        body="Dehors.\n\n> cité\n> encore\n\n- un\n- deux\n\nFin.",
    )

    assert billet.body_html.count("data-range") == 2


def test_reply_to_quote_refuses_a_member_suspended_in_the_community(
    billet, quoter, author, member
):
    from causerie.moderation.models import Action

    comment = quote_comment(billet, quoter)
    own = make_comment(post=billet, author=author, body="Achetez ici.")
    moderate(
        moderator=member,
        flagger=quoter,
        comment=own,
        action=Action.SUSPEND,
        suspension_days=3,
    )

    with pytest.raises(MemberSanctioned):
        services.reply_to_quote(actor=author, quote=Quote.objects.get(), body="Non.")
    assert not QuoteReply.objects.filter(quote__citing_comment=comment).exists()


def test_reply_to_quote_refuses_when_the_quoting_comment_was_deleted(
    billet, quoter, author
):
    comment = quote_comment(billet, quoter)
    publishing_services.delete_comment(actor=quoter, comment=comment)

    with pytest.raises(QuoteNotFound):
        services.reply_to_quote(actor=author, quote=Quote.objects.get(), body="Non.")
