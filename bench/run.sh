#!/usr/bin/env bash
# make bench: Causerie against the framework ceiling, same machine, same run, same load tool.
#
#  1. var/bench/: its own SQLite database (bench/bench_settings.py = dev settings, DEBUG off),
#     migrate, collectstatic, bench/seed.py (one community, 50 billets, one billet with 200
#     comments in threads, member "bench"), SQL query count of each measured request.
#  2. Causerie on gunicorn (2 sync workers, 127.0.0.1:$BENCH_PORT) and the ceiling site of
#     ../shared/bench/peers (Django page rendering 200 SQLite rows, gunicorn 2 workers,
#     127.0.0.1:$CEILING_PORT) through the peers' own setup_ceiling.sh.
#  3. peers/load.py (wrk): c=16, 20 s, 3 repeats, median, for the ceiling page, the 200-comment
#     billet page, the community page and posting a comment as "bench" (to another billet);
#     the repeats are interleaved rounds (ceiling, billet, community, POST; x3).
#  4. var/bench/results-<date>.json and a Markdown table on stdout.
#  5. Every server started here is stopped on exit (trap), within a bounded time.
#
# Environment: CAUSERIE_SHARED_BENCH (default ../shared/bench beside the repository),
# PEERS (the peers' scratch, default var/bench/peers), BENCH_PORT (8101), CEILING_PORT (8102),
# C (16), DUR (20), REP (3), PROFILE (N > 0: also cProfile N billet GETs before measuring),
# WAIT_IDLE (60: before each measurement, wait up to this many seconds for the machine to be
# idle, i.e. under 0.25 core busy over 2 s; 0 = do not wait).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SHARED_BENCH=${CAUSERIE_SHARED_BENCH:-$(dirname "$ROOT")/shared/bench}
PEERS_BIN=$SHARED_BENCH/peers
OUT=$ROOT/var/bench
RESULTS=$OUT/results
PY=$ROOT/.venv/bin/python
PORT=${BENCH_PORT:-8101}
CEILING_PORT=${CEILING_PORT:-8102}
C=${C:-16}
DUR=${DUR:-20}
REP=${REP:-3}
export PEERS=${PEERS:-$OUT/peers}
BASE=http://127.0.0.1:$PORT
CEILING_URL=http://127.0.0.1:$CEILING_PORT/rows/

say() { printf '\n== %s\n' "$*"; }
die() { printf 'bench: %s\n' "$*" >&2; exit 1; }

[[ -x $PY ]] || die "no $PY: run 'make' (or 'make venv') first"
[[ -f $PEERS_BIN/load.py && -f $PEERS_BIN/setup_ceiling.sh ]] ||
  die "peers' scripts not found in $PEERS_BIN (set CAUSERIE_SHARED_BENCH)"
command -v wrk >/dev/null || die "wrk is needed: apt-get install -y wrk"
command -v curl >/dev/null || die "curl is needed: apt-get install -y curl"
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for p in "$PORT" "$CEILING_PORT"; do
  listening "$p" && die "port $p is already in use on 127.0.0.1 (set BENCH_PORT / CEILING_PORT)"
done

# Causerie's environment, given to Causerie's commands only (not to the ceiling's scripts).
CENV=(env DJANGO_SETTINGS_MODULE=bench_settings "PYTHONPATH=$ROOT/bench${PYTHONPATH:+:$PYTHONPATH}"
  "CAUSERIE_VAR_DIR=$OUT" "DATABASE_URL=sqlite:///$OUT/bench.sqlite3" DEBUG=0 BENCH_PYTHON="$PY")
cd "$ROOT"

