"""Daily digest sending on the `make bench-scale` data.

    python bench/bench_digest.py OUT_JSON [--members 10000] [--per-member 5]
        [--locmem-members N] [--profile N]

1. Bulk-creates the notifications: every active member with an email address
   (10,000 by default) gets 3 to 7 unread notifications (5 on average: replies,
   mentions, new comments on followed billets, about random comments of the
   data set), all of kinds sent by daily digest; half of the members have
   explicit NotificationPreference rows saying "digest", the others the
   defaults. Notifications left by a previous run are deleted first.
2. SQL queries per digest: send_digest for 20 members under
   CaptureQueriesContext (locmem backend; their notifications are reset after).
3. Timed: send_daily_digests.enqueue() with django-tasks' ImmediateBackend, so
   the selection and each member's send_digest task run in this process,
   sending through Django's SMTP backend to an aiosmtpd server on 127.0.0.1
   whose handler only counts messages and bytes.
4. Timed again with Django's locmem backend (no SMTP), after marking the
   notifications unsent again; --locmem-members limits this run to the first N
   members (0: all).
--profile N first prints a cProfile of send_digest for N members (locmem).

Writes OUT_JSON and prints a Markdown table. Run by bench/run_scale.sh.
"""

import argparse
import cProfile
import io
import json
import os
import pstats
import random
import socket
import statistics
import sys
import threading
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench_settings")

import django  # noqa: E402

django.setup()

from aiosmtpd.controller import Controller  # noqa: E402
from django.core import mail  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test.utils import CaptureQueriesContext, override_settings  # noqa: E402
from django.utils import timezone  # noqa: E402
from django_tasks.signals import task_finished  # noqa: E402

from causerie.accounts.models import User  # noqa: E402
from causerie.notifications import selectors, services, tasks  # noqa: E402
from causerie.notifications.models import (  # noqa: E402
    EmailMode,
    Notification,
    NotificationPreference,
)
from causerie.publishing.models import Comment  # noqa: E402

SEED = 20261126
KINDS = [
    Notification.Kind.REPLY,
    Notification.Kind.MENTION,
    Notification.Kind.FOLLOWED_POST,
]
IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
LOCMEM = "django.core.mail.backends.locmem.EmailBackend"


