#!/usr/bin/env bash
# The cabinet benchmark of issue 3 (kz.khc.deploy.bench.CabinetBenchmark): starts the suite on <repo>/.local-bench,
# loads ~100,000 generated contracts (~20 M schedule rows) unless they are there already, measures schedule pages and
# contract details through the gateway and writes deploy/target/bench/cabinet-<timestamp>.md.
# Arguments go to the benchmark (--name=value): data-dir, clients, users, concurrency (list, default 16,4), warmup,
# duration, import-parallel, import-until (HH:mm), no-copy, load-only. Set SKIP_BUILD=1 to reuse the last build.
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
  echo "bench-cabinet.sh needs a JDK 21 or newer: set JAVA_HOME to one (found: ${JAVA_HOME:-none})" >&2
  exit 1
fi
export PATH="$JAVA_HOME/bin:$PATH"

cd "$repo_root"
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  echo "Building the suite with $JAVA_HOME ..."
  ./mvnw -q -B -DskipTests package
fi

# Run from a copy of the launcher's classpath (the benchmark also starts the services from a copy of their jars):
# a rebuild in the working tree during the run must not change classes under a running JVM.
launcher="$repo_root/.local-bench/launcher"
rm -rf "$launcher"
mkdir -p "$launcher"
cp -r deploy/target/classes deploy/target/launcher-lib "$launcher/"

exec "$JAVA_HOME/bin/java" -Xmx2g -Dsuite.repo.root="$repo_root" -cp "$launcher/classes:$launcher/launcher-lib/*" \
  kz.khc.deploy.bench.CabinetBenchmark "$@"
