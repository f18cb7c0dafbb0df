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
source "$repo_root/deploy/launcher.sh"

scenarios=()
for arg in "$@"; do [[ "$arg" == --* ]] || scenarios+=("$arg"); done
if [[ ${#scenarios[@]} -eq 0 || " ${scenarios[*]} " == *" intake "* ]] && [[ " $* " != *" --pgbench="* ]]; then
  ensure_pgbench
fi

run_launcher "$repo_root/deploy/target/load/launcher" kz.khc.deploy.bench.LoadTests "$@"
