"""Search filters, order, members and paging, each through the selector."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from causerie.communities import services as community_services
from causerie.core.testing import make_community, make_member
from causerie.publishing.models import Comment, Post
from causerie.search import selectors
from causerie.search.selectors import Filters, Kind, Order


@pytest.fixture
def brewing(community):
    community_services.create_tag(
        actor=community.founder, community=community, name="Houblon", description=""
    )
    return community


@pytest.fixture
def elsewhere(committed, other_member):
    return committed(
        make_community, founder=other_member, slug="ailleurs", name="Ailleurs"
    )


def test_search_filters_by_community(publish, elsewhere, other_member, titles):
    publish(title="Ici", body="Des cerises.")
    publish(
        title="Là-bas", body="Des cerises.", community=elsewhere, author=other_member
    )

    assert titles("cerises", filters=Filters(community=elsewhere)) == ["Là-bas"]


def test_search_filters_by_tag_and_keeps_billets_only(brewing, publish, reply, titles):
    tag = brewing.tags.get()
    tagged = publish(title="Étiqueté", body="Des cerises.", tags=[tag])
    reply(tagged, body="Des cerises aussi.")
    publish(title="Sans étiquette", body="Des cerises.")

    assert titles("cerises", filters=Filters(tag="houblon")) == ["Étiqueté"]


def test_search_filters_by_author_handle(publish, other_member, titles):
    publish(title="De Camille", body="Des cerises.")
    publish(title="De Dominique", body="Des cerises.", author=other_member)

    assert titles("cerises", filters=Filters(author="@Dominique")) == ["De Dominique"]


def test_search_filters_by_intent(publish, titles):
    publish(title="Avis", body="Des cerises.", intent="opinion")
    publish(title="Fait", body="Des cerises.", intent="information")

    assert titles("cerises", filters=Filters(intent="opinion")) == ["Avis"]


def test_search_filters_by_date_range_including_both_days(publish, titles):
    now = timezone.now()
    for title, days in (("Ancien", 40), ("Récent", 10), ("Du jour", 0)):
        publish(
            title=title, body="Des cerises.", published_at=now - timedelta(days=days)
        )
    today = timezone.localdate()

    assert titles(
        "cerises",
        filters=Filters(date_from=today - timedelta(days=10), date_to=today),
        order=Order.NEWEST,
    ) == ["Du jour", "Récent"]


def test_search_by_filters_only_lists_the_newest_items(publish, other_member, titles):
    publish(title="Premier", body="Un.", author=other_member)
    publish(title="Second", body="Deux.", author=other_member)
    publish(title="Autre", body="Trois.")

    assert titles("", filters=Filters(author="dominique")) == ["Second", "Premier"]


def test_search_looks_in_billets_or_comments_only_when_asked(publish, reply):
    post = publish(title="Billet", body="Des cerises.")
    reply(post, body="Des cerises encore.")

    def kinds(kind):
        return [
            result.kind for result in selectors.search(text="cerises", kind=kind).page
        ]

    assert kinds(Kind.POSTS) == ["post"]
    assert kinds(Kind.COMMENTS) == ["comment"]
    assert sorted(kinds(Kind.ALL)) == ["comment", "post"]


def test_search_sorts_by_newest_when_asked(publish, titles):
    now = timezone.now()
    publish(
        title="Cerises", body="Cerises, cerises.", published_at=now - timedelta(days=3)
    )
    publish(title="Fruits", body="Une cerise.", published_at=now)

    assert titles("cerises") == ["Cerises", "Fruits"]
    assert titles("cerises", order=Order.NEWEST) == ["Fruits", "Cerises"]


def test_search_finds_members_by_handle_name_or_bio(community, member_factory):
    member_factory("zoe", bio="Apicultrice du dimanche.")
    member_factory("apiculteur")
    member_factory("albert", is_active=False, bio="Apiculteur aussi.")

    outcome = selectors.search(text="apicult", kind=Kind.MEMBERS)

    assert [member.handle for member in outcome.page] == ["apiculteur", "zoe"]


def test_search_finds_members_whatever_their_accents_and_case(member_factory):
    member_factory("zoe", bio="Élue au conseil du Cœur de ville.")
    for handle, name in [("amelie_b", "Amélie Bérard"), ("bruno", "Brûno Écluse")]:
        renamed = member_factory(handle)
        renamed.display_name = name
        renamed.save(update_fields=["display_name"])

    def handles(text):
        return [m.handle for m in selectors.search(text=text, kind=Kind.MEMBERS).page]

    assert handles("amelie berard") == ["amelie_b"]
    assert handles("AMÉLIE") == ["amelie_b"]
    assert handles("elue coeur") == ["zoe"]
    assert handles("ecluse") == ["bruno"]


def test_search_shows_a_few_members_beside_billets(publish, member_factory):
    publish(title="Ruches", body="Des ruches.")
    for number in range(7):
        member_factory(f"ruche{number}")

    outcome = selectors.search(text="ruches")

    assert len(outcome.members) == 5
    assert outcome.has_more_members


def test_search_of_stop_words_only_says_so_and_finds_nothing(publish):
    publish(title="Le billet", body="Le de la et les.")

    outcome = selectors.search(text="le de la THE")

    assert outcome.has_only_stop_words
    assert outcome.page is None


def test_search_cuts_a_very_long_query_and_says_so(publish, titles):
    publish(title="Cerises", body="Des cerises.")

    outcome = selectors.search(text="cerises " + "x" * 10_000)

    assert outcome.is_cut
    assert outcome.query.text == "cerises"


@pytest.mark.parametrize(
    "text",
    [
        'cerises "',
        '"cerises',
        "cerises OR AND NOT NEAR",
        "-cerises +cerises",
        "cerises*",
        "cerises:",
        "{ cerises }: ",
        "cerises)",
        "(cerises",
        "cerises\x00\x01\x1b",
        "cerises ^ NEAR/",
        "'cerises'",
        "cerises\u200b",
    ],
)
def test_search_reads_syntax_characters_as_punctuation(publish, titles, text):
    publish(title="Cerises", body="Des cerises.")

    assert titles(text) == ["Cerises"]


def test_search_pages_cost_the_same_queries_for_10_or_60_matches(publish, reply):
    def count_queries(text):
        with CaptureQueriesContext(connection) as queries:
            outcome = selectors.search(text=text, per_page=100)
            list(outcome.page)
        return len(queries), outcome.page.paginator.count

    for number in range(5):
        post = publish(title=f"Prunes {number}", body="Des prunes.")
        reply(post, body="Encore des prunes.")
    few = count_queries("prunes")
    for number in range(25):
        post = publish(title=f"Prunes bis {number}", body="Des prunes.")
        reply(post, body="Toujours des prunes.")
    many = count_queries("prunes")

    assert (few[1], many[1]) == (10, 60)
    assert few[0] == many[0]


def test_search_never_shows_deleted_or_hidden_items_nor_suspended_communities(
    publish, reply, member, elsewhere, other_member, titles
):
    """Each way an item leaves the public: the results keep only the public one."""
    publish(title="Public", body="Des mirabelles.")
    deleted = publish(title="Supprimé", body="Des mirabelles.")
    Post.objects.filter(pk=deleted.pk).update(deleted_at=timezone.now())
    for state in ("pending", "hidden", "removed"):
        hidden = publish(title=f"État {state}", body="Des mirabelles.")
        Post.objects.filter(pk=hidden.pk).update(moderation_state=state)
    shown = publish(title="Commenté", body="Rien.")
    hidden_comment = reply(shown, body="Des mirabelles.")
    Comment.objects.filter(pk=hidden_comment.pk).update(moderation_state="hidden")
    publish(
        title="Suspendu",
        body="Des mirabelles.",
        community=elsewhere,
        author=other_member,
    )
    elsewhere.suspended_at = timezone.now()
    elsewhere.save(update_fields=["suspended_at"])

    assert titles("mirabelles") == ["Public"]


def test_search_inside_a_suspended_community_says_so(publish, community):
    admin = make_member("admin", is_superuser=True, is_staff=True)
    community_services.suspend_community(actor=admin, community=community, notice="")

    outcome = selectors.search(text="cerises", filters=Filters(community=community))

    assert outcome.community_is_suspended
    assert outcome.page is None
