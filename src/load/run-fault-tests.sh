#!/usr/bin/env bash
# PLUS fault tests, as one command: the functions under a bounded load from a second process
# (src/load/FaultDriver.java) while their dependencies fail, each on an instance of its own that
# this script starts on its own port — never the machine's PostgreSQL or Redis:
#   1. kill -9 of the server during batched ingest; the client resends what was not acknowledged
#      -> acknowledged = stored, 0 duplicated, 0 lost;
#   2. PostgreSQL stopped, then started again -> only 503s (or answers Redis could give) while it
#      is down, and recovery by itself, without restarting the server;
#   3. Redis killed, then started again empty -> the same answers as before, 0 failed requests.
# Prints a Markdown table (also written to plus-out/faults/results.md); exits 1 if a check fails.
#
#   src/load/run-fault-tests.sh [--events 20000] [--port 18090] [--pg-port 55433] [--redis-port 56390]
#
# Needs: the packaged jar (./mvnw -B -DskipTests package), java, PostgreSQL's server binaries
# (initdb, pg_ctl) and psql, redis-server and redis-cli, curl. As root, PostgreSQL runs as the
# postgres user (it refuses root). A model bundle is taken from PLUS_MODELS_DIR (default
# plus-out/load/models, the load benchmark's) or trained there once.
set -euo pipefail

usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}"; }

EVENTS=20000
PORT=18090
PG_PORT=55433
REDIS_PORT=56390
while [[ $# -gt 0 ]]; do
  case "$1" in
    --events) EVENTS="$2"; shift 2 ;;
    --port) PORT="$2"; shift 2 ;;
    --pg-port) PG_PORT="$2"; shift 2 ;;
    --redis-port) REDIS_PORT="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
done
for n in "$EVENTS" "$PORT" "$PG_PORT" "$REDIS_PORT"; do
  [[ "$n" =~ ^[0-9]+$ ]] || { echo "not a whole number: $n" >&2; exit 2; }
done

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$SCRIPT_DIR/../.." && pwd)"
cd "$ROOT"
JAR=target/quarkus-app/quarkus-run.jar
OUT="$ROOT/plus-out/faults"
LOGS="$OUT/logs"
PG_DIR="$OUT/pg"
MODELS_DIR="${PLUS_MODELS_DIR:-$ROOT/plus-out/load/models}"
RUN="f$(date -u +%Y%m%dT%H%M%S)"
DRIVER=(java "$SCRIPT_DIR/FaultDriver.java")
URL="http://127.0.0.1:$PORT"

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
missing=0
for tool in java psql redis-server redis-cli curl; do
  command -v "$tool" >/dev/null || { echo "missing: $tool" >&2; missing=1; }
done
[[ -x "$PG_BIN/initdb" && -x "$PG_BIN/pg_ctl" ]] || { echo "missing: initdb and pg_ctl (PostgreSQL server)" >&2; missing=1; }
[[ -f "$JAR" ]] || { echo "missing: $JAR — run ./mvnw -B -DskipTests package first" >&2; missing=1; }
(( missing == 0 )) || exit 1
for port in "$PORT" "$PG_PORT" "$REDIS_PORT"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "port $port is taken; pick another (see --help)" >&2; exit 1
  fi
done

