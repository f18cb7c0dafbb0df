#!/usr/bin/env bash
# Builds the suite and runs all of it on this machine: PostgreSQL 17, Kafka, Keycloak and the six services.
# Ctrl-C stops everything. Arguments go to kz.khc.deploy.RunLocal: --data-dir=<dir> (default <repo>/.local),
# --no-services (only PostgreSQL, Kafka and Keycloak). Set SKIP_BUILD=1 to reuse the last build.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p'
}

if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" && "$(java_major "$JAVA_HOME")" -ge 21 ]]; then
  :
elif [[ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
else
  echo "run-local.sh needs a JDK 21 or newer: set JAVA_HOME to one (found: ${JAVA_HOME:-none})" >&2
  exit 1
fi
export PATH="$JAVA_HOME/bin:$PATH"

cd "$repo_root"
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  echo "Building the suite with $JAVA_HOME ..."
  ./mvnw -q -DskipTests package
fi

exec "$JAVA_HOME/bin/java" -cp "deploy/target/classes:deploy/target/launcher-lib/*" kz.khc.deploy.RunLocal "$@"
