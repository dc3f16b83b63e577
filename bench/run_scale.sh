#!/usr/bin/env bash
# make bench-scale: search, Atom feeds and the daily digest on generated data
# (100,000 billets, 1,000,000 comments, 10,000 members), on SQLite and on PostgreSQL.
#
# For each database in $SCALE_DATABASES ("sqlite postgresql"):
#  1. the scratch database: var/bench-scale/scale.sqlite3 (DATABASE_URL=sqlite:////abs/path)
#     or causerie_scale on $SCALE_PG_URL's server (created with psycopg when missing);
#     an existing one with a complete generation is reused (FRESH=1 starts again);
#     migrate; settings bench/bench_settings.py (DEBUG off), CAUSERIE_VAR_DIR=var/bench-scale.
#  2. bench/scale_seed.py generate: bulk_create of the data (skipped when reused).
#  3. bench/scale_seed.py index: empties the search index and times the project's
#     rebuild (causerie.search.services.rebuild_index); PostgreSQL: VACUUM ANALYZE.
#     INDEX=auto (default) keeps the index of a reused database when the search code
#     (causerie/search/*.py and its migrations) is the one that built it;
#     INDEX=always rebuilds it, INDEX=never keeps it whatever the code.
#  4. bench/bench_search.py: 43 searches through causerie.search.selectors.search,
#     p50 / p95 / max, result counts, SQL plans of the slowest, 5 search pages,
#     index size.
#  5. bench/bench_feeds.py: the four Atom feeds through the Django test client.
#  6. bench/bench_digest.py: 10,000 members with ~5 unread notifications each;
#     send_daily_digests with the immediate task backend, to an aiosmtpd counting
#     server on 127.0.0.1, then with the locmem backend ($LOCMEM_MEMBERS members).
# Everything runs in process on 127.0.0.1; every step has a time limit
# ($STEP_TIMEOUT s). Results: var/bench-scale/<database>-*.json, logs <database>.log.
# KEEP=0 drops both scratch databases at the end (default: kept for the next run).
# STEPS (default "search feeds digest") chooses the measurements of steps 4-6: e.g.
# SCALE_DATABASES=sqlite STEPS=search INDEX=never re-measures search on a kept database.
#
# Environment: SCALE_DATABASES, SCALE_PG_URL (postgresql://postgres@127.0.0.1:5432/causerie_scale),
# BILLETS (100000), COMMENTS (1000000), MEMBERS (10000), AUTHORS (5000), FRESH (0),
# INDEX (auto), KEEP (1), LOCMEM_MEMBERS (2000; 0 = all), RUNS (7, per search),
# STEP_TIMEOUT (3600), STEPS (search feeds digest), SCALE_OUT (var/bench-scale), DIGEST_PROFILE (200: digests profiled).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT=${SCALE_OUT:-$ROOT/var/bench-scale}
PY=$ROOT/.venv/bin/python
SCALE_DATABASES=${SCALE_DATABASES:-sqlite postgresql}
SCALE_PG_URL=${SCALE_PG_URL:-postgresql://postgres@127.0.0.1:5432/causerie_scale}
BILLETS=${BILLETS:-100000}
COMMENTS=${COMMENTS:-1000000}
MEMBERS=${MEMBERS:-10000}
AUTHORS=${AUTHORS:-5000}
FRESH=${FRESH:-0}
INDEX=${INDEX:-auto}
KEEP=${KEEP:-1}
LOCMEM_MEMBERS=${LOCMEM_MEMBERS:-2000}
RUNS=${RUNS:-7}
STEP_TIMEOUT=${STEP_TIMEOUT:-3600}
STEPS=" ${STEPS:-search feeds digest} "
SIZE_ARGS=(--billets "$BILLETS" --comments "$COMMENTS" --members "$MEMBERS" --authors "$AUTHORS")

say() { printf '\n== [%s, load %s] %s\n' "$(date +%H:%M:%S)" "$(cut -d' ' -f1-3 /proc/loadavg)" "$*"; }
die() { printf 'bench-scale: %s\n' "$*" >&2; exit 1; }
[[ -x $PY ]] || die "no $PY: run 'make venv' first"
case $SCALE_PG_URL in
  postgresql://*@127.0.0.1:*/* | postgresql://*@localhost:*/*) ;;
  *) die "SCALE_PG_URL must point at 127.0.0.1 (loopback only): $SCALE_PG_URL" ;;
esac
mkdir -p "$OUT"
cd "$ROOT"

# PostgreSQL's server, and the name of the scale database.
PG_SERVER=${SCALE_PG_URL%/*}
PG_NAME=${SCALE_PG_URL##*/}
pg() {  # pg exists|create|drop: on $PG_NAME, through the server's "postgres" database
  "$PY" - "$PG_SERVER/postgres" "$PG_NAME" "$1" <<'PY'
import sys
import psycopg
from psycopg import sql
url, name, action = sys.argv[1:]
with psycopg.connect(url, autocommit=True, connect_timeout=5) as c:
    exists = c.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
    if action == "exists":
        sys.exit(0 if exists else 1)
    if action == "create" and not exists:
        c.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    if action == "drop" and exists:
        c.execute(sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(name)))
PY
}