# PostgreSQL will not run as root: its cluster belongs to the postgres user then.
as_pg() { if [[ "$(id -u)" == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }

rm -rf "$OUT"
mkdir -p "$LOGS" "$MODELS_DIR"
chmod 755 "$OUT"
MODELS_DIR="$(cd "$MODELS_DIR" && pwd)"
export PLUS_CACHE_DIR="$ROOT/plus-out/load/cache"

# --- helper commands the driver runs at the moment of the fault ------------------------------------
cat >"$OUT/start-server.sh" <<EOF
#!/usr/bin/env bash
env PLUS_DB_URL=postgresql://127.0.0.1:$PG_PORT/plus_faults PLUS_DB_USER=postgres \\
  PLUS_REDIS_URL=redis://127.0.0.1:$REDIS_PORT PLUS_MODELS_DIR="$MODELS_DIR" PLUS_HTTP_PORT=$PORT \\
  PLUS_CACHE_DIR="$PLUS_CACHE_DIR" nohup java -jar "$ROOT/$JAR" serve >>"$LOGS/server.log" 2>&1 &
echo \$! >"$OUT/server.pid"
for _ in \$(seq 1 240); do
  [[ "\$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 $URL/q/health/ready)" == 200 ]] && exit 0
  sleep 0.5
done
echo "the server did not become ready; see $LOGS/server.log" >&2; exit 1
EOF
cat >"$OUT/kill-server.sh" <<EOF
#!/usr/bin/env bash
kill -9 "\$(cat "$OUT/server.pid")"
EOF
cat >"$OUT/pg-start.sh" <<EOF
#!/usr/bin/env bash
cd /
$( [[ "$(id -u)" == 0 ]] && echo "runuser -u postgres -- " )"$PG_BIN/pg_ctl" -D "$PG_DIR" -l "$LOGS/postgres.log" -w -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1" start >/dev/null
EOF
cat >"$OUT/pg-stop.sh" <<EOF
#!/usr/bin/env bash
cd /
$( [[ "$(id -u)" == 0 ]] && echo "runuser -u postgres -- " )"$PG_BIN/pg_ctl" -D "$PG_DIR" -m fast -w stop >/dev/null
EOF
cat >"$OUT/redis-start.sh" <<EOF
#!/usr/bin/env bash
redis-server --port $REDIS_PORT --bind 127.0.0.1 --save "" --appendonly no --daemonize yes \\
  --pidfile "$OUT/redis.pid" --logfile "$LOGS/redis.log" --dir "$OUT"
for _ in \$(seq 1 50); do [[ "\$(redis-cli -p $REDIS_PORT ping 2>/dev/null)" == PONG ]] && exit 0; sleep 0.1; done
exit 1
EOF
cat >"$OUT/redis-kill.sh" <<EOF
#!/usr/bin/env bash
kill -9 "\$(cat "$OUT/redis.pid")"; rm -f "$OUT/redis.pid"
EOF
chmod +x "$OUT"/*.sh

cleanup() {
  local rc=$?
  [[ -f "$OUT/server.pid" ]] && kill -TERM "$(cat "$OUT/server.pid")" 2>/dev/null || true
  [[ -f "$OUT/redis.pid" ]] && kill -TERM "$(cat "$OUT/redis.pid")" 2>/dev/null || true
  [[ -f "$PG_DIR/postmaster.pid" ]] && "$OUT/pg-stop.sh" 2>/dev/null || true
  (( rc == 0 )) || echo "fault tests FAILED (exit $rc); logs in $LOGS" >&2
}
trap cleanup EXIT

# --- the services of this run ---------------------------------------------------------------------
log "PostgreSQL cluster of its own on port $PG_PORT"
mkdir -p "$PG_DIR"
[[ "$(id -u)" == 0 ]] && chown postgres "$PG_DIR" "$LOGS"
(cd / && as_pg "$PG_BIN/initdb" -D "$PG_DIR" -A trust -U postgres --no-sync >"$LOGS/initdb.log" 2>&1)
"$OUT/pg-start.sh"
psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "CREATE DATABASE plus_faults" postgres
# the functions answer data calls only with an API key: the driver sends one of its tenant
PLUS_API_KEY="$(env PLUS_DB_URL=postgresql://127.0.0.1:$PG_PORT/plus_faults PLUS_DB_USER=postgres \
  java -jar "$ROOT/$JAR" keys create --tenant faults --name fault-tests \
  --scopes ingest,summary:read,summary:write,score,erase 2>"$LOGS/keys.log")" \
  || { cat "$LOGS/keys.log" >&2; echo "cannot create the driver's API key" >&2; exit 1; }
export PLUS_API_KEY
pgq() { psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d plus_faults -tAc "$1"; }
log "Redis of its own on port $REDIS_PORT"
"$OUT/redis-start.sh"

if [[ -z "$(find "$MODELS_DIR" -mindepth 2 -maxdepth 2 -name manifest.json 2>/dev/null)" ]]; then
  log "training a PLUS bundle into $MODELS_DIR (once)"
  java -jar "$JAR" generate --dataset pets --out "$OUT/pets" >"$LOGS/generate.log" 2>&1
  java -jar "$JAR" train --data "$OUT/pets" --method PLUS --iterations 30 --bundles "$MODELS_DIR" >"$LOGS/train.log" 2>&1
fi
log "starting PLUS on port $PORT"
"$OUT/start-server.sh"

declare -A R
read_results() { # key=value lines of the driver into R[prefix_key]
  local prefix="$1" line
  while IFS= read -r line; do
    if [[ "$line" == \#* ]]; then
      log "$prefix: ${line#\# }"
    elif [[ "$line" == *=* ]]; then
      R["${prefix}_${line%%=*}"]="${line#*=}"
    fi
  done
  return 0
}
failed=0
verdict() { if eval "$1"; then echo met; else failed=1; echo "NOT met"; fi; }

# --- 1. kill -9 during batched ingest -------------------------------------------------------------
log "1/3: $EVENTS events in batches of 50 from 4 clients; kill -9 of the server after 3 s, restart"
read_results kill < <("${DRIVER[@]}" ingest --url="$URL" --run="$RUN" --events="$EVENTS" --batch=50 --clients=4 \
  --acked="$OUT/acked.txt" --fault="$OUT/kill-server.sh" --fault-at=3 --restore="$OUT/start-server.sh" --restore-at=4 \
  --seconds=300 | tee "$LOGS/kill.txt")
pgq "CREATE TABLE acked (event_id text PRIMARY KEY)" >/dev/null
psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d plus_faults -qc "\\copy acked FROM '$OUT/acked.txt'"
STORED="$(pgq "SELECT count(*) FROM feedback_event WHERE tenant = 'faults' AND event_id LIKE '$RUN-%'")"
DISTINCT="$(pgq "SELECT count(DISTINCT event_id) FROM feedback_event WHERE tenant = 'faults' AND event_id LIKE '$RUN-%'")"
LOST="$(pgq "SELECT count(*) FROM acked a WHERE NOT EXISTS (SELECT 1 FROM feedback_event f WHERE f.tenant = 'faults' AND f.event_id = a.event_id)")"
GAPS="$(pgq "SELECT count(*) FROM (SELECT user_id, max(sequence) m, count(*) c FROM feedback_event WHERE tenant = 'faults' GROUP BY user_id) s WHERE m <> c")"
DUPLICATED=$(( STORED - DISTINCT ))
V1="$(verdict "[[ ${R[kill_acknowledged]} == $EVENTS && $STORED == ${R[kill_acknowledged]} && $DUPLICATED == 0 && $LOST == 0 && $GAPS == 0 ]]")"

# --- 2. PostgreSQL stopped and started --------------------------------------------------------------
log "seeding 8 users and their summaries"
"${DRIVER[@]}" seed --url="$URL" --users=8 >/dev/null
log "2/3: ingest and summary reads from 4 clients for 20 s; PostgreSQL stopped at 4 s, started at 10 s"
read_results pg < <("${DRIVER[@]}" outage --url="$URL" --run="$RUN" --users=8 --clients=4 --seconds=20 \
  --fault="$OUT/pg-stop.sh" --fault-at=4 --restore="$OUT/pg-start.sh" --restore-at=10 | tee "$LOGS/pg.txt")
V2="$(verdict "[[ '${R[pg_status_during]}' =~ ^\\{((200|503)=[0-9]+,?)+\\}$ && '${R[pg_status_during]}' == *503=* && '${R[pg_status_after]}' =~ ^\\{((200|503)=[0-9]+,?)+\\}$ && ${R[pg_recovered_after_ms]} -ge 0 ]]")"

# --- 3. Redis killed and started empty --------------------------------------------------------------
log "3/3: summary reads and scores of the 8 users from 4 clients for 20 s; Redis killed at 4 s, started empty at 10 s"
read_results redis < <("${DRIVER[@]}" cache --url="$URL" --users=8 --clients=4 --seconds=20 \
  --fault="$OUT/redis-kill.sh" --fault-at=4 --restore="$OUT/redis-start.sh" --restore-at=10 | tee "$LOGS/redis.txt")
V3="$(verdict "[[ '${R[redis_status_before]}${R[redis_status_during]}${R[redis_status_after]}' =~ ^(\\{200=[0-9]+\\})+$ && ${R[redis_different_answers]} == 0 ]]")"

TABLE="$(cat <<EOF
| fault | load (second process) | what was seen | verdict |
|---|---|---|---|
| kill -9 of the server after 3 s, restarted | $EVENTS events, batches of 50, 4 clients; unacknowledged batches resent | acknowledged ${R[kill_acknowledged]}, stored $STORED, duplicated $DUPLICATED, lost $LOST, sequence gaps $GAPS; ${R[kill_batches_resent]} batches resent, ${R[kill_events_replayed]} events answered as replays | $V1 |
| PostgreSQL stopped at 4 s, started at 10 s | ingest + summary reads, 4 clients, 20 s | before ${R[pg_status_before]}; while down ${R[pg_status_during]}; after ${R[pg_status_after]}; first stored event ${R[pg_recovered_after_ms]} ms after the restart, server not restarted | $V2 |
| Redis killed at 4 s, started empty at 10 s | summary reads + scores of 8 users, 4 clients, 20 s | before ${R[redis_status_before]}; while down ${R[redis_status_during]}; after ${R[redis_status_after]}; answers different from before the fault: ${R[redis_different_answers]} | $V3 |
EOF
)"
printf '%s\n' "$TABLE" | tee "$OUT/results.md"
exit "$failed"
