# Sourced by bench.sh and load.sh after jdk.sh (repo_root set): what both need before running a launcher class.

# pgbench for the intake's baseline: the zonky binaries lack it; Debian ships it in its PostgreSQL server package
# (/usr/lib/postgresql/<version>/bin/pgbench). Installed only when missing; the package also sets up Debian's own
# cluster, which the runs do not use.
ensure_pgbench() {
  if compgen -G '/usr/lib/postgresql/*/bin/pgbench' >/dev/null || command -v pgbench >/dev/null; then
    return
  fi
  echo "No pgbench on this machine: installing Debian's PostgreSQL package (postgresql) for it ..."
  local sudo_cmd=()
  [[ "$(id -u)" == 0 ]] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -q
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends postgresql
}

# run_launcher <copy dir> <main class> [args]: builds the reactor (unless SKIP_BUILD=1), then runs the class from a
# copy of the launcher's classpath (the suite runs from a copy of the services' jars): a rebuild in the working tree
# during the run must not change classes under a running JVM.
run_launcher() {
  local launcher="$1" main="$2"
  shift 2
  cd "$repo_root"
  if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
    echo "Building the suite with $JAVA_HOME ..."
    ./mvnw -q -B -DskipTests package
  fi
  rm -rf "$launcher"
  mkdir -p "$launcher"
  cp -r deploy/target/classes deploy/target/launcher-lib "$launcher/"
  exec "$JAVA_HOME/bin/java" -Xmx2g -Dsuite.repo.root="$repo_root" -cp "$launcher/classes:$launcher/launcher-lib/*" \
    "$main" "$@"
}
