"""Search latency on the `make bench-scale` data (in process, no server).

    python bench/bench_search.py SEED_JSON OUT_JSON [--runs 7] [--budget 20] [--timeout 30]

Each of the queries below goes through causerie.search.selectors.search (what
the search page calls): one untimed warm-up under CaptureQueriesContext (each
query's SQL count and its slowest statement), then up to --runs timed runs,
fewer when a query has used its --budget seconds (3 at least, 1 for a query of
more than 5 s). A statement still running after --timeout seconds (30) is
stopped (SQLite progress handler, PostgreSQL statement_timeout) and reported
as such. The plans of the slowest queries and of the stopped ones are printed
(EXPLAIN QUERY PLAN on SQLite, EXPLAIN ANALYZE on PostgreSQL, plain EXPLAIN for
a stopped one). A few searches then go through the page itself (Django test
client, anonymous). Also prints the size of the search index.

Writes OUT_JSON and prints Markdown tables. Run by bench/run_scale.sh.
"""

import argparse
import json
import logging
import os
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench_settings")

import django  # noqa: E402

django.setup()

from django.db import OperationalError, connection  # noqa: E402
from django.db.utils import DatabaseError  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from causerie.communities.models import Community  # noqa: E402
from causerie.search import selectors  # noqa: E402
from causerie.search.models import FTS_TABLE, SearchDocument  # noqa: E402

HOST = {"HTTP_HOST": "127.0.0.1"}
HOSTILE = ('élection "conseil ' + "municipal OR NOT -x* (a:b) ^ " * 400)[:10_000]


def queries(seed: dict) -> list[dict]:
    """(label, search() arguments). Filters name communities by slug; dates are
    relative to today."""
    tag = seed["feeds"]["tag"]
    author = seed["feeds"]["member"]["handle"]
    last_year = {"date_from": -365, "date_to": 0}
    Q = selectors
    return [
        # Single words, common to rare.
        {"label": "levure", "text": "levure"},
        {"label": "houblon", "text": "houblon"},
        {"label": "vélo", "text": "vélo"},
        {"label": "question (general word)", "text": "question"},
        {"label": "semaine (very common)", "text": "semaine"},
        {"label": "télescope", "text": "télescope"},
        {"label": "palimpseste (rare)", "text": "palimpseste"},
        {"label": "zymurgie (rare)", "text": "zymurgie"},
        {"label": "xylophonie (no match)", "text": "xylophonie"},
        # Accents left out, œ, plurals and inflections.
        {"label": "velo (no accent)", "text": "velo"},
        {"label": "elu (no accent)", "text": "elu"},
        {"label": "ecole (no accent)", "text": "ecole"},
        {"label": "besancon (no cedilla)", "text": "besancon"},
        {"label": "coeur (for cœur)", "text": "coeur"},
        {"label": "élections (plural)", "text": "élections"},
        {"label": "communautés (plural)", "text": "communautés"},
        {"label": "ruches (plural)", "text": "ruches"},
        {"label": "chevaux (for cheval)", "text": "chevaux"},
        {"label": "municipaux (for municipal)", "text": "municipaux"},
        {"label": "modérateurs (stem moder)", "text": "modérateurs"},
        # Several words and phrases.
        {"label": "ruche abeille", "text": "ruche abeille"},
        {"label": "levure houblon amertume", "text": "levure houblon amertume"},
        {"label": '"conseil municipal"', "text": '"conseil municipal"'},
        {"label": "« pistes cyclables »", "text": "« pistes cyclables »"},
        {"label": '"chambre noire" tirage', "text": '"chambre noire" tirage'},
        {"label": "Saint-Étienne", "text": "Saint-Étienne"},
        {
            "label": "12 words",
            "text": "levure houblon malt moût densité bouteille cuve orge mousse "
            "amertume fût recette",
        },
        # English community.
        {"label": "garden (English)", "text": "garden"},
        {"label": "brewing batches (English)", "text": "brewing batches"},
        # Filters and order.
        {
            "label": "levure, community brassage",
            "text": "levure",
            "filters": {"community": "brassage"},
        },
        {
            "label": "vélo, community velo, last 12 months",
            "text": "vélo",
            "filters": {"community": "velo", **last_year},
        },
        {
            "label": "élu, last 12 months",
            "text": "élu",
            "filters": last_year,
        },
        {"label": "jardin, newest first", "text": "jardin", "order": Q.Order.NEWEST},
        {
            "label": "semaine, newest first",
            "text": "semaine",
            "order": Q.Order.NEWEST,
        },
        {"label": "élus, billets only", "text": "élus", "kind": Q.Kind.POSTS},
        {
            "label": "merci, comments only",
            "text": "merci",
            "kind": Q.Kind.COMMENTS,
        },
        {
            "label": f"tag {tag['tag']} (no words)",
            "text": "",
            "filters": {"community": tag["slug"], "tag": tag["tag"]},
        },
        {
            "label": f"densité, tag {tag['tag']}",
            "text": "densité",
            "filters": {"community": tag["slug"], "tag": tag["tag"]},
        },
        {
            "label": "question, by the top author",
            "text": "question",
            "filters": {"author": author},
        },
        {
            "label": "community velo, last 30 days (no words)",
            "text": "",
            "filters": {"community": "velo", "date_from": -30, "date_to": 0},
        },
        {"label": "le la les (stop words only)", "text": "le la les"},
        {"label": "10,000 characters of operators", "text": HOSTILE},
        {"label": "levure, page 5", "text": "levure", "page": 5},
    ]


