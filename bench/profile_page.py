"""Query count and cProfile of the benchmarked pages, in-process (Django test client).

    python bench/profile_page.py SEED_JSON [--profile N] [--top 15] [--json OUT]

Needs the same environment as the servers of bench/run.sh (DJANGO_SETTINGS_MODULE=
bench_settings, bench/ on PYTHONPATH, DATABASE_URL of the bench database). For each
page (200-comment billet, community page, comment POST as "bench") it prints the
status, the response size and the SQL query count of one warm request; with
--profile N it also profiles N warm GETs of the billet page and prints the top
functions by own time and by cumulative time.
"""

import argparse
import cProfile
import io
import json
import os
import pstats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench_settings")

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

HOST = {"HTTP_HOST": "127.0.0.1"}


def measure(client, method, url, **extra):
    call = client.get if method == "GET" else client.post
    call(url, **extra, **HOST)  # warm: template loading, url resolver, translations
    with CaptureQueriesContext(connection) as ctx:
        response = call(url, **extra, **HOST)
    # Copy now: every request (request_started signal) empties the connection's query log.
    queries = [q["sql"] for q in ctx.captured_queries]
    # CPU time of warm requests (queries not captured: CaptureQueriesContext costs time).
    runs = 1 if method == "POST" else 20
    started = time.process_time()
    for _ in range(runs):
        call(url, **extra, **HOST)
    elapsed = (time.process_time() - started) / runs
    return {
        "method": method,
        "url": url,
        "status": response.status_code,
        "bytes": len(response.content),
        "queries": len(queries),
        "cpu_ms_in_process": round(elapsed * 1000, 1),
        "sql": [q[:160] for q in queries],
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("seed_json")
    ap.add_argument("--profile", type=int, default=0, help="profile N billet GETs")
    ap.add_argument("--top", type=int, default=15)
    ap.add_argument(
        "--page",
        choices=["billet", "community"],
        default="billet",
        help="page to profile",
    )
    ap.add_argument("--json", help="write the query counts here")
    ap.add_argument("--sql", action="store_true", help="print every query")
    a = ap.parse_args()
    seed = json.loads(Path(a.seed_json).read_text())

    anonymous = Client()
    member = Client()
    from causerie.accounts.models import User

    member.force_login(User.objects.get(email=seed["login"]))
    results = {
        "billet_200_comments": measure(anonymous, "GET", seed["thread_url"]),
        "billet_200_comments_member": measure(member, "GET", seed["thread_url"]),
        "community": measure(anonymous, "GET", seed["community_url"]),
        "comment_post": measure(
            member, "POST", seed["comment_create_url"], data={"body": "Profil {n}."}
        ),
    }
    for name, r in results.items():
        print(
            f"{name:28} {r['method']:4} {r['url']:34} status {r['status']} "
            f"{r['bytes'] / 1024:6.1f} KB  {r['queries']:3} queries  {r['cpu_ms_in_process']} ms CPU"
        )
        if a.sql:
            for q in r["sql"]:
                print("    ", q)
    if a.json:
        Path(a.json).write_text(
            json.dumps(
                {
                    k: {x: y for x, y in v.items() if x != "sql"}
                    for k, v in results.items()
                },
                indent=1,
            )
        )

    if a.profile:
        url = seed["thread_url"] if a.page == "billet" else seed["community_url"]
        anonymous.get(url, **HOST)
        profiler = cProfile.Profile()
        started = time.process_time()
        profiler.enable()
        for _ in range(a.profile):
            anonymous.get(url, **HOST)
        profiler.disable()
        per_request = (time.process_time() - started) / a.profile * 1000
        print(
            f"\nprofile: {a.profile} anonymous GETs of {url}, {per_request:.1f} ms CPU each under cProfile"
        )
        for order in ("tottime", "cumulative"):
            out = io.StringIO()
            stats = pstats.Stats(profiler, stream=out)
            stats.sort_stats(order).print_stats(a.top)
            text = out.getvalue()
            print(f"\n--- top {a.top} by {order} ---")
            print(text[text.find("   ncalls") :].rstrip())


if __name__ == "__main__":
    main()
