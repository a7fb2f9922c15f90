#!/usr/bin/env bash
# PLUS load benchmark: the three HTTP functions (feedback ingest, summary, score) under wrk, each
# next to the raw baseline it should be judged against, measured in the same run on the same
# machine: pgbench durable INSERTs (ingest), redis-benchmark GETs (cached summaries) and the
# jar's encoder-bench (scoring is mostly encoding). Medians over --rounds; a Markdown table goes
# to stdout and to plus-out/load/results.md.
#
#   src/load/run-load-bench.sh [--duration 10] [--rounds 3] [--warmup 45] [--port 18080]
#
# Needs: the packaged jar (./mvnw -B -DskipTests package), wrk, pgbench, psql, createdb,
# redis-cli, redis-benchmark, curl, java; PostgreSQL and Redis reachable (PGHOST/PGPORT/PGUSER,
# REDIS_HOST/REDIS_PORT; defaults 127.0.0.1:5432 as postgres, 127.0.0.1:6379).
# It works only in its own database plus_load (dropped and re-created on every run), Redis
# database 15 for the redis-benchmark key, and tenant "load" on the server it starts itself.
set -euo pipefail

usage() { # the comment block at the top of this file
  awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}"
}

# --- options ------------------------------------------------------------------------------------
DURATION=10        # seconds per measured run (wrk -d, pgbench -T); score runs 3x as long (see run_wrk)
ROUNDS=3           # measured runs per scenario and baseline; medians are reported
WARMUP=45          # seconds of unmeasured wrk load per scenario first: a JVM service needs about a minute of traffic to reach steady state (C2); 0 = none
PORT="${PLUS_LOAD_PORT:-18080}"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --duration) DURATION="$2"; shift 2 ;;
    --rounds) ROUNDS="$2"; shift 2 ;;
    --warmup) WARMUP="$2"; shift 2 ;;
    --port) PORT="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
done
for n in "$DURATION" "$ROUNDS" "$WARMUP" "$PORT"; do
  [[ "$n" =~ ^[0-9]+$ ]] || { echo "not a whole number: $n" >&2; exit 2; }
done
(( DURATION >= 1 && ROUNDS >= 1 )) || { echo "--duration and --rounds must be at least 1" >&2; exit 2; }

# Everything is relative to the repository root, wherever the script is called from.
SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$SCRIPT_DIR/../.." && pwd)"
cd "$ROOT"

PGHOST="${PGHOST:-127.0.0.1}"
PGPORT="${PGPORT:-5432}"
PGUSER="${PGUSER:-postgres}"
export PGHOST PGPORT PGUSER
REDIS_HOST="${REDIS_HOST:-127.0.0.1}"
REDIS_PORT="${REDIS_PORT:-6379}"
DB=plus_load
REDIS_DB=15
TENANT=load
SUMMARY_USERS=16    # u0000..u0015: seeded, summarised and cached before the summary/score runs
BATCH=100           # events per request in ingest-batch
CANDIDATES=16       # candidates per request in score
MAX_SOCKET_ERRORS=5 # a handful of socket errors is noise; more means the server is failing
# --timeout 30s: a slow answer should show in the latency percentiles; with a shorter timeout wrk
# counts it as an error and leaves it out of them.
WRK_OPTS=(-t2 -c8 --latency --timeout 30s)

JAR=target/quarkus-app/quarkus-run.jar
OUT=plus-out/load
LOG_DIR="$OUT/logs"
MODELS_DIR="${PLUS_MODELS_DIR:-$OUT/models}"
CACHE_DIR="$OUT/cache"
BASE_URL="http://127.0.0.1:$PORT"
RUN_ID="$(date -u +%Y%m%dT%H%M%SZ)-$$"   # prefix of every event id and candidate text of this run