def search_arguments(query: dict, communities: dict) -> dict:
    today = timezone.localdate()
    filters = dict(query.get("filters", {}))
    if "community" in filters:
        filters["community"] = communities[filters["community"]]
    for name in ("date_from", "date_to"):
        if name in filters:
            filters[name] = today + timedelta(days=filters[name])
    return {
        "text": query["text"],
        "filters": selectors.Filters(**filters),
        "kind": query.get("kind", selectors.Kind.ALL),
        "order": query.get("order", selectors.Order.RELEVANCE),
        "page": query.get("page", 1),
    }


class Deadline:
    """Stop a statement running longer than `seconds` (both databases)."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.until = None
        connection.ensure_connection()
        if connection.vendor == "sqlite":
            connection.connection.set_progress_handler(self._check, 20_000)
        else:
            with connection.cursor() as cursor:
                cursor.execute(f"SET statement_timeout = '{int(seconds * 1000)}'")

    def _check(self) -> int:
        return int(self.until is not None and time.monotonic() > self.until)

    def start(self) -> None:
        self.until = time.monotonic() + self.seconds


def run_search(arguments: dict, deadline: Deadline):
    """One search, fully evaluated (search() evaluates the page, its count,
    snippets and members). Returns (ms, count, outcome) or raises TimeoutError."""
    deadline.start()
    started = time.perf_counter()
    try:
        outcome = selectors.search(**arguments)
    except (OperationalError, DatabaseError) as error:
        text = str(error).lower()
        if "interrupted" in text or "statement timeout" in text or "canceling" in text:
            raise TimeoutError(str(error)) from None
        raise
    ms = (time.perf_counter() - started) * 1000
    count = outcome.page.paginator.count if outcome.page is not None else 0
    return ms, count, outcome


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    rank = p / 100 * (len(ordered) - 1)
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def explain(sql: str, *, analyze: bool = True) -> str:
    """The plan (SQLite: EXPLAIN QUERY PLAN; PostgreSQL: EXPLAIN, with ANALYZE
    unless told: it runs the statement)."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("EXPLAIN QUERY PLAN " + sql)
            return "\n".join(str(row[-1]) for row in cursor.fetchall())
        cursor.execute(("EXPLAIN (ANALYZE, BUFFERS) " if analyze else "EXPLAIN ") + sql)
        return "\n".join(row[0] for row in cursor.fetchall())


def index_size() -> dict:
    """Bytes of the search index's tables and indexes, and of the whole database."""
    table = SearchDocument._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "SELECT name, SUM(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC"
            )
            sizes = dict(cursor.fetchall())
            cursor.execute(
                "SELECT name FROM sqlite_master WHERE tbl_name = %s AND type = 'index'",
                [table],
            )
            indexes = [row[0] for row in cursor.fetchall()]
            fts = {n: s for n, s in sizes.items() if n.startswith(FTS_TABLE)}
            return {
                "fts5_tables": fts,
                "fts5_total": sum(fts.values()),
                "documents_table": sizes.get(table, 0),
                "documents_indexes": sum(sizes.get(n, 0) for n in indexes),
                "database_total": sum(sizes.values()),
                "largest": dict(list(sizes.items())[:8]),
            }
        cursor.execute(
            "SELECT pg_relation_size(%s), pg_total_relation_size(%s), "
            "pg_indexes_size(%s), pg_relation_size('search_document_vector'), "
            "pg_database_size(current_database())",
            [table, table, table],
        )
        heap, total, indexes, gin, database = cursor.fetchone()
        cursor.execute(
            "SELECT c.relname, pg_total_relation_size(c.oid) FROM pg_class c "
            "JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY 2 DESC LIMIT 8"
        )
        largest = dict(cursor.fetchall())
        return {
            "documents_heap": heap,
            "documents_toast_and_heap_and_indexes": total,
            "documents_indexes": indexes,
            "gin_vector_index": gin,
            "database_total": database,
            "largest_tables_with_indexes": largest,
        }


