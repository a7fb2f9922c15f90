#!/bin/sh
# Starts the application with the AOT cache of the function this container serves (the chart sets
# PLUS_FUNCTIONS to exactly one); any other role (the operator, a command) starts without one.
set -e
aot=""
if [ -n "${PLUS_FUNCTIONS:-}" ] && [ -f "/deployments/aot/${PLUS_FUNCTIONS}.aot" ]; then
  aot="-XX:AOTCache=/deployments/aot/${PLUS_FUNCTIONS}.aot"
fi
# shellcheck disable=SC2086 # JAVA_OPTS is a list of options
exec java $aot -XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError ${JAVA_OPTS:-} -jar /deployments/quarkus-run.jar "$@"
