"""Atom feed generation on the `make bench-scale` data (Django test client, in process).

    python bench/bench_feeds.py SEED_JSON OUT_JSON [--runs 30] [--budget 20]

The four feeds, on the targets bench/scale_seed.py chose: the community with
5,000 billets, its tag with the most billets, the member with the most billets,
and the billet with 500 comments. For each: one warm-up, the SQL query count of
one request, then up to --runs timed anonymous GETs (fewer once --budget
seconds are used, 5 at least): p50 / p95 / max and the response size; the
response is parsed once with feedparser (it must not be "bozo").

Writes OUT_JSON and prints a Markdown table. Run by bench/run_scale.sh.
"""

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench_settings")

import django  # noqa: E402

django.setup()

import feedparser  # noqa: E402
from bench_search import percentile  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402

HOST = {"HTTP_HOST": "127.0.0.1"}


def targets(seed: dict) -> list[tuple[str, str]]:
    feeds = seed["feeds"]
    community, tag, member, billet = (
        feeds["community"],
        feeds["tag"],
        feeds["member"],
        feeds["billet"],
    )
    return [
        (
            f"community ({community['billets']:,} billets)",
            reverse("communities:feed", args=[community["slug"]]),
        ),
        (
            f"tag {tag['tag']} ({tag['billets']:,} billets)",
            reverse("communities:tag-feed", args=[tag["slug"], tag["tag"]]),
        ),
        (
            f"member ({member['billets']:,} billets)",
            reverse("accounts:feed", args=[member["handle"]]),
        ),
        (
            f"billet comments ({billet['comments']} comments)",
            reverse(
                "publishing:post-feed",
                kwargs={"slug": billet["slug"], "post_id": billet["post_id"]},
            ),
        ),
    ]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("seed_json")
    ap.add_argument("out_json")
    ap.add_argument("--runs", type=int, default=30)
    ap.add_argument("--budget", type=float, default=20, help="seconds per feed")
    a = ap.parse_args()
    seed = json.loads(Path(a.seed_json).read_text())
    client = Client()
    rows = []
    for label, url in targets(seed):
        response = client.get(url, **HOST)  # warm-up
        parsed = feedparser.parse(response.content)
        with CaptureQueriesContext(connection) as ctx:
            client.get(url, **HOST)
        queries = len(ctx.captured_queries)
        times, spent = [], 0.0
        while len(times) < a.runs and (spent < a.budget or len(times) < 5):
            started = time.perf_counter()
            response = client.get(url, **HOST)
            elapsed = time.perf_counter() - started
            times.append(elapsed * 1000)
            spent += elapsed
        row = {
            "label": label,
            "url": url,
            "status": response.status_code,
            "content_type": response["Content-Type"],
            "bytes": len(response.content),
            "entries": len(parsed.entries),
            "valid": not parsed.bozo,
            "queries": queries,
            "runs": len(times),
            "p50_ms": round(statistics.median(times), 1),
            "p95_ms": round(percentile(times, 95), 1),
            "max_ms": round(max(times), 1),
        }
        rows.append(row)
        print(
            f"  {label:38} {row['status']} {row['bytes'] / 1024:6.1f} KB "
            f"{row['entries']:3} entries {queries:2} queries  p50 {row['p50_ms']:7.1f} ms  "
            f"p95 {row['p95_ms']:7.1f} ms  ({row['runs']} runs, valid={row['valid']})",
            flush=True,
        )
    Path(a.out_json).write_text(
        json.dumps({"vendor": connection.vendor, "feeds": rows}, indent=1)
    )
    print(f"\n### Atom feeds, {connection.vendor}\n")
    print("| feed | p50 ms | p95 ms | max ms | KB | entries | SQL queries |")
    print("|---|---|---|---|---|---|---|")
    for row in rows:
        print(
            f"| {row['label']} | {row['p50_ms']} | {row['p95_ms']} | {row['max_ms']} | "
            f"{row['bytes'] / 1024:.1f} | {row['entries']} | {row['queries']} |"
        )
    print(f"JSON: {a.out_json}")


if __name__ == "__main__":
    main()
