#!/usr/bin/env bash
# What authentication costs: the load benchmark's scenarios (ingest, summary cache hits, score)
# served by this build (every call authenticated, rate-limited, its transactions bound to the
# caller's tenant) and by a build from before authentication existed, both running at once and measured in
# alternating rounds (A B, B A, ...) so that a noisy machine hurts both alike. Medians over
# --rounds; a Markdown table goes to stdout and to plus-out/load-auth/results.md.
#
#   src/load/run-auth-overhead-bench.sh --baseline-app DIR [--duration 10] [--rounds 3] [--warmup 20] [--port 18080]
#       [--scenarios ingest-single,ingest-batch,summary-hit,score]
#
# DIR is the quarkus-app folder of the build to compare against, for example one made from the
# last commit before API keys:
#   git clone -q . ../plus-before && git -C ../plus-before checkout -q 80efe86
#   (cd ../plus-before && ./mvnw -B -q -DskipTests package)   # then --baseline-app ../plus-before/target/quarkus-app
# Both send the same requests (the baseline ignores the Authorization header). Needs what
# run-load-bench.sh needs; works in its own databases plus_load_auth and plus_load_open (dropped
# and re-created) and Redis databases 1 and 2.
set -euo pipefail

usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}"; }

DURATION=10
ROUNDS=3
WARMUP=20
PORT="${PLUS_LOAD_PORT:-18080}"
BASELINE_APP=""
SCENARIOS="ingest-single,ingest-batch,summary-hit,score"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --baseline-app) BASELINE_APP="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    --rounds) ROUNDS="$2"; shift 2 ;;
    --warmup) WARMUP="$2"; shift 2 ;;
    --port) PORT="$2"; shift 2 ;;
    --scenarios) SCENARIOS="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
