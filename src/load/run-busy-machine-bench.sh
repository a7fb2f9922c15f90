#!/usr/bin/env bash
# What a busy machine costs `plus bench`: the same bench run on a quiet machine and with one core
# kept busy by a spinning shell loop this script starts and stops, each from a warm embedding cache
# (one untimed run fills it first), so the difference is training and evaluation. With
# --baseline-app DIR another build makes the same two runs in the same quiet and busy periods, so
# both builds see the same machine. Prints wall and training seconds per run, the busy/quiet ratio per build, and
# whether each build's busy run wrote exactly the metrics of its quiet run (and, with a baseline, whether
# the two builds wrote the same metrics).
#
#   src/load/run-busy-machine-bench.sh [--app DIR] [--baseline-app DIR] [-- bench options]
#   (default bench options: --quick; the app defaults to target/quarkus-app)
set -euo pipefail
shopt -s inherit_errexit

SCRIPT_DIR="$(cd "$(dirname "$0")" && pwd)"
REPO="$(cd "$SCRIPT_DIR/../.." && pwd)"
APP="$REPO/target/quarkus-app"
BASELINE=""
BENCH_ARGS=()
while (( $# )); do
  case "$1" in
    --app) APP="$(cd "$2" && pwd)"; shift 2 ;;
    --baseline-app) BASELINE="$(cd "$2" && pwd)"; shift 2 ;;
    --) shift; BENCH_ARGS=("$@"); break ;;
    *) echo "unknown option $1 (see the header of $0)" >&2; exit 2 ;;
  esac
done
(( ${#BENCH_ARGS[@]} )) || BENCH_ARGS=(--quick)
WORK="$(mktemp -d "${TMPDIR:-/tmp}/plus-busy-bench.XXXXXX")"
BUSY_PID=""
cleanup() { [[ -n "$BUSY_PID" ]] && kill "$BUSY_PID" 2>/dev/null || true; }
trap cleanup EXIT

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# one bench run of build $1 (label $2) in its own folder with its own embedding cache; prints wall seconds
run_bench() {
  local app="$1" label="$2" run="$3"
  local dir="$WORK/$label"
  mkdir -p "$dir"
  local start end
  start=$(date +%s.%N)
  if ! (cd "$dir" && java -jar "$app/quarkus-run.jar" bench "${BENCH_ARGS[@]}" --cache-dir "$dir/cache" \
      --out "$dir/$run" >"$dir/$run.out" 2>"$dir/$run.err"); then
    log "$label $run failed:"; tail -5 "$dir/$run.err" >&2; exit 1
  fi
  end=$(date +%s.%N)
  awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f\n", b - a }'
}

# training seconds of a run, from its results.json (summed over its runs where several went at once)
train_seconds() { python3 -c 'import json,sys; print(round(json.load(open(sys.argv[1]))["phaseSeconds"].get("train", 0), 1))' "$1/results.json"; }

# the metrics of a run without its timings, as one canonical line
metrics_of() {
  python3 -c 'import json,sys
d = json.load(open(sys.argv[1]))
for k in ("totalSeconds", "phaseSeconds", "runsAtOnce"): d.pop(k, None)
for r in d["runs"]: r.pop("trainSeconds", None)
print(json.dumps(d, sort_keys=True))' "$1/results.json"
}

busy_on() { sh -c 'while :; do :; done' & BUSY_PID=$!; log "busy loop started (pid $BUSY_PID)"; }
busy_off() { kill "$BUSY_PID"; wait "$BUSY_PID" 2>/dev/null || true; BUSY_PID=""; log "busy loop stopped"; }

LABELS=(plus)
APPS=("$APP")
if [[ -n "$BASELINE" ]]; then LABELS+=(baseline); APPS+=("$BASELINE"); fi
declare -A WALL TRAIN
for i in "${!LABELS[@]}"; do
  log "${LABELS[$i]}: filling the embedding cache (untimed)"
  run_bench "${APPS[$i]}" "${LABELS[$i]}" warmup >/dev/null
done
for mode in quiet busy; do
  [[ "$mode" == busy ]] && busy_on
  for i in "${!LABELS[@]}"; do
    log "${LABELS[$i]}: bench ${BENCH_ARGS[*]} on a $mode machine"
    WALL[${LABELS[$i]},$mode]=$(run_bench "${APPS[$i]}" "${LABELS[$i]}" "$mode")
    TRAIN[${LABELS[$i]},$mode]=$(train_seconds "$WORK/${LABELS[$i]}/$mode")
  done
  [[ "$mode" == busy ]] && busy_off
done

printf '\n| build | quiet: wall / train s | one core busy: wall / train s | busy / quiet (wall) | same metrics busy and quiet |\n|---|---|---|---|---|\n'
for label in "${LABELS[@]}"; do
  same=no
  [[ "$(metrics_of "$WORK/$label/quiet")" == "$(metrics_of "$WORK/$label/busy")" ]] && same=yes
  ratio=$(awk -v a="${WALL[$label,busy]}" -v b="${WALL[$label,quiet]}" 'BEGIN { printf "%.2f", a / b }')
  printf '| %s | %s / %s | %s / %s | %s | %s |\n' "$label" "${WALL[$label,quiet]}" "${TRAIN[$label,quiet]}" \
    "${WALL[$label,busy]}" "${TRAIN[$label,busy]}" "$ratio" "$same"
done
if [[ -n "$BASELINE" ]]; then
  same=no
  [[ "$(metrics_of "$WORK/plus/quiet")" == "$(metrics_of "$WORK/baseline/quiet")" ]] && same=yes
  echo; echo "same metrics in both builds (quiet runs): $same"
fi
echo "runs and logs: $WORK"
