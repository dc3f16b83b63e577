"""Standing at scale: a full recomputation for a generated community of
100,000 members and 1,000,000 recognitions, and the cost of taking one new
recognition into account (docs/benchmarks.md, "Standing at scale").

    python bench/standing_scale.py [--members 100000] [--recognitions 1000000]
        [--database] [--output OUT_JSON]

Without --database: the engine alone (causerie.standing.engine.compute and
profiles) on generated arrays. With --database: the same community written to
a throwaway SQLite database (a temporary folder, migrated), then the real
services: recompute_community (read from the database, compute, write every
Standing, ContributionProfile and SuspiciousCluster row) and
take_recognition_into_account for new recognitions (the work the handler does
after one "Utile"). Peak memory is the process's peak resident set size
(getrusage), measured in a fresh process for each step.
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DAY = 86400.0
NOW = 1_750_000_000.0


def generate(members: int, recognitions: int, seed: int = 7) -> dict:
    """A plausible community: activity follows a Zipf-like law, quality varies
    by member, recognisers prefer good authors, a few rings of new accounts."""
    rng = np.random.default_rng(seed)
    joined = NOW - rng.uniform(0, 3 * 365, members) * DAY
    activity = rng.zipf(1.6, members).clip(1, 2000).astype(float)
    quality = rng.beta(2, 5, members)
    n_items = recognitions * 2 // 5
    n_posts = n_items // 4
    author = rng.choice(members, n_items, p=activity / activity.sum())
    created = np.maximum(joined[author], NOW - 3 * 365 * DAY) + rng.uniform(
        0, 1, n_items
    ) * (NOW - np.maximum(joined[author], NOW - 3 * 365 * DAY))
    # Items 0..n_posts-1 are billets, the rest comments on a billet.
    parent = np.concatenate(
        [np.arange(n_posts), rng.integers(0, n_posts, n_items - n_posts)]
    )
    owner = author[parent]
    n_tags = 200
    tag_count = rng.integers(1, 4, n_posts)
    tag_item = np.repeat(np.arange(n_posts), tag_count)
    tag_domain = rng.integers(1, n_tags + 1, len(tag_item))
    pairs = np.unique(tag_item * (n_tags + 1) + tag_domain)
    tag_item, tag_domain = pairs // (n_tags + 1), pairs % (n_tags + 1)
    # Comments inherit their billet's tags (as the services read them).
    order = np.argsort(tag_item, kind="stable")
    tag_item, tag_domain = tag_item[order], tag_domain[order]
    start = np.searchsorted(tag_item, parent, "left")
    stop = np.searchsorted(tag_item, parent, "right")
    counts = stop - start
    item_rep = np.repeat(np.arange(n_items), counts)
    offsets = np.repeat(start - np.cumsum(counts) + counts, counts) + np.arange(
        counts.sum()
    )
    full_tag_item, full_tag_domain = item_rep, tag_domain[offsets]

    weight = activity * 0.2 + 1.0
    recogniser = rng.choice(members, int(recognitions * 1.1), p=weight / weight.sum())
    item_weight = quality[author] + 0.05
    item = rng.choice(n_items, len(recogniser), p=item_weight / item_weight.sum())
    keep = recogniser != author[item]
    key = np.unique(recogniser[keep].astype(np.int64) * n_items + item[keep])[
        :recognitions
    ]
    rng.shuffle(key)
    recogniser, item = key // n_items, key % n_items
    given = (
        np.maximum(created[item], joined[recogniser])
        + rng.uniform(0, 30, len(item)) * DAY
    )
    rec_domain = np.full(len(item), -1, np.int64)
    explicit = rng.random(len(item)) < 0.3
    rec_domain[explicit] = rng.integers(1, n_tags + 1, explicit.sum())
    accepted = rng.random(len(item)) < 0.05
    votes = rng.integers(0, n_items, recognitions // 3)
    return {
        "joined": joined,
        "author": author,
        "owner": owner,
        "parent": parent,
        "created": created,
        "n_posts": n_posts,
        "n_tags": n_tags,
        "post_tag_item": tag_item,
        "post_tag_domain": tag_domain,
        "tag_item": full_tag_item,
        "tag_domain": full_tag_domain,
        "recogniser": recogniser,
        "item": item,
        "given": given,
        "rec_domain": rec_domain,
        "accepted": accepted,
        "vote_item": votes,
        "vote_up": rng.integers(1, 6, len(votes)).astype(float),
        "vote_down": (rng.random(len(votes)) < 0.1).astype(float),
    }


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def engine_run(members: int, recognitions: int) -> dict:
    from causerie.standing import engine

    started = time.perf_counter()
    data = generate(members, recognitions)
    generated = time.perf_counter() - started
    inputs = engine.Inputs(
        n_members=members,
        n_domains=data["n_tags"] + 1,
        joined_at=data["joined"],
        item_author=data["author"],
        item_owner=data["owner"],
        item_tag_item=data["tag_item"],
        item_tag_domain=data["tag_domain"],
        rec_recogniser=data["recogniser"],
        rec_item=data["item"],
        rec_at=data["given"],
        rec_domain=data["rec_domain"],
        rec_accepted=data["accepted"],
        anon_item=data["vote_item"],
        anon_up=data["vote_up"],
        anon_down=data["vote_down"],
    )
    started = time.perf_counter()
    result = engine.compute(inputs)
    computed = time.perf_counter() - started
    started = time.perf_counter()
    engine.profiles(result, members)
    profiled = time.perf_counter() - started
    return {
        "step": "engine",
        "members": members,
        "recognitions": len(data["item"]),
        "items": len(data["author"]),
        "standing_rows": len(result.member),
        "clusters": len(result.clusters),
        "generate_s": round(generated, 1),
        "compute_s": round(computed, 1),
        "profiles_s": round(profiled, 1),
        "peak_rss_mb": round(peak_rss_mb()),
    }


def _django():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "causerie.settings.dev")
    import django

    django.setup()


def fill_database(members: int, recognitions: int) -> dict:
    """Write the generated community through bulk inserts (not the services:
    this is the data set, not what is measured)."""
    from datetime import UTC, datetime

    from django.db import connection, transaction

    from causerie.accounts.models import User
    from causerie.communities.models import Community, Tag
    from causerie.publishing.models import Comment, Post
    from causerie.recognition.models import Recognition
    from causerie.standing.models import AnonymousVotes

    data = generate(members, recognitions)
    started = time.perf_counter()

    def when(seconds):
        return datetime.fromtimestamp(float(seconds), UTC)

    batch = 20_000
    if connection.vendor == "sqlite":
        connection.cursor().execute("PRAGMA synchronous=OFF")
    with transaction.atomic():
        users = [
            User(
                handle=f"membre{i}",
                display_name=f"Membre {i}",
                password="!",
                date_joined=when(t),
            )
            for i, t in enumerate(data["joined"])
        ]
        User.objects.bulk_create(users, batch_size=batch)
        by_handle = dict(
            User.objects.filter(handle__startswith="membre").values_list("handle", "pk")
        )
        user_ids = np.array([by_handle[f"membre{i}"] for i in range(members)])
        community = Community.objects.create(
            name="Échelle", slug="echelle", description=""
        )
        Tag.objects.bulk_create(
            [
                Tag(community=community, name=f"domaine{i}", slug=f"domaine{i}")
                for i in range(1, data["n_tags"] + 1)
            ]
        )
        tag_ids = dict(
            Tag.objects.filter(community=community).values_list("slug", "pk")
        )
        n_posts = data["n_posts"]
        author = data["author"]
        Post.objects.bulk_create(
            [
                Post(
                    community=community,
                    author_id=int(user_ids[author[i]]),
                    title=f"Billet {i}",
                    body="Texte.",
                    body_html="<p>Texte.</p>",
                    intent="information",
                    published_at=when(data["created"][i]),
                    last_activity_at=when(data["created"][i]),
                )
                for i in range(n_posts)
            ],
            batch_size=batch,
        )
        post_ids = np.array(
            Post.objects.filter(community=community)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        through = Post.tags.through
        through.objects.bulk_create(
            [
                through(post_id=int(post_ids[i]), tag_id=tag_ids[f"domaine{d}"])
                for i, d in zip(
                    data["post_tag_item"], data["post_tag_domain"], strict=True
                )
            ],
            batch_size=batch,
        )
        n_items = len(author)
        Comment.objects.bulk_create(
            [
                Comment(
                    post_id=int(post_ids[data["parent"][i]]),
                    author_id=int(user_ids[author[i]]),
                    body="Réponse.",
                    body_html="<p>Réponse.</p>",
                )
                for i in range(n_posts, n_items)
            ],
            batch_size=batch,
        )
        comment_ids = np.array(
            Comment.objects.filter(post__community=community)
            .order_by("pk")
            .values_list("pk", flat=True)
        )

        def target(item):
            if item < n_posts:
                return int(post_ids[item]), None
            return int(post_ids[data["parent"][item]]), int(comment_ids[item - n_posts])

        rows = []
        for r, item, given, domain, accepted in zip(
            data["recogniser"],
            data["item"],
            data["given"],
            data["rec_domain"],
            data["accepted"],
            strict=True,
        ):
            post_id, comment_id = target(int(item))
            rows.append(
                Recognition(
                    community=community,
                    recogniser_id=int(user_ids[r]),
                    author_id=int(user_ids[author[item]]),
                    post_id=post_id,
                    comment_id=comment_id,
                    tag_id=tag_ids[f"domaine{domain}"] if domain > 0 else None,
                    kind="accepted" if accepted else "useful",
                    given_at=when(given),
                )
            )
            if len(rows) >= batch:
                Recognition.objects.bulk_create(rows)
                rows = []
        Recognition.objects.bulk_create(rows)
        votes = {}
        for item, up, down in zip(
            data["vote_item"], data["vote_up"], data["vote_down"], strict=True
        ):
            post_id, comment_id = target(int(item))
            key = (post_id, comment_id)
            previous = votes.get(key, (0, 0))
            votes[key] = (previous[0] + int(up), previous[1] + int(down))
        AnonymousVotes.objects.bulk_create(
            [
                AnonymousVotes(
                    post_id=p, comment_id=c, day=when(NOW).date(), up=u, down=d
                )
                for (p, c), (u, d) in votes.items()
            ],
            batch_size=batch,
        )
    return {"step": "fill", "fill_s": round(time.perf_counter() - started, 1)}


def recompute_run() -> dict:
    from causerie.communities.models import Community
    from causerie.standing import services
    from causerie.standing.models import Standing

    community = Community.objects.get(slug="echelle")
    started = time.perf_counter()
    services.recompute_community(community=community)
    elapsed = time.perf_counter() - started
    return {
        "step": "recompute",
        "recompute_s": round(elapsed, 1),
        "standing_rows": Standing.objects.filter(community=community).count(),
        "peak_rss_mb": round(peak_rss_mb()),
    }


def incremental_run(runs: int = 30) -> dict:
    """New recognitions of random billets by random members, each taken into
    account by the handler's service."""
    from datetime import UTC, datetime

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from causerie.communities.models import Community
    from causerie.publishing.models import Post
    from causerie.recognition.models import Recognition
    from causerie.standing import services

    community = Community.objects.get(slug="echelle")
    rng = np.random.default_rng(11)
    post_ids = list(
        Post.objects.filter(community=community).values_list("pk", "author_id")[:5000]
    )
    user_ids = list(
        Recognition.objects.filter(community=community).values_list(
            "recogniser_id", flat=True
        )[:5000]
    )
    timings, queries = [], []
    for _ in range(runs):
        post_id, author_id = post_ids[int(rng.integers(len(post_ids)))]
        recogniser = user_ids[int(rng.integers(len(user_ids)))]
        if (
            recogniser == author_id
            or Recognition.objects.filter(
                recogniser_id=recogniser,
                post_id=post_id,
                comment__isnull=True,
                kind="useful",
            ).exists()
        ):
            continue
        recognition = Recognition.objects.create(
            community=community,
            recogniser_id=recogniser,
            author_id=author_id,
            post_id=post_id,
            kind="useful",
            given_at=datetime.fromtimestamp(NOW, UTC),
        )
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as captured:
            services.take_recognition_into_account(recognition_id=recognition.pk)
        timings.append((time.perf_counter() - started) * 1000)
        queries.append(len(captured))
    return {
        "step": "incremental",
        "runs": len(timings),
        "p50_ms": round(float(np.median(timings)), 1),
        "max_ms": round(float(np.max(timings)), 1),
        "queries": int(np.median(queries)),
    }