done
[[ -n "$BASELINE_APP" ]] || { echo "--baseline-app DIR is required (see --help)" >&2; exit 2; }
for s in ${SCENARIOS//,/ }; do
  [[ "$s" =~ ^(ingest-single|ingest-batch|summary-hit|score)$ ]] \
    || { echo "unknown scenario: $s (ingest-single, ingest-batch, summary-hit, score)" >&2; exit 2; }
done
for n in "$DURATION" "$ROUNDS" "$WARMUP" "$PORT"; do
  [[ "$n" =~ ^[0-9]+$ ]] || { echo "not a whole number: $n" >&2; exit 2; }
done
(( DURATION >= 1 && ROUNDS >= 1 )) || { echo "--duration and --rounds must be at least 1" >&2; exit 2; }
BASELINE_JAR="$(cd "$BASELINE_APP" 2>/dev/null && pwd)/quarkus-run.jar"
[[ -f "$BASELINE_JAR" ]] || { echo "no quarkus-run.jar in $BASELINE_APP" >&2; exit 2; }

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$SCRIPT_DIR/../.." && pwd)"
cd "$ROOT"
# shellcheck source=src/load/lib.sh
source "$SCRIPT_DIR/lib.sh"

PGHOST="${PGHOST:-127.0.0.1}"
PGPORT="${PGPORT:-5432}"
PGUSER="${PGUSER:-postgres}"
export PGHOST PGPORT PGUSER
REDIS_HOST="${REDIS_HOST:-127.0.0.1}"
REDIS_PORT="${REDIS_PORT:-6379}"
TENANT=load
SUMMARY_USERS=16
CANDIDATES=16
BATCH=100
MAX_SOCKET_ERRORS=5
WRK_OPTS=(-t2 -c8 --latency --timeout 30s)
JAR=target/quarkus-app/quarkus-run.jar
OUT=plus-out/load-auth
LOG_DIR="$OUT/logs"
# The bundle and embedding cache of the load benchmark, made once and shared.
MODELS_DIR="${PLUS_MODELS_DIR:-plus-out/load/models}"
CACHE_DIR="plus-out/load/cache"
RUN_ID="$(date -u +%Y%m%dT%H%M%SZ)-$$"
FAILURES=()
CACHE_NOTES=()

for tool in wrk psql createdb curl java; do
  command -v "$tool" >/dev/null 2>&1 || { echo "missing: $tool (see src/load/run-load-bench.sh --help)" >&2; exit 1; }
done
[[ -f "$JAR" ]] || { echo "missing: $JAR — run ./mvnw -B -DskipTests package first" >&2; exit 1; }
mkdir -p "$LOG_DIR" "$MODELS_DIR" "$CACHE_DIR"
rm -f "$LOG_DIR"/*
MODELS_DIR="$(cd "$MODELS_DIR" && pwd)"
CACHE_DIR="$(cd "$CACHE_DIR" && pwd)"
export PLUS_CACHE_DIR="$CACHE_DIR"
ensure_bundle

# The two servers: A is this build, B the baseline. Each has its own database, Redis database and port.
NAMES=(auth open)
JARS=("$JAR" "$BASELINE_JAR")
PORTS=("$PORT" $(( PORT + 1 )))
PIDS=()
for i in 0 1; do
  curl -s -o /dev/null --max-time 2 "http://127.0.0.1:${PORTS[$i]}/" \
    && { echo "something already answers on port ${PORTS[$i]}; pick another --port" >&2; exit 1; }
done
server_env() { # server_env INDEX — the whole configuration of one server
  echo "PLUS_DB_URL=postgresql://$PGHOST:$PGPORT/plus_load_${NAMES[$1]}" "PLUS_DB_USER=$PGUSER" \
    "PLUS_REDIS_URL=redis://$REDIS_HOST:$REDIS_PORT/$(( $1 + 1 ))" "PLUS_MODELS_DIR=$MODELS_DIR" \
    "PLUS_HTTP_PORT=${PORTS[$1]}" \
    PLUS_SERVE_LIMITS_TENANT_REQUESTS_PER_SECOND=1000000 PLUS_SERVE_LIMITS_TENANT_BURST=1000000
}
cleanup() {
  local rc=$? pid
  for pid in "${PIDS[@]+"${PIDS[@]}"}"; do
    kill -TERM "$pid" 2>/dev/null || true
  done
  for pid in "${PIDS[@]+"${PIDS[@]}"}"; do
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  (( rc == 0 )) || echo "auth overhead benchmark FAILED (exit $rc); logs in $LOG_DIR" >&2
}
trap cleanup EXIT

# The same key goes to both (the baseline ignores it), so both get byte-identical requests.
for i in 0 1; do
  pg -d postgres -c "DROP DATABASE IF EXISTS plus_load_${NAMES[$i]} WITH (FORCE)" >/dev/null
  createdb "plus_load_${NAMES[$i]}"
done
# shellcheck disable=SC2046  # server_env prints NAME=value words
PLUS_API_KEY="$(env $(server_env 0) java -jar "$JAR" keys create --tenant "$TENANT" --name auth-overhead-bench \
  --scopes ingest,summary:read,summary:write,score,erase 2>"$LOG_DIR/keys.log")" \
  || { cat "$LOG_DIR/keys.log" >&2; echo "cannot create the bench's API key" >&2; exit 1; }
export PLUS_API_KEY
AUTH=(-H "Authorization: Bearer $PLUS_API_KEY")

for i in 0 1; do
  log "starting ${NAMES[$i]} (${JARS[$i]}) on port ${PORTS[$i]}"
  # shellcheck disable=SC2046
  env $(server_env "$i") java -jar "${JARS[$i]}" serve >"$LOG_DIR/server-${NAMES[$i]}.log" 2>&1 &
  PIDS+=($!)
done
for i in 0 1; do
  deadline=$(( $(date +%s) + 180 ))
  until [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:${PORTS[$i]}/q/health/ready" || true)" == 200 ]]; do
    kill -0 "${PIDS[$i]}" 2>/dev/null || { tail -n 40 "$LOG_DIR/server-${NAMES[$i]}.log" >&2; echo "${NAMES[$i]} exited during start-up" >&2; exit 1; }
    (( $(date +%s) < deadline )) || { echo "${NAMES[$i]} was not ready within 180 s" >&2; exit 1; }
    sleep 0.2
  done
done


# measure SCENARIO SCRIPT ARGS... — warm-up on each server, then ROUNDS rounds alternating which
# server goes first; sets RATES_<scenario>_<server> (space-separated) or FAILED.
measure() {
  local scenario="$1" script="$2" r i order var
  shift 2
  for i in 0 1; do
    BASE_URL="http://127.0.0.1:${PORTS[$i]}"
    var="RATES_$(tr 'a-z-' 'A-Z_' <<<"$scenario")_${NAMES[$i]^^}"
    printf -v "$var" '%s' ""
    if (( WARMUP > 0 )); then
      log "$scenario on ${NAMES[$i]}: warm-up ${WARMUP}s"
      run_wrk "$scenario-${NAMES[$i]}" "$script" warmup "$@" || printf -v "$var" '%s' FAILED
    fi
  done
  for r in $(seq 1 "$ROUNDS"); do
    if (( r % 2 )); then order=(0 1); else order=(1 0); fi
    for i in "${order[@]}"; do
      BASE_URL="http://127.0.0.1:${PORTS[$i]}"
      var="RATES_$(tr 'a-z-' 'A-Z_' <<<"$scenario")_${NAMES[$i]^^}"
      [[ "${!var}" == FAILED ]] && continue
      log "$scenario on ${NAMES[$i]}: round $r/$ROUNDS ($(duration_of "$scenario" "$r")s)"
      if run_wrk "$scenario-${NAMES[$i]}" "$script" "$r" "$@"; then
        printf -v "$var" '%s' "${!var:+${!var} }$WRK_RPS"
      else
        printf -v "$var" '%s' FAILED
      fi
    done
  done
}
chosen() { [[ ",$SCENARIOS," == *",$1,"* ]]; }
for s in RATES_INGEST_SINGLE RATES_INGEST_BATCH RATES_SUMMARY_HIT RATES_SCORE; do
  printf -v "${s}_AUTH" '%s' "not run"; printf -v "${s}_OPEN" '%s' "not run"
done
if chosen ingest-single; then measure ingest-single ingest-single.lua; fi
if chosen ingest-batch; then measure ingest-batch ingest-batch.lua "$BATCH"; fi
# The summary users are seeded after ingest, whose events (users u0000..u0999) would invalidate them.
HIT_CHECKS=()
for i in 0 1; do
  BASE_URL="http://127.0.0.1:${PORTS[$i]}"
  erase_summary_users
  seed_summary_users || { printf '%s\n' "${FAILURES[@]}" >&2; exit 1; }
  HIT_CHECKS+=("${NAMES[$i]}: $HIT_CHECK")
done
if chosen summary-hit; then measure summary-hit summary-hit.lua "$SUMMARY_USERS"; fi
if chosen score; then measure score score.lua "$CANDIDATES" "$SUMMARY_USERS"; fi

row() { # row LABEL RATES_AUTH RATES_OPEN FACTOR UNIT
  [[ "$2" == "not run" ]] && return 0
  local a="FAILED" o="FAILED"
  # shellcheck disable=SC2086  # the rates are a space-separated list
  [[ "$2" == FAILED ]] || a="$(calc a*b "$(median $2)" "$4")"
  # shellcheck disable=SC2086
  [[ "$3" == FAILED ]] || o="$(calc a*b "$(median $3)" "$4")"
  local ratio; ratio="$(calc a/b "$a" "$o")"
  echo "| $1 | $(calc fmt "$a") $5 | $(calc fmt "$o") $5 | $(calc pct "$a" "$o") | ≥ 90% — $(calc ge "$ratio" 0.9) |"
}
ROWS="$(
  row "single-event ingest" "$RATES_INGEST_SINGLE_AUTH" "$RATES_INGEST_SINGLE_OPEN" 1 events/s
  row "batched ingest ($BATCH events/request)" "$RATES_INGEST_BATCH_AUTH" "$RATES_INGEST_BATCH_OPEN" "$BATCH" events/s
  row "summary cache hits" "$RATES_SUMMARY_HIT_AUTH" "$RATES_SUMMARY_HIT_OPEN" 1 requests/s
  row "score ($CANDIDATES new candidates/request)" "$RATES_SCORE_AUTH" "$RATES_SCORE_OPEN" "$CANDIDATES" candidates/s
)"
REPORT="$(cat <<REPORT_END
## Authentication overhead

$(date -u +%Y-%m-%dT%H:%M:%SZ), commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown) against $(git -C "$BASELINE_APP" rev-parse --short HEAD 2>/dev/null || echo "$BASELINE_APP"), $(nproc 2>/dev/null || echo '?') cores,
wrk ${WRK_OPTS[*]} -d${DURATION}s (score: -d$(( DURATION * 3 ))s), medians of ${ROUNDS} alternating rounds after ${WARMUP}s warm-up each.
Both servers run at once on this machine with PostgreSQL, Redis and wrk; one is under load at a time.

| scenario | with authentication | without (baseline build) | ratio | goal |
|---|---|---|---|---|
$ROWS

Details:
- wrk requests/s per round: single ingest with [${RATES_INGEST_SINGLE_AUTH}], without [${RATES_INGEST_SINGLE_OPEN}]; batched ingest with [${RATES_INGEST_BATCH_AUTH}], without [${RATES_INGEST_BATCH_OPEN}]; summary hit with [${RATES_SUMMARY_HIT_AUTH}], without [${RATES_SUMMARY_HIT_OPEN}]; score with [${RATES_SCORE_AUTH}], without [${RATES_SCORE_OPEN}].
- summary cache check: $(printf '%s; ' "${HIT_CHECKS[@]}" | sed 's/; $//'); X-Plus-Cache during the runs: [$( (( ${#CACHE_NOTES[@]} )) && printf '%s; ' "${CACHE_NOTES[@]}" | sed 's/; $//')].
REPORT_END
)"
if (( ${#FAILURES[@]} > 0 )); then
  REPORT+=$'\n\nFAILED:\n'"$(printf -- '- %s\n' "${FAILURES[@]}")"
fi
printf '%s\n' "$REPORT" | tee "$OUT/results.md"
(( ${#FAILURES[@]} == 0 ))