# ---------------------------------------------------------------- 1. database
say "1. scratch database $OUT/bench.sqlite3"
mkdir -p "$OUT" "$RESULTS"
rm -f "$OUT"/bench.sqlite3 "$OUT"/bench.sqlite3-wal "$OUT"/bench.sqlite3-shm "$RESULTS"/*.json
"${CENV[@]}" "$PY" manage.py migrate --noinput -v 0
"${CENV[@]}" "$PY" manage.py collectstatic --noinput -v 0
"${CENV[@]}" "$PY" bench/seed.py "$OUT/seed.json"
read_seed() { "$PY" -c "import json,sys; print(json.load(open('$OUT/seed.json'))[sys.argv[1]])" "$1"; }
THREAD_URL=$BASE$(read_seed thread_url)
COMMUNITY_URL=$BASE$(read_seed community_url)
COMMENT_URL=$BASE$(read_seed comment_create_url)
COMMENT_POST_URL=$BASE$(read_seed comment_post_url)
LOGIN_PATH=$(read_seed login_path)
LOGIN=$(read_seed login)
PASSWORD=$(read_seed password)
echo "billet with 200 comments: $THREAD_URL"
echo "community page:           $COMMUNITY_URL"
echo "comments posted to:       $COMMENT_URL (as $LOGIN)"
echo "ceiling page:             $CEILING_URL"

say "SQL queries per request (Django test client, in process)"
PROFILE_ARGS=()
[[ ${PROFILE:-0} -gt 0 ]] && PROFILE_ARGS=(--profile "$PROFILE" --top 15)
"${CENV[@]}" "$PY" bench/profile_page.py "$OUT/seed.json" --json "$OUT/queries.json" "${PROFILE_ARGS[@]}"

# ---------------------------------------------------------------- 2. servers
CAUSERIE_PID=""
CEILING_STARTED=""
wait_gone() {  # wait_gone PID SECONDS: 0 once PID has exited
  local i
  for ((i = 0; i < $2 * 10; i++)); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.1; done
  return 1
}
stop_servers() {
  local status=$? pid workers
  trap - EXIT INT TERM
  # A load run still going: `timeout` passes the signal to its whole group (load.py and wrk).
  if [[ -n ${LOAD_PID:-} ]]; then
    kill -TERM "$LOAD_PID" 2>/dev/null || true
    wait_gone "$LOAD_PID" 10 || kill -KILL "$LOAD_PID" 2>/dev/null || true
  fi
  if [[ -n $CAUSERIE_PID ]]; then
    workers=$(pgrep -P "$CAUSERIE_PID" 2>/dev/null || true)
    kill -TERM "$CAUSERIE_PID" 2>/dev/null || true
    if ! wait_gone "$CAUSERIE_PID" 15; then kill -KILL "$CAUSERIE_PID" 2>/dev/null || true; fi
    for pid in $workers; do wait_gone "$pid" 5 || kill -KILL "$pid" 2>/dev/null || true; done
    echo "Causerie gunicorn (pid $CAUSERIE_PID) stopped"
  fi
  if [[ -n $CEILING_STARTED && -f $PEERS/ceiling/gunicorn.pid ]]; then
    pid=$(cat "$PEERS/ceiling/gunicorn.pid")
    workers=$(pgrep -P "$pid" 2>/dev/null || true)
    timeout 20 bash "$PEERS_BIN/setup_ceiling.sh" gunicorn stop || kill -TERM "$pid" 2>/dev/null || true
    if ! wait_gone "$pid" 15; then kill -KILL "$pid" 2>/dev/null || true; fi
    for w in $workers; do wait_gone "$w" 5 || kill -KILL "$w" 2>/dev/null || true; done
    rm -f "$PEERS/ceiling/gunicorn.pid"
    echo "ceiling gunicorn (pid $pid) stopped"
  fi
  exit "$status"
}
trap stop_servers EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

say "2. servers"
"${CENV[@]}" "$ROOT/.venv/bin/gunicorn" --workers 2 --worker-class sync --bind "127.0.0.1:$PORT" \
  --no-control-socket --pid "$OUT/gunicorn.pid" --error-logfile "$OUT/gunicorn.log" \
  causerie.wsgi:application &
CAUSERIE_PID=$!
for i in $(seq 100); do
  curl -sf -o /dev/null "$THREAD_URL" && break
  kill -0 "$CAUSERIE_PID" 2>/dev/null || { tail -20 "$OUT/gunicorn.log" >&2; die "Causerie's gunicorn died"; }
  sleep 0.2
done
curl -sf -o /dev/null "$THREAD_URL" || die "Causerie does not answer on $THREAD_URL (see $OUT/gunicorn.log)"
echo "Causerie up: $BASE pid $CAUSERIE_PID"

# The peers' own script: venv (first time only), seed, gunicorn --daemon; no control socket so
# that it cannot clash with another gunicorn's default socket.
CEILING_STARTED=1
GUNICORN_CMD_ARGS="--no-control-socket" CEILING_PORT=$CEILING_PORT WORKERS=2 \
  timeout 600 bash "$PEERS_BIN/setup_ceiling.sh" gunicorn
CEILING_PID=$(cat "$PEERS/ceiling/gunicorn.pid")

# ---------------------------------------------------------------- login, warm-up, sanity
say "login as $LOGIN and warm-up"
eval "$(python3 "$PEERS_BIN/login_django.py" "$BASE" "$LOGIN_PATH" "$LOGIN" "$PASSWORD" \
  --user-field login --pass-field password --shell)"
[[ -n ${COOKIE:-} && -n ${CSRF:-} ]] || die "login failed"
urlenc() { "$PY" -c "import sys, urllib.parse; print(urllib.parse.quote_plus(sys.argv[1]))" "$1"; }
# A Markdown comment of about 300 characters like the seeded ones; {n} makes each one unique.
BODY_START=$(urlenc "Merci pour ce billet, commentaire de charge n°")
BODY_END=$(urlenc " : j'ai essayé la **levure US-05** à 20 °C et la densité finale était de 1,010.

- refroidissement avec un serpentin en cuivre
- garde de trois semaines au frais

Voir [le guide](https://example.org/guide-du-brasseur) et la commande \`malt --densite 1.050\`.")
POST_BODY="csrfmiddlewaretoken=$CSRF&body=$BODY_START{n}$BODY_END"
POST_HEADERS=(-H "Content-Type: application/x-www-form-urlencoded" -H "X-CSRFToken: $CSRF"
  -H "Referer: $COMMENT_POST_URL")
for url in "$THREAD_URL" "$COMMUNITY_URL" "$CEILING_URL"; do
  for i in $(seq 20); do curl -sf -o /dev/null "$url" || die "warm-up GET failed: $url"; done
done
for i in $(seq 5); do
  got=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' "${POST_HEADERS[@]}" \
    -b "$COOKIE" --data "${POST_BODY//\{n\}/warmup-$i}" "$COMMENT_URL")
  [[ $got == "302 $COMMENT_POST_URL#c"* ]] || die "posting a comment answered '$got', not a 302 to the new comment"
done
echo "logged in; GETs and comment POSTs answer as expected"

# ---------------------------------------------------------------- 3. load
# Rounds: each round measures every target once (load.py --repeat 1), so the ceiling and
# Causerie see the same machine conditions; report.py merges the rounds into one load.py
# summary per target (median over the rounds, as load.py --repeat would give).
WAIT_IDLE=${WAIT_IDLE:-60}
wait_idle() {  # other work on the machine (tests, builds) skews every figure: let it pass first
  [[ $WAIT_IDLE -gt 0 ]] || return 0
  python3 - "$WAIT_IDLE" <<'PY'
import sys, time
def busy():
    v = [int(x) for x in open("/proc/stat").readline().split()[1:]]
    return sum(v[:8]) - v[3] - v[4], sum(v[:8])
deadline = time.monotonic() + float(sys.argv[1])
while True:
    b0, t0 = busy(); time.sleep(2); b1, t1 = busy()
    cores = (b1 - b0) / max(1, t1 - t0) * len([l for l in open("/proc/stat") if l[:3] == "cpu" and l[3].isdigit()])
    if cores < 0.25:
        break
    if time.monotonic() > deadline:
        print(f"   (machine still busy: {cores:.2f} core used by other processes; measuring anyway)")
        break
PY
}
LOAD=(timeout $((DUR + 90)) python3 "$PEERS_BIN/load.py" --backend wrk -c "$C" -d "$DUR" --repeat 1)
say "3. load: c=$C, ${DUR} s, $REP rounds of ceiling / billet / community / comment POST, median"
LOAD_PID=""
measure() {  # measure LABEL SERVER_PID ROUND load.py-args...: one run, into $RESULTS/LABEL-rROUND.json
  local label=$1 pid=$2 round=$3
  shift 3
  wait_idle
  # In the background + wait, so that a signal stops the run at once (the trap ends the load too).
  "${LOAD[@]}" --pid "$pid" --label "$label" "$@" >"$RESULTS/$label-r$round.json" &
  LOAD_PID=$!
  wait "$LOAD_PID"
  LOAD_PID=""
}
for ((round = 1; round <= REP; round++)); do
  echo "-- round $round/$REP"
  measure ceiling-rows "$CEILING_PID" "$round" "$CEILING_URL"
  measure billet-200 "$CAUSERIE_PID" "$round" "$THREAD_URL"
  measure community "$CAUSERIE_PID" "$round" "$COMMUNITY_URL"
  measure comment-post "$CAUSERIE_PID" "$round" -m POST "${POST_HEADERS[@]}" --cookie "$COOKIE" \
    --body "$POST_BODY" "$COMMENT_URL"
done

# ---------------------------------------------------------------- 4. report
say "4. results"
STAMP=$(date +%Y-%m-%d-%H%M)
BENCH_PYTHON=$PY BENCH_ROOT=$ROOT python3 "$ROOT/bench/report.py" "$OUT/results-$STAMP.json" "$RESULTS" \
  "$OUT/seed.json" "$OUT/queries.json"
echo
echo "Detail (peers/report.py):"
python3 "$PEERS_BIN/report.py" "$RESULTS"/ceiling-rows.json "$RESULTS"/billet-200.json \
  "$RESULTS"/community.json "$RESULTS"/comment-post.json
# 5. stop_servers runs on exit.
