"""SQLite's plans of searches with words: the full text is matched once, first,
and only its hits are then filtered, counted and sorted. Joined the other way,
a community, author, tag or date filter made SQLite run the MATCH again for
each of its rows (seconds at 1,000,000 comments, docs/benchmarks.md)."""

from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from causerie.communities import services as community_services
from causerie.search import selectors
from causerie.search.models import FTS_TABLE
from causerie.search.selectors import Filters, Kind, Order


@pytest.fixture(autouse=True)
def _sqlite_only():
    if connection.vendor != "sqlite":
        pytest.skip("EXPLAIN QUERY PLAN is SQLite's; PostgreSQL plans by statistics")


def full_text_plans(**arguments) -> list[list[str]]:
    """The plan of each statement of a search that reads the FTS5 table."""
    statements = []

    def record(execute, sql, params, many, context):
        statements.append((sql, params))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        list(selectors.search(**arguments).page)
    plans = []
    for sql, params in statements:
        if FTS_TABLE in sql:
            with connection.cursor() as cursor:
                cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
                plans.append([row[-1] for row in cursor.fetchall()])
    return plans


@pytest.mark.parametrize(
    "case",
    ["words only", "community", "author", "tag", "date range", "newest", "comments"],
)
def test_search_matches_the_full_text_once_before_any_filter(
    community, publish, reply, case
):
    community_services.create_tag(
        actor=community.founder, community=community, name="Houblon", description=""
    )
    post = publish(title="Cerises", body="Des cerises.", tags=[community.tags.get()])
    reply(post, body="Des cerises encore.")
    today = timezone.localdate()
    arguments = {
        "words only": {},
        "community": {"filters": Filters(community=community)},
        "author": {"filters": Filters(author="camille")},
        "tag": {"filters": Filters(community=community, tag="houblon")},
        "date range": {
            "filters": Filters(date_from=today - timedelta(days=365), date_to=today)
        },
        "newest": {"order": Order.NEWEST},
        "comments": {"kind": Kind.COMMENTS},
    }[case]

    plans = full_text_plans(text="cerises", **arguments)

    assert len(plans) == 2  # the paginator's count, then the page
    for plan in plans:
        assert plan[0] == "MATERIALIZE search_hits"
        assert plan[1].startswith(f"SCAN {FTS_TABLE} VIRTUAL TABLE INDEX ")
        assert plan[2] == "SCAN search_hits"
        assert not [line for line in plan[2:] if FTS_TABLE in line]
