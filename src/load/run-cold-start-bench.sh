#!/usr/bin/env bash
# Cold start of each function, to its first answered request, and what each image carries:
#  - per function (feedback-ingest, summarize, score): time from the JVM's launch to the first 2xx
#    answer of that function's own request (POST /v1/feedback, GET /v1/users/{u}/summary,
#    POST /v1/score), median of --rounds fresh JVMs, on a database already migrated with a model
#    active (a pod started by the autoscaler or a restart), in three set-ups measured in the same run:
#    JDK 17 (the baseline), JDK 25 without a cache, JDK 25 with an AOT cache (-XX:AOTCache) trained
#    the way the image build does it (the function started without a database, its health endpoints
#    called, stopped);
#  - the application's lib folder for the serving image (built with -Dplus.serving-image: no
#    libtorch) beside the full build (training, the operator, the CLI).
# A Markdown table goes to stdout and to plus-out/cold-start-bench/results.md.
#
#   ./mvnw -B -DskipTests package                       # the full build, in target/quarkus-app
#   src/load/run-cold-start-bench.sh [--rounds 5] [--port 18120] [--jdk25 DIR]
#
# The serving build is made in a clone of this checkout under plus-out/cold-start-bench (its own
# target folder). Needs java 17, a JDK 25 (default: /usr/lib/jvm/temurin-25-jdk-amd64), psql, curl;
# PostgreSQL and Redis reachable (PGHOST/PGPORT/PGUSER, defaults 127.0.0.1:5432 as postgres;
# PLUS_REDIS_URL). Works only in its own database plus_cold_start (dropped and re-created).
set -euo pipefail

usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}"; }

ROUNDS=5
PORT=18120
JDK25=/usr/lib/jvm/temurin-25-jdk-amd64
while [[ $# -gt 0 ]]; do
  case "$1" in
    --rounds) ROUNDS="$2"; shift 2 ;;
    --port) PORT="$2"; shift 2 ;;
    --jdk25) JDK25="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
done
for n in "$ROUNDS" "$PORT"; do
  [[ "$n" =~ ^[0-9]+$ ]] || { echo "not a whole number: $n" >&2; exit 2; }
done
(( ROUNDS >= 1 )) || { echo "--rounds >= 1" >&2; exit 2; }
[[ -x "$JDK25/bin/java" ]] || { echo "no JDK 25 at $JDK25 (--jdk25 DIR)" >&2; exit 2; }

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$SCRIPT_DIR/../.." && pwd)"
cd "$ROOT"
for tool in java psql curl git; do
  command -v "$tool" >/dev/null || { echo "needs $tool" >&2; exit 2; }
done
FULL_APP="$ROOT/target/quarkus-app"
[[ -f "$FULL_APP/quarkus-run.jar" ]] || { echo "build the jar first: ./mvnw -B -DskipTests package" >&2; exit 2; }

OUT="$ROOT/plus-out/cold-start-bench"
LOGS="$OUT/logs"
rm -rf "$OUT"
mkdir -p "$LOGS" "$OUT/models"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
DB=plus_cold_start
pg() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# --- the serving build: the same sources, libtorch left out ------------------------------------
git clone -q "$ROOT" "$OUT/serving-src"
cp "$ROOT/pom.xml" "$OUT/serving-src/pom.xml" # uncommitted pom changes count too
(cd "$OUT/serving-src" && ./mvnw -B -q -DskipTests -Dplus.serving-image package >"$LOGS/serving-build.log" 2>&1)
APP="$OUT/serving-src/target/quarkus-app"
size_mb() { du -sb "$1" | awk '{ printf "%.0f", $1 / 1048576 }'; }
FULL_LIB=$(size_mb "$FULL_APP/lib")
SERVING_LIB=$(size_mb "$APP/lib")
TORCH_JARS=$(find "$APP/lib" -name '*pytorch-native*' | wc -l)

# --- a database with the schema and an active model, as a running installation has ------------
pg -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)"
pg -d postgres -c "CREATE DATABASE $DB"
java -jar "$FULL_APP/quarkus-run.jar" generate --dataset pets --seed 1 --out "$OUT/pets" >"$LOGS/generate.log" 2>&1
java -jar "$FULL_APP/quarkus-run.jar" train --data "$OUT/pets" --method PLUS --iterations 20 --epochs 5 \
  --bundles "$OUT/models" >"$LOGS/train.log" 2>&1
export PLUS_DB_URL="postgresql://$PGHOST:$PGPORT/$DB" PLUS_DB_USER="$PGUSER" PLUS_MODELS_DIR="$OUT/models"
export PLUS_HTTP_PORT="$PORT"
BASE="http://127.0.0.1:$PORT"

# data calls need an API key of the bench's tenant
API_KEY="$(java -jar "$FULL_APP/quarkus-run.jar" keys create --tenant bench --name cold-start-bench \
  --scopes ingest,summary:read,score 2>"$LOGS/keys.log")" || { cat "$LOGS/keys.log" >&2; exit 1; }
AUTH="Authorization: Bearer $API_KEY"