def mb(size: int) -> str:
    return f"{size / 2**20:,.0f} MB"


def http_pages(seed: dict, runs: int, deadline: Deadline) -> list[dict]:
    tag = seed["feeds"]["tag"]
    pages = [
        ("site-wide: levure", "/recherche/?" + urlencode({"q": "levure"})),
        (
            "site-wide: elu, newest",
            "/recherche/?" + urlencode({"q": "elu", "tri": "recent"}),
        ),
        (
            'site-wide: "conseil municipal"',
            "/recherche/?" + urlencode({"q": '"conseil municipal"'}),
        ),
        (
            "in brassage: houblon",
            f"/c/{tag['slug']}/recherche/?" + urlencode({"q": "houblon"}),
        ),
        (
            "site-wide: jardin, comments",
            "/recherche/?" + urlencode({"q": "jardin", "type": "commentaires"}),
        ),
    ]
    client = Client()
    results = []
    # A statement stopped by the deadline is a 500: its traceback says nothing new.
    logging.getLogger("django.request").setLevel(logging.CRITICAL)
    for label, url in pages:
        try:
            deadline.start()
            client.get(url, **HOST)  # warm-up
        except (OperationalError, DatabaseError) as error:
            results.append({"label": label, "url": url, "timeout": str(error)})
            print(
                f"  page {label:34} stopped after {deadline.seconds:.0f} s", flush=True
            )
            continue
        with CaptureQueriesContext(connection) as ctx:
            deadline.start()
            response = client.get(url, **HOST)
        sql = len(ctx.captured_queries)
        times = []
        for _ in range(runs):
            deadline.start()
            started = time.perf_counter()
            response = client.get(url, **HOST)
            times.append((time.perf_counter() - started) * 1000)
        results.append(
            {
                "label": label,
                "url": url,
                "status": response.status_code,
                "bytes": len(response.content),
                "queries": sql,
                "p50_ms": round(statistics.median(times), 1),
                "max_ms": round(max(times), 1),
                "runs": len(times),
            }
        )
        print(
            f"  page {label:34} {response.status_code} {len(response.content) / 1024:6.1f} KB "
            f"{sql:2} queries  p50 {statistics.median(times):8.1f} ms",
            flush=True,
        )
    return results


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("seed_json")
    ap.add_argument("out_json")
    ap.add_argument("--runs", type=int, default=7, help="timed runs per query")
    ap.add_argument("--budget", type=float, default=20, help="seconds per query")
    ap.add_argument("--timeout", type=float, default=30, help="seconds per statement")
    ap.add_argument("--page-runs", type=int, default=5)
    ap.add_argument("--explain", type=int, default=3, help="plans of the N slowest")
    a = ap.parse_args()
    seed = json.loads(Path(a.seed_json).read_text())
    vendor = connection.vendor
    communities = {c.slug: c for c in Community.objects.all()}
    deadline = Deadline(a.timeout)
    size = index_size()
    documents = SearchDocument.objects.count()
    print(f"{vendor}: {documents:,} search documents", flush=True)

    results = []
    wall = time.monotonic()
    for number, query in enumerate(queries(seed), 1):
        arguments = search_arguments(query, communities)
        row = {"label": query["label"], "runs": [], "timeouts": 0}
        try:
            with CaptureQueriesContext(connection) as warm_up:
                try:
                    first_ms, count, _ = run_search(arguments, deadline)
                except TimeoutError:
                    if warm_up.captured_queries:  # the statement stopped is the last
                        row["timed_out_sql"] = warm_up.captured_queries[-1]["sql"]
                    raise
            row["first_ms"] = round(first_ms, 1)
            row["count"] = count
            # The warm-up's statements: how many, and the slowest (its time
            # includes CaptureQueriesContext's small cost).
            captured = [(float(q["time"]), q["sql"]) for q in warm_up.captured_queries]
            row["sql_count"] = len(captured)
            if captured:
                slowest = max(captured)
                row["slowest_sql_ms"] = round(slowest[0] * 1000, 1)
                row["slowest_sql"] = slowest[1]
            spent = first_ms / 1000
            at_least = 3 if first_ms < 5000 else 1  # a 20 s query says enough once
            while len(row["runs"]) < a.runs and (
                spent < a.budget or len(row["runs"]) < at_least
            ):
                ms, count, _ = run_search(arguments, deadline)
                row["runs"].append(round(ms, 1))
                spent += ms / 1000
        except TimeoutError:
            row["timeouts"] += 1
        if row["runs"]:
            row["p50_ms"] = round(statistics.median(row["runs"]), 1)
            row["max_ms"] = max(row["runs"])
        results.append(row)
        print(
            f"  [{number:2}] {row['label'][:42]:42} "
            + (
                f"{row.get('count', 0):>9,} results  p50 {row['p50_ms']:8.1f} ms  "
                f"max {row['max_ms']:8.1f} ms  ({len(row['runs'])} runs, "
                f"{row.get('sql_count', '?')} SQL, slowest {row.get('slowest_sql_ms', '?')} ms)"
                if row["runs"]
                else f"TIMEOUT after {a.timeout:.0f} s"
            ),
            flush=True,
        )
    all_runs = [ms for row in results for ms in row["runs"]]
    summary = {
        "queries": len(results),
        "timed_runs": len(all_runs),
        "timeouts": sum(row["timeouts"] for row in results),
        "p50_ms": round(percentile(all_runs, 50), 1),
        "p95_ms": round(percentile(all_runs, 95), 1),
        "max_ms": round(max(all_runs), 1) if all_runs else None,
        "p50_of_query_medians_ms": round(
            statistics.median(row["p50_ms"] for row in results if "p50_ms" in row), 1
        ),
        "seconds": round(time.monotonic() - wall, 1),
    }
    print(
        f"\n{vendor}: {summary['queries']} queries, {summary['timed_runs']} timed runs: "
        f"p50 {summary['p50_ms']} ms, p95 {summary['p95_ms']} ms, max {summary['max_ms']} ms "
        f"({summary['timeouts']} timeouts) in {summary['seconds']} s",
        flush=True,
    )

    plans = []
    slowest = sorted(
        (row for row in results if "slowest_sql" in row),
        key=lambda row: row.get("p50_ms", 0),
        reverse=True,
    )[: a.explain]
    stopped = [row for row in results if "timed_out_sql" in row]
    for row in stopped + slowest:
        sql = row.get("timed_out_sql") or row["slowest_sql"]
        try:
            deadline.start()
            plan = explain(sql, analyze="timed_out_sql" not in row)
        except (OperationalError, DatabaseError) as error:
            plan = f"(no plan: {error})"
        plans.append({"label": row["label"], "sql": sql, "plan": plan})
        if "timed_out_sql" in row:
            print(
                f"\n--- plan of the statement of «{row['label']}» stopped after {a.timeout:.0f} s"
            )
        else:
            print(
                f"\n--- plan of the slowest statement of «{row['label']}» "
                f"({row['slowest_sql_ms']} ms of {row['p50_ms']} ms)"
            )
        print(sql[:1500])
        print(plan, flush=True)

    print("\nsearch pages (Django test client, anonymous):", flush=True)
    pages = http_pages(seed, a.page_runs, deadline)

    report = {
        "vendor": vendor,
        "documents": documents,
        "index_size": size,
        "summary": summary,
        "queries": results,
        "plans": plans,
        "pages": pages,
        "settings": vars(a),
    }
    Path(a.out_json).write_text(json.dumps(report, indent=1, default=str))

    print(f"\n### Search latency, {vendor}\n")
    print("| query | results | p50 ms | max ms | first ms | SQL | slowest SQL ms |")
    print("|---|---|---|---|---|---|---|")
    for row in results:
        if row["runs"]:
            print(
                f"| {row['label']} | {row['count']:,} | {row['p50_ms']} | {row['max_ms']} | "
                f"{row['first_ms']} | {row.get('sql_count', '?')} | {row.get('slowest_sql_ms', '?')} |"
            )
        else:
            print(f"| {row['label']} | – | timeout | – | – | – | – |")
    print(
        f"\nAll runs: p50 {summary['p50_ms']} ms, p95 {summary['p95_ms']} ms, "
        f"max {summary['max_ms']} ms."
    )
    print(
        "\nIndex size: "
        + ", ".join(
            f"{name} {mb(value)}"
            for name, value in size.items()
            if isinstance(value, int)
        )
    )
    print(f"JSON: {a.out_json}")


if __name__ == "__main__":
    main()
