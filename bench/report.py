"""Gather one bench/run.sh run into a JSON file and print a Markdown table.

    python3 bench/report.py OUT_JSON RESULTS_DIR SEED_JSON QUERIES_JSON

RESULTS_DIR holds one load.py summary per target and round, <label>-r<N>.json
(ceiling-rows, billet-200, community, comment-post); they are merged into
<label>.json, in load.py's own format (runs listed, median over them), which
peers/report.py also reads. Each page's median req/s is divided by the ceiling's
(Django 200-row page, same machine, same run, same server settings).
Standard library only.
"""

import json
import os
import platform
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROWS = [
    ("billet-200", "Billet page, 200 comments (anonymous GET)", "billet_200_comments"),
    ("community", "Community page, 20 of 50 billets (anonymous GET)", "community"),
    ("comment-post", "Post a comment (logged in, CSRF, POST → 302)", "comment_post"),
    ("ceiling-rows", "Ceiling: Django 200-row page (peers/ceiling_site)", None),
]
TARGET = 0.40  # billet page / ceiling
NOISY_OTHER_CORES = (
    0.25  # CPU used by other processes during a run, beyond which figures are doubtful
)


def merge(results_dir: Path, label: str) -> dict | None:
    """One load.py-style summary from the rounds <label>-r1.json, <label>-r2.json, ..."""
    parts = sorted(
        results_dir.glob(f"{label}-r*.json"),
        key=lambda p: int(p.stem.rsplit("-r", 1)[1]),
    )
    if not parts:
        single = results_dir / f"{label}.json"
        return json.loads(single.read_text()) if single.exists() else None
    summaries = [json.loads(p.read_text()) for p in parts]
    runs = []
    for number, summary in enumerate(summaries, 1):
        for run in summary["runs"]:
            runs.append({**run, "run": number})

    def med(key):
        values = [r[key] for r in runs if r.get(key) is not None]
        return round(statistics.median(values), 2) if values else None

    merged = {**summaries[0], "repeat": len(runs), "runs": runs}
    merged["median"] = {
        "rps": med("rps"),
        "p50_ms": med("p50_ms"),
        "p99_ms": med("p99_ms"),
        "requests": med("requests"),
        "non_2xx_3xx_total": sum(r["non_2xx_3xx"] for r in runs),
        "rss_peak_mb": med("rss_peak_mb"),
        "cpu_other_cores": round(
            statistics.median(r["cpu_cores"]["other"] for r in runs), 2
        ),
    }
    merged["uptime_load"] = summaries[-1].get("uptime_load")
    merged["interleaved_rounds"] = len(summaries)
    (results_dir / f"{label}.json").write_text(json.dumps(merged, indent=1))
    return merged


