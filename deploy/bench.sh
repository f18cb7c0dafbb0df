#!/usr/bin/env bash
# Runs a benchmark of the suite on this machine and writes deploy/target/bench/<name>-<timestamp>.md:
#   deploy/bench.sh cabinet [--name=value ...]        issue 3: schedule pages and contract details at ~20 M schedule
#                                                     rows (kz.khc.deploy.bench.CabinetBenchmark; data in .local-bench)
#   deploy/bench.sh notifications [--name=value ...]  issue 4: sustained messages per second and the one-time-code
#                                                     path (kz.khc.deploy.bench.NotificationBenchmark; data in
#                                                     .local-bench-notifications)
#   deploy/bench.sh identity [--name=value ...]       issue 5: login and code-request throughput and p99 through the
#                                                     gateway, beside Keycloak and identity-service directly
#                                                     (kz.khc.deploy.bench.IdentityBenchmark; data in .local-bench-identity)
#   deploy/bench.sh intake [--name=value ...]         issue 7: submissions per second and p99 through the gateway
#                                                     (signature checked, documents, event committed) beside
#                                                     PostgreSQL's own commit rate by pgbench in the same run
#                                                     (kz.khc.deploy.bench.IntakeBenchmark; data in .local-bench-intake;
#                                                     installs Debian's pgbench when the machine has none)
#   deploy/bench.sh ranking [-Dranking.applications=N]  issue 6: ranking 1,000,000 assessed applications and placing one
#                                                     new one, on embedded PostgreSQL (scoring-service's
#                                                     RankingBenchmark; writes scoring-service/target/bench/)
# The arguments each takes are in its class's Javadoc. Set SKIP_BUILD=1 to reuse the last build.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$repo_root/deploy/jdk.sh"
source "$repo_root/deploy/launcher.sh"

if [[ "${1:-}" == ranking ]]; then
  shift
  cd "$repo_root"
  exec ./mvnw -q -B -pl scoring-service -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
    -Dit.test=RankingBenchmark -Dfailsafe.failIfNoSpecifiedTests=false "$@"
fi

case "${1:-}" in
  cabinet) main=kz.khc.deploy.bench.CabinetBenchmark; data="$repo_root/.local-bench" ;;
  notifications) main=kz.khc.deploy.bench.NotificationBenchmark; data="$repo_root/.local-bench-notifications" ;;
  identity) main=kz.khc.deploy.bench.IdentityBenchmark; data="$repo_root/.local-bench-identity" ;;
  intake) main=kz.khc.deploy.bench.IntakeBenchmark; data="$repo_root/.local-bench-intake" ;;
  *) echo "usage: deploy/bench.sh cabinet|notifications|identity|intake|ranking [--name=value ...]" >&2; exit 2 ;;
esac
benchmark="$1"
shift

# The intake benchmark compares with pgbench (installed when missing, unless --pgbench= names one).
if [[ "$benchmark" == intake && " $* " != *" --pgbench="* ]]; then
  ensure_pgbench
fi

run_launcher "$data/launcher" "$main" "$@"
