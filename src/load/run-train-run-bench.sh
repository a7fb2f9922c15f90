#!/usr/bin/env bash
# train-run benchmark, each figure beside a baseline measured in the same run on the same machine:
#  - `plus train-run` on the stored feedback of 300 pets users (ingested through POST /v1/feedback),
#    with a model active that it is compared with, beside `plus train` on the same pairs as a
#    dataset folder (same method, iterations, epochs): what the snapshot, the split, the
#    active-model comparison and the registration add;
#  - the snapshot export per 10,000 events (tenant of --events stored events, train-run stopped at
#    its data minimums right after the export) beside PostgreSQL copying the same rows to /dev/null.
# Medians over --rounds; a Markdown table goes to stdout and to plus-out/train-run-bench/results.md.
#
#   src/load/run-train-run-bench.sh [--rounds 3] [--events 200000] [--iterations 100] [--port 18090]
#
# Needs: the packaged jar (./mvnw -B -DskipTests package), psql, jq, curl, java; PostgreSQL and
# Redis reachable (PGHOST/PGPORT/PGUSER, defaults 127.0.0.1:5432 as postgres; PLUS_REDIS_URL).
# It works only in its own database plus_train_bench (dropped and re-created on every run) and
# its own model store under plus-out/train-run-bench.
set -euo pipefail

usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}"; }

ROUNDS=3
EVENTS=200000
ITERATIONS=100
PORT=18090
while [[ $# -gt 0 ]]; do
  case "$1" in
    --rounds) ROUNDS="$2"; shift 2 ;;
    --events) EVENTS="$2"; shift 2 ;;
    --iterations) ITERATIONS="$2"; shift 2 ;;
    --port) PORT="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
done
for n in "$ROUNDS" "$EVENTS" "$ITERATIONS" "$PORT"; do
  [[ "$n" =~ ^[0-9]+$ ]] || { echo "not a whole number: $n" >&2; exit 2; }
done
(( ROUNDS >= 1 && EVENTS >= 10000 && ITERATIONS >= 1 )) || { echo "--rounds >= 1, --events >= 10000" >&2; exit 2; }

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$SCRIPT_DIR/../.." && pwd)"
cd "$ROOT"
for tool in java psql jq curl; do
  command -v "$tool" >/dev/null || { echo "needs $tool" >&2; exit 2; }
done
JAR=target/quarkus-app/quarkus-run.jar
[[ -f "$JAR" ]] || { echo "build the jar first: ./mvnw -B -DskipTests package" >&2; exit 2; }

export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
DB=plus_train_bench
OUT="$ROOT/plus-out/train-run-bench"
MODELS="$OUT/models"
LOGS="$OUT/logs"
rm -rf "$OUT"
mkdir -p "$MODELS" "$LOGS"
export PLUS_DB_URL="postgresql://$PGHOST:$PGPORT/$DB" PLUS_DB_USER="$PGUSER" PLUS_MODELS_DIR="$MODELS"
export PLUS_HTTP_PORT="$PORT"
pg() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
seconds() { date +%s.%N; }

pg -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)"
pg -d postgres -c "CREATE DATABASE $DB"

# --- 300 users of pets feedback, ingested through the API ---------------------------------------
for seed in 1 2 3; do
  java -jar "$JAR" generate --dataset pets --seed "$seed" --out "$OUT/pets-$seed" >"$LOGS/generate.log" 2>&1
done
# users renamed per seed, the first 300 users kept, every pair as one preference event
: > "$OUT/pairs-300.jsonl"
for seed in 1 2 3; do
  jq -c --arg s "$seed" '.user = "s\($s)-\(.user)" | .id = "s\($s)-\(.id)"' "$OUT/pets-$seed/pairs.jsonl" >> "$OUT/pairs-300.jsonl"
done
jq -c -s 'group_by(.user) | .[:300] | flatten | .[]' "$OUT/pairs-300.jsonl" > "$OUT/pairs.jsonl"
USERS=$(jq -r .user "$OUT/pairs.jsonl" | sort -u | wc -l)
PAIRS=$(wc -l < "$OUT/pairs.jsonl")
mkdir -p "$OUT/dataset"
# the same pairs as a dataset folder for `plus train`: the generator's own splits, so it trains on
# somewhat fewer pairs than train-run's split leaves; the ratio is the order of what train-run adds
cp "$OUT/pairs.jsonl" "$OUT/dataset/pairs.jsonl"

# ingest needs an API key of the tenant; train-run itself reads the database directly
API_KEY="$(java -jar "$JAR" keys create --tenant bench --scopes ingest --name train-run-bench 2>"$LOGS/keys.log")" \
  || { cat "$LOGS/keys.log" >&2; exit 1; }
java -jar "$JAR" serve >"$LOGS/serve.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -fsS "localhost:$PORT/q/health/live" >/dev/null 2>&1 && break
  sleep 1
done
jq -c '{tenant: "bench", user: .user, eventId: .id, timestamp: "2026-12-01T00:00:00Z",
        preference: {prompt: .prompt, chosen: .chosen, rejected: .rejected}}' "$OUT/pairs.jsonl" \
  | split -l 1000 - "$OUT/batch-"