def child(step: str, members: int, recognitions: int) -> dict:
    """Run one step in a fresh process, so that its peak memory is its own."""
    command = [
        sys.executable,
        __file__,
        "--step",
        step,
        "--members",
        str(members),
        "--recognitions",
        str(recognitions),
    ]
    completed = subprocess.run(command, check=True, capture_output=True, text=True)
    return json.loads(completed.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--recognitions", type=int, default=1_000_000)
    parser.add_argument("--database", action="store_true")
    parser.add_argument("--output")
    parser.add_argument("--step", help=argparse.SUPPRESS)
    options = parser.parse_args()

    if options.step:
        if options.step == "engine":
            result = engine_run(options.members, options.recognitions)
        else:
            _django()
            if options.step == "fill":
                from django.core.management import call_command

                call_command("migrate", verbosity=0)
                result = fill_database(options.members, options.recognitions)
            elif options.step == "recompute":
                result = recompute_run()
            else:
                result = incremental_run()
        print(json.dumps(result))
        return

    results = [child("engine", options.members, options.recognitions)]
    print(json.dumps(results[-1]), flush=True)
    if options.database:
        with tempfile.TemporaryDirectory(prefix="causerie-standing-scale-") as folder:
            os.environ["DATABASE_URL"] = f"sqlite:///{Path(folder) / 'scale.sqlite3'}"
            for step in ("fill", "recompute", "incremental"):
                results.append(child(step, options.members, options.recognitions))
                print(json.dumps(results[-1]), flush=True)
    if options.output:
        Path(options.output).write_text(json.dumps(results, indent=1), "utf-8")


if __name__ == "__main__":
    main()
