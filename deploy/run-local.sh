#!/usr/bin/env bash
# Builds the suite and runs all of it on this machine: PostgreSQL 17, Kafka, Keycloak and the six services.
# Ctrl-C stops everything. Arguments go to kz.khc.deploy.RunLocal: --data-dir=<dir> (default <repo>/.local),
# --no-services (only PostgreSQL, Kafka and Keycloak). Set SKIP_BUILD=1 to reuse the last build.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

source "$repo_root/deploy/jdk.sh"

cd "$repo_root"
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  echo "Building the suite with $JAVA_HOME ..."
  ./mvnw -q -DskipTests package
fi

exec "$JAVA_HOME/bin/java" -cp "deploy/target/classes:deploy/target/launcher-lib/*" kz.khc.deploy.RunLocal "$@"
