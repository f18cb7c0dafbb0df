# Sourced by the scripts of deploy/: makes JAVA_HOME a JDK 21 or newer (the one set if it is, else Temurin 25 where
# this machine has it) and puts it first on PATH; stops the calling script if there is none.

java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p'
}

if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" && "$(java_major "$JAVA_HOME")" -ge 21 ]]; then
  :
elif [[ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
else
  echo "$(basename "$0") needs a JDK 21 or newer: set JAVA_HOME to one (found: ${JAVA_HOME:-none})" >&2
  exit 1
fi
export PATH="$JAVA_HOME/bin:$PATH"