request() { # one request of function $1; prints the HTTP status
  case "$1" in
    feedback-ingest) curl -s -o /dev/null -w '%{http_code}' -H "$AUTH" -H 'Content-Type: application/json' \
      -d "[{\"tenant\":\"bench\",\"user\":\"u1\",\"eventId\":\"e-$RANDOM$RANDOM\",\"timestamp\":\"2026-12-01T10:00:00Z\",\"preference\":{\"prompt\":\"Tell me about pets.\",\"chosen\":\"A dog is a loyal friend.\",\"rejected\":\"A cat sleeps all day.\"}}]" \
      "$BASE/v1/feedback" 2>/dev/null ;;
    summarize) curl -s -o /dev/null -w '%{http_code}' -H "$AUTH" "$BASE/v1/users/u1/summary?tenant=bench" 2>/dev/null ;;
    score) curl -s -o /dev/null -w '%{http_code}' -H "$AUTH" -H 'Content-Type: application/json' \
      -d '{"tenant":"bench","user":"u1","prompt":"Tell me about pets.","candidates":["A dog is a loyal friend.","A cat sleeps all day."]}' \
      "$BASE/v1/score" 2>/dev/null ;;
  esac
}

# first start: migrations, bootstrap of the newest bundle, one event stored for the summary
PLUS_FUNCTIONS=feedback-ingest,summarize,score java -jar "$APP/quarkus-run.jar" serve >"$LOGS/prepare.log" 2>&1 &
PREP=$!
for _ in $(seq 1 600); do [[ "$(request score)" == 200 ]] && break; sleep 0.2; done
[[ "$(request feedback-ingest)" == 200 ]] || { echo "the prepared instance does not answer; see $LOGS/prepare.log" >&2; kill $PREP; exit 1; }
kill $PREP; wait $PREP 2>/dev/null || true

start_to_first_answer() { # $1 function, $2 java, rest: JVM options; prints milliseconds
  local fn="$1" javabin="$2"; shift 2
  local t0 pid t
  t0=$(now_ms)
  PLUS_FUNCTIONS="$fn" "$javabin" "$@" -jar "$APP/quarkus-run.jar" serve >>"$LOGS/$fn.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 1200); do
    if [[ "$(request "$fn")" =~ ^2 ]]; then t=$(now_ms); break; fi
    sleep 0.05
  done
  kill "$pid"; wait "$pid" 2>/dev/null || true
  [[ -n "${t:-}" ]] || { echo "$fn never answered; see $LOGS/$fn.log" >&2; exit 1; }
  echo $(( t - t0 ))
}

train_aot_cache() { # $1 function: the image build's training run, without a database
  local fn="$1" pid
  PLUS_FUNCTIONS="$fn" PLUS_DB_URL="postgresql://127.0.0.1:1/none" PLUS_REDIS_URL="redis://127.0.0.1:1" \
    "$JDK25/bin/java" -XX:AOTCacheOutput="$OUT/$fn.aot" -jar "$APP/quarkus-run.jar" serve >"$LOGS/$fn-aot-training.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 600); do curl -s -o /dev/null "$BASE/q/health/live" && break; sleep 0.1; done
  curl -s -o /dev/null "$BASE/q/health/ready" || true
  kill "$pid"; wait "$pid" 2>/dev/null || true
  [[ -f "$OUT/$fn.aot" ]] || { echo "no AOT cache for $fn; see $LOGS/$fn-aot-training.log" >&2; exit 1; }
}

{
  echo "| function | JDK 17 (ms) | JDK 25 (ms) | JDK 25 + AOT cache (ms) | AOT / JDK 17 |"
  echo "|---|---|---|---|---|"
} > "$OUT/results.md"
for fn in feedback-ingest summarize score; do
  train_aot_cache "$fn"
  : > "$OUT/$fn.17" ; : > "$OUT/$fn.25" ; : > "$OUT/$fn.aotms"
  for _ in $(seq 1 "$ROUNDS"); do # alternating, so machine noise falls on all three alike
    start_to_first_answer "$fn" java >> "$OUT/$fn.17"
    start_to_first_answer "$fn" "$JDK25/bin/java" >> "$OUT/$fn.25"
    start_to_first_answer "$fn" "$JDK25/bin/java" -XX:AOTCache="$OUT/$fn.aot" >> "$OUT/$fn.aotms"
  done
  m17=$(median < "$OUT/$fn.17"); m25=$(median < "$OUT/$fn.25"); maot=$(median < "$OUT/$fn.aotms")
  echo "| $fn | $m17 | $m25 | $maot | $(awk -v a="$maot" -v b="$m17" 'BEGIN { printf "%.2f", a / b }') |" >> "$OUT/results.md"
done
{
  echo
  echo "Medians of $ROUNDS starts each, alternating; runs: $(for fn in feedback-ingest summarize score; do printf '%s 17=[%s] 25=[%s] aot=[%s]; ' "$fn" "$(paste -sd, "$OUT/$fn.17")" "$(paste -sd, "$OUT/$fn.25")" "$(paste -sd, "$OUT/$fn.aotms")"; done)"
  echo
  echo "| build | lib folder (MB) |"
  echo "|---|---|"
  echo "| full (training, operator, CLI) | $FULL_LIB |"
  echo "| serving image (-Dplus.serving-image) | $SERVING_LIB (libtorch jars: $TORCH_JARS) |"
} >> "$OUT/results.md"
cat "$OUT/results.md"
