#!/usr/bin/env bash
# The load tests (issue 9): Gatling simulations (load-tests module, Java DSL, run by its Maven plugin) against the whole
# suite, started on free ports in a fresh data directory (.local-load), each scenario through the gateway beside its
# baseline in the same run. Writes deploy/target/load/<time>/summary.md (and Gatling's HTML reports beside it).
#
#   deploy/load.sh                          all four: cabinet identity intake ranking (~15 minutes)
#   deploy/load.sh cabinet [ranking ...]    only these
#   deploy/load.sh cabinet --duration=30 --gateway-java-options='-XX:StartFlightRecording=filename=/tmp/gw.jfr'
#
# Options (--name=value) are in kz.khc.deploy.bench.LoadTests's Javadoc. SKIP_BUILD=1 reuses the last build. The
# intake compares with pgbench, which the zonky binaries lack: Debian's PostgreSQL package is installed when missing.
# Run it on a quiet machine (uptime's load below 1): the summary states the load average at the start and the end.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$repo_root/deploy/jdk.sh"

scenarios=()
for arg in "$@"; do [[ "$arg" == --* ]] || scenarios+=("$arg"); done
if [[ ${#scenarios[@]} -eq 0 || " ${scenarios[*]} " == *" intake "* ]] && [[ " $* " != *" --pgbench="* ]] \
    && ! compgen -G '/usr/lib/postgresql/*/bin/pgbench' >/dev/null && ! command -v pgbench >/dev/null; then
  echo "No pgbench on this machine: installing Debian's PostgreSQL package (postgresql) for it ..."
  sudo_cmd=()
  [[ "$(id -u)" == 0 ]] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -q
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends postgresql
fi

cd "$repo_root"
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  echo "Building the suite and the simulations with $JAVA_HOME ..."
  ./mvnw -q -B -DskipTests package
fi

# Run from a copy of the launcher's classpath (the suite runs from a copy of the services' jars): a rebuild in the
# working tree during the run must not change classes under a running JVM.
launcher="$repo_root/deploy/target/load/launcher"
rm -rf "$launcher"
mkdir -p "$launcher"
cp -r deploy/target/classes deploy/target/launcher-lib "$launcher/"

exec "$JAVA_HOME/bin/java" -Xmx2g -Dsuite.repo.root="$repo_root" -cp "$launcher/classes:$launcher/launcher-lib/*" \
  kz.khc.deploy.bench.LoadTests "$@"