# --- preconditions --------------------------------------------------------------------------------
missing=0
need() {
  command -v "$1" >/dev/null 2>&1 && return 0
  echo "missing: $1 — $2" >&2
  missing=1
}
need wrk "install it, e.g. 'sudo apt-get install -y wrk' (Debian/Ubuntu) or 'brew install wrk'"
need pgbench "part of the PostgreSQL client tools (Debian: postgresql-contrib or postgresql-client)"
need psql "PostgreSQL client (Debian: postgresql-client)"
need createdb "PostgreSQL client (Debian: postgresql-client)"
need redis-benchmark "part of Redis (Debian: redis-tools)"
need redis-cli "part of Redis (Debian: redis-tools)"
need curl "Debian: curl"
need java "a JDK 17"
if [[ ! -f "$JAR" ]]; then
  echo "missing: $JAR — run ./mvnw -B -DskipTests package first" >&2
  missing=1
fi
(( missing == 0 )) || exit 1
psql -d postgres -tAc 'select 1' >/dev/null || { echo "cannot reach PostgreSQL at $PGHOST:$PGPORT as $PGUSER" >&2; exit 1; }
[[ "$(redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" ping 2>/dev/null)" == PONG ]] \
  || { echo "cannot reach Redis at $REDIS_HOST:$REDIS_PORT" >&2; exit 1; }
if curl -s -o /dev/null --max-time 2 "$BASE_URL/"; then
  echo "something already answers on port $PORT; stop it or pick another with --port" >&2
  exit 1
fi

mkdir -p "$LOG_DIR" "$MODELS_DIR" "$CACHE_DIR"
rm -f "$LOG_DIR"/*.txt "$LOG_DIR"/*.csv "$LOG_DIR"/*.log
MODELS_DIR="$(cd "$MODELS_DIR" && pwd)"
CACHE_DIR="$(cd "$CACHE_DIR" && pwd)"
# Model files and embedding caches of every jar run stay under plus-out/load.
export PLUS_CACHE_DIR="$CACHE_DIR"
# The server's whole configuration: our database, port and models, never the defaults.
SERVER_ENV=(PLUS_DB_URL="postgresql://$PGHOST:$PGPORT/$DB" PLUS_DB_USER="$PGUSER"
  PLUS_REDIS_URL="redis://$REDIS_HOST:$REDIS_PORT" PLUS_MODELS_DIR="$MODELS_DIR" PLUS_HTTP_PORT="$PORT"
  # one tenant sends everything: the bench measures the server, not the per-tenant rate limit
  PLUS_SERVE_LIMITS_TENANT_REQUESTS_PER_SECOND=1000000 PLUS_SERVE_LIMITS_TENANT_BURST=1000000)

# `serve --help` boots the application (port, database) before it prints, hence SERVER_ENV; and a
# jar without serve answers with the top-level usage and exit 0, hence the grep for serve's own.
# (Output captured first: grep -q closing the pipe early would fail the pipeline under pipefail.)
SERVE_HELP="$(env "${SERVER_ENV[@]}" java -jar "$JAR" serve --help 2>&1 || true)"
if ! grep -q 'Usage: plus serve' <<<"$SERVE_HELP"; then
  echo "$JAR has no 'serve' command — rebuild it: ./mvnw -B -DskipTests package" >&2
  exit 1
fi

# --- clean-up ---------------------------------------------------------------------------------------
SERVER_PID=""
cleanup() {
  local rc=$?
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$SERVER_PID" 2>/dev/null || true
  fi
  redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" -n "$REDIS_DB" DEL 'key:__rand_int__' >/dev/null 2>&1 || true
  if (( rc != 0 )); then
    echo "load benchmark FAILED (exit $rc); logs in $LOG_DIR" >&2
  fi
}
trap cleanup EXIT

# shellcheck source=src/load/lib.sh
source "$SCRIPT_DIR/lib.sh"

# ================================================================================================
# 1. A PLUS bundle for the server to load (made once; later runs reuse it)
# ================================================================================================
ensure_bundle

# ================================================================================================
# 2. Own database, dropped and re-created so every run starts from the same empty state
# ================================================================================================
log "re-creating database $DB"
pg -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null
createdb "$DB"

# ================================================================================================
# 3. Baselines, before the server starts (nothing else busy on the machine)
# ================================================================================================
# a) pgbench: durable single-row INSERTs, 8 clients / 2 threads like wrk's 8 connections / 2 threads.
#    The table lives in its own schema and is dropped afterwards, so the server later finds the
#    database as empty as it was created.
pg -d "$DB" >/dev/null <<'SQL'
CREATE SCHEMA load_baseline;
CREATE TABLE load_baseline.events (
  id bigserial PRIMARY KEY,
  user_id text NOT NULL,
  payload text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
SQL
PG_RATES=()
for r in $(seq 1 "$ROUNDS"); do
  pg -d "$DB" -c CHECKPOINT >/dev/null 2>&1 || true  # no checkpoint left over from the last round
  log "pgbench round $r/$ROUNDS (${DURATION}s)"
  pgbench -n -c 8 -j 2 -T "$DURATION" -f "$SCRIPT_DIR/pgbench-insert.sql" "$DB" >"$LOG_DIR/pgbench-$r.txt" 2>&1 \
    || { cat "$LOG_DIR/pgbench-$r.txt" >&2; exit 1; }
  tps="$(awk '/^tps = / { print $3; exit }' "$LOG_DIR/pgbench-$r.txt")"
  [[ -n "$tps" ]] || { cat "$LOG_DIR/pgbench-$r.txt" >&2; echo "no tps in pgbench output" >&2; exit 1; }
  PG_RATES+=("$tps")
done
pg -d "$DB" -c 'DROP SCHEMA load_baseline CASCADE' >/dev/null
PG_MEDIAN="$(median "${PG_RATES[@]}")"

# b) redis-benchmark GET of a value the size of a cached summary (~600 bytes), in Redis database
#    15 so the server's cache (database 0) is not touched. --csv gives requests/s and, on Redis 7,
#    the p99 latency in ms.
redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" -n "$REDIS_DB" SET 'key:__rand_int__' "$(printf 'x%.0s' $(seq 1 600))" >/dev/null
REDIS_RATES=()
REDIS_P99S=()
for r in $(seq 1 "$ROUNDS"); do
  log "redis-benchmark round $r/$ROUNDS"
  redis-benchmark -h "$REDIS_HOST" -p "$REDIS_PORT" --dbnum "$REDIS_DB" -t get -n 200000 -c 50 -P 1 --csv \
    >"$LOG_DIR/redis-$r.csv" 2>&1 || { cat "$LOG_DIR/redis-$r.csv" >&2; exit 1; }
  read -r rps p99 < <(tr -d '"\r' <"$LOG_DIR/redis-$r.csv" | awk -F, '
    NR == 1 { for (i = 1; i <= NF; i++) if ($i == "p99_latency_ms") col = i }
    $1 == "GET" { print $2, (col ? $col : "n/a"); exit }') || true
  [[ -n "${rps:-}" ]] || { cat "$LOG_DIR/redis-$r.csv" >&2; echo "no GET line in redis-benchmark output" >&2; exit 1; }
  REDIS_RATES+=("$rps")
  [[ "$p99" == n/a ]] || REDIS_P99S+=("$p99")
done
redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" -n "$REDIS_DB" DEL 'key:__rand_int__' >/dev/null
REDIS_MEDIAN="$(median "${REDIS_RATES[@]}")"
REDIS_P99_MEDIAN="$(median "${REDIS_P99S[@]+"${REDIS_P99S[@]}"}")"

# c) the bare encoder: texts/s through PLUS's batched encoder (no HTTP, no cache), the ceiling for
#    score's candidates/s. encoder-bench also prints the raw ONNX Runtime rate; kept for the notes.
#    Measured on texts built like score.lua's candidates: the bound depends on text length.
#    Batch 8, the serving encoder's batch size and the fastest here on these texts (8: 134/s,
#    16: 128/s, 32: 112/s), so the bound is the best the bare encoder does.
ENCODER_BATCH=8
CANDIDATE_TEXTS="$LOG_DIR/candidate-texts.txt"
# The nonce has the shape and length of the one the score runs get ("$RUN_ID-score-<round>").
awk -v n=256 -v nonce="$RUN_ID-score-1" -v per="$CANDIDATES" -f "$SCRIPT_DIR/candidate-texts.awk" "$SCRIPT_DIR/texts.lua" \
  >"$CANDIDATE_TEXTS"
ENC_RATES=()
RAW_RATES=()
for r in $(seq 1 "$ROUNDS"); do
  log "encoder-bench round $r/$ROUNDS ($ENCODER_ID)"
  java -jar "$JAR" encoder-bench --encoders "$ENCODER_ID" --batch "$ENCODER_BATCH" --texts-file "$CANDIDATE_TEXTS" --repeats 3 \
    >"$LOG_DIR/encoder-$r.txt" 2>&1 || { tail -n 30 "$LOG_DIR/encoder-$r.txt" >&2; exit 1; }
  read -r enc raw < <(awk -F'|' -v id="$ENCODER_ID" '
    { gsub(/ /, "", $2) } $2 == id { gsub(/ /, "", $7); gsub(/ /, "", $8); print $7, $8; exit }' "$LOG_DIR/encoder-$r.txt") || true
  [[ -n "${enc:-}" ]] || { cat "$LOG_DIR/encoder-$r.txt" >&2; echo "no $ENCODER_ID row in encoder-bench output" >&2; exit 1; }
  ENC_RATES+=("$enc")
  RAW_RATES+=("$raw")
done
ENC_MEDIAN="$(median "${ENC_RATES[@]}")"
RAW_MEDIAN="$(median "${RAW_RATES[@]}")"

# ================================================================================================
# 4. The server: cold start and readiness
# ================================================================================================
log "starting the server on port $PORT"
START_NS="$(date +%s%N)"
# The functions answer data calls only with an API key: one for the load tenant, every data scope
# (made in the bench's own database, whose schema this brings up to date).
PLUS_API_KEY="$(env "${SERVER_ENV[@]}" java -jar "$JAR" keys create --tenant "$TENANT" --name load-bench \
  --scopes ingest,summary:read,summary:write,score,erase 2>"$LOG_DIR/keys.log")" \
  || { cat "$LOG_DIR/keys.log" >&2; echo "cannot create the bench's API key" >&2; exit 1; }
export PLUS_API_KEY
AUTH=(-H "Authorization: Bearer $PLUS_API_KEY")
# env execs java, so $! is the JVM's pid (for /proc/<pid>/maps below).
# shellcheck disable=SC2086  # PLUS_LOAD_JAVA_OPTS is a list of JVM flags
env "${SERVER_ENV[@]}" java ${PLUS_LOAD_JAVA_OPTS:-} -jar "$JAR" serve >"$LOG_DIR/server.log" 2>&1 &
SERVER_PID=$!

# Cold start = process launch -> first answered GET /v1/users/warmup/summary (an answer is any
# 2xx-4xx: "warmup" has no feedback, so 404 is a fine answer; 5xx and no connection are not).
COLD_MS=n/a
COLD_STATUS=n/a
READY=0
READY_MS=n/a
deadline=$(( $(date +%s) + 120 ))
while :; do
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then
    tail -n 40 "$LOG_DIR/server.log" >&2
    echo "the server exited during start-up (log: $LOG_DIR/server.log)" >&2
    exit 1
  fi
  if [[ "$COLD_MS" == n/a ]]; then
    code="$(curl -s "${AUTH[@]}" -o /dev/null -w '%{http_code}' --max-time 5 "$BASE_URL/v1/users/warmup/summary?tenant=$TENANT" || true)"
    if [[ "$code" =~ ^[234][0-9][0-9]$ ]]; then
      COLD_MS=$(( ($(date +%s%N) - START_NS) / 1000000 ))
      COLD_STATUS="$code"
    fi
  fi
  if (( READY == 0 )); then
    code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$BASE_URL/q/health/ready" || true)"
    if [[ "$code" == 200 ]]; then
      READY=1
      READY_MS=$(( ($(date +%s%N) - START_NS) / 1000000 ))
      ready_at=$(date +%s)
    fi
  fi
  if (( READY == 1 )) && { [[ "$COLD_MS" != n/a ]] || (( $(date +%s) - ready_at > 10 )); }; then
    break
  fi
  if (( $(date +%s) > deadline )); then
    tail -n 40 "$LOG_DIR/server.log" >&2
    echo "the server was not ready (GET /q/health/ready = 200) within 120 s" >&2
    exit 1
  fi
  sleep 0.05
done
log "ready after ${READY_MS} ms; first summary answer (HTTP $COLD_STATUS) after ${COLD_MS} ms"

# ================================================================================================
# 5. The PLUS scenarios under wrk
# ================================================================================================
FAILURES=()
CACHE_NOTES=()

# The serving paths must run without libtorch (plain-Java reward head and summarizer, ONNX
# Runtime encoder): is it mapped into the server process? Checked after each phase, so that a
# "yes" says which phase loaded it; LIBTORCH is the latest answer (the table shows it after scoring).
LIBTORCH=unknown
LIBTORCH_STAGES=()
libtorch_check() {
  if [[ -r "/proc/$SERVER_PID/maps" ]]; then
    if (( $(grep -c libtorch "/proc/$SERVER_PID/maps" || true) > 0 )); then LIBTORCH=yes; else LIBTORCH=no; fi
  else
    LIBTORCH="unknown (no /proc/$SERVER_PID/maps)"
  fi
  LIBTORCH_STAGES+=("$1: $LIBTORCH")
}
libtorch_check "ready"

erase_summary_users
# 1 + 2: ingest, users spread over u0000..u0999
scenario ingest-single ingest-single.lua
scenario ingest-batch ingest-batch.lua "$BATCH"
libtorch_check "after ingest"

# 3: cached summaries, for users whose summaries are made and cached first.
if seed_summary_users; then
  scenario summary-hit summary-hit.lua "$SUMMARY_USERS"
  # ...and still hits afterwards (nothing evicted or invalidated them under load).
  HIT_CHECK+="; after the runs u0000: $(x_plus_cache "$BASE_URL/v1/users/u0000/summary?tenant=$TENANT" || true)"
else
  RPS_SUMMARY_HIT=FAILED; P99_SUMMARY_HIT=FAILED; ROUNDS_SUMMARY_HIT=FAILED
fi
libtorch_check "after summaries"

# 4: score, for the summary users (summaries cached), 16 never-seen candidates per request
scenario score score.lua "$CANDIDATES" "$SUMMARY_USERS"

libtorch_check "after scoring"

# ================================================================================================
# 6. Report
# ================================================================================================
ING1_EPS="$(calc a*b "$RPS_INGEST_SINGLE" 1)"
INGB_EPS="$(calc a*b "$RPS_INGEST_BATCH" "$BATCH")"
SCORE_CPS="$(calc a*b "$RPS_SCORE" "$CANDIDATES")"
f() { local v; v="$(calc fmt "$1")"; [[ "$v" == n/a ]] && echo "${1}" || echo "$v"; }
fu() { # value with its unit, or just FAILED / n/a
  local v; v="$(f "$1")"
  [[ "$v" =~ ^[0-9.]+$ ]] && echo "$v $2" || echo "$v"
}
goal_ratio() { # goal_ratio VALUE BASELINE MIN_FRACTION
  local ratio; ratio="$(calc a/b "$1" "$2")"
  [[ "$ratio" =~ ^[0-9.eE+-]+$ ]] || { echo "≥ $(calc pct "$3" 1) — $ratio"; return; }
  echo "≥ $(calc pct "$3" 1) — $(calc ge "$ratio" "$3")"
}
P99_GOAL="≤ 5 ms — $( [[ "$P99_SUMMARY_HIT" =~ ^[0-9.]+$ ]] && calc le "$P99_SUMMARY_HIT" 5 || echo n/a )"

REPORT="$(cat <<EOF
## PLUS load benchmark

$(date -u +%Y-%m-%dT%H:%M:%SZ), commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown), $(nproc 2>/dev/null || echo '?') cores,
wrk ${WRK_OPTS[*]} -d${DURATION}s (score: -d$(( DURATION * 3 ))s), pgbench -c 8 -j 2 -T ${DURATION}, medians of ${ROUNDS} rounds (after ${WARMUP}s unmeasured wrk warm-up per scenario).
Everything (server, PostgreSQL, Redis, load generators) shares this one machine.

| scenario | PLUS median | baseline median | ratio | goal |
|---|---|---|---|---|
| single-event ingest (POST /v1/feedback) | $(fu "$ING1_EPS" events/s) | pgbench $(fu "$PG_MEDIAN" inserts/s) | $(calc pct "$ING1_EPS" "$PG_MEDIAN") | $(goal_ratio "$ING1_EPS" "$PG_MEDIAN" 0.25) |
| batched ingest ($BATCH events/request) | $(fu "$INGB_EPS" events/s) | pgbench $(fu "$PG_MEDIAN" inserts/s) | $(calc pct "$INGB_EPS" "$PG_MEDIAN") | $(goal_ratio "$INGB_EPS" "$PG_MEDIAN" 0.50) |
| summary cache hits, throughput | $(fu "$RPS_SUMMARY_HIT" requests/s) | redis GET $(fu "$REDIS_MEDIAN" requests/s) | $(calc pct "$RPS_SUMMARY_HIT" "$REDIS_MEDIAN") | $(goal_ratio "$RPS_SUMMARY_HIT" "$REDIS_MEDIAN" 0.15) |
| summary cache hits, p99 latency | $(fu "$P99_SUMMARY_HIT" ms) | redis GET p99 $(fu "$REDIS_P99_MEDIAN" ms) | — | $P99_GOAL |
| score ($CANDIDATES new candidates/request) | $(fu "$SCORE_CPS" candidates/s) | encoder $(fu "$ENC_MEDIAN" sentences/s) | $(calc pct "$SCORE_CPS" "$ENC_MEDIAN") | $(goal_ratio "$SCORE_CPS" "$ENC_MEDIAN" 0.80) |
| server cold start (launch → first answered summary GET) | ${COLD_MS} ms (HTTP ${COLD_STATUS}) | — | — | reported |
| libtorch mapped in the server after scoring | ${LIBTORCH} | — | — | no — $( [[ "$LIBTORCH" == no ]] && echo met || echo "NOT met" ) |

Details:
- p99 latency (ms): single ingest $(f "$P99_INGEST_SINGLE"), batched ingest $(f "$P99_INGEST_BATCH"), summary hit $(f "$P99_SUMMARY_HIT"), score $(f "$P99_SCORE").
- wrk requests/s per round: single ingest [${ROUNDS_INGEST_SINGLE}], batched ingest [${ROUNDS_INGEST_BATCH}], summary hit [${ROUNDS_SUMMARY_HIT}], score [${ROUNDS_SCORE}].
- baselines per round: pgbench inserts/s [${PG_RATES[*]}]; redis GET/s [${REDIS_RATES[*]}], p99 ms [${REDIS_P99S[*]+"${REDIS_P99S[*]}"}]; encoder $ENCODER_ID texts/s [${ENC_RATES[*]}] (batch $ENCODER_BATCH), raw ONNX Runtime median $(f "$RAW_MEDIAN") texts/s.
- server ready (GET /q/health/ready = 200) after ${READY_MS} ms; summary cache check: ${HIT_CHECK}; X-Plus-Cache during the summary runs: [$( (( ${#CACHE_NOTES[@]} )) && printf '%s; ' "${CACHE_NOTES[@]}" | sed 's/; $//')].
- libtorch mapped in the server: $(printf '%s; ' "${LIBTORCH_STAGES[@]}" | sed 's/; $//').
- bundle: $(basename "$(dirname "$BUNDLE_MANIFEST")") ($MODELS_DIR); logs: $LOG_DIR.
EOF
)"
if (( ${#FAILURES[@]} > 0 )); then
  REPORT+=$'\n\nFAILED:\n'"$(printf -- '- %s\n' "${FAILURES[@]}")"
fi
printf '%s\n' "$REPORT" | tee "$OUT/results.md"

if (( ${#FAILURES[@]} > 0 )); then
  exit 1
fi