for batch in "$OUT"/batch-*; do
  curl -fsS "localhost:$PORT/v1/feedback" -H "Authorization: Bearer $API_KEY" -H 'Content-Type: application/x-ndjson' \
    --data-binary "@$batch" >/dev/null
done
kill $SERVER; wait $SERVER 2>/dev/null || true
trap - EXIT

# --- train-run beside train, same method and hyper-parameters -----------------------------------
# an active model first, as in production: every measured run also evaluates it on its held-out data
java -jar "$JAR" train-run --tenant bench --model-version bench-active --iterations "$ITERATIONS" \
  >"$LOGS/train-run-active.log" 2>&1
pg -d "$DB" -c "UPDATE model_version SET status = 'active', activated_at = now() WHERE version = 'bench-active'"
declare -a RUN TRAIN
for round in $(seq 1 "$ROUNDS"); do
  start=$(seconds)
  java -jar "$JAR" train-run --tenant bench --model-version "bench-run-$round" --iterations "$ITERATIONS" \
    --min-users 20 --termination-log "$OUT/run-$round.json" >"$LOGS/train-run-$round.log" 2>&1
  RUN+=("$(echo "$(seconds) - $start" | bc)")
  start=$(seconds)
  java -jar "$JAR" train --data "$OUT/dataset" --method PLUS --iterations "$ITERATIONS" \
    --bundles "$OUT/train-models" --model-version "bench-train-$round" >"$LOGS/train-$round.log" 2>&1
  TRAIN+=("$(echo "$(seconds) - $start" | bc)")
done

# --- export per 10,000 events beside COPY of the same rows --------------------------------------
PER_USER=$(( EVENTS / 1000 ))
pg -d "$DB" -c "INSERT INTO plus_user (tenant, user_id, last_sequence) SELECT 'bulk', 'u' || u, $PER_USER
  FROM generate_series(1, 1000) u;
  INSERT INTO feedback_event (id, tenant, user_id, event_id, sequence, kind, prompt, chosen, rejected, occurred_at,
    body_sha256) SELECT nextval('feedback_event_id_seq'), 'bulk', 'u' || u, 'e' || u || '-' || s, s, 'preference',
    'Tell me something about pets.', 'A dog is a loyal friend who loves long walks in the park.',
    'A cat likes to sleep in a sunny spot by the window all day.', now(), md5(u || '/' || s)
  FROM generate_series(1, 1000) u, generate_series(1, $PER_USER) s; ANALYZE"
declare -a EXPORT COPY
for round in $(seq 1 "$ROUNDS"); do
  # --min-users above the 1,000 users: stops right after the export, as insufficient-data
  java -jar "$JAR" train-run --tenant bulk --min-users 1000000 --termination-log "$OUT/export-$round.json" \
    >"$LOGS/export-$round.log" 2>&1 || [[ $? -eq 3 ]]
  EXPORT+=("$(jq -r '.snapshot.exportSeconds' "$OUT/export-$round.json")")
  start=$(seconds)
  pg -d "$DB" -c "\\copy (SELECT e.tenant, e.user_id, e.event_id, e.sequence, e.kind, e.prompt, e.chosen, e.rejected,
    e.context_text FROM feedback_event e JOIN plus_user u ON u.tenant = e.tenant AND u.user_id = e.user_id
    WHERE e.tenant = 'bulk' AND e.sequence <= u.last_sequence ORDER BY e.tenant, e.user_id, e.sequence) TO '/dev/null'"
  COPY+=("$(echo "$(seconds) - $start" | bc)")
done
EXPORTED=$(jq -r '.snapshot.events' "$OUT/export-1.json")

run_s=$(printf '%s\n' "${RUN[@]}" | median)
train_s=$(printf '%s\n' "${TRAIN[@]}" | median)
export_s=$(printf '%s\n' "${EXPORT[@]}" | median)
copy_s=$(printf '%s\n' "${COPY[@]}" | median)
{
  echo "| figure | PLUS | baseline | ratio |"
  echo "|---|---|---|---|"
  printf '| train-run, %d users / %d pairs, PLUS %d iterations (s, median of %d) | %.1f | train on the same pairs: %.1f | %.2f |\n' \
    "$USERS" "$PAIRS" "$ITERATIONS" "$ROUNDS" "$run_s" "$train_s" "$(echo "$run_s / $train_s" | bc -l)"
  printf '| snapshot export per 10,000 events (ms, %d events, median of %d) | %.0f | COPY of the same rows: %.0f | %.2f |\n' \
    "$EXPORTED" "$ROUNDS" "$(echo "$export_s * 10000000 / $EXPORTED" | bc -l)" \
    "$(echo "$copy_s * 10000000 / $EXPORTED" | bc -l)" "$(echo "$export_s / $copy_s" | bc -l)"
  echo
  echo "train-run seconds: ${RUN[*]}; train: ${TRAIN[*]}; export: ${EXPORT[*]}; COPY (psql, with its start): ${COPY[*]}"
  grep -h "training PLUS on" "$LOGS/train-run-1.log" | sed 's/.*training/training/' | head -1
  grep -h "^registered" "$LOGS/train-run-1.log" | head -1
} | tee "$OUT/results.md"
