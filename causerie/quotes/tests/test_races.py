"""Two replies to one quote at the same moment, on PostgreSQL: the quote's
row lock and the one-to-one keep exactly one."""

import pytest

from causerie.core.testing import (
    join,
    make_comment,
    make_community,
    make_member,
    make_post,
    run_together,
)
from causerie.quotes import selectors, services
from causerie.quotes.exceptions import QuoteAlreadyAnswered
from causerie.quotes.models import Quote, QuoteReply

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("postgresql_only"),
]


def test_two_replies_to_one_quote_at_once_keep_exactly_one():
    founder = make_member("fondatrice")
    community = make_community(founder=founder)
    author = join(make_member("ines"), community)
    billet = make_post(community=community, author=author, body="Une phrase à citer.")
    block = selectors.citation(
        post=billet, source=f"p{billet.pk}", revision=1, start=0, end=19
    ).block
    make_comment(post=billet, author=make_member("samir"), body=block)
    quote_id = Quote.objects.get().pk

    def reply(text):
        def call():
            return services.reply_to_quote(
                actor=author, quote=Quote.objects.get(pk=quote_id), body=text
            )

        return call

    results = run_together([reply("Première."), reply("Seconde.")])

    refused = [result for result in results if isinstance(result, Exception)]
    assert len(refused) == 1
    assert isinstance(refused[0], QuoteAlreadyAnswered)
    assert QuoteReply.objects.count() == 1
