"""The quotes demo: loaded on top of the French demo, twice without change."""

import pytest
from django.core.management import call_command

from causerie.quotes.models import Quote, QuoteReply, QuoteStatus


@pytest.mark.django_db
def test_demo_has_a_quote_with_a_reply_and_one_of_a_modified_source():
    call_command("load_demo", verbosity=0)

    assert Quote.objects.count() >= 2
    assert QuoteReply.objects.exists()
    assert Quote.objects.filter(status=QuoteStatus.MODIFIED).exists()
    assert Quote.objects.filter(status=QuoteStatus.CURRENT).exists()


@pytest.mark.django_db
def test_demo_loads_twice_without_adding_quotes():
    from causerie.accounts.models import User
    from causerie.communities.models import Community
    from causerie.quotes import demo

    call_command("load_demo", verbosity=0)
    quotes = Quote.objects.count()

    members = {user.handle: user for user in User.objects.all()}
    communities = {community.slug: community for community in Community.objects.all()}
    from django.utils import timezone

    assert demo.load(members=members, communities=communities, now=timezone.now()) == 0
    assert Quote.objects.count() == quotes
