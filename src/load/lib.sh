# Shared by the load benchmarks (sourced, not run): psql and arithmetic helpers, one wrk run with
# its checks, a scenario of rounds, and seeding the summary users. The callers set these globals
# first: SCRIPT_DIR LOG_DIR RUN_ID BASE_URL TENANT AUTH (curl -H arguments) SUMMARY_USERS
# DURATION WARMUP ROUNDS WRK_OPTS MAX_SOCKET_ERRORS, and the arrays FAILURES and CACHE_NOTES.

# psql without NOTICE chatter ("does not exist, skipping", "drop cascades to ...")
pg() { PGOPTIONS="-c client_min_messages=warning" psql -q -v ON_ERROR_STOP=1 "$@"; }

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# median of the arguments (numbers), or "n/a" when there are none
median() {
  if (( $# == 0 )); then echo n/a; return; fi
  printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END {
    if (NR % 2) print a[(NR + 1) / 2]; else printf "%.6g\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}

# awk arithmetic on plain numbers; prints n/a when an input is not a number
calc() {
  awk -v expr="$1" -v a="${2:-}" -v b="${3:-}" 'BEGIN {
    if (a == "FAILED" || b == "FAILED") { print "FAILED"; exit }
    if (a !~ /^[0-9.eE+-]+$/ || (expr != "fmt" && b !~ /^[0-9.eE+-]+$/)) { print "n/a"; exit }
    if (expr == "a*b") printf "%.6g\n", a * b
    else if (expr == "a/b") { if (b + 0 == 0) print "n/a"; else printf "%.6g\n", a / b }
    else if (expr == "pct") { if (b + 0 == 0) print "n/a"; else printf((100 * a / b < 10) ? "%.1f%%\n" : "%.0f%%\n", 100 * a / b) }
    else if (expr == "ge") print (a + 0 >= b + 0) ? "met" : "NOT met"
    else if (expr == "le") print (a + 0 <= b + 0) ? "met" : "NOT met"
    else if (expr == "fmt") printf((a + 0 >= 100) ? "%.0f\n" : "%.2f\n", a) }'
}


# Seconds of one wrk run. wrk counts only the requests that finish inside the run, so the work on
# requests still in flight at its end is lost: with score's ~1-1.5 s answers that is up to a tenth
# of a 10 s run (8 connections x 16 candidates), a bias against the server the encoder baseline
# does not have. Score runs three times as long, which cuts that loss to a third.
duration_of() {
  if [[ "$2" == warmup ]]; then echo "$WARMUP"
  elif [[ "$1" == score* ]]; then echo $(( DURATION * 3 ))
  else echo "$DURATION"; fi
}

# run_wrk NAME SCRIPT LABEL [script args...] — one wrk run; sets WRK_RPS and WRK_P99 (ms) and
# returns 1 (after printing why) on non-2xx answers, too many socket errors or no result.
run_wrk() {
  local name="$1" script="$2" label="$3" seconds
  shift 3
  seconds="$(duration_of "$name" "$label")"
  local out="$LOG_DIR/wrk-$name-$label.txt"
  # The nonce after `--` makes event ids and candidate texts unique to this one wrk run.
  wrk "${WRK_OPTS[@]}" -d"${seconds}s" -s "$SCRIPT_DIR/$script" "$BASE_URL" -- "$RUN_ID-$name-$label" "$@" \
    >"$out" 2>&1 || true
  local parsed non2xx sockerr total cache_hits cache_other
  parsed="$(awk '
    function ms(v,   n, u) { n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
      if (u == "us") return n / 1000; if (u == "s") return n * 1000
      if (u == "m") return n * 60000; if (u == "h") return n * 3600000; return n }
    /^Requests\/sec:/ { rps = $2 }
    /^ +99%/ { p99 = ms($2) }
    / requests in / { total = $1 }
    /Non-2xx or 3xx responses:/ { non = $NF }
    /Socket errors:/ { gsub(/,/, ""); se = $4 + $6 + $8 + $10 }
    /^cache: [0-9]+ hit, [0-9]+ other/ { ch = $2; co = $4 }
    END { printf "%s %s %d %d %d %s %s\n", (rps == "" ? "-" : rps), (p99 == "" ? "-" : p99), non, se, total,
      (ch == "" ? "-" : ch), (co == "" ? "-" : co) }' "$out")"
  read -r WRK_RPS WRK_P99 non2xx sockerr total cache_hits cache_other <<<"$parsed"
  if [[ "$WRK_RPS" == - ]] || (( total == 0 )) || (( non2xx > 0 )) || (( sockerr > MAX_SOCKET_ERRORS )); then
    echo "---- wrk $name ($label): $total requests, $non2xx non-2xx, $sockerr socket errors ----" >&2
    cat "$out" >&2
    FAILURES+=("$name: $total requests, $non2xx non-2xx answers, $sockerr socket errors (see $out)")
    return 1
  fi
  # summary-hit.lua reports X-Plus-Cache per answer. More than 0.1% misses and the run did not
  # measure cache hits: the numbers are kept (they are what the server did) but the run is marked
  # failed. Fewer are listed in the details only.
  if [[ "$cache_other" != - ]]; then
    CACHE_NOTES+=("$name $label: $cache_hits hit, $cache_other other")
    if (( cache_other * 1000 > cache_hits + cache_other )); then
      FAILURES+=("$name ($label): $cache_other of $((cache_hits + cache_other)) answers were not X-Plus-Cache: hit ($(grep '^cache:' "$out"))")
    fi
  fi
  return 0
}

# scenario NAME SCRIPT [script args...] — optional warm-up, then ROUNDS measured runs; sets
# RPS_<NAME> and P99_<NAME> to the medians, or "FAILED".
scenario() {
  local name="$1" script="$2" var
  shift 2
  var="$(tr 'a-z-' 'A-Z_' <<<"$name")"
  local rates=() p99s=() ok=1
  if (( WARMUP > 0 )); then
    log "$name: warm-up ${WARMUP}s"
    run_wrk "$name" "$script" warmup "$@" || ok=0
  fi
  if (( ok )); then
    for r in $(seq 1 "$ROUNDS"); do
      log "$name: round $r/$ROUNDS ($(duration_of "$name" "$r")s)"
      if ! run_wrk "$name" "$script" "$r" "$@"; then ok=0; break; fi
      rates+=("$WRK_RPS")
      p99s+=("$WRK_P99")
    done
  fi
  if (( ok )); then
    printf -v "RPS_$var" '%s' "$(median "${rates[@]}")"
    printf -v "P99_$var" '%s' "$(median "${p99s[@]}")"
    printf -v "ROUNDS_$var" '%s' "${rates[*]}"
  else
    printf -v "RPS_$var" '%s' FAILED
    printf -v "P99_$var" '%s' FAILED
    printf -v "ROUNDS_$var" '%s' FAILED
  fi
}

# x_plus_cache URL — the X-Plus-Cache header of one GET (lower case), or nothing.
x_plus_cache() {
  curl -s "${AUTH[@]}" -D - -o /dev/null --max-time 10 "$1" | tr -d '\r' \
    | awk -F': *' 'tolower($1) == "x-plus-cache" { print tolower($2) }'
}

# erase_summary_users — the database may be new but Redis is not: erase the summary users
# through the API so that no cache entry left by an earlier run can answer for them.
erase_summary_users() {
  local codes=() i
  for i in $(seq 0 $(( SUMMARY_USERS - 1 ))); do
    codes+=("$(curl -s "${AUTH[@]}" -o /dev/null -w '%{http_code}' --max-time 30 -X DELETE \
      "$BASE_URL/v1/users/$(printf 'u%04d' "$i")?tenant=$TENANT" || true)")
  done
  log "erased the summary users (HTTP$(printf '%s\n' "${codes[@]}" | sort | uniq -c | awk '{ printf " %s x%s", $2, $1 }'))"
}

# seed_summary_users — give users u0000.. feedback of their own, ask for each summary once
# (generated, then cached), then check that a second request is a hit. Sets HIT_CHECK; returns 1
# (with the reason in FAILURES) unless every user is a hit.
seed_summary_users() {
  local seed="[" i k user good code url h hits=0
  for i in $(seq 0 $(( SUMMARY_USERS - 1 ))); do
    user="$(printf 'u%04d' "$i")"
    for k in 1 2 3 4 5 6; do
      [[ "$seed" == "[" ]] || seed+=","
      if (( (i + k) % 2 )); then good="A cat is an animal that some people keep at home, and every cat is a little different."
      else good="Give your bird fresh water every day and scrub the water dish to stop bacteria building up."; fi
      seed+="{\"tenant\":\"$TENANT\",\"user\":\"$user\",\"eventId\":\"$RUN_ID-seed-$user-$k\","
      seed+="\"timestamp\":\"$(date -u +%Y-%m-%dT%H:%M:%SZ)\",\"preference\":{\"prompt\":\"Tell me something useful about looking after a pet at home.\","
      seed+="\"chosen\":\"$good\",\"rejected\":\"You can leave your dog in a parked car on a hot day if you crack the window a bit.\"}}"
    done
  done
  seed+="]"
  HIT_CHECK="not checked"
  code="$(curl -s "${AUTH[@]}" -o "$LOG_DIR/seed-response.txt" -w '%{http_code}' --max-time 60 -H 'Content-Type: application/json' \
    --data-binary "$seed" "$BASE_URL/v1/feedback" || true)"
  if [[ "$code" != 2?? ]]; then
    FAILURES+=("seeding the summary users: POST /v1/feedback answered HTTP $code (see $LOG_DIR/seed-response.txt)")
    return 1
  fi
  for i in $(seq 0 $(( SUMMARY_USERS - 1 ))); do
    url="$BASE_URL/v1/users/$(printf 'u%04d' "$i")/summary?tenant=$TENANT"
    code="$(curl -s "${AUTH[@]}" -o "$LOG_DIR/summary-warm.txt" -w '%{http_code}' --max-time 60 "$url" || true)"
    [[ "$code" == 200 ]] || { FAILURES+=("warming $url answered HTTP $code (see $LOG_DIR/summary-warm.txt)"); return 1; }
  done
  # The cache may be filled just after the first answer: allow a few tries per user.
  for i in $(seq 0 $(( SUMMARY_USERS - 1 ))); do
    url="$BASE_URL/v1/users/$(printf 'u%04d' "$i")/summary?tenant=$TENANT"
    for _ in 1 2 3 4 5; do
      h="$(x_plus_cache "$url")"
      [[ "$h" == hit ]] && break
      sleep 0.2
    done
    [[ "$h" == hit ]] && hits=$(( hits + 1 ))
  done
  HIT_CHECK="$hits/$SUMMARY_USERS users answered X-Plus-Cache: hit before the runs"
  if (( hits < SUMMARY_USERS )); then
    FAILURES+=("summary cache: only $HIT_CHECK (last header seen: '${h:-none}')")
    return 1
  fi
}


# ensure_bundle — the PLUS bundle the servers load: the newest one in MODELS_DIR, else one trained
# on the pets dataset (once; later runs reuse it). Sets BUNDLE_MANIFEST and ENCODER_ID. Needs JAR,
# OUT, MODELS_DIR and CACHE_DIR.
ensure_bundle() {
  BUNDLE_MANIFEST="$(find "$MODELS_DIR" -mindepth 2 -maxdepth 2 -name manifest.json 2>/dev/null | sort | tail -n 1)"
  if [[ -z "$BUNDLE_MANIFEST" ]]; then
    local DATA_DIR="$OUT/data/pets"
    if [[ ! -f "$DATA_DIR/pairs.jsonl" ]]; then
      log "generating the pets dataset into $DATA_DIR"
      rm -rf "$DATA_DIR"
      mkdir -p "$(dirname "$DATA_DIR")"
      java -jar "$JAR" generate --dataset pets --out "$DATA_DIR" >"$LOG_DIR/generate.log" 2>&1 \
        || { tail -n 30 "$LOG_DIR/generate.log" >&2; exit 1; }
    fi
    log "training a PLUS bundle into $MODELS_DIR (30 iterations; a few minutes, once)"
    java -jar "$JAR" train --data "$DATA_DIR" --method PLUS --iterations 30 --bundles "$MODELS_DIR" \
        --cache-dir "$CACHE_DIR" >"$LOG_DIR/train.log" 2>&1 \
      || { tail -n 30 "$LOG_DIR/train.log" >&2; exit 1; }
    BUNDLE_MANIFEST="$(find "$MODELS_DIR" -mindepth 2 -maxdepth 2 -name manifest.json | sort | tail -n 1)"
    [[ -n "$BUNDLE_MANIFEST" ]] || { echo "train wrote no bundle into $MODELS_DIR" >&2; exit 1; }
  fi
  # The encoder baseline must be the encoder the bundle (and so the score path) uses.
  ENCODER_ID="$(tr -d '\n' <"$BUNDLE_MANIFEST" | sed -n 's/.*"encoder"[^{]*{[^}]*"id"[^"]*"\([^"]*\)".*/\1/p')"
  ENCODER_ID="${ENCODER_ID:-all-minilm-l6-v2}"
  log "bundle $(basename "$(dirname "$BUNDLE_MANIFEST")"), encoder $ENCODER_ID"
}