def say(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S', time.gmtime())}] {message}", flush=True)


class CountingHandler:
    """aiosmtpd handler that keeps nothing but counts."""

    def __init__(self):
        self.messages = 0
        self.bytes = 0
        self.recipients = set()

    async def handle_DATA(self, server, session, envelope):
        self.messages += 1
        self.bytes += len(envelope.content)
        self.recipients.update(envelope.rcpt_tos)
        return "250 OK"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def seed_notifications(members: int, per_member: int) -> dict:
    rng = random.Random(SEED)
    say("deleting the notifications and preferences of a previous run")
    Notification.objects.all().delete()
    NotificationPreference.objects.all().delete()
    recipients = list(
        User.objects.filter(is_active=True, email__isnull=False)
        .exclude(email="")
        .order_by("pk")
        .values_list("pk", flat=True)[:members]
    )
    wanted = sum(rng.randint(per_member - 2, per_member + 2) for _ in recipients)
    top = Comment.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    say(f"sampling {wanted} comments among {top:,}")
    sample = rng.sample(range(1, top + 1), min(top, wanted * 2))
    comments = []
    for offset in range(0, len(sample), 5000):
        comments += list(
            Comment.objects.filter(pk__in=sample[offset : offset + 5000]).values_list(
                "pk", "post_id", "author_id"
            )
        )
    rng.shuffle(comments)
    rng = random.Random(SEED)
    rows, used = [], 0
    for recipient in recipients:
        for _ in range(rng.randint(per_member - 2, per_member + 2)):
            comment_id, post_id, author_id = comments[used % len(comments)]
            used += 1
            rows.append(
                Notification(
                    recipient_id=recipient,
                    actor_id=author_id if author_id != recipient else recipients[0],
                    kind=rng.choice(KINDS),
                    post_id=post_id,
                    comment_id=comment_id,
                )
            )
    # One notification per (recipient, kind, comment): drop the rare repeats.
    unique = {(n.recipient_id, n.kind, n.comment_id): n for n in rows}
    rows = [n for n in unique.values() if n.actor_id != n.recipient_id]
    preferences = [
        NotificationPreference(member_id=member, kind=kind, email=EmailMode.DIGEST)
        for member in recipients[::2]
        for kind in KINDS
    ]
    say(f"bulk_create: {len(rows)} notifications, {len(preferences)} preferences")
    with transaction.atomic():
        Notification.objects.bulk_create(rows, batch_size=2000)
        NotificationPreference.objects.bulk_create(preferences, batch_size=2000)
    return {
        "members": len(recipients),
        "notifications": len(rows),
        "explicit_preference_rows": len(preferences),
        "english_members": User.objects.filter(
            pk__in=recipients, language="en"
        ).count(),
    }


def profile_digests(member_ids: list[int]) -> None:
    """cProfile of send_digest for these members (locmem), then unsent again."""
    profiler = cProfile.Profile()
    with override_settings(EMAIL_BACKEND=LOCMEM):
        started = time.perf_counter()
        profiler.enable()
        for member_id in member_ids:
            services.send_digest(member_id=member_id)
        profiler.disable()
        seconds = time.perf_counter() - started
        mail.outbox = []
    Notification.objects.filter(recipient_id__in=member_ids).update(emailed_at=None)
    print(
        f"\nprofile: send_digest for {len(member_ids)} members (locmem), "
        f"{seconds * 1000 / len(member_ids):.1f} ms each under cProfile"
    )
    for order, top in (("cumulative", 30), ("tottime", 15)):
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats(order).print_stats(top)
        text = out.getvalue()
        print(f"--- by {order}")
        print(text[text.find("   ncalls") :].rstrip(), flush=True)


def queries_per_digest(member_ids: list[int]) -> dict:
    counts, times = [], []
    with override_settings(EMAIL_BACKEND=LOCMEM):
        for member_id in member_ids:
            started = time.perf_counter()
            with CaptureQueriesContext(connection) as ctx:
                outcome = services.send_digest(member_id=member_id)
            times.append((time.perf_counter() - started) * 1000)
            counts.append(len(ctx.captured_queries))
            assert outcome == services.EmailOutcome.SENT, outcome
        sizes = [len(m.message().as_bytes()) for m in mail.outbox]
        mail.outbox = []
    Notification.objects.filter(recipient_id__in=member_ids).update(emailed_at=None)
    with CaptureQueriesContext(connection) as ctx:
        started = time.perf_counter()
        due = selectors.members_due_a_digest()
        selection_ms = (time.perf_counter() - started) * 1000
    return {
        "sampled_members": len(member_ids),
        "queries_min": min(counts),
        "queries_median": statistics.median(counts),
        "queries_max": max(counts),
        "ms_median_with_query_capture": round(statistics.median(times), 1),
        "message_bytes_median": statistics.median(sizes),
        "selection_queries": len(ctx.captured_queries),
        "selection_ms": round(selection_ms, 1),
        "members_due": len(due),
        "selection_sql": ctx.captured_queries[0]["sql"][:2000]
        if ctx.captured_queries
        else "",
    }


class Outcomes:
    """Counts the outcome of every send_digest task (task_finished signal)."""

    def __init__(self):
        self.counter = Counter()

    def __call__(self, sender, task_result, **kwargs):
        if task_result.task.name == "send_digest":
            status = str(task_result.status)
            if status.endswith("SUCCESSFUL"):
                self.counter[task_result.return_value] += 1
            else:
                self.counter["task failed"] += 1


def timed_run(label: str, expected: int, progress) -> dict:
    outcomes = Outcomes()
    task_finished.connect(outcomes, weak=False)
    stop = threading.Event()

    def report():
        while not stop.wait(15):
            say(f"  {label}: {progress()} digests sent")

    reporter = threading.Thread(target=report, daemon=True)
    reporter.start()
    started = time.perf_counter()
    try:
        with override_settings(TASKS=IMMEDIATE):
            result = tasks.send_daily_digests.enqueue()
    finally:
        seconds = time.perf_counter() - started
        stop.set()
        task_finished.disconnect(outcomes)
    sent = outcomes.counter.get(services.EmailOutcome.SENT, 0)
    say(
        f"{label}: {result.return_value} members due, {sent} sent in {seconds:.1f} s "
        f"({sent / seconds:,.0f} messages/s), outcomes {dict(outcomes.counter)}"
    )
    if sent != expected:
        say(f"WARNING: {sent} digests sent, {expected} expected")
    return {
        "label": label,
        "status": str(result.status),
        "members_due": result.return_value,
        "sent": sent,
        "outcomes": dict(outcomes.counter),
        "seconds": round(seconds, 2),
        "messages_per_s": round(sent / seconds, 1),
        "ms_per_digest": round(seconds * 1000 / max(sent, 1), 2),
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("out_json")
    ap.add_argument("--members", type=int, default=10_000)
    ap.add_argument("--per-member", type=int, default=5)
    ap.add_argument("--locmem-members", type=int, default=0)
    ap.add_argument("--profile", type=int, default=0, help="profile N digests first")
    a = ap.parse_args()
    vendor = connection.vendor
    data = seed_notifications(a.members, a.per_member)
    say(f"{vendor}: {json.dumps(data)}")
    members = list(
        Notification.objects.order_by("recipient_id")
        .values_list("recipient_id", flat=True)
        .distinct()
    )
    sample = members[:: max(1, len(members) // 20)][:20]
    per_digest = queries_per_digest(sample)
    say(
        f"SQL queries per digest: {per_digest['queries_min']}–{per_digest['queries_max']} "
        f"(median {per_digest['queries_median']}); selection: "
        f"{per_digest['selection_queries']} query, {per_digest['selection_ms']} ms, "
        f"{per_digest['members_due']} members due"
    )

    if a.profile:
        profile_digests(members[: a.profile])

    handler = CountingHandler()
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        with override_settings(
            EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=port,
            EMAIL_USE_TLS=False,
            EMAIL_HOST_USER="",
            EMAIL_HOST_PASSWORD="",
        ):
            smtp = timed_run("aiosmtpd", len(members), lambda: handler.messages)
        deadline = time.monotonic() + 30
        while handler.messages < smtp["sent"] and time.monotonic() < deadline:
            time.sleep(0.1)
    finally:
        controller.stop()
    smtp["received"] = handler.messages
    smtp["distinct_recipients"] = len(handler.recipients)
    smtp["mean_message_bytes"] = round(handler.bytes / max(handler.messages, 1))
    say(
        f"aiosmtpd received {handler.messages} messages for {len(handler.recipients)} "
        f"recipients, {handler.bytes / 2**20:.1f} MB"
    )

    Notification.objects.update(emailed_at=None)
    locmem_members = members if not a.locmem_members else members[: a.locmem_members]
    if a.locmem_members:
        Notification.objects.exclude(recipient_id__in=locmem_members).update(
            emailed_at=timezone.now()
        )
    with override_settings(EMAIL_BACKEND=LOCMEM):
        mail.outbox = []
        locmem = timed_run("locmem", len(locmem_members), lambda: len(mail.outbox))
        mail.outbox = []

    report = {
        "vendor": vendor,
        "data": data,
        "per_digest": per_digest,
        "smtp": smtp,
        "locmem": locmem,
    }
    Path(a.out_json).write_text(json.dumps(report, indent=1, default=str))
    print(f"\n### Daily digest, {vendor}\n")
    print("| run | digests | total s | messages/s | ms per digest |")
    print("|---|---|---|---|---|")
    for run in (smtp, locmem):
        print(
            f"| send_daily_digests, {run['label']} | {run['sent']:,} | {run['seconds']} | "
            f"{run['messages_per_s']} | {run['ms_per_digest']} |"
        )
    print(
        f"\nSQL queries per digest: median {per_digest['queries_median']} "
        f"({per_digest['queries_min']}–{per_digest['queries_max']}); selection of the "
        f"members due: {per_digest['selection_ms']} ms."
    )
    print(f"JSON: {a.out_json}")


if __name__ == "__main__":
    main()