machine() {
  "$PY" - "$ROOT" "$SCALE_PG_URL" >"$OUT/machine.json" <<'PY'
import json, os, platform, sqlite3, subprocess, sys, time
import django, psycopg
root, url = sys.argv[1:]
def run(*args):
    try:
        return subprocess.run(args, capture_output=True, text=True, timeout=10).stdout.strip()
    except OSError:
        return "?"
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
try:
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", connect_timeout=5) as c:
        pg = c.execute("SHOW server_version").fetchone()[0]
        pg_settings = {n: c.execute(f"SHOW {n}").fetchone()[0] for n in ("shared_buffers", "work_mem", "maintenance_work_mem")}
except Exception as error:
    pg, pg_settings = f"unreachable ({error})", {}
print(json.dumps({
    "date": time.strftime("%Y-%m-%d %H:%M:%S %Z"),
    "commit": run("git", "-C", root, "rev-parse", "--short", "HEAD"),
    "uncommitted_changes": bool(run("git", "-C", root, "status", "--porcelain")),
    "nproc": os.cpu_count(), "cpu": cpu,
    "memory_gib": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1),
    "kernel": platform.release(), "python": platform.python_version(),
    "django": django.__version__, "sqlite": sqlite3.sqlite_version,
    "postgresql": pg, "postgresql_settings": pg_settings,
}, indent=1))
PY
  cat "$OUT/machine.json"
}

# The search code the index is built by: a reused index is rebuilt when it changes.
SEARCH_CODE=$(cat causerie/search/*.py causerie/search/migrations/*.py | sha1sum | cut -c1-12)
STARTED=$SECONDS
say "machine"
machine

for DB in $SCALE_DATABASES; do
  case $DB in
    sqlite)
      FILE=$OUT/scale.sqlite3
      URL=sqlite:///$FILE
      if [[ $FRESH == 1 ]]; then rm -f "$FILE" "$FILE-wal" "$FILE-shm"; fi
      [[ -f $FILE ]] || rm -f "$OUT/$DB-seed.json"
      ;;
    postgresql)
      URL=$SCALE_PG_URL
      "$PY" -c "import psycopg,sys; psycopg.connect(sys.argv[1], connect_timeout=3).close()" \
        "$PG_SERVER/postgres" 2>/dev/null || die "PostgreSQL not reachable at $PG_SERVER"
      if [[ $FRESH == 1 ]]; then pg drop; fi
      pg exists || rm -f "$OUT/$DB-seed.json"
      pg create
      ;;
    *) die "unknown database '$DB' (sqlite or postgresql)" ;;
  esac
  ENV=(env DJANGO_SETTINGS_MODULE=bench_settings "PYTHONPATH=$ROOT/bench${PYTHONPATH:+:$PYTHONPATH}"
    "CAUSERIE_VAR_DIR=$OUT" "DATABASE_URL=$URL" DEBUG=0 PYTHONUNBUFFERED=1)
  STEP=(timeout "$STEP_TIMEOUT")
  LOG=$OUT/$DB.log
  : >"$LOG"
  {
    T0=$SECONDS
    say "$DB: migrate ($URL)"
    "${ENV[@]}" "${STEP[@]}" "$PY" manage.py migrate --noinput -v 0
    "${ENV[@]}" "${STEP[@]}" "$PY" manage.py collectstatic --noinput -v 0
    say "$DB: generate (bulk_create)"
    "${ENV[@]}" "${STEP[@]}" "$PY" bench/scale_seed.py generate "$OUT/$DB-seed.json" "${SIZE_ARGS[@]}"
    say "$DB: search index (services.rebuild_index; INDEX=$INDEX, search code $SEARCH_CODE)"
    case $INDEX in
      never) echo "kept as it is (INDEX=never)" ;;
      always) "${ENV[@]}" "${STEP[@]}" "$PY" bench/scale_seed.py index "$OUT/$DB-seed.json" --force \
        --code-hash "$SEARCH_CODE" ;;
      *) "${ENV[@]}" "${STEP[@]}" "$PY" bench/scale_seed.py index "$OUT/$DB-seed.json" \
        --code-hash "$SEARCH_CODE" ;;
    esac
    if [[ $STEPS == *" search "* ]]; then
      say "$DB: search latency"
      "${ENV[@]}" "${STEP[@]}" "$PY" bench/bench_search.py "$OUT/$DB-seed.json" "$OUT/$DB-search.json" \
        --runs "$RUNS"
    fi
    if [[ $STEPS == *" feeds "* ]]; then
      say "$DB: Atom feeds"
      "${ENV[@]}" "${STEP[@]}" "$PY" bench/bench_feeds.py "$OUT/$DB-seed.json" "$OUT/$DB-feeds.json"
    fi
    if [[ $STEPS == *" digest "* ]]; then
      say "$DB: daily digest"
      "${ENV[@]}" "${STEP[@]}" "$PY" bench/bench_digest.py "$OUT/$DB-digest.json" \
        --members "$MEMBERS" --locmem-members "$LOCMEM_MEMBERS" --profile "${DIGEST_PROFILE:-200}"
    fi
    say "$DB: done in $((SECONDS - T0)) s"
  } 2>&1 | tee -a "$LOG"
done

if [[ $KEEP == 0 ]]; then
  say "dropping the scratch databases (KEEP=0)"
  rm -f "$OUT/scale.sqlite3" "$OUT/scale.sqlite3-wal" "$OUT/scale.sqlite3-shm" "$OUT"/*-seed.json
  if [[ $SCALE_DATABASES == *postgresql* ]]; then pg drop; fi
fi
say "bench-scale finished in $((SECONDS - STARTED)) s; results in $OUT/*.json, logs $OUT/*.log"