def command(*args: str) -> str:
    try:
        return subprocess.run(
            args, capture_output=True, text=True, timeout=10
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "?"


def git_state() -> dict:
    root = os.environ.get("BENCH_ROOT", ".")
    commit = command("git", "-C", root, "rev-parse", "--short", "HEAD")
    dirty = command("git", "-C", root, "status", "--porcelain", "--untracked-files=no")
    return {"commit": commit, "uncommitted_changes": bool(dirty and dirty != "?")}


def machine() -> dict:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    venv_python = os.environ.get("BENCH_PYTHON", sys.executable)
    return {
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "kernel": platform.release(),
        "python": command(
            venv_python, "-c", "import sys; print(sys.version.split()[0])"
        ),
        "sqlite": command(
            venv_python, "-c", "import sqlite3; print(sqlite3.sqlite_version)"
        ),
        "django": command(
            venv_python, "-c", "import django; print(django.__version__)"
        ),
        "gunicorn": command(venv_python, "-m", "gunicorn", "--version"),
        "wrk": command("wrk", "--version").splitlines()[0]
        if command("wrk", "--version")
        else "?",
        "load_python_sqlite": sqlite3.sqlite_version,
        "loadavg_end": Path("/proc/loadavg").read_text().split()[:3],
    }


def errors(summary: dict) -> int:
    socket = sum(sum(r["socket_errors"].values()) for r in summary["runs"])
    return summary["median"]["non_2xx_3xx_total"] + socket


def main() -> None:
    out_json, results_dir, seed_json, queries_json = sys.argv[1:5]
    results = {}
    for label, _, _ in ROWS:
        merged = merge(Path(results_dir), label)
        if merged:
            results[label] = merged
    queries = (
        json.loads(Path(queries_json).read_text())
        if Path(queries_json).exists()
        else {}
    )
    seed = json.loads(Path(seed_json).read_text())
    seed.pop("password", None)
    ceiling = results.get("ceiling-rows", {}).get("median", {}).get("rps")

    table = []
    for label, title, query_key in ROWS:
        if label not in results:
            continue
        s = results[label]
        m = s["median"]
        ratio = round(m["rps"] / ceiling, 3) if ceiling else None
        table.append(
            {
                "label": label,
                "page": title,
                "url": s["first_url"],
                "rps": m["rps"],
                "p50_ms": m["p50_ms"],
                "p99_ms": m["p99_ms"],
                "errors": errors(s),
                "rps_per_run": [r["rps"] for r in s["runs"]],
                "resp_kb": round(s["runs"][0].get("bytes_per_resp", 0) / 1024, 1),
                "queries": queries.get(query_key, {}).get("queries")
                if query_key
                else 1,
                "ratio_to_ceiling": ratio,
                "server_cpu_cores": round(
                    statistics.median(r["cpu_cores"]["server"] for r in s["runs"]), 2
                ),
                # CPU time of the server (master + workers) per request: barely moved by other
                # processes competing for the cores, unlike req/s.
                "server_cpu_ms_per_req": round(
                    statistics.median(
                        1000 * r["cpu_cores"]["server"] / r["rps"]
                        for r in s["runs"]
                        if r["rps"]
                    ),
                    2,
                ),
                "other_cpu_cores": m.get("cpu_other_cores"),
                "rss_peak_mb": m.get("rss_peak_mb"),
            }
        )
    ceiling_cpu = next(
        (
            row["server_cpu_ms_per_req"]
            for row in table
            if row["label"] == "ceiling-rows"
        ),
        None,
    )
    for row in table:
        row["cpu_ratio_to_ceiling"] = (
            round(ceiling_cpu / row["server_cpu_ms_per_req"], 3)
            if ceiling_cpu and row["server_cpu_ms_per_req"]
            else None
        )
    billet = next((row for row in table if row["label"] == "billet-200"), None)
    report = {
        "date": time.strftime("%Y-%m-%d %H:%M:%S %Z"),
        "machine": machine(),
        "code": git_state(),
        "settings": {
            "server": "gunicorn 2 sync workers, 127.0.0.1, no access log",
            "load": "peers/load.py, wrk backend",
            "concurrency": next(iter(results.values()))["concurrency"]
            if results
            else None,
            "duration_s": next(iter(results.values()))["duration_s"]
            if results
            else None,
            "repeat": next(iter(results.values()))["repeat"] if results else None,
            "statistic": "median of the repeats",
        },
        "seed": seed,
        "queries_per_request": queries,
        "table": table,
        "billet_to_ceiling": billet["ratio_to_ceiling"] if billet else None,
        "billet_to_ceiling_by_cpu": billet["cpu_ratio_to_ceiling"] if billet else None,
        "target_billet_to_ceiling": TARGET,
        "raw": results,
    }
    Path(out_json).write_text(json.dumps(report, indent=1))

    print(
        f"\nCauserie benchmark, {report['date']} — {report['machine']['nproc']} cores, "
        f"Python {report['machine']['python']}, SQLite {report['machine']['sqlite']}, "
        f"c={report['settings']['concurrency']}, {report['settings']['duration_s']:g} s × "
        f"{report['settings']['repeat']}, median\n"
    )
    code = report["code"]
    print(
        f"Code: {code['commit']}{' + uncommitted changes' if code['uncommitted_changes'] else ''}\n"
    )
    print(
        "| page | req/s | p50 ms | p99 ms | errors | ratio to ceiling | req/s per run | resp KB | SQL queries | server CPU ms/req |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    for row in table:
        ratio = (
            f"{row['ratio_to_ceiling']:.0%}"
            if row["ratio_to_ceiling"] is not None
            else "–"
        )
        print(
            f"| {row['page']} | **{row['rps']}** | {row['p50_ms']} | {row['p99_ms']} | {row['errors']} | "
            f"{ratio} | {', '.join(str(x) for x in row['rps_per_run'])} | {row['resp_kb']} | "
            f"{row['queries'] if row['queries'] is not None else '?'} | {row['server_cpu_ms_per_req']} |"
        )
    if billet and billet["ratio_to_ceiling"] is not None:
        verdict = "meets" if billet["ratio_to_ceiling"] >= TARGET else "misses"
        print(
            f"\nBillet page / ceiling: {billet['ratio_to_ceiling']:.0%} ({verdict} the ≥ {TARGET:.0%} target)"
        )
        if billet["cpu_ratio_to_ceiling"] is not None:
            print(
                f"By server CPU per request (less sensitive to other load): "
                f"{billet['cpu_ratio_to_ceiling']:.0%} ({ceiling_cpu} ms for the ceiling, "
                f"{billet['server_cpu_ms_per_req']} ms for the billet page)"
            )
    noisy = [
        row["label"]
        for row in table
        if (row["other_cpu_cores"] or 0) > NOISY_OTHER_CORES
    ]
    if noisy:
        print(
            f"WARNING: other processes used more than {NOISY_OTHER_CORES} core during {', '.join(noisy)} "
            "(median 'other CPU cores' in the detail below): the machine was busy, figures are doubtful."
        )
    print(f"JSON: {out_json}")


if __name__ == "__main__":
    main()
