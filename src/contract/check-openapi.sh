#!/usr/bin/env bash
# Checks the API contract as a client author meets it: starts PLUS on its own database, takes its
# OpenAPI document (/q/openapi), lints it with Redocly's recommended rules, generates a Java client
# from it with OpenAPI Generator, compiles that client and runs the user journey through it
# (ingest -> summary -> score -> a refused request read back as a typed problem -> erase).
#
#   src/contract/check-openapi.sh [--port 18095]
#
# Needs: the packaged jar (./mvnw -B -DskipTests package), java and javac 17, mvn or ./mvnw (to fetch
# the generator and the client's Jackson jars from Maven Central), npx (Redocly CLI from the npm
# registry), curl, psql and createdb; PostgreSQL and Redis as for the tests (localhost). It uses
# its own database plus_contract and writes under plus-out/contract.
set -euo pipefail

PORT=18095
while [[ $# -gt 0 ]]; do
  case "$1" in
    --port) PORT="$2"; shift 2 ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
done

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$SCRIPT_DIR/../.." && pwd)"
cd "$ROOT"
OUT="$ROOT/plus-out/contract"
JAR=target/quarkus-app/quarkus-run.jar
GENERATOR_VERSION=7.25.0
REDOCLY_VERSION=2.77.0
JACKSON_VERSION=2.21.2
URL="http://127.0.0.1:$PORT"
log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

[[ -f "$JAR" ]] || { echo "missing: $JAR — run ./mvnw -B -DskipTests package first" >&2; exit 1; }
rm -rf "$OUT"
mkdir -p "$OUT/lib" "$OUT/logs"

# --- the server and its document ------------------------------------------------------------------
PGHOST="${PGHOST:-127.0.0.1}"; PGUSER="${PGUSER:-postgres}"; export PGHOST PGUSER
PGOPTIONS="-c client_min_messages=warning" psql -q -d postgres -c "DROP DATABASE IF EXISTS plus_contract"
createdb plus_contract
MODELS_DIR="${PLUS_MODELS_DIR:-$ROOT/plus-out/load/models}"
if [[ -z "$(find "$MODELS_DIR" -mindepth 2 -maxdepth 2 -name manifest.json 2>/dev/null)" ]]; then
  log "training a small PLUS bundle into $MODELS_DIR (once)"
  mkdir -p "$MODELS_DIR"
  java -jar "$JAR" generate --dataset pets --out "$OUT/pets" >"$OUT/logs/generate.log" 2>&1
  java -jar "$JAR" train --data "$OUT/pets" --method PLUS --iterations 30 --bundles "$MODELS_DIR" >"$OUT/logs/train.log" 2>&1
fi
# The journey's API key, made in the server's database before it starts.
API_KEY="$(env PLUS_DB_URL="postgresql://$PGHOST:5432/plus_contract" PLUS_DB_USER="$PGUSER" \
  java -jar "$JAR" keys create --tenant contract --name contract-journey \
  --scopes ingest,summary:read,summary:write,score,erase 2>"$OUT/logs/keys.log")" \
  || { cat "$OUT/logs/keys.log" >&2; exit 1; }
env PLUS_DB_URL="postgresql://$PGHOST:5432/plus_contract" PLUS_DB_USER="$PGUSER" PLUS_HTTP_PORT="$PORT" \
  PLUS_MODELS_DIR="$MODELS_DIR" PLUS_CACHE_DIR="$ROOT/plus-out/load/cache" \
  java -jar "$JAR" serve >"$OUT/logs/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 240); do
  [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$URL/q/health/ready")" == 200 ]] && break
  sleep 0.5
done
curl -sf "$URL/q/openapi?format=json" -o "$OUT/openapi.json"
log "OpenAPI document: $OUT/openapi.json"

# --- lint -------------------------------------------------------------------------------------------
# Every recommended rule applies, security-defined included (each operation declares its credential).
cat >"$OUT/redocly.yaml" <<'EOF'
extends:
  - recommended
EOF
log "Redocly CLI $REDOCLY_VERSION lint, recommended rules"
(cd "$OUT" && npx --yes "@redocly/cli@$REDOCLY_VERSION" lint --config redocly.yaml openapi.json) 2>&1 | tee "$OUT/logs/lint.txt"

# --- a generated client, compiled, on the journey ----------------------------------------------------
MVN=(./mvnw -B -q)
fetch() { "${MVN[@]}" dependency:copy -Dartifact="$1" -DoutputDirectory="$OUT/lib" -Dmdep.stripVersion=false >/dev/null; }
log "fetching OpenAPI Generator $GENERATOR_VERSION and the client's libraries"
fetch "org.openapitools:openapi-generator-cli:$GENERATOR_VERSION"
for artifact in com.fasterxml.jackson.core:jackson-databind:$JACKSON_VERSION com.fasterxml.jackson.core:jackson-core:$JACKSON_VERSION \
    com.fasterxml.jackson.core:jackson-annotations:2.21 com.fasterxml.jackson.datatype:jackson-datatype-jsr310:$JACKSON_VERSION \
    jakarta.annotation:jakarta.annotation-api:2.1.1 com.google.code.findbugs:jsr305:3.0.2; do
  fetch "$artifact"
done
log "generating a Java client (library native: java.net.http + Jackson)"
java -jar "$OUT/lib/openapi-generator-cli-$GENERATOR_VERSION.jar" generate -i "$OUT/openapi.json" -g java \
  --library native -o "$OUT/client" --api-package io.plus.client.api --model-package io.plus.client.model \
  --invoker-package io.plus.client --additional-properties=openApiNullable=false,useJakartaEe=true,hideGenerationTimestamp=true \
  >"$OUT/logs/generate-client.log" 2>&1
CP="$(ls "$OUT"/lib/*.jar | grep -v openapi-generator-cli | tr '\n' ':')"
mkdir -p "$OUT/classes"
javac -d "$OUT/classes" -cp "$CP" $(find "$OUT/client/src/main/java" -name '*.java') "$SCRIPT_DIR/ClientJourney.java" \
  >"$OUT/logs/javac.log" 2>&1 || { tail -n 30 "$OUT/logs/javac.log" >&2; exit 1; }
log "the generated client compiles; running the journey"
java -cp "$OUT/classes:$CP" ClientJourney "$URL" "$API_KEY"
