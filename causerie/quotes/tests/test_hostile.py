"""Hostile input (shared/data/hostile) through the reply to a quote and
through quoted text: stored as typed (stripped) or refused with a clear
error, always shown escaped or sanitised, never a 500."""

import re

import pytest
from django.db import transaction
from django.utils.html import escape

from causerie.core.exceptions import InvalidRequest
from causerie.core.testing import hostile_report, make_comment, make_post
from causerie.core.tests.html_safety import html_problems
from causerie.quotes import rendering, selectors, services
from causerie.quotes.models import REPLY_MAX_LENGTH, Quote, QuoteReply
from causerie.quotes.tests.conftest import paragraph_block

SAMPLE_SIZE = 150
QUOTE_TEXT = re.compile(
    r'<div class="quote-text">(.*?)</div><p class="quote-source">', re.DOTALL
)


@pytest.mark.corpus
def test_reply_to_quote_stores_or_refuses_every_hostile_string_and_shows_it_escaped(
    hostile, billet, quoter, author
):
    make_comment(
        post=billet, author=quoter, body=paragraph_block(billet, "Rendez-vous samedi.")
    )
    quote = Quote.objects.get()
    failures = []
    for source, text in hostile:
        body = text[:REPLY_MAX_LENGTH]
        try:
            with transaction.atomic():
                reply = services.reply_to_quote(actor=author, quote=quote, body=body)
                stored = QuoteReply.objects.get(pk=reply.pk)
                if stored.body != body.strip():
                    failures.append(f"{source}: {text!r} stored as {stored.body!r}")
                shown = Quote.objects.select_related("reply__author").get(pk=quote.pk)
                html = rendering.reply_html(shown)
                if escape(stored.body).replace("\n", "<br>") not in html:
                    failures.append(f"{source}: {text!r} not shown escaped")
                transaction.set_rollback(True)
        except InvalidRequest:
            if body.strip() and "\x00" not in body:
                failures.append(f"{source}: {text!r} refused")

    assert not failures, hostile_report(failures)


@pytest.mark.corpus
def test_quoted_hostile_text_is_verified_and_rendered_sanitised(
    hostile, community, author, quoter
):
    sample = hostile[:: max(1, len(hostile) // SAMPLE_SIZE)]
    failures = []
    verified = 0
    for source, text in sample:
        if not text.strip() or "\x00" in text:
            continue
        try:
            with transaction.atomic():
                billet = make_post(
                    community=community, author=author, title="Source", body=text
                )
                body = billet.body.replace("\r\n", "\n").replace("\r", "\n")
                try:
                    block = selectors.citation(
                        post=billet,
                        source=f"p{billet.pk}",
                        revision=1,
                        start=0,
                        end=len(body),
                    ).block
                except InvalidRequest:
                    transaction.set_rollback(True)
                    continue
                comment = make_comment(post=billet, author=quoter, body=block)
                quoted = QUOTE_TEXT.findall(comment.body_html)
                verified += bool(quoted)
                if Quote.objects.filter(citing_comment=comment).exists() != bool(
                    quoted
                ):
                    failures.append(f"{source}: {text!r} rows and HTML disagree")
                for part in quoted:
                    problems = html_problems(part)
                    if problems:
                        failures.append(f"{source}: {text!r} -> {problems}")
                if "[citation:" in comment.body_html:
                    failures.append(f"{source}: {text!r} marker shown")
                transaction.set_rollback(True)
        except InvalidRequest:
            continue

    assert not failures, hostile_report(failures)
    assert verified > len(sample) // 2
